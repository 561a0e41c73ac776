import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AcademyModule } from '../../../core/academy/academy-module.ts';
import {
  type PracticeState,
  practiceTurn,
  scorePractice,
  startPractice,
} from '../../../core/academy/practice.ts';
import type { MeetingAnalysis } from '../../../core/coaching/analysis-types.ts';
import type { Question } from '../../../core/questions/question-bank.ts';
import type { AppContext } from '../../context.ts';
import { people } from '../../db/schema.ts';
import { meetingAnalyses, meetings } from '../../db/schema-meetings.ts';
import { analyzeAndStoreTranscript } from '../analysis/analysis.service.ts';
import { demoTranscript } from '../demo/demo-transcripts.ts';
import { QUIZ_PASS_SCORE } from './academy-progress.ts';
import { decideAssignment } from './assignments.service.ts';

// The pieces of the demo's Academy story: who practised what, and the 1:1 that shows the change.
/** A small deterministic generator, so every demo tells the same Academy story. */
export function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 16), 0x85ebca6b);
    value = Math.imul(value ^ (value >>> 13), 0xc2b2ae35);
    return ((value ^ (value >>> 16)) >>> 0) / 4_294_967_296;
  };
}

/** What a learner says in a role-play: coaching lines, and the habits the module trains away. */
const askingLines = [
  'What feels most stuck for you right now?',
  'It sounds like you have been carrying this on your own for a while.',
  'What have you tried so far?',
  'What would a good outcome look like for you?',
  'What could you try first this week?',
  'How would you like to take it from here?',
];
const tellingLines = [
  'Did you tell them about it?',
  'You should escalate it to your manager today.',
  'Just send me the numbers by Friday.',
];

export type Analysed = Pick<
  typeof meetingAnalyses.$inferSelect,
  'meetingId' | 'reportId' | 'meetingStartsAt' | 'source' | 'result' | 'verdict'
>;

/** A leader's analysed 1:1s, oldest first, by leader. */
export async function analysedMeetings(ctx: AppContext, organizationId: string, leaderIds: string[]) {
  const rows = await ctx.db
    .select({
      leaderId: meetingAnalyses.leaderId,
      meetingId: meetingAnalyses.meetingId,
      reportId: meetingAnalyses.reportId,
      meetingStartsAt: meetingAnalyses.meetingStartsAt,
      source: meetingAnalyses.source,
      result: meetingAnalyses.result,
      verdict: meetingAnalyses.verdict,
    })
    .from(meetingAnalyses)
    .where(
      and(eq(meetingAnalyses.organizationId, organizationId), inArray(meetingAnalyses.leaderId, leaderIds)),
    )
    .orderBy(asc(meetingAnalyses.meetingStartsAt));
  const byLeader = new Map<string, Analysed[]>();
  for (const { leaderId, ...row } of rows) byLeader.set(leaderId, [...(byLeader.get(leaderId) ?? []), row]);
  return byLeader;
}

/** A score the quiz can give: `extra` right answers above (or below, when negative) the pass mark. */
export function quizScoreOf(module: AcademyModule, extra: number): number {
  const total = module.quiz.length;
  const correct = Math.max(0, Math.min(total, Math.ceil(QUIZ_PASS_SCORE * total) + extra));
  return correct / total;
}

/** The module whose assignment the latest 1:1 meets and the one before did not, when there is one. */
export function changeModule(modules: readonly AcademyModule[], analysed: Analysed[]): AcademyModule {
  const latest = analysed.at(-1);
  const before = (analysed.at(-2)?.result as MeetingAnalysis | undefined) ?? null;
  if (!latest) return modules[0]!;
  const decisions = modules.map((module) => ({ module, decision: decideAssignment(module, latest, before) }));
  const holds = (check: { min?: number; max?: number }, value: number) =>
    (check.min === undefined || value >= check.min) && (check.max === undefined || value <= check.max);
  // Met now, and at least one check the 1:1 before did not meet.
  const showsChange = ({ decision }: (typeof decisions)[number]) =>
    decision.isMet &&
    'checks' in decision.evidence &&
    decision.evidence.checks.some((check) => check.before !== null && !holds(check, check.before));
  return (decisions.find(showsChange) ?? decisions.find(({ decision }) => decision.isMet) ?? decisions[0]!)
    .module;
}

/** One 1:1 per start time: two 1:1s at the same moment cannot be "the next one" apart. */
export function distinctTimes(rows: Analysed[]): Analysed[] {
  return rows.filter(
    (row, index) =>
      index === 0 || row.meetingStartsAt.getTime() !== rows[index - 1]!.meetingStartsAt.getTime(),
  );
}

/** The check-in manager's latest 1:1, after the Academy: recorded again as the coaching 1:1 it became. */
export async function recordTheChange(
  ctx: AppContext,
  manager: { id: string; name: string },
  analysed: Analysed[],
) {
  const latest = analysed.at(-1)!;
  const [meeting] = await ctx.db.select().from(meetings).where(eq(meetings.id, latest.meetingId));
  const [report] = await ctx.db
    .select({ name: people.name })
    .from(people)
    .where(eq(people.id, latest.reportId));
  if (!meeting || !report) return;
  await analyzeAndStoreTranscript(ctx.db, meeting, {
    format: 'webvtt',
    utterances: demoTranscript('coaching', manager.name, report.name, 3),
    leaderSpeaker: manager.name,
    uploadedById: manager.id,
  });
}

/** A role-play run through the real engine, the learner's lines chosen by how far along they are. */
export function rolePlay(
  module: AcademyModule,
  skill: number,
  next: () => number,
  questionBank: readonly Question[],
) {
  let state: PracticeState = startPractice(module);
  for (let turn = 0; turn < 12 && !state.isFinished; turn++) {
    const pool = next() < skill ? askingLines : tellingLines;
    state = practiceTurn(module, state, pool[Math.floor(next() * pool.length)]!).state;
  }
  const analysis = state.isFinished ? scorePractice(module, state, questionBank) : null;
  return {
    state,
    isFinished: state.isFinished,
    analysis,
    score: analysis?.score === null || analysis === null ? null : Math.round(analysis.score),
  };
}
