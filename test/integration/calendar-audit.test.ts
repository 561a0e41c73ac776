import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingAnalyses } from '../../src/server/db/schema-meetings.ts';
import { databaseKinds } from '../support/databases.ts';
import {
  type Client,
  createTestApp,
  memberOf,
  ownerWithOrganization,
  type TestApp,
} from '../support/test-app.ts';

/** A Google-style export: a weekly Berlin 1:1 with Lena, a team standup, a customer call, focus time, a declined and an all-day event. */
function googleExport(owner: string, lena: string, colleague: string): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
    'VERSION:2.0',
    'BEGIN:VEVENT',
    'UID:weekly-lena@google.com',
    'DTSTART;TZID=Europe/Berlin:20261006T100000',
    'DTEND;TZID=Europe/Berlin:20261006T110000',
    'RRULE:FREQ=WEEKLY;BYDAY=TU',
    `ORGANIZER;CN=Omar Owner:mailto:${owner}`,
    `ATTENDEE;PARTSTAT=ACCEPTED;CN=Omar Owner:mailto:${owner}`,
    `ATTENDEE;PARTSTAT=ACCEPTED;CN=Lena Leader:mailto:${lena}`,
    'SUMMARY:Lena / Omar',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:standup@google.com',
    'DTSTART;TZID=Europe/Berlin:20261005T090000',
    'DTEND;TZID=Europe/Berlin:20261005T093000',
    'RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR',
    `ATTENDEE;PARTSTAT=ACCEPTED:mailto:${owner}`,
    `ATTENDEE;PARTSTAT=ACCEPTED:mailto:${lena}`,
    `ATTENDEE;PARTSTAT=ACCEPTED:mailto:${colleague}`,
    'SUMMARY:Team standup',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:customer@google.com',
    'DTSTART:20261008T140000Z',
    'DTEND:20261008T150000Z',
    `ATTENDEE;PARTSTAT=ACCEPTED:mailto:${owner}`,
    'ATTENDEE;PARTSTAT=ACCEPTED:mailto:sam@globex.example',
    'SUMMARY:Globex renewal',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:focus@google.com',
    'DTSTART;TZID=Europe/Berlin:20261014T130000',
    'DTEND;TZID=Europe/Berlin:20261014T160000',
    'SUMMARY:Focus time',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:declined@google.com',
    'DTSTART:20261015T140000Z',
    'DTEND:20261015T150000Z',
    `ATTENDEE;PARTSTAT=DECLINED:mailto:${owner}`,
    `ATTENDEE;PARTSTAT=ACCEPTED:mailto:${colleague}`,
    'SUMMARY:Vendor demo',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:allday@google.com',
    'DTSTART;VALUE=DATE:20261016',
    'DTEND;VALUE=DATE:20261017',
    'SUMMARY:Company holiday',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.join('\r\n')}\r\n`;
}

const period = { from: '2026-10-05', to: '2026-10-18', timeZone: 'Europe/Berlin' };

describe.each(await databaseKinds())('the calendar audit on the %s database', (kind) => {
  let t: TestApp;
  let slug: string;
  let omar: Client;
  let lena: Client;
  let admin: Client;
  let ics: string;
  let feedServer: Server;
  let feedBase: string;

  beforeAll(async () => {
    t = await createTestApp(kind, { TANDEM_CALENDAR_FEED_HTTP_HOSTS: '127.0.0.1' });
    const owner = await ownerWithOrganization(t.app, 'Omar Owner');
    slug = owner.org.slug;
    omar = owner.client;
    const lenaAccount = await memberOf(t, omar, slug, 'member', 'Lena Leader');
    lena = lenaAccount.client;
    const adminAccount = await memberOf(t, omar, slug, 'admin', 'Ada Admin');
    admin = adminAccount.client;
    ics = googleExport(owner.email, lenaAccount.email, adminAccount.email);
    const find = async (q: string) => (await omar.get(`/api/orgs/${slug}/people?q=${q}`)).json().items[0];
    const omarPerson = await find('omar');
    const lenaPerson = await find('lena');
    await omar.patch(`/api/orgs/${slug}/people/${omarPerson.id}`, { timeZone: 'Europe/Berlin' });
    // Omar's Tandem 1:1 with Lena on 6 October, analysed as coaching.
    const meeting = (
      await omar.post(`/api/orgs/${slug}/meetings`, {
        withPersonId: lenaPerson.id,
        startsAt: '2026-10-06T08:00:00.000Z',
        durationMinutes: 60,
      })
    ).json();
    await t.ctx.db.insert(meetingAnalyses).values({
      meetingId: meeting.id,
      organizationId: owner.org.id,
      leaderId: omarPerson.id,
      reportId: lenaPerson.id,
      meetingStartsAt: new Date('2026-10-06T08:00:00.000Z'),
      score: 78,
      verdict: 'coaching',
      result: {},
      source: 'notes',
    });
    feedServer = createServer((request, response) => {
      if (request.url === '/calendar.ics') {
        response.writeHead(200, { 'content-type': 'text/calendar' });
        response.end(ics);
      } else if (request.url === '/moved') {
        response.writeHead(302, { location: '/calendar.ics' });
        response.end();
      } else {
        response.writeHead(404);
        response.end();
      }
    });
    await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
    feedBase = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => feedServer.close(resolve));
    await t.close();
  });

  it('imports an export, classifies every occurrence and says what it left out', async () => {
    const response = await omar.post(`/api/orgs/${slug}/calendar-audits`, { text: ics, ...period });
    expect(response.statusCode, response.body).toBe(201);
    const audit = response.json();
    expect(audit.leftOut).toEqual({ declined: 1, allDay: 1, cancelled: 0 });
    expect(audit.weeks.map((week: { weekStart: string }) => week.weekStart)).toEqual([
      '2026-10-05',
      '2026-10-12',
    ]);
    // Week one: the weekly 1:1 (1 h), five standups (2.5 h) and the customer call (1 h).
    expect(audit.weeks[0].hoursByClass).toMatchObject({
      'one-on-one': 1,
      status: 2.5,
      external: 1,
      focus: 0,
    });
    expect(audit.weeks[1].hoursByClass).toMatchObject({ 'one-on-one': 1, status: 2.5, focus: 3 });
    // The first 1:1 is Omar's analysed Tandem 1:1 (coaching): 1 h of 4.5 meeting hours.
    expect(audit.weeks[0].coachingShare).toBeCloseTo(1 / 4.5, 3);
    expect(audit.weeks[1].coachingShare).toBe(0);
    expect(audit.weeks[1].change.coachingShare).toBeCloseTo(-0.222, 3);
    expect(audit.rules.length).toBeGreaterThan(5);

    const events = (await omar.get(`/api/orgs/${slug}/calendar-audits/${audit.id}/events`)).json();
    const first = events.find((event: { title: string }) => event.title === 'Lena / Omar');
    expect(first).toMatchObject({
      eventClass: 'one-on-one',
      rule: 'Matches your Tandem 1:1 with Lena Leader at the same time',
      verdict: 'coaching',
      startsAt: '2026-10-06T08:00:00.000Z',
    });
    const customer = events.find((event: { title: string }) => event.title === 'Globex renewal');
    expect(customer).toMatchObject({ eventClass: 'external', hasExternalAttendees: true });
    expect(events.some((event: { title: string }) => event.title === 'Vendor demo')).toBe(false);
  });

  it('shows the report of a 1:1 its verdict only once the leader has shared it', async () => {
    const audit = (await lena.post(`/api/orgs/${slug}/calendar-audits`, { text: ics, ...period })).json();
    const events = async () =>
      (await lena.get(`/api/orgs/${slug}/calendar-audits/${audit.id}/events`)).json();
    const oneOnOne = (await events()).find((event: { title: string }) => event.title === 'Lena / Omar');
    expect(oneOnOne.verdict).toBeNull();
    expect(audit.weeks[0].coachingShare).toBe(0);
    await t.ctx.db.update(meetingAnalyses).set({ isSharedWithReport: true });
    const shared = (await events()).find((event: { title: string }) => event.title === 'Lena / Omar');
    expect(shared.verdict).toBe('coaching');
    await t.ctx.db.update(meetingAnalyses).set({ isSharedWithReport: false });
    expect((await lena.delete(`/api/orgs/${slug}/calendar-audits/${audit.id}`)).statusCode).toBe(204);
  });

  it('lets only the owner see an audit and its events; the admin and a colleague get 404', async () => {
    const audit = (await omar.post(`/api/orgs/${slug}/calendar-audits`, { text: ics, ...period })).json();
    for (const other of [lena, admin]) {
      expect((await other.get(`/api/orgs/${slug}/calendar-audits/${audit.id}`)).statusCode).toBe(404);
      expect((await other.get(`/api/orgs/${slug}/calendar-audits/${audit.id}/events`)).statusCode).toBe(404);
      expect((await other.delete(`/api/orgs/${slug}/calendar-audits/${audit.id}`)).statusCode).toBe(404);
      expect((await other.get(`/api/orgs/${slug}/calendar-audits`)).json()).toEqual([]);
    }
    const mine = (await omar.get(`/api/orgs/${slug}/calendar-audits`)).json();
    expect(mine.map((item: { id: string }) => item.id)).toContain(audit.id);
  });

  it('re-classifies an event by hand and the summary follows', async () => {
    const audit = (await omar.post(`/api/orgs/${slug}/calendar-audits`, { text: ics, ...period })).json();
    const events = (await omar.get(`/api/orgs/${slug}/calendar-audits/${audit.id}/events`)).json();
    const standup = events.find((event: { title: string }) => event.title === 'Team standup');
    const patched = await omar.patch(`/api/orgs/${slug}/calendar-audits/${audit.id}/events/${standup.id}`, {
      eventClass: 'strategy',
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ eventClass: 'strategy', rule: null, isClassSetByHand: true });
    const summary = (await omar.get(`/api/orgs/${slug}/calendar-audits/${audit.id}`)).json();
    expect(summary.weeks[0].hoursByClass).toMatchObject({ status: 2, strategy: 0.5 });
    const wrong = await omar.patch(`/api/orgs/${slug}/calendar-audits/${audit.id}/events/${standup.id}`, {
      eventClass: 'lunch',
    });
    expect(wrong.statusCode).toBe(400);
  });

  it('refuses a damaged file with 422 and the line, storing nothing', async () => {
    const before = (await omar.get(`/api/orgs/${slug}/calendar-audits`)).json().length;
    const damaged = ics.replace('SUMMARY:Globex renewal', 'this is not a calendar line');
    const response = await omar.post(`/api/orgs/${slug}/calendar-audits`, { text: damaged, ...period });
    expect(response.statusCode).toBe(422);
    const line = ics.split('\r\n').indexOf('SUMMARY:Globex renewal') + 1;
    expect(response.json().fields[0].line).toBe(line);
    expect(response.json().detail).toContain(`Line ${line}`);
    expect((await omar.get(`/api/orgs/${slug}/calendar-audits`)).json()).toHaveLength(before);
  });

  it('takes the file as base64 and a feed by URL, following a redirect', async () => {
    const byFile = await omar.post(`/api/orgs/${slug}/calendar-audits`, {
      base64: Buffer.from(ics).toString('base64'),
      ...period,
    });
    expect(byFile.statusCode, byFile.body).toBe(201);
    const byFeed = await omar.post(`/api/orgs/${slug}/calendar-audits`, {
      url: `${feedBase}/moved`,
      ...period,
    });
    expect(byFeed.statusCode, byFeed.body).toBe(201);
    expect(byFeed.json().sourceName).toBe('Feed from 127.0.0.1');
    expect(byFeed.json().total.hoursByClass).toEqual(byFile.json().total.hoursByClass);
  });

  it('refuses a feed that is not https, points into a private network or does not answer 200', async () => {
    const cases = [
      ['http://calendar.example/feed.ics', 'https://'],
      ['https://10.0.0.8/feed.ics', 'private network'],
      ['https://localhost/feed.ics', 'private network'],
      [`${feedBase}/missing.ics`, 'HTTP 404'],
    ];
    for (const [url, message] of cases) {
      const response = await omar.post(`/api/orgs/${slug}/calendar-audits`, { url, ...period });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().detail).toContain(message);
    }
  });

  it('deletes an audit with its events', async () => {
    const audit = (await omar.post(`/api/orgs/${slug}/calendar-audits`, { text: ics, ...period })).json();
    expect((await omar.delete(`/api/orgs/${slug}/calendar-audits/${audit.id}`)).statusCode).toBe(204);
    expect((await omar.get(`/api/orgs/${slug}/calendar-audits/${audit.id}`)).statusCode).toBe(404);
    expect((await omar.get(`/api/orgs/${slug}/calendar-audits/${audit.id}/events`)).statusCode).toBe(404);
  });
});
