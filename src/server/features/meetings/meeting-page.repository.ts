import { and, asc, desc, eq, gt, lt, ne, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { people } from '../../db/schema.ts';
import {
  agendaItems,
  meetings,
  nextSteps,
  privateNotes,
  sharedNotes,
  statusUpdates,
} from '../../db/schema-meetings.ts';

const leader = alias(people, 'leader_person');
const report = alias(people, 'report_person');
const NEIGHBOUR = 'neighbour';
const neighbour = alias(meetings, NEIGHBOUR);

/** The id of the pair's closest 1:1 before or after this one, skipped ones left out. */
function neighbourId(direction: 'previous' | 'next'): SQL<string | null> {
  const isBefore = direction === 'previous';
  return sql<string | null>`(select ${neighbour.id} from ${meetings} ${sql.identifier(NEIGHBOUR)} where ${and(
    eq(neighbour.organizationId, meetings.organizationId),
    eq(neighbour.leaderId, meetings.leaderId),
    eq(neighbour.reportId, meetings.reportId),
    ne(neighbour.status, 'skipped'),
    isBefore ? lt(neighbour.startsAt, meetings.startsAt) : gt(neighbour.startsAt, meetings.startsAt),
  )} order by ${isBefore ? desc(neighbour.startsAt) : asc(neighbour.startsAt)} limit 1)`;
}

/**
 * A meeting of the organization with everything of it that is one row: its two people, the
 * status update, the shared notes, the viewer's own sealed private note and its neighbours in
 * the pair's history. One query, where there were seven: on the embedded database each query
 * costs about as much as the rest of the request.
 */
export async function findMeetingPageHead(db: Db, organizationId: string, meetingId: string, userId: string) {
  const [row] = await db
    .select({
      meeting: meetings,
      leader: { id: leader.id, name: leader.name, title: leader.title, timeZone: leader.timeZone },
      report: { id: report.id, name: report.name, title: report.title, timeZone: report.timeZone },
      status: statusUpdates,
      notes: sharedNotes,
      privateNote: { ciphertext: privateNotes.ciphertext, updatedAt: privateNotes.updatedAt },
      previousId: neighbourId('previous'),
      nextId: neighbourId('next'),
    })
    .from(meetings)
    .leftJoin(
      leader,
      and(eq(leader.organizationId, meetings.organizationId), eq(leader.id, meetings.leaderId)),
    )
    .leftJoin(
      report,
      and(eq(report.organizationId, meetings.organizationId), eq(report.id, meetings.reportId)),
    )
    .leftJoin(statusUpdates, eq(statusUpdates.meetingId, meetings.id))
    .leftJoin(sharedNotes, eq(sharedNotes.meetingId, meetings.id))
    .leftJoin(
      privateNotes,
      and(eq(privateNotes.meetingId, meetings.id), eq(privateNotes.authorUserId, userId)),
    )
    .where(and(eq(meetings.organizationId, organizationId), eq(meetings.id, meetingId)))
    .limit(1);
  return row ?? null;
}

export type MeetingPageHead = NonNullable<Awaited<ReturnType<typeof findMeetingPageHead>>>;

/** The rest of the page, many rows each: the agenda, this 1:1's next steps, and steps still open from earlier ones. */
export function findMeetingPageLists(db: Db, meeting: MeetingPageHead['meeting']) {
  return Promise.all([
    db
      .select()
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meeting.id))
      .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt)),
    db.select().from(nextSteps).where(eq(nextSteps.meetingId, meeting.id)).orderBy(asc(nextSteps.createdAt)),
    db
      .select({ step: nextSteps })
      .from(nextSteps)
      .innerJoin(meetings, eq(meetings.id, nextSteps.meetingId))
      .where(
        and(
          eq(nextSteps.organizationId, meeting.organizationId),
          eq(nextSteps.leaderId, meeting.leaderId),
          eq(nextSteps.reportId, meeting.reportId),
          eq(nextSteps.status, 'open'),
          lt(meetings.startsAt, meeting.startsAt),
        ),
      )
      .orderBy(asc(nextSteps.dueDate), asc(nextSteps.createdAt)),
  ]);
}
