import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import {
  type Client,
  createTestApp,
  memberOf,
  ownerWithOrganization,
  signUp,
  type TestApp,
} from '../support/test-app.ts';

/**
 * Holes a cold review found, each closed and held shut here: an admin taking over a member's
 * directory entry, a report writing a coaching score in someone else's name, a hand-over to
 * someone outside the reporting line, and a partial update silently clearing fields.
 */
describe.each(await databaseKinds())('privacy rules that once had holes, on the %s database', (kind) => {
  let t: TestApp;
  let slug: string;
  let owner: Client;
  let admin: Client;
  let lena: Client;
  let ravi: Client;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    const created = await ownerWithOrganization(t.app, 'Omar Owner');
    slug = created.org.slug;
    owner = created.client;
    admin = (await memberOf(t, owner, slug, 'admin', 'Ada Admin')).client;
    lena = (await memberOf(t, owner, slug, 'member', 'Lena Leader')).client;
    ravi = (await memberOf(t, owner, slug, 'member', 'Ravi Report')).client;
    for (const name of ['omar', 'lena', 'ravi', 'ada']) {
      ids[name] = (await owner.get(`/api/orgs/${slug}/people?q=${name}`)).json().items[0].id;
    }
    await owner.patch(`/api/orgs/${slug}/people/${ids.lena}`, {
      managerId: ids.omar,
      title: 'Engineering Manager',
      timeZone: 'Europe/Berlin',
    });
    await owner.patch(`/api/orgs/${slug}/people/${ids.ravi}`, { managerId: ids.lena });
  });
  afterAll(() => t.close());

  it('keeps every field a partial update leaves out', async () => {
    const renamed = await owner.patch(`/api/orgs/${slug}/people/${ids.lena}`, { name: 'Lena Lindqvist' });
    expect(renamed.json()).toMatchObject({
      name: 'Lena Lindqvist',
      title: 'Engineering Manager',
      managerId: ids.omar,
      timeZone: 'Europe/Berlin',
    });
  });

  it('does not let an admin move a member’s directory entry, and its 1:1 history, to another account', async () => {
    const moved = await admin.patch(`/api/orgs/${slug}/people/${ids.ravi}`, {
      email: 'someone.else@example.com',
    });
    expect(moved.statusCode).toBe(409);
    expect(moved.json().fields[0].path).toBe('body.email');
    // An invitation accepted for an address whose entry is already someone's does not take it over.
    const intruder = await signUp(t.app, 'Ivan Intruder');
    await t.ctx.db.execute(`update people set email = '${intruder.email}' where id = '${ids.ravi}'` as never);
    await admin.post(`/api/orgs/${slug}/invitations`, { email: intruder.email });
    const mail = (await admin.get(`/api/orgs/${slug}/outbox`))
      .json()
      .find((message: { to: string }) => message.to === intruder.email);
    const token = /\/invitations\/([\w-]+)/.exec(mail.text)![1];
    expect((await intruder.client.post(`/api/invitations/${token}/accept`)).statusCode).toBe(409);
  });

  it('does not let a report start a 1:1 in the name of someone who is not above them', async () => {
    const series = await ravi.post(`/api/orgs/${slug}/series`, {
      withPersonId: ids.ada,
      callerIsReport: true,
      startDate: '2030-03-04',
      startTime: '10:00',
      timeZone: 'UTC',
    });
    expect(series.statusCode).toBe(403);
    expect(series.json().fields[0].path).toBe('body.withPersonId');
    const oneOff = await ravi.post(`/api/orgs/${slug}/meetings`, {
      withPersonId: ids.ada,
      callerIsReport: true,
      startsAt: '2030-03-04T10:00:00.000Z',
    });
    expect(oneOff.statusCode).toBe(403);
    // Their own manager is fine.
    expect(
      (
        await ravi.post(`/api/orgs/${slug}/meetings`, {
          withPersonId: ids.lena,
          callerIsReport: true,
          startsAt: '2030-03-05T10:00:00.000Z',
        })
      ).statusCode,
    ).toBe(201);
  });

  it('lets only the leader put a 1:1 up for a coaching score', async () => {
    const meeting = (
      await lena.post(`/api/orgs/${slug}/meetings`, {
        withPersonId: ids.ravi,
        startsAt: '2026-03-02T10:00:00.000Z',
      })
    ).json();
    const transcript =
      'Lena Leader: What would help most today?\nRavi Report: Thinking through the launch plan and who owns what.';
    const byReport = await ravi.request('PUT', `/api/orgs/${slug}/meetings/${meeting.id}/transcript`, {
      text: transcript,
      consent: true,
    });
    expect(byReport.statusCode).toBe(403);
    expect((await ravi.post(`/api/orgs/${slug}/meetings/${meeting.id}/analysis`)).statusCode).toBe(403);
    expect(
      (
        await lena.request('PUT', `/api/orgs/${slug}/meetings/${meeting.id}/transcript`, {
          text: transcript,
          consent: true,
        })
      ).statusCode,
    ).toBe(200);
  });

  it('hands a series over only along the reporting line', async () => {
    const series = (
      await lena.post(`/api/orgs/${slug}/series`, {
        withPersonId: ids.ravi,
        startDate: '2030-01-07',
        startTime: '09:00',
        timeZone: 'UTC',
      })
    ).json();
    const byReport = await ravi.patch(`/api/orgs/${slug}/series/${series.id}`, { leaderId: ids.omar });
    expect(byReport.statusCode).toBe(403);
    const outsideTheLine = await lena.patch(`/api/orgs/${slug}/series/${series.id}`, { leaderId: ids.ada });
    expect(outsideTheLine.statusCode).toBe(403);
    expect(outsideTheLine.json().fields[0].path).toBe('body.leaderId');
    // Omar is above Ravi (through Lena): the leader may hand the series to him.
    expect(
      (await lena.patch(`/api/orgs/${slug}/series/${series.id}`, { leaderId: ids.omar })).json().leader.id,
    ).toBe(ids.omar);
  });
});
