import { and, asc, desc, eq, inArray, lt, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Timeline, TimelineEntry } from '../../../contracts/timeline.ts';
import { AppError } from '../../../core/errors.ts';
import { isOverdue } from '../../../core/meetings/follow-through.ts';
import type { Tenant } from '../../auth/policy.ts';
import type { Db } from '../../db/client.ts';
import { agendaItems, meetings, nextSteps, sharedNotes, statusUpdates } from '../../db/schema-meetings.ts';
import { findPersonRefs, refOf, requirePerson } from '../meetings/meeting-access.ts';
import { today } from '../meetings/views.ts';

const EXCERPT_LENGTH = 280;

/** The 1:1s of the caller with one person, whoever leads them. */
export function pairCondition(me: string, personId: string): SQL {
  return or(
    and(eq(meetings.leaderId, me), eq(meetings.reportId, personId)),
    and(eq(meetings.leaderId, personId), eq(meetings.reportId, me)),
  )!;
}

/**
 * Memory across meetings: the caller's past 1:1s with one person, latest first, each with its
 * topics, next steps, status update and the start of its shared notes. Someone the caller has
 * no 1:1 with answers NOT_FOUND, so the timeline says nothing about other people's 1:1s.
 */
export async function getTimeline(
  db: Db,
  tenant: Tenant,
  personId: string,
  query: { before?: string; limit: number },
  now = new Date(),
): Promise<Timeline> {
  const me = requirePerson(tenant);
  const pair = and(eq(meetings.organizationId, tenant.organizationId), pairCondition(me, personId));
  const [any] = await db.select({ id: meetings.id }).from(meetings).where(pair).limit(1);
  if (!any || personId === me) throw new AppError('NOT_FOUND', 'You have no 1:1s with this person.');

  const conditions = [
    pair,
    ne(meetings.status, 'skipped'),
    or(lte(meetings.startsAt, now), eq(meetings.status, 'completed')),
  ];
  if (query.before) conditions.push(lt(meetings.startsAt, new Date(query.before)));
  const rows = await db
    .select()
    .from(meetings)
    .where(and(...conditions))
    .orderBy(desc(meetings.startsAt))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const ids = page.map((row) => row.id);

  const [refs, agendaRows, stepRows, statusRows, notesRows] = await Promise.all([
    findPersonRefs(db, tenant.organizationId, [me, personId]),
    ids.length === 0
      ? []
      : db
          .select({
            id: agendaItems.id,
            meetingId: agendaItems.meetingId,
            title: agendaItems.title,
            type: agendaItems.type,
            isCovered: agendaItems.isCovered,
          })
          .from(agendaItems)
          .where(inArray(agendaItems.meetingId, ids))
          .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt)),
    ids.length === 0
      ? []
      : db
          .select()
          .from(nextSteps)
          .where(inArray(nextSteps.meetingId, ids))
          .orderBy(asc(nextSteps.createdAt)),
    ids.length === 0 ? [] : db.select().from(statusUpdates).where(inArray(statusUpdates.meetingId, ids)),
    ids.length === 0
      ? []
      : db
          // Only the start of each note leaves the database: a long notes page costs nothing here.
          .select({ meetingId: sharedNotes.meetingId, start: sql<string>`left(${sharedNotes.body}, 400)` })
          .from(sharedNotes)
          .where(and(inArray(sharedNotes.meetingId, ids), ne(sharedNotes.body, ''))),
  ]);

  const date = today(now);
  const items: TimelineEntry[] = page.map((meeting) => {
    const status = statusRows.find((row) => row.meetingId === meeting.id);
    const notes = notesRows.find((row) => row.meetingId === meeting.id);
    return {
      meetingId: meeting.id,
      startsAt: meeting.startsAt.toISOString(),
      endsAt: meeting.endsAt.toISOString(),
      status: meeting.status,
      myRole: meeting.leaderId === me ? 'leader' : 'report',
      closedAt: meeting.closedAt?.toISOString() ?? null,
      agenda: agendaRows
        .filter((row) => row.meetingId === meeting.id)
        .map(({ id, title, type, isCovered }) => ({
          id,
          title,
          type: type as TimelineEntry['agenda'][number]['type'],
          isCovered,
        })),
      nextSteps: stepRows
        .filter((row) => row.meetingId === meeting.id)
        .map((row) => ({
          id: row.id,
          title: row.title,
          status: row.status,
          owner: row.ownerId ? refOf(refs, row.ownerId) : null,
          dueDate: row.dueDate,
          isOverdue: isOverdue(
            { status: row.status, dueDate: row.dueDate, completedAt: row.completedAt?.toISOString() ?? null },
            date,
          ),
        })),
      statusUpdate: status
        ? { wins: status.wins, inProgress: status.inProgress, blocked: status.blocked }
        : null,
      notesExcerpt: notes ? excerptOf(notes.start) : null,
    };
  });
  const hasMore = rows.length > query.limit;
  return {
    person: refOf(refs, personId),
    items,
    nextBefore: hasMore ? (items.at(-1)?.startsAt ?? null) : null,
  };
}

/** The first words of a text, cut at a word boundary, with an ellipsis when something was cut. */
export function excerptOf(text: string, length = EXCERPT_LENGTH): string | null {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat === '') return null;
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > length / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}
