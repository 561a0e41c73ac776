import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { PracticeSessionView, PracticeTurnView } from '../../../contracts/academy.ts';
import type { AcademyModule } from '../../../core/academy/academy-module.ts';
import {
  type PracticeState,
  practiceTurn,
  scorePractice,
  startPractice,
} from '../../../core/academy/practice.ts';
import type { MeetingAnalysis } from '../../../core/coaching/analysis-types.ts';
import { AppError } from '../../../core/errors.ts';
import type { Tenant } from '../../auth/policy.ts';
import { getAcademyModule } from '../../content/load-academy.ts';
import { loadQuestionBank } from '../../content/load-question-bank.ts';
import type { Db } from '../../db/client.ts';
import { practiceSessions } from '../../db/schema-growth.ts';
import { requirePerson } from '../meetings/meeting-access.ts';
import { updateProgress } from './academy-progress.ts';

type SessionRow = typeof practiceSessions.$inferSelect;

function toView(module: AcademyModule, row: SessionRow): PracticeSessionView {
  const state = row.state as PracticeState;
  const analysis = row.analysis as MeetingAnalysis | null;
  return {
    id: row.id,
    moduleId: module.id,
    moduleTitle: module.title,
    brief: module.practice.brief,
    persona: module.practice.persona,
    lines: state.lines,
    isFinished: state.isFinished,
    startedAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    result: analysis
      ? {
          score: row.score,
          verdict: analysis.verdict,
          // The stored JSON is exactly the analysis type, which carries no index signature.
          analysis: analysis as unknown as NonNullable<PracticeSessionView['result']>['analysis'],
        }
      : null,
  };
}

/** Opens a role-play of the module for the caller; the simulated report speaks first. */
export async function startSession(db: Db, tenant: Tenant, userId: string, moduleId: string) {
  const personId = requirePerson(tenant);
  const module = await getAcademyModule(moduleId);
  const state = startPractice(module);
  const [row] = await db
    .insert(practiceSessions)
    .values({ organizationId: tenant.organizationId, personId, userId, moduleId: module.id, state })
    .returning();
  return toView(module, row!);
}

/**
 * A role-play and its transcript belong to the learner who started it: anyone else, their
 * cohort's owner and the organization's admins included, is told it does not exist.
 */
async function getOwnSession(db: Db, tenant: Tenant, userId: string, sessionId: string, lock = false) {
  const query = db
    .select()
    .from(practiceSessions)
    .where(
      and(
        eq(practiceSessions.organizationId, tenant.organizationId),
        eq(practiceSessions.id, sessionId),
        eq(practiceSessions.userId, userId),
      ),
    )
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('NOT_FOUND', 'No such practice of yours.');
  return row;
}

export async function getSession(db: Db, tenant: Tenant, userId: string, sessionId: string) {
  const row = await getOwnSession(db, tenant, userId, sessionId);
  return toView(await getAcademyModule(row.moduleId), row);
}

/**
 * The learner says a line: it is classified at once and answered. When the role-play ends, it is
 * scored by the coaching analyser and the best score goes into the learner's progress.
 */
export async function takeTurn(
  db: Db,
  tenant: Tenant,
  userId: string,
  sessionId: string,
  line: string,
): Promise<z.infer<typeof PracticeTurnView>> {
  const questionBank = await loadQuestionBank();
  const { module, row } = await db.transaction(async (tx) => {
    // Locked, so two lines sent at once are said one after the other, not over each other.
    const current = await getOwnSession(tx, tenant, userId, sessionId, true);
    const module = await getAcademyModule(current.moduleId).catch((error: unknown) => {
      throw new AppError('CONFLICT', 'This practice’s module is no longer in the Academy.', { cause: error });
    });
    const turn = practiceTurn(module, current.state as PracticeState, line);
    const finishedAt = turn.state.isFinished ? new Date() : null;
    const analysis = turn.state.isFinished ? scorePractice(module, turn.state, questionBank) : null;
    const score = analysis?.score === null || analysis === null ? null : Math.round(analysis.score);
    const [row] = await tx
      .update(practiceSessions)
      .set({ state: turn.state, finishedAt, analysis, score })
      .where(eq(practiceSessions.id, current.id))
      .returning();
    if (finishedAt) {
      await updateProgress(tx, tenant.organizationId, current.personId, module.id, (progress) => {
        const isBetter = score !== null && score > (progress?.practiceScore ?? -1);
        return {
          practiceScore: isBetter ? score : (progress?.practiceScore ?? null),
          practiceCompletedAt: progress?.practiceCompletedAt ?? finishedAt,
        };
      });
    }
    return { module, row: row! };
  });
  const session = toView(module, row);
  const lines = session.lines;
  return {
    learner: lines.at(-2)!,
    reply: lines.at(-1)!.text,
    isFinished: session.isFinished,
    session,
  };
}
