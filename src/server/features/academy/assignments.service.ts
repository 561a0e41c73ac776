import { and, asc, desc, eq, gt, inArray, lte } from 'drizzle-orm';
import type { AcademyModule } from '../../../core/academy/academy-module.ts';
import { readAssignmentMetric, verifyAssignment } from '../../../core/academy/assignment-metrics.ts';
import type { MeetingAnalysis } from '../../../core/coaching/analysis-types.ts';
import { AppError } from '../../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { academyProgress } from '../../db/schema-growth.ts';
import { meetingAnalyses } from '../../db/schema-meetings.ts';
import { type ProgressRow, type StoredEvidence, updateProgress } from './academy-progress.ts';

/**
 * Assignments are verified when progress is read rather than from inside the analysis: an
 * analysis is stored in a transaction (with its transcript) that an Academy failure must not
 * roll back, analyses also come from the CLI and the demo seed, and a read always sees the
 * 1:1s analysed since, whichever way they arrived. Verifying twice decides nothing twice: a
 * decided assignment is no longer pending.
 */

/** Marks the assignment pending from now; a met assignment stays met, a missed one can be tried again. */
export async function startAssignment(
  db: Db,
  organizationId: string,
  personId: string,
  moduleId: string,
  now = new Date(),
): Promise<ProgressRow> {
  return updateProgress(db, organizationId, personId, moduleId, (current) => {
    if (current?.assignmentStatus === 'met')
      throw new AppError('CONFLICT', 'This assignment is already met; its evidence stays as it was.');
    return {
      assignmentStatus: 'pending',
      assignmentStartedAt: now,
      assignmentMeetingId: null,
      assignmentEvidence: null,
    };
  });
}

type AnalysisRow = Pick<
  typeof meetingAnalyses.$inferSelect,
  'meetingId' | 'reportId' | 'meetingStartsAt' | 'source' | 'result'
>;

/** The decision an analysed 1:1 gives an assignment, with each check's figure before and after. */
export function decideAssignment(
  module: AcademyModule,
  analysis: AnalysisRow,
  baseline: MeetingAnalysis | null,
): { isMet: boolean; evidence: StoredEvidence } {
  const verdict = verifyAssignment(analysis.result as MeetingAnalysis, module.assignment.checks);
  return {
    isMet: verdict.isMet,
    evidence: {
      meetingStartsAt: analysis.meetingStartsAt.toISOString(),
      reportId: analysis.reportId,
      source: analysis.source,
      checks: verdict.outcomes.map((outcome) => ({
        ...outcome,
        before: baseline ? readAssignmentMetric(baseline, outcome.metric) : null,
      })),
    },
  };
}

const columns = {
  meetingId: meetingAnalyses.meetingId,
  reportId: meetingAnalyses.reportId,
  meetingStartsAt: meetingAnalyses.meetingStartsAt,
  source: meetingAnalyses.source,
  result: meetingAnalyses.result,
};

/**
 * Decides every pending assignment of these people whose next analysed 1:1 as leader exists:
 * the first analysed meeting they led that started after the assignment did. An analysis of
 * notes alone that cannot measure a check does not decide; the check waits for a transcript.
 */
export async function verifyPendingAssignments(
  db: Db,
  organizationId: string,
  personIds: readonly string[],
  modules: readonly AcademyModule[],
): Promise<number> {
  if (personIds.length === 0) return 0;
  const pending = await db
    .select()
    .from(academyProgress)
    .where(
      and(
        eq(academyProgress.organizationId, organizationId),
        inArray(academyProgress.personId, [...personIds]),
        eq(academyProgress.assignmentStatus, 'pending'),
      ),
    );
  let decided = 0;
  for (const row of pending) {
    const module = modules.find((candidate) => candidate.id === row.moduleId);
    if (!module || !row.assignmentStartedAt) continue;
    if (await verifyOne(db, row, module, row.assignmentStartedAt)) decided++;
  }
  return decided;
}

async function verifyOne(db: Db, row: ProgressRow, module: AcademyModule, startedAt: Date) {
  const led = and(
    eq(meetingAnalyses.organizationId, row.organizationId),
    eq(meetingAnalyses.leaderId, row.personId),
  );
  const candidates = await db
    .select(columns)
    .from(meetingAnalyses)
    .where(and(led, gt(meetingAnalyses.meetingStartsAt, startedAt)))
    .orderBy(asc(meetingAnalyses.meetingStartsAt))
    .limit(10);
  let waitingFor: string | null = null;
  for (const candidate of candidates) {
    const measurable = verifyAssignment(candidate.result as MeetingAnalysis, module.assignment.checks);
    const unmeasured = measurable.outcomes.filter((outcome) => outcome.value === null);
    if (candidate.source === 'notes' && unmeasured.length > 0) {
      waitingFor ??= `The 1:1 of ${candidate.meetingStartsAt.toISOString().slice(0, 10)} was analysed from notes, which cannot measure ${unmeasured.map((outcome) => outcome.metric).join(', ')}: upload its transcript, or the next 1:1's.`;
      continue;
    }
    const [before] = await db
      .select({ result: meetingAnalyses.result })
      .from(meetingAnalyses)
      .where(and(led, lte(meetingAnalyses.meetingStartsAt, startedAt)))
      .orderBy(desc(meetingAnalyses.meetingStartsAt))
      .limit(1);
    const decision = decideAssignment(module, candidate, (before?.result as MeetingAnalysis) ?? null);
    const updated = await db
      .update(academyProgress)
      .set({
        assignmentStatus: decision.isMet ? 'met' : 'not-met',
        assignmentMeetingId: candidate.meetingId,
        assignmentEvidence: decision.evidence,
        updatedAt: new Date(),
      })
      // Only the pending assignment that was read: a restart in between keeps its new start.
      .where(
        and(
          eq(academyProgress.id, row.id),
          eq(academyProgress.assignmentStatus, 'pending'),
          eq(academyProgress.assignmentStartedAt, startedAt),
        ),
      )
      .returning({ id: academyProgress.id });
    return updated.length > 0;
  }
  const stored = row.assignmentEvidence as { waitingFor?: string } | null;
  if (waitingFor && stored?.waitingFor !== waitingFor) {
    await db
      .update(academyProgress)
      .set({ assignmentEvidence: { waitingFor } })
      .where(and(eq(academyProgress.id, row.id), eq(academyProgress.assignmentStatus, 'pending')));
  }
  return false;
}
