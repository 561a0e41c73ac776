import type { DashboardView } from '../../../contracts/insights.ts';
import { escapeHtml } from '../../../core/insights/html-escape.ts';
import { shareOf } from '../../../core/insights/ratios.ts';

const ROWS_PER_TABLE = 12;

const percent = (value: number | null) => (value === null ? '–' : `${Math.round(value * 100)}%`);
const figure = (value: number | null) => (value === null ? '–' : String(value));

function table(header: string[], rows: Array<Array<string | number | null>>): string {
  const head = header.map((cell) => `<th>${escapeHtml(cell)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

const style = `
body{font:12px/1.4 system-ui,sans-serif;color:#1a1a1a;margin:24px;max-width:960px}
h1{font-size:20px;margin:0 0 4px}h2{font-size:14px;margin:16px 0 6px}
.meta{color:#555;margin:0 0 12px}
.kpis{display:flex;gap:12px;flex-wrap:wrap}.kpi{border:1px solid #ccc;border-radius:6px;padding:6px 10px}
.kpi b{display:block;font-size:18px}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:3px 6px;text-align:left}
th{background:#f3f3f3}.columns{display:grid;grid-template-columns:1fr 1fr;gap:16px}
@media print{body{margin:0;font-size:10px}@page{size:A4 landscape;margin:12mm}.kpi{break-inside:avoid}
h2{break-after:avoid}table{page-break-inside:avoid}}`;

/** The dashboard as a one-page printable HTML report: inline CSS, no script, every value escaped. */
export function dashboardReport(view: DashboardView): string {
  const planned = view.cadence.reduce((sum, row) => sum + row.planned, 0);
  const held = view.cadence.reduce((sum, row) => sum + row.held, 0);
  const verdicts = view.verdictsByWeek.reduce(
    (sum, row) => ({
      coaching: sum.coaching + row.coaching,
      mixed: sum.mixed + row.mixed,
      checkIn: sum.checkIn + row.checkIn,
    }),
    { coaching: 0, mixed: 0, checkIn: 0 },
  );
  const analysed = verdicts.coaching + verdicts.mixed + verdicts.checkIn;
  const due = view.leaders.reduce((sum, row) => sum + row.stepsDue, 0);
  const onTime = view.leaders.reduce((sum, row) => sum + row.stepsDoneOnTime, 0);
  const overdue = view.overdueByTeam.reduce((sum, row) => sum + row.overdue, 0);
  const kpis: Array<[string, string]> = [
    ['1:1s held / planned', `${held} / ${planned} (${percent(shareOf(held, planned))})`],
    ['Coaching 1:1s', percent(shareOf(verdicts.coaching, analysed))],
    ['Check-ins', percent(shareOf(verdicts.checkIn, analysed))],
    ['Follow-through', percent(shareOf(onTime, due))],
    ['Overdue next steps', String(overdue)],
    ['Flags', String(view.flags.total)],
  ];
  const leaders = [...view.leaders].sort((a, b) => b.analysed - a.analysed).slice(0, ROWS_PER_TABLE);
  const latestPulse = view.pulse.map((trend) => {
    const shown = trend.rounds.filter((round) => round.visibility === 'shown').at(-1);
    return [
      trend.team.name,
      shown ? shown.closesAt.slice(0, 10) : 'not shown',
      figure(shown?.safetyScore ?? null),
      figure(shown?.enps ?? null),
    ];
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Leadership review: ${escapeHtml(view.root.name)}</title>
<style>${style}</style></head><body>
<h1>Leadership review: ${escapeHtml(view.root.name)}’s organization</h1>
<p class="meta">${escapeHtml(view.treeSize)} people · weeks ${escapeHtml(view.weeks[0] ?? '')} to ${escapeHtml(view.weeks.at(-1) ?? '')} · generated ${escapeHtml(view.generatedAt.slice(0, 16).replace('T', ' '))} UTC · figures only, no meeting content</p>
<div class="kpis">${kpis.map(([label, value]) => `<div class="kpi">${escapeHtml(label)}<b>${escapeHtml(value)}</b></div>`).join('')}</div>
<div class="columns"><section><h2>Leaders with the most analysed 1:1s</h2>
${table(
  ['Leader', 'Held / planned', 'Score', 'Coaching', 'Check-in', 'Ask:tell', 'Talk share', 'Follow-through'],
  leaders.map((row) => [
    row.leader.name,
    `${row.held} / ${row.planned}`,
    figure(row.averageScore),
    row.verdicts.coaching,
    row.verdicts.checkIn,
    figure(row.averageAskTell),
    percent(row.averageTalkShare),
    percent(row.followThrough),
  ]),
)}</section>
<section><h2>Needs attention (${escapeHtml(view.flags.total)})</h2>
${table(
  ['Who', 'Why'],
  view.flags.items.slice(0, ROWS_PER_TABLE).map((flag) => [flag.person.name, flag.message]),
)}
<h2>Team pulse, latest round shown</h2>
${table(['Team of', 'Closed', 'Safety', 'eNPS'], latestPulse.slice(0, ROWS_PER_TABLE))}</section></div>
<h2>1:1s held by week</h2>
${table(
  ['Week', ...view.cadence.map((row) => row.week.slice(5))],
  [
    ['Held', ...view.cadence.map((row) => row.held)],
    ['Planned', ...view.cadence.map((row) => row.planned)],
  ],
)}
</body></html>
`;
}
