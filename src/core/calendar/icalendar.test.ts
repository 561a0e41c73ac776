import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../errors.ts';
import { buildCalendarFeed, buildSingleEvent, type CalendarEvent } from './icalendar.ts';
import { occurrences, type SeriesSchedule } from './recurrence.ts';

const stampedAt = new Date('2025-02-20T10:00:00Z');
const berlinSeries: SeriesSchedule = {
  cadence: 'weekly',
  startDate: '2025-03-04',
  startTime: '09:00',
  durationMinutes: 45,
  timeZone: 'Europe/Berlin',
};

function seriesEvents(
  series: SeriesSchedule,
  seriesId: string,
  from: string,
  count: number,
): CalendarEvent[] {
  return occurrences(series, { from: new Date(from), count }).map((occurrence) => ({
    uid: `series-${seriesId}-${occurrence.occurrenceDate}@tandem.example`,
    start: occurrence.start,
    end: occurrence.end,
    summary: '1:1 Ana Lindqvist / Ben Okafor',
    description:
      'Open steps: draft the hiring plan, book the offsite; agenda in Tandem.\nStatus is posted before we meet.',
    url: `https://tandem.example/meetings/${seriesId}/${occurrence.occurrenceDate}`,
    timeZone: series.timeZone,
  }));
}

interface ParsedEvent {
  uid: string;
  start: string;
  end: string;
  startZone: string;
  summary: string;
  description: string;
  url: string;
  status: string;
  sequence: number;
  stamp: string;
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zones = calendar.getAllSubcomponents('vtimezone');
  // Instants are converted with the VTIMEZONEs we wrote: ical.js has no zone data of its own.
  for (const zone of zones) ICAL.TimezoneService.register(zone);
  const events: ParsedEvent[] = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      startZone: event.startDate.zone?.tzid ?? '',
      summary: event.summary,
      description: event.description,
      url: String(component.getFirstPropertyValue('url')),
      status: String(component.getFirstPropertyValue('status')),
      sequence: Number(component.getFirstPropertyValue('sequence')),
      stamp: (component.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString(),
    };
  });
  return {
    method: calendar.getFirstPropertyValue('method'),
    productId: calendar.getFirstPropertyValue('prodid'),
    name: calendar.getFirstPropertyValue('x-wr-calname'),
    version: calendar.getFirstPropertyValue('version'),
    zoneIds: zones.map((zone) => String(zone.getFirstPropertyValue('tzid'))),
    events,
  };
}

afterEach(() => {
  ICAL.TimezoneService.reset();
});

