import { and, eq, inArray } from 'drizzle-orm';
import type { ModuleProgress } from '../../../contracts/academy.ts';
import type { PersonRef } from '../../../contracts/meetings.ts';
import type { AssignmentMetric } from '../../../core/academy/assignment-metrics.ts';
import type { Db } from '../../db/client.ts';
import { academyProgress } from '../../db/schema-growth.ts';
import { refOf } from '../meetings/meeting-access.ts';

export type ProgressRow = typeof academyProgress.$inferSelect;

/** A quiz passes at 80% right. */
export const QUIZ_PASS_SCORE = 0.8;

export interface CheckEvidence {
  metric: AssignmentMetric;
  min?: number;
  max?: number;
  value: number | null;
  before: number | null;
  isMet: boolean;
}

/**
 * What `assignment_evidence` holds: once decided, the verifying 1:1 and each check's figures;
 * while pending, what the check is waiting for when there is more to say than "your next 1:1".
 */
export type StoredEvidence =
  | {
      meetingStartsAt: string;
      reportId: string;
      source: 'transcript' | 'notes';
      checks: CheckEvidence[];
    }
  | { waitingFor: string };

export function isDecidedEvidence(
  evidence: unknown,
): evidence is Extract<StoredEvidence, { checks: CheckEvidence[] }> {
  return typeof evidence === 'object' && evidence !== null && 'checks' in evidence;
}

/** A person's progress rows of this organization, by person, then by module. */
export async function findProgressRows(
  db: Db,
  organizationId: string,
  personIds: readonly string[],
): Promise<Map<string, Map<string, ProgressRow>>> {
  const byPerson = new Map<string, Map<string, ProgressRow>>(personIds.map((id) => [id, new Map()]));
  if (personIds.length === 0) return byPerson;
  const rows = await db
    .select()
    .from(academyProgress)
    .where(
      and(
        eq(academyProgress.organizationId, organizationId),
        inArray(academyProgress.personId, [...personIds]),
      ),
    );
  for (const row of rows) byPerson.get(row.personId)?.set(row.moduleId, row);
  return byPerson;
}

/** Creates the learner's row of a module if needed and applies `change` to it; returns the row. */
export async function updateProgress(
  db: Db,
  organizationId: string,
  personId: string,
  moduleId: string,
  change: (current: ProgressRow | undefined) => Partial<typeof academyProgress.$inferInsert>,
): Promise<ProgressRow> {
  return db.transaction(async (tx) => {
    await tx
      .insert(academyProgress)
      .values({ organizationId, personId, moduleId })
      .onConflictDoNothing({
        target: [academyProgress.organizationId, academyProgress.personId, academyProgress.moduleId],
      });
    const where = and(
      eq(academyProgress.organizationId, organizationId),
      eq(academyProgress.personId, personId),
      eq(academyProgress.moduleId, moduleId),
    );
    // Locked, so two submissions at once cannot lose each other's best score.
    const [current] = await tx.select().from(academyProgress).where(where).for('update');
    const [row] = await tx
      .update(academyProgress)
      .set({ ...change(current), updatedAt: new Date() })
      .where(where)
      .returning();
    return row!;
  });
}

export function isModuleComplete(row: ProgressRow | undefined): boolean {
  return Boolean(
    row?.lessonCompletedAt && row.quizPassedAt && row.practiceCompletedAt && row.assignmentStatus === 'met',
  );
}

/** Report ids named by decided assignments, so their names can be read in one query. */
export function reportIdsOf(rows: Iterable<ProgressRow>): string[] {
  const ids: string[] = [];
  for (const row of rows)
    if (isDecidedEvidence(row.assignmentEvidence)) ids.push(row.assignmentEvidence.reportId);
  return ids;
}

const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;

/** The learner's own view of their progress on a module; `refs` names the other person of the verifying 1:1. */
export function toModuleProgress(
  moduleId: string,
  row: ProgressRow | undefined,
  refs: Map<string, PersonRef>,
): ModuleProgress {
  const evidence = row?.assignmentEvidence;
  const decided = isDecidedEvidence(evidence) ? evidence : null;
  const status = row?.assignmentStatus ?? 'not-started';
  return {
    moduleId,
    lessonReadAt: iso(row?.lessonCompletedAt),
    quizScore: row?.quizScore ?? null,
    quizPassedAt: iso(row?.quizPassedAt),
    practiceScore: row?.practiceScore ?? null,
    practiceCompletedAt: iso(row?.practiceCompletedAt),
    assignment: {
      status,
      startedAt: iso(row?.assignmentStartedAt),
      meetingId: decided ? (row?.assignmentMeetingId ?? null) : null,
      meetingStartsAt: decided?.meetingStartsAt ?? null,
      withName: decided ? refOf(refs, decided.reportId).name : null,
      source: decided?.source ?? null,
      evidence: decided?.checks ?? null,
      waitingFor:
        status !== 'pending'
          ? null
          : evidence && 'waitingFor' in (evidence as object)
            ? (evidence as { waitingFor: string }).waitingFor
            : 'Your next 1:1 as the leader, once its transcript or notes are analysed.',
    },
    isComplete: isModuleComplete(row),
  };
}
