import { and, desc, eq, sql } from 'drizzle-orm';
import type { EvidenceView } from '../../../contracts/growth.ts';
import { followThrough } from '../../../core/meetings/follow-through.ts';
import { type EvidenceMetric, readEvidence } from '../../../core/skills/diagnose-gaps.ts';
import type { Db } from '../../db/client.ts';
import { meetingAnalyses, nextSteps } from '../../db/schema-meetings.ts';
import { today } from '../meetings/views.ts';

/** Conversation figures are averaged over this many of the leader's latest analysed 1:1s. */
export const EVIDENCE_MEETINGS = 10;
/** Ownership is read from this many of the latest next steps of the leader's 1:1s. */
export const EVIDENCE_STEPS = 50;

const percent = (value: number) => `${Math.round(value * 100)}%`;

function describe(metric: EvidenceMetric, value: number | null, basedOn: number): string {
  const meetings = `${basedOn} analysed 1:1${basedOn === 1 ? '' : 's'} as leader`;
  if (value === null) {
    if (metric === 'followThroughRate') return 'No next steps they own have come due yet.';
    if (metric === 'reportOwnedSteps') return 'Their 1:1s as leader have no next steps yet.';
    return 'Not measured yet: no analysed 1:1 transcript in which they lead.';
  }
  switch (metric) {
    case 'openQuestionShare':
      return `${percent(value)} of their questions were open, over ${meetings}.`;
    case 'reflectionToQuestion':
      return `${value.toFixed(2)} reflections per question, over ${meetings}.`;
    case 'askShare':
      return `${percent(value)} of their questions and telling was asking, over ${meetings}.`;
    case 'leaderTalkShare':
      return `They spoke ${percent(value)} of the words, over ${meetings}.`;
    case 'followThroughRate':
      return `${percent(value)} of the ${basedOn} next steps they own that came due were done on time.`;
    case 'reportOwnedSteps':
      return `Their reports own ${percent(value)} of the last ${basedOn} next steps of their 1:1s.`;
  }
}

function evidenceOf(metric: EvidenceMetric, value: number | null, basedOn: number): EvidenceView {
  return {
    metric,
    value,
    basedOn,
    reading: readEvidence(metric, value),
    description: describe(metric, value, basedOn),
  };
}

function average(values: Array<number | null>): { value: number | null; count: number } {
  const measured = values.filter((value): value is number => value !== null && Number.isFinite(value));
  return {
    value: measured.length === 0 ? null : measured.reduce((sum, value) => sum + value, 0) / measured.length,
    count: measured.length,
  };
}

/**
 * The six figures from a person's own 1:1s that evidence skills: how they ask, listen and talk as a
 * leader (averaged over their last analysed 1:1s), how they follow through on the next steps they
 * own, and how much of the next steps in their 1:1s their reports own. Figures only, never content.
 */
export async function measureSkillEvidence(
  db: Db,
  organizationId: string,
  personId: string,
  now = new Date(),
): Promise<Record<EvidenceMetric, EvidenceView>> {
  // Read only the figures out of the stored analysis, not its quotes and timeline.
  const number = (
    path:
      | 'questions,openShare'
      | 'questions,reflectionToQuestion'
      | 'questions,askShare'
      | 'leader,talkShare',
  ) => sql<number | null>`(${meetingAnalyses.result} #>> ${sql.raw(`'{${path}}'`)})::double precision`;
  const [analyses, owned, led] = await Promise.all([
    db
      .select({
        openShare: number('questions,openShare'),
        reflectionToQuestion: number('questions,reflectionToQuestion'),
        askShare: number('questions,askShare'),
        talkShare: number('leader,talkShare'),
      })
      .from(meetingAnalyses)
      .where(and(eq(meetingAnalyses.organizationId, organizationId), eq(meetingAnalyses.leaderId, personId)))
      .orderBy(desc(meetingAnalyses.meetingStartsAt))
      .limit(EVIDENCE_MEETINGS),
    db
      .select({ status: nextSteps.status, dueDate: nextSteps.dueDate, completedAt: nextSteps.completedAt })
      .from(nextSteps)
      .where(and(eq(nextSteps.organizationId, organizationId), eq(nextSteps.ownerId, personId))),
    db
      .select({ ownerId: nextSteps.ownerId, reportId: nextSteps.reportId })
      .from(nextSteps)
      .where(and(eq(nextSteps.organizationId, organizationId), eq(nextSteps.leaderId, personId)))
      .orderBy(desc(nextSteps.createdAt))
      .limit(EVIDENCE_STEPS),
  ]);
  const figure = (pick: (row: (typeof analyses)[number]) => number | null) => average(analyses.map(pick));
  const open = figure((row) => row.openShare);
  const reflections = figure((row) => row.reflectionToQuestion);
  const ask = figure((row) => row.askShare);
  const talk = figure((row) => row.talkShare);
  const followed = followThrough(
    owned.map((row) => ({ ...row, completedAt: row.completedAt?.toISOString() ?? null })),
    today(now),
  );
  const byReport = led.filter((row) => row.ownerId === row.reportId).length;
  return {
    openQuestionShare: evidenceOf('openQuestionShare', open.value, open.count),
    reflectionToQuestion: evidenceOf('reflectionToQuestion', reflections.value, reflections.count),
    askShare: evidenceOf('askShare', ask.value, ask.count),
    leaderTalkShare: evidenceOf('leaderTalkShare', talk.value, talk.count),
    followThroughRate: evidenceOf('followThroughRate', followed.rate, followed.due),
    reportOwnedSteps: evidenceOf(
      'reportOwnedSteps',
      led.length === 0 ? null : byReport / led.length,
      led.length,
    ),
  };
}
