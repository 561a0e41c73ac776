import { and, asc, eq, gte, isNull, lt, or } from 'drizzle-orm';
import type { PersonRef } from '../../../contracts/meetings.ts';
import { buildCalendarFeed, buildSingleEvent, type CalendarEvent } from '../../../core/calendar/icalendar.ts';
import { occurrences } from '../../../core/calendar/recurrence.ts';
import { canonicalZoneSpelling, isKnownTimeZone } from '../../../core/calendar/zoned-time.ts';
import type { Tenant } from '../../auth/policy.ts';
import type { Db } from '../../db/client.ts';
import { meetings, series } from '../../db/schema-meetings.ts';
import { type AuditSource, recordAuditEvent } from '../audit/audit.service.ts';
import { findPersonRefs, getOwnMeeting, type MeetingRow, refOf } from '../meetings/meeting-access.ts';
import { scheduleOf } from '../meetings/series.service.ts';
import type { FeedOwner } from './calendar-feeds.service.ts';

const DAY_MS = 86_400_000;
/** The feed shows a month back (so last week's 1:1 is still there) and half a year ahead. */
export const FEED_PAST_DAYS = 30;
export const FEED_AHEAD_DAYS = 180;
// A daily custom rule over half a year stays far below this; it only bounds a pathological rule.
const MAX_GENERATED_PER_SERIES = 400;
const MAX_FEED_EVENTS = 2_000;

/**
 * The person's 1:1s from a month back to half a year ahead as an iCalendar feed. The text depends
 * only on the data (DTSTAMP comes from the meetings, not the clock), so a calendar app polling an
 * unchanged feed gets the same bytes and the same ETag.
 */
export async function buildPersonFeed(
  db: Db,
  owner: FeedOwner,
  publicUrl: string,
  now = new Date(),
): Promise<string> {
  const from = new Date(now.getTime() - FEED_PAST_DAYS * DAY_MS);
  const until = new Date(now.getTime() + FEED_AHEAD_DAYS * DAY_MS);
  await generateSeriesUntil(db, owner, until, now);
  const rows = await db
    .select({ meeting: meetings, seriesZone: series.timeZone })
    .from(meetings)
    .leftJoin(series, eq(series.id, meetings.seriesId))
    .where(
      and(
        eq(meetings.organizationId, owner.organizationId),
        or(eq(meetings.leaderId, owner.personId), eq(meetings.reportId, owner.personId)),
        gte(meetings.startsAt, from),
        lt(meetings.startsAt, until),
      ),
    )
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .limit(MAX_FEED_EVENTS);
  const refs = await findPersonRefs(
    db,
    owner.organizationId,
    rows.flatMap((row) => [row.meeting.leaderId, row.meeting.reportId]),
  );
  const events = rows.map((row) =>
    toCalendarEvent(row.meeting, row.seriesZone, refs, meetingLink(publicUrl, owner.slug, row.meeting.id)),
  );
  const stamps = rows.map((row) => lastChangeOf(row.meeting).getTime());
  return buildCalendarFeed({
    name: `${owner.personName}’s 1:1s (${owner.organizationName})`,
    events,
    stampedAt: new Date(Math.max(owner.feedCreatedAt.getTime(), ...stamps)),
  });
}

/** One meeting of the caller as an `.ics` file, with a file name that says what and when. */
export async function buildMeetingFile(
  db: Db,
  tenant: Tenant,
  meetingId: string,
  publicUrl: string,
  source: AuditSource,
): Promise<{ text: string; fileName: string }> {
  const { meeting } = await getOwnMeeting(db, tenant, meetingId);
  await recordAuditEvent(db, {
    ...source,
    organizationId: tenant.organizationId,
    action: 'export.calendar',
    subjectType: 'meeting',
    subjectId: meeting.id,
    detail: { format: 'ics' },
  });
  const [owning] = meeting.seriesId
    ? await db
        .select({ timeZone: series.timeZone })
        .from(series)
        .where(eq(series.id, meeting.seriesId))
        .limit(1)
    : [];
  const refs = await findPersonRefs(db, tenant.organizationId, [meeting.leaderId, meeting.reportId]);
  const event = toCalendarEvent(
    meeting,
    owning?.timeZone ?? null,
    refs,
    meetingLink(publicUrl, tenant.slug, meeting.id),
  );
  return {
    text: buildSingleEvent({ event, stampedAt: lastChangeOf(meeting) }),
    fileName: `1on1-${meeting.startsAt.toISOString().slice(0, 10)}.ics`,
  };
}

