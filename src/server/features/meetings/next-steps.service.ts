import { and, asc, eq, or } from 'drizzle-orm';
import type { NextStepView } from '../../../contracts/meetings.ts';
import { AppError } from '../../../core/errors.ts';
import { followThrough } from '../../../core/meetings/follow-through.ts';
import type { Tenant } from '../../auth/policy.ts';
import type { Db } from '../../db/client.ts';
import { nextSteps } from '../../db/schema-meetings.ts';
import { findPersonRefs, getOwnMeeting, type MeetingRow, requirePerson } from './meeting-access.ts';
import { type NextStepRow, today, toNextStepView } from './views.ts';

async function toViews(
  db: Db,
  tenant: Tenant,
  rows: NextStepRow[],
  now = new Date(),
): Promise<NextStepView[]> {
  const refs = await findPersonRefs(
    db,
    tenant.organizationId,
    rows.flatMap((row) => [row.leaderId, row.reportId, ...(row.ownerId ? [row.ownerId] : [])]),
  );
  return rows.map((row) => toNextStepView(row, refs, tenant.personId ?? '', now));
}

function assertOwnerIsParticipant(meeting: MeetingRow, ownerId: string | null | undefined) {
  if (ownerId && ownerId !== meeting.leaderId && ownerId !== meeting.reportId) {
    throw new AppError('VALIDATION_FAILED', 'A next step is owned by one of the two people of the 1:1.', {
      fields: [{ path: 'body.ownerId', message: 'must be the leader or the report of this 1:1' }],
    });
  }
}

export async function addNextStep(
  db: Db,
  tenant: Tenant,
  meetingId: string,
  input: { title: string; ownerId: string | null; dueDate: string | null; proposedByReport?: boolean },
): Promise<NextStepView> {
  const { meeting, role } = await getOwnMeeting(db, tenant, meetingId);
  assertOwnerIsParticipant(meeting, input.ownerId);
  const proposedByReport = input.proposedByReport ?? role === 'report';
  const [row] = await db
    .insert(nextSteps)
    .values({
      organizationId: tenant.organizationId,
      meetingId: meeting.id,
      leaderId: meeting.leaderId,
      reportId: meeting.reportId,
      title: input.title,
      ownerId: input.ownerId,
      dueDate: input.dueDate,
      proposedById: proposedByReport ? meeting.reportId : meeting.leaderId,
    })
    .returning();
  return (await toViews(db, tenant, [row!]))[0]!;
}

/** Done, dropped (with a reason), reopened, or edited, by either participant. */
export async function updateNextStep(
  db: Db,
  tenant: Tenant,
  nextStepId: string,
  change: {
    title?: string;
    ownerId?: string | null;
    dueDate?: string | null;
    status?: 'open' | 'done' | 'dropped';
    droppedReason?: string;
  },
  now = new Date(),
): Promise<NextStepView> {
  const [current] = await db
    .select()
    .from(nextSteps)
    .where(and(eq(nextSteps.organizationId, tenant.organizationId), eq(nextSteps.id, nextStepId)))
    .limit(1);
  if (!current) throw new AppError('NOT_FOUND', 'No such next step of yours.');
  const { meeting } = await getOwnMeeting(db, tenant, current.meetingId);
  assertOwnerIsParticipant(meeting, change.ownerId);
  if (change.status === 'dropped' && !change.droppedReason) {
    throw new AppError('VALIDATION_FAILED', 'Say why the step is dropped.', {
      fields: [{ path: 'body.droppedReason', message: 'is required to drop a step' }],
    });
  }
  const status = change.status ?? current.status;
  const [row] = await db
    .update(nextSteps)
    .set({
      title: change.title ?? current.title,
      ownerId: change.ownerId === undefined ? current.ownerId : change.ownerId,
      dueDate: change.dueDate === undefined ? current.dueDate : change.dueDate,
      status,
      droppedReason: status === 'dropped' ? (change.droppedReason ?? current.droppedReason) : null,
      completedAt: status === 'done' ? (current.completedAt ?? now) : null,
      updatedAt: now,
    })
    .where(eq(nextSteps.id, current.id))
    .returning();
  return (await toViews(db, tenant, [row!], now))[0]!;
}

export async function listMeetingNextSteps(
  db: Db,
  tenant: Tenant,
  meetingId: string,
): Promise<NextStepView[]> {
  const rows = await db
    .select()
    .from(nextSteps)
    .where(eq(nextSteps.meetingId, meetingId))
    .orderBy(asc(nextSteps.createdAt));
  return toViews(db, tenant, rows);
}

/** "My next steps" across all 1:1s: overdue first, then by due date; with my follow-through. */
export async function listMyNextSteps(db: Db, tenant: Tenant, now = new Date()) {
  const me = requirePerson(tenant);
  const rows = await db
    .select()
    .from(nextSteps)
    .where(
      and(
        eq(nextSteps.organizationId, tenant.organizationId),
        or(eq(nextSteps.leaderId, me), eq(nextSteps.reportId, me)),
      ),
    );
  const views = await toViews(db, tenant, rows, now);
  const mine = views.filter((view) => view.owner?.id === me || view.owner === null);
  const open = mine
    .filter((view) => view.status === 'open')
    .sort(
      (a, b) =>
        Number(b.isOverdue) - Number(a.isOverdue) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'),
    );
  const owned = rows.filter((row) => row.ownerId === me);
  const figures = followThrough(
    owned.map((row) => ({
      status: row.status,
      dueDate: row.dueDate,
      completedAt: row.completedAt?.toISOString() ?? null,
    })),
    today(now),
  );
  return { items: open, followThrough: figures };
}
