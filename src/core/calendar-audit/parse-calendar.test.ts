import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { parseCalendar } from './parse-calendar.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
// Monday 5 October to Sunday 8 November 2026 in Berlin; the clocks go back on 25 October.
const period = { start: new Date('2026-10-04T22:00:00Z'), end: new Date('2026-11-08T23:00:00Z') };
const options = { period, timeZone: 'Europe/Berlin', selfEmails: ['margaret@northwind.example'] };

function startsOf(text: string, title: string): string[] {
  return parseCalendar(text, options)
    .occurrences.filter((occurrence) => occurrence.title === title)
    .map((occurrence) => occurrence.start.toISOString());
}

describe('parseCalendar on a Google Calendar export', () => {
  const google = fixture('google-berlin.ics');

  it('keeps a weekly Berlin 1:1 at 10:00 local time on both sides of the clock change, without the EXDATE and with the moved instance at its new time', () => {
    expect(startsOf(google, 'Daniel / Margaret')).toEqual([
      '2026-10-06T08:00:00.000Z',
      '2026-10-13T08:00:00.000Z',
      // 20 October is excluded; 27 October was moved to Thursday 29 October at 14:00 (CET, UTC+1).
      '2026-10-29T13:00:00.000Z',
      '2026-11-03T09:00:00.000Z',
    ]);
  });

  it('ends each occurrence after its own duration, the moved one included', () => {
    const moved = parseCalendar(google, options).occurrences.find(
      (occurrence) => occurrence.start.toISOString() === '2026-10-29T13:00:00.000Z',
    );
    expect(moved?.end.toISOString()).toBe('2026-10-29T13:45:00.000Z');
    expect(moved?.isRecurring).toBe(true);
  });

  it('expands a Monday-Wednesday-Friday standup until its UNTIL date', () => {
    const standups = startsOf(google, 'Ops standup');
    expect(standups).toHaveLength(15);
    expect(standups[0]).toBe('2026-10-05T07:00:00.000Z');
    expect(standups.at(-1)).toBe('2026-11-06T08:00:00.000Z');
  });

  it('lists the people invited once each, organizer included, without meeting rooms', () => {
    const standup = parseCalendar(google, options).occurrences.find((o) => o.title === 'Ops standup');
    expect(standup?.attendees.map((attendee) => attendee.email)).toEqual([
      'priya.raman@northwind.example',
      'margaret@northwind.example',
      'tom.baker@northwind.example',
    ]);
  });

  it('leaves out the declined event, the all-day offsite and events outside the period, and counts them', () => {
    const parsed = parseCalendar(google, options);
    const titles = new Set(parsed.occurrences.map((occurrence) => occurrence.title));
    expect(titles.has('Sales pipeline review')).toBe(false);
    expect(titles.has('Leadership offsite')).toBe(false);
    expect(titles.has('Budget review')).toBe(false);
    expect(parsed.leftOut).toEqual({ declined: 1, allDay: 1, cancelled: 0 });
  });

  it('keeps the declined event when the owner is not known', () => {
    const parsed = parseCalendar(google, { ...options, selfEmails: [] });
    expect(parsed.occurrences.some((occurrence) => occurrence.title === 'Sales pipeline review')).toBe(true);
  });
});

describe('parseCalendar on an Outlook export with Windows zone names', () => {
  const outlook = fixture('outlook-windows-zones.ics');

  it('reads a Windows-named zone through the file’s own VTIMEZONE, across the clock change', () => {
    expect(startsOf(outlook, '1:1 Lena / Margaret')).toEqual([
      '2026-10-08T09:00:00.000Z',
      '2026-10-22T09:00:00.000Z',
      '2026-10-29T10:00:00.000Z',
      '2026-11-05T10:00:00.000Z',
    ]);
  });

  it('reads a Windows zone name the file does not define through the zone database', () => {
    // 08:00 Pacific on 27 October 2026 is still daylight time (UTC−7).
    expect(startsOf(outlook, 'Weekly ops review')).toEqual(['2026-10-27T15:00:00.000Z']);
  });
});

