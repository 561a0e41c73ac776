import { and, asc, count, desc, eq, gt, inArray, lt, ne, or } from 'drizzle-orm';
import type { TandemMeetingSlot } from '../../../core/calendar-audit/match-meeting.ts';
import type { MeetingVerdict } from '../../../core/calendar-audit/summarize-audit.ts';
import type { Db } from '../../db/client.ts';
import { people, user } from '../../db/schema.ts';
import { calendarAuditEvents, calendarAudits } from '../../db/schema-insights.ts';
import { meetingAnalyses, meetings } from '../../db/schema-meetings.ts';

export type AuditRow = typeof calendarAudits.$inferSelect;
export type AuditEventRow = typeof calendarAuditEvents.$inferSelect;
export type NewAuditEvent = typeof calendarAuditEvents.$inferInsert;

const INSERT_BATCH = 500;

/** The owner's directory entry with the addresses that are theirs (directory and account). */
export async function findOwner(db: Db, organizationId: string, personId: string) {
  const [row] = await db
    .select({ email: people.email, timeZone: people.timeZone, accountEmail: user.email })
    .from(people)
    .leftJoin(user, eq(user.id, people.userId))
    .where(and(eq(people.organizationId, organizationId), eq(people.id, personId)))
    .limit(1);
  return row ?? null;
}

export async function listOrganizationEmails(db: Db, organizationId: string): Promise<string[]> {
  const rows = await db
    .select({ email: people.email })
    .from(people)
    .where(eq(people.organizationId, organizationId));
  return rows.map((row) => row.email);
}

/** The owner's 1:1s (as leader or report) that were not skipped, in a window. */
export async function listMeetingSlots(
  db: Db,
  organizationId: string,
  personId: string,
  window: { start: Date; end: Date },
): Promise<TandemMeetingSlot[]> {
  const rows = await db
    .select({
      id: meetings.id,
      start: meetings.startsAt,
      end: meetings.endsAt,
      leaderId: meetings.leaderId,
      reportId: meetings.reportId,
    })
    .from(meetings)
    .where(
      and(
        eq(meetings.organizationId, organizationId),
        or(eq(meetings.leaderId, personId), eq(meetings.reportId, personId)),
        ne(meetings.status, 'skipped'),
        gt(meetings.endsAt, window.start),
        lt(meetings.startsAt, window.end),
      ),
    );
  if (rows.length === 0) return [];
  const otherIds = rows.map((row) => (row.leaderId === personId ? row.reportId : row.leaderId));
  const others = await db
    .select({ id: people.id, name: people.name, email: people.email })
    .from(people)
    .where(and(eq(people.organizationId, organizationId), inArray(people.id, [...new Set(otherIds)])));
  const byId = new Map(others.map((other) => [other.id, other]));
  return rows.map((row, index) => {
    const other = byId.get(otherIds[index]!);
    return {
      id: row.id,
      start: row.start,
      end: row.end,
      withName: other?.name ?? 'a former member',
      withEmail: other?.email ?? '',
    };
  });
}

export async function insertAudit(
  db: Db,
  audit: typeof calendarAudits.$inferInsert,
  events: Array<Omit<NewAuditEvent, 'auditId'>>,
): Promise<AuditRow> {
  const [row] = await db.insert(calendarAudits).values(audit).returning();
  for (let index = 0; index < events.length; index += INSERT_BATCH) {
    await db
      .insert(calendarAuditEvents)
      .values(events.slice(index, index + INSERT_BATCH).map((event) => ({ ...event, auditId: row!.id })));
  }
  return row!;
}

export async function findOwnAudit(
  db: Db,
  organizationId: string,
  ownerId: string,
  auditId: string,
): Promise<AuditRow | null> {
  const [row] = await db
    .select()
    .from(calendarAudits)
    .where(
      and(
        eq(calendarAudits.organizationId, organizationId),
        eq(calendarAudits.ownerId, ownerId),
        eq(calendarAudits.id, auditId),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function listOwnAudits(db: Db, organizationId: string, ownerId: string) {
  return db
    .select({
      audit: calendarAudits,
      eventCount: count(calendarAuditEvents.id),
    })
    .from(calendarAudits)
    .leftJoin(calendarAuditEvents, eq(calendarAuditEvents.auditId, calendarAudits.id))
    .where(and(eq(calendarAudits.organizationId, organizationId), eq(calendarAudits.ownerId, ownerId)))
    .groupBy(calendarAudits.id)
    .orderBy(desc(calendarAudits.createdAt));
}

export async function listAuditEvents(db: Db, auditId: string): Promise<AuditEventRow[]> {
  return db
    .select()
    .from(calendarAuditEvents)
    .where(eq(calendarAuditEvents.auditId, auditId))
    .orderBy(asc(calendarAuditEvents.startsAt), asc(calendarAuditEvents.title));
}

export async function updateEventClass(
  db: Db,
  auditId: string,
  eventId: string,
  eventClass: string,
): Promise<AuditEventRow | null> {
  const [row] = await db
    .update(calendarAuditEvents)
    .set({ eventClass, rule: null, isClassSetByHand: true })
    .where(and(eq(calendarAuditEvents.auditId, auditId), eq(calendarAuditEvents.id, eventId)))
    .returning();
  return row ?? null;
}

export async function deleteAudit(db: Db, auditId: string): Promise<void> {
  await db.delete(calendarAudits).where(eq(calendarAudits.id, auditId));
}

/**
 * The coaching verdicts of the matched Tandem 1:1s that have been analysed, as the audit's owner
 * may see them: of 1:1s they led, or whose leader shared the score with them.
 */
export async function findVerdicts(
  db: Db,
  organizationId: string,
  ownerId: string,
  meetingIds: string[],
): Promise<Map<string, MeetingVerdict | null>> {
  const wanted = [...new Set(meetingIds)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ meetingId: meetingAnalyses.meetingId, verdict: meetingAnalyses.verdict })
    .from(meetingAnalyses)
    .where(
      and(
        eq(meetingAnalyses.organizationId, organizationId),
        inArray(meetingAnalyses.meetingId, wanted),
        or(eq(meetingAnalyses.leaderId, ownerId), eq(meetingAnalyses.isSharedWithReport, true)),
      ),
    );
  return new Map(rows.map((row) => [row.meetingId, row.verdict]));
}