describe('buildCalendarFeed', () => {
  it('publishes the next 8 meetings of a series with their times, stable UIDs and links', () => {
    const events = seriesEvents(berlinSeries, '42', '2025-03-01T00:00:00Z', 8);
    const feed = parse(buildCalendarFeed({ name: 'Ana’s 1:1s', events, stampedAt }));

    expect(feed).toMatchObject({
      method: 'PUBLISH',
      productId: '-//Tandem//Tandem 1:1s//EN',
      version: '2.0',
    });
    expect(feed.name).toBe('Ana’s 1:1s');
    expect(feed.zoneIds).toEqual(['Europe/Berlin']);
    expect(feed.events.map((event) => event.uid)).toEqual(events.map((event) => event.uid));
    expect(feed.events.map((event) => event.start)).toEqual([
      '2025-03-04T08:00:00.000Z',
      '2025-03-11T08:00:00.000Z',
      '2025-03-18T08:00:00.000Z',
      '2025-03-25T08:00:00.000Z',
      '2025-04-01T07:00:00.000Z',
      '2025-04-08T07:00:00.000Z',
      '2025-04-15T07:00:00.000Z',
      '2025-04-22T07:00:00.000Z',
    ]);
    expect(feed.events[4]).toEqual({
      uid: 'series-42-2025-04-01@tandem.example',
      start: '2025-04-01T07:00:00.000Z',
      end: '2025-04-01T07:45:00.000Z',
      startZone: 'Europe/Berlin',
      summary: '1:1 Ana Lindqvist / Ben Okafor',
      description:
        'Open steps: draft the hiring plan, book the offsite; agenda in Tandem.\nStatus is posted before we meet.',
      url: 'https://tandem.example/meetings/42/2025-04-01',
      status: 'CONFIRMED',
      sequence: 0,
      stamp: '2025-02-20T10:00:00.000Z',
    });
  });

  it('writes each meeting at its local wall-clock time with the zone named', () => {
    const text = buildCalendarFeed({
      name: '1:1s',
      events: seriesEvents(berlinSeries, '42', '2025-03-20T00:00:00Z', 2),
      stampedAt,
    });
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20250325T090000\r\n');
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20250401T090000\r\n');
  });

  it('defines every zone it uses so apps convert meetings in Sydney and New York correctly', () => {
    const sydney = { ...berlinSeries, startDate: '2025-04-02', timeZone: 'Australia/Sydney' };
    const newYork = {
      ...berlinSeries,
      startDate: '2025-10-27',
      startTime: '10:00',
      timeZone: 'America/New_York',
    };
    const events = [
      ...seriesEvents(sydney, 'syd', '2025-03-01T00:00:00Z', 2),
      ...seriesEvents(newYork, 'nyc', '2025-10-01T00:00:00Z', 2),
    ];
    const feed = parse(buildCalendarFeed({ name: '1:1s', events, stampedAt }));
    expect(feed.zoneIds).toEqual(['America/New_York', 'Australia/Sydney']);
    expect(feed.events.map((event) => event.start)).toEqual([
      '2025-04-01T22:00:00.000Z',
      '2025-04-08T23:00:00.000Z',
      '2025-10-27T14:00:00.000Z',
      '2025-11-03T15:00:00.000Z',
    ]);
  });

  it('writes UTC times without a zone definition for events kept in UTC, and marks cancellations', () => {
    const cancelled: CalendarEvent = {
      uid: 'series-7-2025-03-05@tandem.example',
      start: new Date('2025-03-05T14:00:00Z'),
      end: new Date('2025-03-05T14:30:00Z'),
      summary: '1:1 Chen / Dara',
      description: 'Cancelled: Dara is on leave.',
      url: 'https://tandem.example/meetings/7/2025-03-05',
      timeZone: 'UTC',
      status: 'CANCELLED',
      sequence: 3,
    };
    const text = buildCalendarFeed({ name: '1:1s', events: [cancelled], stampedAt });
    expect(text).toContain('DTSTART:20250305T140000Z\r\n');
    expect(text).not.toContain('BEGIN:VTIMEZONE');
    const [event] = parse(text).events;
    expect(event).toMatchObject({ start: '2025-03-05T14:00:00.000Z', status: 'CANCELLED', sequence: 3 });
  });

  it('follows RFC 5545 framing: CRLF lines of at most 75 octets, calendar properties before components', () => {
    const events = seriesEvents(berlinSeries, '42', '2025-03-01T00:00:00Z', 3).map((event) => ({
      ...event,
      description: `Ziele für das Quartal — Überblick und nächste Schritte. ${'Wir sprechen über Wachstum. '.repeat(12)}`,
    }));
    const text = buildCalendarFeed({ name: 'Ana’s 1:1s', events, stampedAt });
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    expect(lines.filter((line) => Buffer.byteLength(line, 'utf8') > 75)).toEqual([]);
    const firstComponent = lines.findIndex(
      (line) => line.startsWith('BEGIN:V') && line !== 'BEGIN:VCALENDAR',
    );
    const lastCalendarProperty = Math.max(
      ...['METHOD:', 'PRODID:', 'X-WR-CALNAME:', 'REFRESH-INTERVAL'].map((prefix) =>
        lines.findIndex((line) => line.startsWith(prefix)),
      ),
    );
    expect(lastCalendarProperty).toBeLessThan(firstComponent);
    expect(parse(text).events[0]?.description).toBe(events[0]?.description);
  });

  it('keeps a calendar name or link with line breaks from adding lines of its own', () => {
    const [event] = seriesEvents(berlinSeries, '42', '2025-03-01T00:00:00Z', 1);
    if (event === undefined) throw new Error('no meeting');
    const name = 'Ana, Ben; 1:1s\nBEGIN:VEVENT\nUID:injected';
    const text = buildCalendarFeed({
      name,
      events: [{ ...event, url: 'https://tandem.example/meetings/42\nATTACH:https://elsewhere.example/' }],
      stampedAt,
    });
    const parsed = parse(text);
    // ical.js leaves X- properties undecoded; calendar apps read this back as the name above.
    expect(parsed.name).toBe('Ana\\, Ben\\; 1:1s\\nBEGIN:VEVENT\\nUID:injected');
    expect(parsed.events.map((parsedEvent) => parsedEvent.uid)).toEqual([event.uid]);
    expect(text).not.toMatch(/^(UID:injected|ATTACH)/m);
  });

  it('writes the same text for the same meetings, so a feed refresh changes nothing in the apps', () => {
    const events = seriesEvents(berlinSeries, '42', '2025-03-01T00:00:00Z', 4);
    expect(buildCalendarFeed({ name: '1:1s', events, stampedAt })).toBe(
      buildCalendarFeed({ name: '1:1s', events, stampedAt }),
    );
  });

  it('rejects events an app could not use, naming each field', () => {
    const [good] = seriesEvents(berlinSeries, '42', '2025-03-01T00:00:00Z', 1);
    if (good === undefined) throw new Error('no meeting');
    const bad: CalendarEvent[] = [
      good,
      { ...good },
      { ...good, uid: 'b', end: good.start },
      { ...good, uid: 'c', url: 'meetings/42' },
      { ...good, uid: 'd', timeZone: 'europe/berlin' },
      { ...good, uid: 'e', sequence: -1 },
    ];
    try {
      buildCalendarFeed({ name: '1:1s', events: bad, stampedAt });
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).code).toBe('VALIDATION_FAILED');
      expect((error as AppError).fields.map((field) => field.path)).toEqual([
        'events.1.uid',
        'events.2.end',
        'events.3.url',
        'events.4.timeZone',
        'events.5.sequence',
      ]);
    }
  });
});

