import { Stack, Text } from '@mantine/core';
import { Bar, BarChart, ResponsiveContainer } from 'recharts';
import type { VerdictCounts } from '../../api/insights.ts';
import { plural } from '../../lib/format.ts';
import {
  ChartFrame,
  ChartLegend,
  chartAxes,
  chartColors,
  chartMargin,
  FiguresTable,
  WeekRows,
} from './chart-parts.tsx';
import {
  coachingShareOf,
  formatShare,
  formatWeek,
  ratio,
  sumVerdicts,
  verdictTotal,
} from './insight-figures.ts';

type VerdictWeek = VerdictCounts & { week: string };
type CadenceWeek = { week: string; planned: number; held: number };

const verdictSeries = [
  { key: 'coaching', label: 'Coaching', color: chartColors.coaching },
  { key: 'mixed', label: 'Mixed', color: chartColors.mixed },
  { key: 'checkIn', label: 'Check-in', color: chartColors.checkIn },
] as const;

/** One sentence a reader takes away from the mix: how many analysed, how many coaching, and the trend. */
export function mixSummary(weeks: readonly VerdictWeek[]): string {
  const total = sumVerdicts(weeks);
  const analysed = verdictTotal(total);
  if (analysed === 0)
    return 'No 1:1 in this period has been analysed yet, so there is no coaching mix to show.';
  const withData = weeks.filter((week) => verdictTotal(week) > 0);
  const first = withData[0];
  const last = withData.at(-1);
  const trend =
    first && last && first !== last
      ? ` Coaching was ${formatShare(coachingShareOf(first))} in the week of ${formatWeek(first.week)} and ${formatShare(coachingShareOf(last))} in the week of ${formatWeek(last.week)}.`
      : '';
  return `${plural(analysed, 'analysed 1:1')}: ${formatShare(coachingShareOf(total))} coaching, ${formatShare(ratio(total.mixed, analysed))} mixed, ${formatShare(ratio(total.checkIn, analysed))} check-in.${trend}`;
}

/** Analysed 1:1s per week, stacked by verdict. */
export function VerdictMixChart({ weeks, caption }: { weeks: readonly VerdictWeek[]; caption: string }) {
  const data = weeks.map((week) => ({ ...week, label: formatWeek(week.week) }));
  return (
    <Stack gap="xs">
      <Text fz="sm" fw={600}>
        {mixSummary(weeks)}
      </Text>
      <ChartLegend entries={verdictSeries} />
      <ChartFrame>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} accessibilityLayer={false} margin={chartMargin}>
            {chartAxes({ allowDecimals: false })}
            {verdictSeries.map((series) => (
              <Bar
                key={series.key}
                dataKey={series.key}
                name={series.label}
                stackId="mix"
                fill={series.color}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
      <FiguresTable caption={caption}>
        <WeekRows
          weeks={weeks}
          weekOf={(week) => week.week}
          columns={[
            { header: 'Coaching', cell: (week) => week.coaching },
            { header: 'Mixed', cell: (week) => week.mixed },
            { header: 'Check-in', cell: (week) => week.checkIn },
            { header: 'Not analysed', cell: (week) => week.unscored },
            { header: 'Coaching share', cell: (week) => formatShare(coachingShareOf(week)) },
          ]}
        />
      </FiguresTable>
    </Stack>
  );
}

export function cadenceSummary(weeks: readonly CadenceWeek[]): string {
  const planned = weeks.reduce((sum, week) => sum + week.planned, 0);
  const held = weeks.reduce((sum, week) => sum + week.held, 0);
  if (planned === 0) return 'No 1:1 was planned in this period.';
  return `${held} of ${plural(planned, '1:1')} planned were held (${formatShare(held / planned)}).`;
}

/** 1:1s planned and held per week, side by side. */
export function CadenceChart({ weeks, caption }: { weeks: readonly CadenceWeek[]; caption: string }) {
  const data = weeks.map((week) => ({ ...week, label: formatWeek(week.week) }));
  return (
    <Stack gap="xs">
      <Text fz="sm" fw={600}>
        {cadenceSummary(weeks)}
      </Text>
      <ChartLegend
        entries={[
          { label: 'Planned', color: chartColors.planned },
          { label: 'Held', color: chartColors.held },
        ]}
      />
      <ChartFrame height={200}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} accessibilityLayer={false} margin={chartMargin}>
            {chartAxes({ allowDecimals: false })}
            <Bar dataKey="planned" name="Planned" fill={chartColors.planned} />
            <Bar dataKey="held" name="Held" fill={chartColors.held} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
      <FiguresTable caption={caption} minWidth={320}>
        <WeekRows
          weeks={weeks}
          weekOf={(week) => week.week}
          columns={[
            { header: 'Planned', cell: (week) => week.planned },
            { header: 'Held', cell: (week) => week.held },
            { header: 'Kept', cell: (week) => formatShare(ratio(week.held, week.planned)) },
          ]}
        />
      </FiguresTable>
    </Stack>
  );
}
