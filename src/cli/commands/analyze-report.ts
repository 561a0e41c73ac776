import type pc from 'picocolors';
import type { MeetingAnalysis, Quote } from '../../core/coaching/analysis-types.ts';

type Colors = ReturnType<typeof pc.createColors>;

/** The readable report of one analysed transcript, for a terminal. */
export function formatReport(file: string, a: MeetingAnalysis, c: Colors): string {
  const out: string[] = [];
  const verdictColor = a.verdict === 'coaching' ? c.green : a.verdict === 'mixed' ? c.yellow : c.red;
  const headline = a.score === null ? c.dim('no score') : verdictColor(`${a.verdict} · ${a.score}/100`);
  out.push(`${c.bold(file)}  ${headline}`);
  if (!a.language.supported) out.push(c.yellow(a.language.reason ?? 'The language is not supported.'));

  const leader = a.leader;
  if (leader !== null) {
    const time = leader.timeShare === null ? '' : `, ${pct(leader.timeShare)} of the time`;
    const how = a.leaderInferred ? c.dim(` (taken as leader: ${leader.reason})`) : '';
    out.push(`Leader     ${leader.name}${how}`);
    out.push(`Talk       ${leader.name} ${pct(leader.talkShare)} of the words${time}`);
  }
  const q = a.questions;
  if (leader?.acts && q !== null) {
    const acts = leader.acts;
    out.push(
      `Acts       ${acts.open_question} open · ${acts.closed_question} closed · ${acts.reflection} reflecting · ${acts.telling} telling · ${acts.other} other`,
    );
    out.push(
      `Asking     ask:tell ${q.askTellRatio === null ? '–' : q.askTellRatio.toFixed(1)} · open ${q.openShare === null ? '–' : pct(q.openShare)} · reflections per question ${q.reflectionToQuestion === null ? '–' : q.reflectionToQuestion.toFixed(2)}`,
    );
  }
  if (a.topics !== null) {
    const shares = Object.entries(a.topics)
      .filter(([, share]) => share >= 0.01)
      .sort((x, y) => y[1] - x[1])
      .map(([topic, share]) => `${topic} ${pct(share)}`);
    out.push(
      `Topics     ${shares.join(' · ')}${a.topicsSource === 'notes' ? c.dim(' (from the notes)') : ''}`,
    );
  }
  const m = a.longestMonologue;
  if (m !== null) {
    out.push(
      `Monologue  ${m.words} words${m.seconds === null ? '' : ` (${Math.round(m.seconds)} s)`}: ${quote(m.quote, c)}`,
    );
  }
  const r = a.responses;
  if (r !== null) {
    const wait = r.medianWaitSeconds === null ? '' : `, ${r.medianWaitSeconds} s to answer`;
    out.push(
      `Answers    ${r.answered} answered (median ${r.medianAnswerWords ?? 0} words${wait}) · ${r.selfAnswered} answered by the leader`,
    );
  }
  out.push(
    `Next step  ${a.endedWithAction ? c.green('ended with an owned, dated step') : c.red('no owned, dated step')}${a.ownership.ownedByReport === null ? '' : ` · report owns ${pct(a.ownership.ownedByReport)}`}`,
  );
  out.push('');
  for (const part of a.parts) {
    const points = part.points === null ? c.dim('  –') : String(Math.round(part.points)).padStart(3);
    out.push(
      `  ${points}/${String(part.max).padEnd(3)} ${c.bold(part.label.padEnd(27))} ${part.explanation}`,
    );
    for (const evidence of part.evidence.slice(0, 2)) out.push(`             ${quote(evidence, c)}`);
  }
  if (a.suggestions.length > 0) {
    out.push('', c.bold('Next time'));
    for (const s of a.suggestions) {
      out.push(`  • ${s.message}`);
      // The message often quotes its first question already.
      for (const question of s.questions.filter((q) => !s.message.includes(q))) {
        out.push(c.cyan(`      “${question}”`));
      }
    }
  }
  if (a.unmeasured.length > 0) {
    out.push('', c.dim(`Not measured: ${a.unmeasured.join('; ')}.`));
  }
  return `${out.join('\n')}\n`;
}

function quote(q: Quote, c: Colors): string {
  const at = q.start === null ? '' : ` ${clock(q.start)}`;
  return `${c.dim(`${q.speaker}${at}:`)} “${q.text}”`;
}

function clock(seconds: number): string {
  const s = Math.floor(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