describe('parseCalendar on other input', () => {
  const wrap = (body: string) => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${body}END:VCALENDAR\r\n`;

  it('reads times without a zone in the audit’s zone', () => {
    const text = wrap(
      'BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20261012T093000\r\nDTEND:20261012T100000\r\nSUMMARY:Hiring sync\r\nEND:VEVENT\r\n',
    );
    expect(parseCalendar(text, options).occurrences[0]?.start.toISOString()).toBe('2026-10-12T07:30:00.000Z');
  });

  it('reads an IANA zone the file does not define, and lists a zone it cannot know', () => {
    const text = wrap(
      'BEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=America/New_York:20261012T090000\r\nDTEND;TZID=America/New_York:20261012T100000\r\nSUMMARY:NY\r\nEND:VEVENT\r\n' +
        'BEGIN:VEVENT\r\nUID:b\r\nDTSTART;TZID=Mars Standard Time:20261013T090000\r\nDTEND;TZID=Mars Standard Time:20261013T100000\r\nSUMMARY:Mars\r\nEND:VEVENT\r\n',
    );
    const parsed = parseCalendar(text, options);
    expect(parsed.occurrences.map((o) => o.start.toISOString())).toEqual([
      '2026-10-12T13:00:00.000Z',
      '2026-10-13T07:00:00.000Z',
    ]);
    expect(parsed.unknownTimeZones).toEqual(['Mars Standard Time']);
  });

  it('leaves out a cancelled instance of a series', () => {
    const text = wrap(
      'BEGIN:VEVENT\r\nUID:s\r\nDTSTART:20261012T080000Z\r\nDTEND:20261012T083000Z\r\nRRULE:FREQ=DAILY;COUNT=3\r\nSUMMARY:Daily\r\nEND:VEVENT\r\n' +
        'BEGIN:VEVENT\r\nUID:s\r\nRECURRENCE-ID:20261013T080000Z\r\nDTSTART:20261013T080000Z\r\nDTEND:20261013T083000Z\r\nSTATUS:CANCELLED\r\nSUMMARY:Daily\r\nEND:VEVENT\r\n',
    );
    const parsed = parseCalendar(text, options);
    expect(parsed.occurrences).toHaveLength(2);
    expect(parsed.leftOut.cancelled).toBe(1);
  });

  it('refuses a file that is not a calendar, naming line 1', () => {
    const error = catchError(() => parseCalendar('name,email\nAnna,anna@x.example\n', options));
    expect(error.fields[0]?.line).toBe(1);
    expect(error.message).toMatch(/not .*iCalendar/);
  });

  it('names the broken line of a damaged file', () => {
    const text =
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nthis line is damaged\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
    const error = catchError(() => parseCalendar(text, options));
    expect(error.fields[0]?.line).toBe(5);
    expect(error.message).toContain('Line 5');
  });

  it('names the line of an event that never ends', () => {
    const text = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nEND:VCALENDAR\r\n';
    const error = catchError(() => parseCalendar(text, options));
    expect(error.message).toContain('VEVENT begun on line 3');
  });
});

function catchError(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('parseCalendar on long-running series', () => {
  it('finds this month’s occurrences of a daily series begun years ago, and a slot moved into the period from before it', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:daily',
      'DTSTART;TZID=Europe/Berlin:20150105T090000',
      'DTEND;TZID=Europe/Berlin:20150105T091500',
      'RRULE:FREQ=DAILY',
      'SUMMARY:Standup',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:daily',
      'RECURRENCE-ID;TZID=Europe/Berlin:20260930T090000',
      'DTSTART;TZID=Europe/Berlin:20261007T170000',
      'DTEND;TZID=Europe/Berlin:20261007T171500',
      'SUMMARY:Standup (moved)',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const parsed = parseCalendar(text, options);
    expect(parsed.occurrences).toHaveLength(36);
    expect(parsed.occurrences[0]?.start.toISOString()).toBe('2026-10-05T07:00:00.000Z');
    expect(
      parsed.occurrences.some(
        (o) => o.title === 'Standup (moved)' && o.start.toISOString() === '2026-10-07T15:00:00.000Z',
      ),
    ).toBe(true);
  });
});
