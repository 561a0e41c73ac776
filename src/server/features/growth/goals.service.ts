import { and, eq, inArray } from 'drizzle-orm';
import type { GoalView } from '../../../contracts/growth.ts';
import { AppError } from '../../../core/errors.ts';
import type { Tenant } from '../../auth/policy.ts';
import type { Db } from '../../db/client.ts';
import { goalLinks, goals } from '../../db/schema-growth.ts';
import { agendaItems, nextSteps } from '../../db/schema-meetings.ts';
import { getOrgPerson, getOwnMeeting, requirePerson } from '../meetings/meeting-access.ts';
import { type GoalRow, toGoalViews } from './goal-views.ts';
import { canSeeGrowth, getGrowthSubject } from './growth-access.ts';

type GoalStatus = GoalRow['status'];
const statusOrder: Record<GoalStatus, number> = {
  'at-risk': 0,
  'on-track': 1,
  'not-started': 2,
  done: 3,
  dropped: 4,
};

/** Open goals first (at risk before on track), then by target date, the undated last. */
function byUrgency(a: GoalRow, b: GoalRow): number {
  return (
    statusOrder[a.status] - statusOrder[b.status] ||
    (a.targetDate ?? '9999').localeCompare(b.targetDate ?? '9999') ||
    a.createdAt.getTime() - b.createdAt.getTime()
  );
}

async function toView(db: Db, tenant: Tenant, row: GoalRow): Promise<GoalView> {
  return (await toGoalViews(db, tenant, [row]))[0]!;
}

/** A goal whose owner is the caller or someone below them in the reporting lines; NOT_FOUND otherwise. */
async function getVisibleGoal(db: Db, tenant: Tenant, goalId: string): Promise<GoalRow> {
  const [row] = await db
    .select()
    .from(goals)
    .where(and(eq(goals.organizationId, tenant.organizationId), eq(goals.id, goalId)))
    .limit(1);
  if (!row || !(await canSeeGrowth(db, tenant, row.ownerId)))
    throw new AppError('NOT_FOUND', 'No such goal that you may see.');
  return row;
}

export interface GoalInput {
  ownerId?: string;
  kind: 'growth' | 'performance';
  title: string;
  description: string;
  measure: string;
  targetDate: string | null;
  status: GoalStatus;
  progress: number;
}

/** A goal for the caller, or for someone below them in the reporting lines. */
export async function createGoal(db: Db, tenant: Tenant, input: GoalInput): Promise<GoalView> {
  const me = requirePerson(tenant);
  const ownerId = input.ownerId ?? me;
  if (ownerId !== me) {
    await getOrgPerson(db, tenant, ownerId, 'body.ownerId');
    if (!(await canSeeGrowth(db, tenant, ownerId)))
      throw new AppError('FORBIDDEN', 'You set goals for yourself and for the people who report to you.', {
        fields: [{ path: 'body.ownerId', message: 'is not you or someone in your reporting line' }],
      });
  }
  const [row] = await db
    .insert(goals)
    .values({
      organizationId: tenant.organizationId,
      ownerId,
      kind: input.kind,
      title: input.title,
      description: input.description,
      measure: input.measure,
      targetDate: input.targetDate,
      status: input.status,
      progress: input.status === 'done' ? 100 : input.progress,
      createdById: me,
    })
    .returning();
  return toView(db, tenant, row!);
}

export async function getGoal(db: Db, tenant: Tenant, goalId: string): Promise<GoalView> {
  return toView(db, tenant, await getVisibleGoal(db, tenant, goalId));
}

/** A person's goals, most urgent first; for the person and their manager chain. */
export async function listPersonGoals(db: Db, tenant: Tenant, personId: string): Promise<GoalView[]> {
  const subject = await getGrowthSubject(db, tenant, personId);
  const rows = await db
    .select()
    .from(goals)
    .where(and(eq(goals.organizationId, tenant.organizationId), eq(goals.ownerId, subject.id)));
  return toGoalViews(db, tenant, rows.sort(byUrgency));
}

/**
 * The goals of a 1:1's two people that the caller may see (their own, and their report's when they
 * lead them), so a topic or a next step can be linked to one from the meeting.
 */
