import { and, eq, gt, inArray, lt, ne, or } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { auditPeriodOf } from '../../../core/calendar-audit/audit-period.ts';
import type { AppContext } from '../../context.ts';
import { organizations, people } from '../../db/schema.ts';
import { calendarAudits } from '../../db/schema-insights.ts';
import { meetings } from '../../db/schema-meetings.ts';
import { DEMO_ACCOUNTS, demoEmail } from '../demo/demo-company.ts';
import { importCalendarAudit } from './calendar-audit.service.ts';

const ZONE = 'America/New_York';
const VPS = ['Daniel Okafor', 'Rachel Alvarez', 'Jamal Wright', 'Claire Dubois'];

/**
 * Gives the demo executive an imported calendar of the last four weeks: her Tandem 1:1s as they
 * stand in her calendar, a weekly ops review and exec standups, planning and roadmap sessions,
 * customer QBRs, focus blocks, a declined meeting and a day out of office. The .ics text goes
 * through the same import as an uploaded file. Idempotent: an executive with an audit keeps it.
 */
export async function seedDemoCalendarAudit(
  ctx: Pick<AppContext, 'db'>,
  organizationId: string,
  personIdByEmail: Map<string, string>,
  now = new Date(),
): Promise<{ auditId: string | null; events: number }> {
  const margaretEmail = demoEmail(DEMO_ACCOUNTS.executive);
  const margaretId = personIdByEmail.get(margaretEmail);
  if (!margaretId) return { auditId: null, events: 0 };
  const [existing] = await ctx.db
    .select({ id: calendarAudits.id })
    .from(calendarAudits)
    .where(and(eq(calendarAudits.organizationId, organizationId), eq(calendarAudits.ownerId, margaretId)))
    .limit(1);
  if (existing) return { auditId: existing.id, events: 0 };
  const [org] = await ctx.db.select().from(organizations).where(eq(organizations.id, organizationId));
  if (!org) return { auditId: null, events: 0 };

  const period = auditPeriodOf({}, ZONE, now);
  const oneOnOnes = await ctx.db
    .select({
      start: meetings.startsAt,
      end: meetings.endsAt,
      leaderId: meetings.leaderId,
      reportId: meetings.reportId,
    })
    .from(meetings)
    .where(
      and(
        eq(meetings.organizationId, organizationId),
        or(eq(meetings.leaderId, margaretId), eq(meetings.reportId, margaretId)),
        ne(meetings.status, 'skipped'),
        gt(meetings.startsAt, period.start),
        lt(meetings.startsAt, period.end),
      ),
    );
  const otherIds = oneOnOnes.map((row) => (row.leaderId === margaretId ? row.reportId : row.leaderId));
  const others =
    otherIds.length === 0
      ? []
      : await ctx.db
          .select({ id: people.id, name: people.name, email: people.email })
          .from(people)
          .where(inArray(people.id, [...new Set(otherIds)]));
  const byId = new Map(others.map((other) => [other.id, other]));
  const text = demoCalendarText({
    ownerEmail: margaretEmail,
    periodStart: period.start,
    oneOnOnes: oneOnOnes.flatMap((row, index) => {
      const other = byId.get(otherIds[index]!);
      return other ? [{ start: row.start, end: row.end, withName: other.name, withEmail: other.email }] : [];
    }),
  });
  const imported = await importCalendarAudit(
    ctx.db,
    { organizationId, slug: org.slug, name: org.name, role: 'owner', personId: margaretId },
    { text, sourceName: 'Google Calendar export', timeZone: ZONE },
    { trustedHttpHosts: [], now },
  );
  return { auditId: imported.id, events: imported.eventCount };
}

interface DemoCalendarInput {
  ownerEmail: string;
  periodStart: Date;
  oneOnOnes: Array<{ start: Date; end: Date; withName: string; withEmail: string }>;
}