/** The meeting page of the web app (`/o/<slug>/meetings/<id>`), where calendar and mail links lead. */
export function meetingLink(publicUrl: string, slug: string, meetingId: string): string {
  return `${publicUrl}/o/${encodeURIComponent(slug)}/meetings/${meetingId}`;
}

function toCalendarEvent(
  meeting: MeetingRow,
  seriesZone: string | null,
  refs: Map<string, PersonRef>,
  url: string,
): CalendarEvent {
  const leader = refOf(refs, meeting.leaderId);
  const report = refOf(refs, meeting.reportId);
  return {
    uid: `meeting-${meeting.id}@${new URL(url).hostname}`,
    start: meeting.startsAt,
    end: meeting.endsAt,
    summary: `1:1 ${leader.name} / ${report.name}`,
    // The feed may be fetched by a calendar provider, so it carries no agenda or notes: only the way in.
    description: `Agenda, status, notes and next steps of this 1:1 are in Tandem:\n${url}`,
    url,
    // A series keeps its wall-clock time in its own zone; an ad hoc 1:1 is written in the leader's.
    timeZone: calendarZone(seriesZone ?? leader.timeZone),
    // Calendar apps replace their copy only when SEQUENCE rises: a move and a skip each raise it.
    sequence: (meeting.isMoved ? 1 : 0) + (meeting.status === 'skipped' ? 1 : 0),
    status: meeting.status === 'skipped' ? 'CANCELLED' : 'CONFIRMED',
  };
}

function lastChangeOf(meeting: MeetingRow): Date {
  return meeting.closedAt && meeting.closedAt > meeting.createdAt ? meeting.closedAt : meeting.createdAt;
}

// Calendar apps match TZIDs by their exact spelling; anything else is written in UTC rather than refused.
function calendarZone(zone: string): string {
  return isKnownTimeZone(zone) && canonicalZoneSpelling(zone) === zone ? zone : 'UTC';
}

/**
 * Series are generated a few meetings ahead; the feed shows half a year, so the person's active
 * series are generated up to its end. Existing meetings (moved, skipped, prepared) are kept.
 */
async function generateSeriesUntil(db: Db, owner: FeedOwner, until: Date, now: Date): Promise<void> {
  const untilDate = until.toISOString().slice(0, 10);
  const behind = await db
    .select()
    .from(series)
    .where(
      and(
        eq(series.organizationId, owner.organizationId),
        eq(series.isActive, true),
        or(eq(series.leaderId, owner.personId), eq(series.reportId, owner.personId)),
        or(isNull(series.generatedUntil), lt(series.generatedUntil, untilDate)),
      ),
    );
  for (const row of behind) {
    const upcoming = occurrences(scheduleOf(row), { from: now, until, count: MAX_GENERATED_PER_SERIES });
    if (upcoming.length > 0) {
      await db
        .insert(meetings)
        .values(
          upcoming.map((occurrence) => ({
            organizationId: row.organizationId,
            seriesId: row.id,
            leaderId: row.leaderId,
            reportId: row.reportId,
            occurrenceDate: occurrence.occurrenceDate,
            startsAt: occurrence.start,
            endsAt: occurrence.end,
            templateKey: row.templateKey,
          })),
        )
        .onConflictDoNothing({ target: [meetings.seriesId, meetings.occurrenceDate] });
    }
    await db.update(series).set({ generatedUntil: untilDate }).where(eq(series.id, row.id));
  }
}
