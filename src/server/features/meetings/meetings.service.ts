import { and, asc, count, desc, eq, gt, inArray, lte, ne, or } from 'drizzle-orm';
import type { MeetingSummary } from '../../../contracts/meetings.ts';
import { AppError } from '../../../core/errors.ts';
import { assertCanClose } from '../../../core/meetings/close-meeting.ts';
import { assertLeaderOfReport, type Tenant } from '../../auth/policy.ts';
import type { Db } from '../../db/client.ts';
import { agendaItems, meetings, nextSteps, statusUpdates } from '../../db/schema-meetings.ts';
import {
  findPersonRefs,
  getOrgPerson,
  getOwnMeeting,
  type MeetingRow,
  refOf,
  requirePerson,
} from './meeting-access.ts';
import { ensureMeetingsAhead } from './series.service.ts';

/** "My 1:1s": upcoming (soonest first) or past (latest first), optionally with one person. */
export async function listMyMeetings(
  db: Db,
  tenant: Tenant,
  query: { scope: 'upcoming' | 'past' | 'all'; withPersonId?: string; limit: number },
  now = new Date(),
): Promise<MeetingSummary[]> {
  const me = requirePerson(tenant);
  await ensureMeetingsAhead(db, tenant, now);
  const conditions = [
    eq(meetings.organizationId, tenant.organizationId),
    or(eq(meetings.leaderId, me), eq(meetings.reportId, me))!,
  ];
  if (query.withPersonId)
    conditions.push(
      or(eq(meetings.leaderId, query.withPersonId), eq(meetings.reportId, query.withPersonId))!,
    );
  if (query.scope === 'upcoming') conditions.push(gt(meetings.endsAt, now), ne(meetings.status, 'completed'));
  if (query.scope === 'past')
    conditions.push(or(lte(meetings.endsAt, now), eq(meetings.status, 'completed'))!);
  const rows = await db
    .select()
    .from(meetings)
    .where(and(...conditions))
    .orderBy(query.scope === 'upcoming' ? asc(meetings.startsAt) : desc(meetings.startsAt))
    .limit(query.limit);
  return summarize(db, tenant, rows);
}

export async function summarize(db: Db, tenant: Tenant, rows: MeetingRow[]): Promise<MeetingSummary[]> {
  if (rows.length === 0) return [];
  const me = requirePerson(tenant);
  const ids = rows.map((row) => row.id);
  const refs = await findPersonRefs(
    db,
    tenant.organizationId,
    rows.flatMap((row) => [row.leaderId, row.reportId]),
  );
  const agendaCounts = await db
    .select({ meetingId: agendaItems.meetingId, n: count() })
    .from(agendaItems)
    .where(inArray(agendaItems.meetingId, ids))
    .groupBy(agendaItems.meetingId);
  const withStatus = await db
    .select({ meetingId: statusUpdates.meetingId })
    .from(statusUpdates)
    .where(inArray(statusUpdates.meetingId, ids));
  const openByPair = await db
    .select({ leaderId: nextSteps.leaderId, reportId: nextSteps.reportId, n: count() })
    .from(nextSteps)
    .where(
      and(
        eq(nextSteps.organizationId, tenant.organizationId),
        eq(nextSteps.status, 'open'),
        or(eq(nextSteps.leaderId, me), eq(nextSteps.reportId, me)),
      ),
    )
    .groupBy(nextSteps.leaderId, nextSteps.reportId);
  const agendaBy = new Map(agendaCounts.map((row) => [row.meetingId, row.n]));
  const statusBy = new Set(withStatus.map((row) => row.meetingId));
  const openBy = new Map(openByPair.map((row) => [`${row.leaderId}:${row.reportId}`, row.n]));
  return rows.map((row) => ({
    id: row.id,
    seriesId: row.seriesId,
    leader: refOf(refs, row.leaderId),
    report: refOf(refs, row.reportId),
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    status: row.status,
    isMoved: row.isMoved,
    myRole: row.leaderId === me ? ('leader' as const) : ('report' as const),
    agendaCount: agendaBy.get(row.id) ?? 0,
    openNextSteps: openBy.get(`${row.leaderId}:${row.reportId}`) ?? 0,
    hasStatusUpdate: statusBy.has(row.id),
  }));
}

/** An extra 1:1 outside any series. */
export async function createAdHocMeeting(
  db: Db,
  tenant: Tenant,
  input: {
    withPersonId: string;
    callerIsReport: boolean;
    startsAt: string;
    durationMinutes: number;
    templateKey: string;
  },
): Promise<MeetingSummary> {
  const me = requirePerson(tenant);
  if (input.withPersonId === me)
    throw new AppError('VALIDATION_FAILED', 'A 1:1 needs two people.', {
      fields: [{ path: 'body.withPersonId', message: 'is yourself' }],
    });
  await getOrgPerson(db, tenant, input.withPersonId, 'body.withPersonId');
  if (input.callerIsReport)
    await assertLeaderOfReport(db, tenant, input.withPersonId, me, 'body.withPersonId');
  const startsAt = new Date(input.startsAt);
  const [row] = await db
    .insert(meetings)
    .values({
      organizationId: tenant.organizationId,
      leaderId: input.callerIsReport ? input.withPersonId : me,
      reportId: input.callerIsReport ? me : input.withPersonId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + input.durationMinutes * 60_000),
      templateKey: input.templateKey,
    })
    .returning();
  return (await summarize(db, tenant, [row!]))[0]!;
}

/** Move a meeting to another time, skip it, or bring a skipped one back. */
export async function updateMeeting(
  db: Db,
  tenant: Tenant,
  meetingId: string,
  change: { startsAt?: string; durationMinutes?: number; status?: 'scheduled' | 'skipped' },
): Promise<MeetingSummary> {
  const { meeting } = await getOwnMeeting(db, tenant, meetingId);
  if (meeting.status === 'completed')
    throw new AppError('CONFLICT', 'This 1:1 is closed; it can no longer be moved or skipped.');
  const startsAt = change.startsAt ? new Date(change.startsAt) : meeting.startsAt;
  const duration = change.durationMinutes ?? (meeting.endsAt.getTime() - meeting.startsAt.getTime()) / 60_000;
  const [row] = await db
    .update(meetings)
    .set({
      startsAt,
      endsAt: new Date(startsAt.getTime() + duration * 60_000),
      isMoved: meeting.isMoved || change.startsAt !== undefined || change.durationMinutes !== undefined,
      status: change.status ?? meeting.status,
    })
    .where(eq(meetings.id, meeting.id))
    .returning();
  return (await summarize(db, tenant, [row!]))[0]!;
}

/** Closing asks for a next step with an owner and a date, or a reason for none. */
export async function closeMeeting(
  db: Db,
  tenant: Tenant,
  meetingId: string,
  noNextStepsReason?: string,
  now = new Date(),
): Promise<MeetingSummary> {
  const { meeting } = await getOwnMeeting(db, tenant, meetingId);
  const steps = await db
    .select({ ownerId: nextSteps.ownerId, dueDate: nextSteps.dueDate, status: nextSteps.status })
    .from(nextSteps)
    .where(eq(nextSteps.meetingId, meeting.id));
  assertCanClose(steps, noNextStepsReason);
  const [row] = await db
    .update(meetings)
    .set({ status: 'completed', closedAt: now, noNextStepsReason: noNextStepsReason?.trim() || null })
    .where(eq(meetings.id, meeting.id))
    .returning();
  return (await summarize(db, tenant, [row!]))[0]!;
}