/** The executive's calendar as Google Calendar exports it (recurring events in her zone). */
export function demoCalendarText(input: DemoCalendarInput): string {
  const owner = input.ownerEmail;
  const vps = VPS.map((name) => demoEmail(name));
  const monday = DateTime.fromJSDate(input.periodStart, { zone: ZONE }).startOf('week');
  const local = (days: number, time: string) => {
    const [hour, minute] = time.split(':').map(Number) as [number, number];
    return monday.plus({ days }).set({ hour, minute }).toFormat("yyyyMMdd'T'HHmmss");
  };
  const utc = (date: Date) => DateTime.fromJSDate(date, { zone: 'UTC' }).toFormat("yyyyMMdd'T'HHmmss'Z'");
  const stamp = utc(input.periodStart);
  const people = (emails: string[], declinedBy?: string) =>
    emails.map(
      (email) =>
        `ATTENDEE;CUTYPE=INDIVIDUAL;PARTSTAT=${email === declinedBy ? 'DECLINED' : 'ACCEPTED'}:mailto:${email}`,
    );
  const events: string[][] = [];
  const event = (uid: string, summary: string, lines: string[]) => {
    events.push([
      'BEGIN:VEVENT',
      `UID:${uid}@harborpine.example`,
      `DTSTAMP:${stamp}`,
      `SUMMARY:${summary}`,
      ...lines,
      'END:VEVENT',
    ]);
  };
  const zoned = (days: number, from: string, to: string) => [
    `DTSTART;TZID=${ZONE}:${local(days, from)}`,
    `DTEND;TZID=${ZONE}:${local(days, to)}`,
  ];

  event('weekly-ops', 'Weekly ops review', [
    ...zoned(0, '10:00', '11:00'),
    'RRULE:FREQ=WEEKLY;COUNT=4;BYDAY=MO',
    `ORGANIZER:mailto:${owner}`,
    ...people([owner, ...vps]),
  ]);
  event('exec-standup', 'Exec standup', [
    ...zoned(1, '09:00', '09:30'),
    'RRULE:FREQ=WEEKLY;COUNT=8;BYDAY=TU,TH',
    `EXDATE;TZID=${ZONE}:${local(10, '09:00')}`,
    ...people([owner, ...vps]),
  ]);
  event('revenue-numbers', 'Revenue numbers review', [
    ...zoned(4, '14:00', '15:00'),
    'RRULE:FREQ=WEEKLY;COUNT=4;BYDAY=FR',
    ...people([owner, demoEmail('Claire Dubois'), demoEmail('Jamal Wright')]),
  ]);
  event('focus', 'Focus time', [...zoned(4, '09:00', '11:00'), 'RRULE:FREQ=WEEKLY;COUNT=4;BYDAY=FR']);
  event('q-planning', 'Quarterly planning: OKRs', [
    ...zoned(9, '13:00', '16:00'),
    ...people([owner, ...vps]),
  ]);
  event('roadmap', 'Roadmap review with product', [
    ...zoned(17, '14:00', '15:30'),
    ...people([owner, demoEmail('Daniel Okafor'), demoEmail('Rachel Alvarez')]),
  ]);
  event('atlas-qbr', 'QBR: Atlas Freight', [
    ...zoned(3, '15:00', '16:00'),
    'RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=2;BYDAY=TH',
    ...people([owner, demoEmail('Jamal Wright'), 'ops.director@atlasfreight.example']),
  ]);
  event('board-prep', 'Board prep with Lindell Partners', [
    ...zoned(23, '11:00', '12:00'),
    ...people([owner, 'partner@lindell.example']),
  ]);
  event('vendor-demo', 'Warehouse robotics demo', [
    ...zoned(16, '16:00', '17:00'),
    ...people([owner, demoEmail('Rachel Alvarez')], owner),
  ]);
  event('ooo', 'Out of office', [
    `DTSTART;VALUE=DATE:${local(25, '00:00').slice(0, 8)}`,
    `DTEND;VALUE=DATE:${local(26, '00:00').slice(0, 8)}`,
  ]);
  event('lunch', 'Lunch', [...zoned(2, '12:00', '13:00'), 'RRULE:FREQ=WEEKLY;COUNT=4;BYDAY=WE']);
  input.oneOnOnes.forEach((meeting, index) => {
    event(`one-on-one-${index}`, `${meeting.withName.split(' ')[0]} / Margaret`, [
      `DTSTART:${utc(meeting.start)}`,
      `DTEND:${utc(meeting.end)}`,
      ...people([owner, meeting.withEmail]),
    ]);
  });
  const lines = [
    'BEGIN:VCALENDAR',
    'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${owner}`,
    `X-WR-TIMEZONE:${ZONE}`,
    ...events.flat(),
    'END:VCALENDAR',
  ];
  return `${lines.join('\r\n')}\r\n`;
}
