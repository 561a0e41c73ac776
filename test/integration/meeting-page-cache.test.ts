import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import {
  type Client,
  createTestApp,
  memberOf,
  ownerWithOrganization,
  type TestApp,
} from '../support/test-app.ts';

/**
 * A server keeps the meeting pages it builds for a few seconds (meeting-page-cache.ts). Every page
 * here is read once before the change, so it is in the cache when the change is made: what the
 * next read shows is what a person would see on reload.
 */
describe.each(await databaseKinds())('meeting pages served from memory on the %s database', (kind) => {
  let t: TestApp;
  let slug: string;
  let omar: Client;
  let lena: Client;
  let ravi: Client;
  let raviUserId: string;
  const ids = { ravi: '', earlier: '', later: '' };
  const page = (client: Client, meetingId: string) => client.get(`/api/orgs/${slug}/meetings/${meetingId}`);

  beforeAll(async () => {
    t = await createTestApp(kind);
    const owner = await ownerWithOrganization(t.app, 'Omar Owner');
    slug = owner.org.slug;
    omar = owner.client;
    lena = (await memberOf(t, omar, slug, 'member', 'Lena Leader')).client;
    const raviMember = await memberOf(t, omar, slug, 'member', 'Ravi Report');
    ravi = raviMember.client;
    raviUserId = raviMember.userId;
    ids.ravi = (await omar.get(`/api/orgs/${slug}/people?q=ravi`)).json().items[0].id;
    const meetingAt = async (daysAhead: number) => {
      const created = await lena.post(`/api/orgs/${slug}/meetings`, {
        withPersonId: ids.ravi,
        startsAt: new Date(Date.now() + daysAhead * 86_400_000).toISOString(),
      });
      expect(created.statusCode, created.body).toBe(201);
      return created.json().id as string;
    };
    ids.earlier = await meetingAt(-7);
    ids.later = await meetingAt(7);
  });
  afterAll(() => t.close());

  it('gives each participant their own page: their role, and their private note only', async () => {
    await page(lena, ids.later);
    await page(ravi, ids.later);
    const saved = await ravi.request('PUT', `/api/orgs/${slug}/meetings/${ids.later}/notes/private`, {
      body: 'Ask about the team lead role',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    for (let read = 0; read < 2; read++) {
      const leaders = (await page(lena, ids.later)).json();
      const reports = (await page(ravi, ids.later)).json();
      expect(leaders.meeting.myRole).toBe('leader');
      expect(leaders.privateNote.body).toBe('');
      expect(JSON.stringify(leaders)).not.toContain('team lead role');
      expect(reports.meeting.myRole).toBe('report');
      expect(reports.privateNote.body).toBe('Ask about the team lead role');
    }
  });

  it('shows a step closed on an earlier 1:1 as no longer carried over on the later one', async () => {
    const step = await lena.post(`/api/orgs/${slug}/meetings/${ids.earlier}/next-steps`, {
      title: 'Draft the onboarding checklist',
    });
    expect(step.statusCode, step.body).toBe(201);
    const carried = () =>
      page(ravi, ids.later).then((answer) =>
        answer.json().carriedOver.map((each: { title: string }) => each.title),
      );
    expect(await carried()).toContain('Draft the onboarding checklist');
    const done = await ravi.patch(`/api/orgs/${slug}/next-steps/${step.json().id}`, { status: 'done' });
    expect(done.statusCode, done.body).toBe(200);
    expect(await carried()).not.toContain('Draft the onboarding checklist');
  });

  it('shows a person renamed in the directory at once', async () => {
    expect((await page(lena, ids.later)).json().meeting.report.name).toBe('Ravi Report');
    const renamed = await omar.patch(`/api/orgs/${slug}/people/${ids.ravi}`, { name: 'Ravi Ramos' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await page(lena, ids.later)).json().meeting.report.name).toBe('Ravi Ramos');
  });

  it('shuts out a removed member at once, though their page and membership were just read', async () => {
    expect((await page(ravi, ids.later)).statusCode).toBe(200);
    const removed = await omar.delete(`/api/orgs/${slug}/members/${raviUserId}`);
    expect(removed.statusCode, removed.body).toBe(204);
    const after = await page(ravi, ids.later);
    expect(after.statusCode).toBe(404);
    expect(after.body).not.toContain('onboarding');
  });
});
