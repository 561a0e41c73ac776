import ICAL from 'ical.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { Client, createTestApp, memberOf, ownerWithOrganization, type TestApp } from '../support/test-app.ts';

const DAY_MS = 86_400_000;

interface FeedEvent {
  uid: string;
  summary: string;
  url: string;
  status: string;
  sequence: number;
  start: Date;
  zone: string;
  localTime: string;
}

function parseCalendar(text: string): { name: string; events: FeedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  // ical.js has no zone data of its own: times are read through the VTIMEZONEs the feed carries.
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    const start = event.startDate;
    return {
      uid: event.uid,
      summary: event.summary,
      url: String(component.getFirstPropertyValue('url')),
      status: String(component.getFirstPropertyValue('status')),
      sequence: Number(component.getFirstPropertyValue('sequence')),
      start: start.toJSDate(),
      zone: start.zone?.tzid ?? '',
      localTime: `${String(start.hour).padStart(2, '0')}:${String(start.minute).padStart(2, '0')}`,
    };
  });
  return { name: String(calendar.getFirstPropertyValue('x-wr-calname')), events };
}

function utcOffset(zone: string, at: Date): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')!.value;
}

/** The zone (of a few with daylight-saving time) whose clocks change soonest, and the UTC date of that change. */
function soonestClockChange(now: Date): { zone: string; date: string } {
  const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'America/Santiago'];
  for (let day = 1; day <= 160; day++) {
    const noon = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + day, 12));
    const dayBefore = new Date(noon.getTime() - DAY_MS);
    const zone = zones.find((candidate) => utcOffset(candidate, noon) !== utcOffset(candidate, dayBefore));
    if (zone) return { zone, date: noon.toISOString().slice(0, 10) };
  }
  throw new Error('none of the zones changes its clocks within 160 days');
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Lena leads a weekly 1:1 with Ravi; Omar (the owner and Lena's manager), an admin and another
 * member, Otto, are in the same organization but not in that 1:1.
 */
describe.each(await databaseKinds())('calendar feeds on the %s database', (kind) => {
  let t: TestApp;
  let slug: string;
  let orgName: string;
  let omar: Client;
  let lena: Client;
  let ravi: Client;
  let admin: Client;
  let otto: Client;
  const anonymous = () => new Client(t.app);
  const ids: Record<string, string> = {};
  const clockChange = soonestClockChange(new Date());
  let feedUrl: string;

  const personId = async (q: string) =>
    (await omar.get(`/api/orgs/${slug}/people?q=${q}`)).json().items[0].id as string;
  const fetchFeed = (url: string, headers?: Record<string, string>) =>
    anonymous().get(new URL(url).pathname, headers);
  const lenaAndRavi = (events: FeedEvent[]) =>
    events.filter((event) => event.summary === '1:1 Lena Leader / Ravi Report');

  beforeAll(async () => {
    t = await createTestApp(kind);
    const owner = await ownerWithOrganization(t.app, 'Omar Owner');
    slug = owner.org.slug;
    orgName = owner.org.name;
    omar = owner.client;
    lena = (await memberOf(t, omar, slug, 'member', 'Lena Leader')).client;
    ravi = (await memberOf(t, omar, slug, 'member', 'Ravi Report')).client;
    admin = (await memberOf(t, omar, slug, 'admin', 'Ada Admin')).client;
    otto = (await memberOf(t, omar, slug, 'member', 'Otto Other')).client;
    ids.ravi = await personId('ravi');
    const startDate = new Date(Date.parse(clockChange.date) - 14 * DAY_MS);
    const created = await lena.post(`/api/orgs/${slug}/series`, {
      withPersonId: ids.ravi,
      cadence: 'weekly',
      startDate: isoDate(startDate < new Date() ? new Date(Date.now() + DAY_MS) : startDate),
      startTime: '09:00',
      durationMinutes: 45,
      timeZone: clockChange.zone,
    });
    if (created.statusCode !== 201) throw new Error(`series: ${created.body}`);
  });
  afterAll(() => t.close());
  afterEach(() => ICAL.TimezoneService.reset());

  it('shows a new feed URL once, then only says that a feed exists', async () => {
    const created = await ravi.post(`/api/orgs/${slug}/calendar-feed`);
    expect(created.statusCode, created.body).toBe(201);
    feedUrl = created.json().url;
    expect(feedUrl).toMatch(/^http:\/\/localhost:3000\/api\/calendar\/tdc_[\w-]{40,}\.ics$/);
    const status = await ravi.get(`/api/orgs/${slug}/calendar-feed`);
    expect(status.json()).toEqual({ hasFeed: true, createdAt: created.json().createdAt });
    expect(status.body).not.toContain('tdc_');
    expect((await otto.get(`/api/orgs/${slug}/calendar-feed`)).json()).toEqual({
      hasFeed: false,
      createdAt: null,
    });
  });

  it('keeps the 09:00 wall-clock time of the series in its own zone across a change of the clocks', async () => {
    const response = await fetchFeed(feedUrl);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const feed = parseCalendar(response.body);
    expect(feed.name).toBe(`Ravi Report’s 1:1s (${orgName})`);
    const events = lenaAndRavi(feed.events);
    expect(events.every((event) => event.zone === clockChange.zone && event.localTime === '09:00')).toBe(
      true,
    );
    const before = events.filter((event) => isoDate(event.start) < clockChange.date);
    const after = events.filter((event) => isoDate(event.start) >= clockChange.date);
    expect(before.length).toBeGreaterThan(0);
    expect(after.length).toBeGreaterThan(0);
    const utcTime = (event: FeedEvent) => event.start.toISOString().slice(11, 16);
    expect(new Set(before.map(utcTime)).size).toBe(1);
    expect(new Set(after.map(utcTime)).size).toBe(1);
    const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
    expect(Math.abs(minutes(utcTime(before[0]!)) - minutes(utcTime(after[0]!)))).toBe(60);
  });

  it('reaches half a year ahead, even beyond the meetings generated so far', async () => {
    const events = lenaAndRavi(parseCalendar((await fetchFeed(feedUrl)).body).events);
    const last = events.at(-1)!;
    expect(last.start.getTime()).toBeGreaterThan(Date.now() + 172 * DAY_MS);
    expect(last.start.getTime()).toBeLessThan(Date.now() + 180 * DAY_MS);
    const gaps = events
      .slice(1)
      .map((event, index) => event.start.getTime() - events[index]!.start.getTime());
    expect(gaps.every((gap) => Math.abs(gap - 7 * DAY_MS) <= 3_600_000)).toBe(true);
  });

  it('links each event to its meeting page with a UID that stays the same from one fetch to the next', async () => {
    const upcoming = (await ravi.get(`/api/orgs/${slug}/meetings?scope=upcoming&limit=200`)).json();
    const first = parseCalendar((await fetchFeed(feedUrl)).body).events;
    ICAL.TimezoneService.reset();
    const second = parseCalendar((await fetchFeed(feedUrl)).body).events;
    expect(second.map((event) => event.uid)).toEqual(first.map((event) => event.uid));
    expect(new Set(first.map((event) => event.uid)).size).toBe(first.length);
    const event = first[0]!;
    expect(event.url).toBe(`http://localhost:3000/o/${slug}/meetings/${upcoming[0].id}`);
    expect(event.uid).toBe(`meeting-${upcoming[0].id}@localhost`);
  });

  it('answers an unchanged feed with 304 to a calendar app that sends its ETag', async () => {
    const first = await fetchFeed(feedUrl);
    const again = await fetchFeed(feedUrl);
    expect(again.body).toBe(first.body);
    const etag = String(first.headers.etag);
    expect((await fetchFeed(feedUrl, { 'if-none-match': etag })).statusCode).toBe(304);
  });

  it('lists a moved 1:1 at its new time with a higher SEQUENCE and a skipped one as cancelled', async () => {
    const upcoming = (await ravi.get(`/api/orgs/${slug}/meetings?scope=upcoming&limit=200`)).json();
    const [toMove, toSkip] = [upcoming[2], upcoming[3]];
    const newStart = new Date(Date.parse(toMove.startsAt) + 2 * 3_600_000).toISOString();
    expect(
      (await ravi.patch(`/api/orgs/${slug}/meetings/${toMove.id}`, { startsAt: newStart })).statusCode,
    ).toBe(200);
    await lena.patch(`/api/orgs/${slug}/meetings/${toSkip.id}`, { status: 'skipped' });
    const events = parseCalendar((await fetchFeed(feedUrl)).body).events;
    const moved = events.find((event) => event.uid === `meeting-${toMove.id}@localhost`)!;
    const skipped = events.find((event) => event.uid === `meeting-${toSkip.id}@localhost`)!;
    expect(moved).toMatchObject({ sequence: 1, status: 'CONFIRMED', localTime: '11:00' });
    expect(moved.start.toISOString()).toBe(newStart);
    expect(skipped).toMatchObject({ sequence: 1, status: 'CANCELLED' });
    expect(events.find((event) => event.uid === `meeting-${upcoming[0].id}@localhost`)).toMatchObject({
      sequence: 0,
      status: 'CONFIRMED',
    });
  });

  it('includes the last month but not what is older', async () => {
    const at = (daysAgo: number) =>
      lena.post(`/api/orgs/${slug}/meetings`, {
        withPersonId: ids.ravi,
        startsAt: new Date(Date.now() - daysAgo * DAY_MS).toISOString(),
      });
    const recent = (await at(10)).json().id;
    const old = (await at(40)).json().id;
    const uids = parseCalendar((await fetchFeed(feedUrl)).body).events.map((event) => event.uid);
    expect(uids).toContain(`meeting-${recent}@localhost`);
    expect(uids).not.toContain(`meeting-${old}@localhost`);
  });

  it('never gives a non-participant someone else’s 1:1, in a feed or as a file', async () => {
    const meetingId = (await ravi.get(`/api/orgs/${slug}/meetings?scope=upcoming`)).json()[0].id;
    const ottoFeed = (await otto.post(`/api/orgs/${slug}/calendar-feed`)).json().url;
    const ottoEvents = parseCalendar((await fetchFeed(ottoFeed)).body).events;
    expect(ottoEvents).toEqual([]);
    for (const outsider of [omar, admin, otto]) {
      const file = await outsider.get(`/api/orgs/${slug}/meetings/${meetingId}/ics`);
      expect(file.statusCode).toBe(404);
      expect(file.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('downloads one 1:1 as an .ics attachment with the same UID as in the feed', async () => {
    const meeting = (await lena.get(`/api/orgs/${slug}/meetings?scope=upcoming`)).json()[0];
    const file = await lena.get(`/api/orgs/${slug}/meetings/${meeting.id}/ics`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="1on1-${meeting.startsAt.slice(0, 10)}.ics"`,
    );
    const [event] = parseCalendar(file.body).events;
    expect(event).toMatchObject({
      uid: `meeting-${meeting.id}@localhost`,
      summary: '1:1 Lena Leader / Ravi Report',
      url: `http://localhost:3000/o/${slug}/meetings/${meeting.id}`,
      zone: clockChange.zone,
      localTime: '09:00',
    });
  });

  it('replaces a feed with a new URL, after which the old one answers 404', async () => {
    const replaced = (await ravi.post(`/api/orgs/${slug}/calendar-feed`)).json().url;
    expect(replaced).not.toBe(feedUrl);
    const old = await fetchFeed(feedUrl);
    expect(old.statusCode).toBe(404);
    expect(old.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect((await fetchFeed(replaced)).statusCode).toBe(200);
    feedUrl = replaced;
  });

  it('revokes a feed: its URL answers 404 and nothing is left to revoke', async () => {
    expect((await ravi.delete(`/api/orgs/${slug}/calendar-feed`)).statusCode).toBe(204);
    const revoked = await fetchFeed(feedUrl);
    expect(revoked.statusCode).toBe(404);
    expect(revoked.headers['content-type']).toContain('application/problem+json');
    expect((await ravi.get(`/api/orgs/${slug}/calendar-feed`)).json().hasFeed).toBe(false);
    expect((await ravi.delete(`/api/orgs/${slug}/calendar-feed`)).statusCode).toBe(404);
    expect((await fetchFeed('http://localhost:3000/api/calendar/not-a-token.ics')).statusCode).toBe(404);
  });
});