describe('buildSingleEvent', () => {
  it('makes a one-meeting .ics file that an app imports at the right time', () => {
    const [event] = seriesEvents(berlinSeries, '42', '2025-03-30T00:00:00Z', 1);
    if (event === undefined) throw new Error('no meeting');
    const text = buildSingleEvent({ event, stampedAt });
    const parsed = parse(text);
    expect(parsed.method).toBe('PUBLISH');
    expect(parsed.name).toBeNull();
    expect(parsed.zoneIds).toEqual(['Europe/Berlin']);
    expect(parsed.events).toHaveLength(1);
    expect(parsed.events[0]).toMatchObject({
      uid: 'series-42-2025-04-01@tandem.example',
      start: '2025-04-01T07:00:00.000Z',
      end: '2025-04-01T07:45:00.000Z',
      url: 'https://tandem.example/meetings/42/2025-04-01',
    });
  });

  it('names the event field that is wrong', () => {
    const [event] = seriesEvents(berlinSeries, '42', '2025-03-30T00:00:00Z', 1);
    if (event === undefined) throw new Error('no meeting');
    expect(() => buildSingleEvent({ event: { ...event, timeZone: 'Nowhere/Land' }, stampedAt })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        fields: [expect.objectContaining({ path: 'event.timeZone' })],
      }),
    );
  });
});

describe('the zone definitions', () => {
  it('let an app convert every hour of a year in Berlin, New York and Sydney to the right instant', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney'];
    // One event a week at an odd hour, each in its own zone, across all of 2025 and into 2026.
    const events: CalendarEvent[] = [];
    for (const timeZone of zones) {
      for (let week = 0; week < 60; week += 1) {
        const start = new Date(Date.UTC(2025, 0, 1, (week * 5) % 24, 30) + week * 7 * 24 * 3600 * 1000);
        events.push({
          uid: `${timeZone}-${week}`,
          start,
          end: new Date(start.getTime() + 30 * 60_000),
          summary: 'check',
          description: 'check',
          url: 'https://tandem.example/',
          timeZone,
        });
      }
    }
    const parsed = parse(buildCalendarFeed({ name: 'zones', events, stampedAt }));
    expect(parsed.events.map((event) => event.start)).toEqual(
      events.map((event) => event.start.toISOString()),
    );
  });
});