export async function listMeetingGoals(db: Db, tenant: Tenant, meetingId: string): Promise<GoalView[]> {
  const { meeting } = await getOwnMeeting(db, tenant, meetingId);
  const owners: string[] = [];
  for (const personId of [meeting.reportId, meeting.leaderId]) {
    if (await canSeeGrowth(db, tenant, personId)) owners.push(personId);
  }
  const rows = await db
    .select()
    .from(goals)
    .where(and(eq(goals.organizationId, tenant.organizationId), inArray(goals.ownerId, owners)));
  const open = rows.filter((row) => row.status !== 'done' && row.status !== 'dropped');
  return toGoalViews(db, tenant, open.sort(byUrgency));
}

export async function updateGoal(
  db: Db,
  tenant: Tenant,
  goalId: string,
  change: Partial<Omit<GoalInput, 'ownerId'>>,
  now = new Date(),
): Promise<GoalView> {
  const current = await getVisibleGoal(db, tenant, goalId);
  const defined = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
  // Marking a goal done says it is complete, unless the same change says how far it got.
  const isNowDone = change.status === 'done' && current.status !== 'done' && change.progress === undefined;
  const [row] = await db
    .update(goals)
    .set({ ...defined, ...(isNowDone ? { progress: 100 } : {}), updatedAt: now })
    .where(eq(goals.id, current.id))
    .returning();
  return toView(db, tenant, row!);
}

export async function deleteGoal(db: Db, tenant: Tenant, goalId: string): Promise<void> {
  const current = await getVisibleGoal(db, tenant, goalId);
  await db.delete(goals).where(eq(goals.id, current.id));
}

/** The 1:1 an agenda item or next step belongs to, if it is of this organization. */
async function findTargetMeetingId(
  db: Db,
  organizationId: string,
  kind: 'agenda-item' | 'next-step',
  targetId: string,
): Promise<string | null> {
  const table = kind === 'next-step' ? nextSteps : agendaItems;
  const [row] = await db
    .select({ meetingId: table.meetingId })
    .from(table)
    .where(and(eq(table.organizationId, organizationId), eq(table.id, targetId)))
    .limit(1);
  return row?.meetingId ?? null;
}

/**
 * Links a goal to a topic or a next step of a 1:1 the caller takes part in, and that the goal's
 * owner takes part in too; linked next steps count toward the goal's suggested progress.
 */
export async function addGoalLink(
  db: Db,
  tenant: Tenant,
  goalId: string,
  input: { kind: 'agenda-item' | 'next-step'; targetId: string },
): Promise<GoalView> {
  const goal = await getVisibleGoal(db, tenant, goalId);
  const what = input.kind === 'next-step' ? 'next step' : 'agenda item';
  const meetingId = await findTargetMeetingId(db, tenant.organizationId, input.kind, input.targetId);
  if (!meetingId) throw new AppError('NOT_FOUND', `No such ${what} of yours.`);
  const { meeting } = await getOwnMeeting(db, tenant, meetingId).catch((error: unknown) => {
    throw new AppError('NOT_FOUND', `No such ${what} of yours.`, { cause: error });
  });
  if (goal.ownerId !== meeting.leaderId && goal.ownerId !== meeting.reportId) {
    throw new AppError('VALIDATION_FAILED', `A goal is linked to a ${what} of its owner’s own 1:1s.`, {
      fields: [{ path: 'body.targetId', message: 'is from a 1:1 the goal’s owner is not part of' }],
    });
  }
  const inserted = await db
    .insert(goalLinks)
    .values({
      organizationId: tenant.organizationId,
      goalId: goal.id,
      kind: input.kind,
      targetId: input.targetId,
    })
    .onConflictDoNothing()
    .returning({ id: goalLinks.id });
  if (inserted.length === 0)
    throw new AppError('ALREADY_EXISTS', `This ${what} is already linked to the goal.`);
  return toView(db, tenant, goal);
}

export async function deleteGoalLink(
  db: Db,
  tenant: Tenant,
  goalId: string,
  linkId: string,
): Promise<GoalView> {
  const goal = await getVisibleGoal(db, tenant, goalId);
  const deleted = await db
    .delete(goalLinks)
    .where(and(eq(goalLinks.goalId, goal.id), eq(goalLinks.id, linkId)))
    .returning({ id: goalLinks.id });
  if (deleted.length === 0) throw new AppError('NOT_FOUND', 'No such link of this goal.');
  return toView(db, tenant, goal);
}
