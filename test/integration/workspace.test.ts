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
 * The 1:1 workspace between a leader (Lena) and her report (Ravi), with Lena's own manager (the
 * owner, Omar), an admin, and another leader watching from outside.
 */
describe.each(await databaseKinds())('the 1:1 workspace on the %s database', (kind) => {
  let t: TestApp;
  let slug: string;
  let omar: Client;
  let lena: Client;
  let ravi: Client;
  let admin: Client;
  let otherLeader: Client;
  const ids: Record<string, string> = {};

  const personId = async (client: Client, q: string) =>
    (await client.get(`/api/orgs/${slug}/people?q=${q}`)).json().items[0].id as string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const owner = await ownerWithOrganization(t.app, 'Omar Owner');
    slug = owner.org.slug;
    omar = owner.client;
    lena = (await memberOf(t, omar, slug, 'member', 'Lena Leader')).client;
    ravi = (await memberOf(t, omar, slug, 'member', 'Ravi Report')).client;
    admin = (await memberOf(t, omar, slug, 'admin', 'Ada Admin')).client;
    otherLeader = (await memberOf(t, omar, slug, 'member', 'Otto Other')).client;
    ids.omar = await personId(omar, 'omar');
    ids.lena = await personId(omar, 'lena');
    ids.ravi = await personId(omar, 'ravi');
    await omar.patch(`/api/orgs/${slug}/people/${ids.lena}`, { managerId: ids.omar });
    await omar.patch(`/api/orgs/${slug}/people/${ids.ravi}`, { managerId: ids.lena });
  });
  afterAll(() => t.close());

  it('starts a weekly series and generates at least the next 8 meetings', async () => {
    const created = await lena.post(`/api/orgs/${slug}/series`, {
      withPersonId: ids.ravi,
      cadence: 'weekly',
      startDate: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
      startTime: '09:30',
      durationMinutes: 30,
      timeZone: 'Europe/Berlin',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().description).toMatch(/^Every \w+ at 09:30 \(Europe\/Berlin\)/);
    ids.series = created.json().id;
    const upcoming = (await ravi.get(`/api/orgs/${slug}/meetings?scope=upcoming`)).json();
    expect(upcoming.length).toBeGreaterThanOrEqual(8);
    expect(upcoming[0]).toMatchObject({ myRole: 'report', leader: { name: 'Lena Leader' } });
    ids.first = upcoming[0].id;
    ids.second = upcoming[1].id;
  });

  it('lets both add topics, guesses their type and nudges status items to the async update', async () => {
    const mine = await ravi.post(`/api/orgs/${slug}/meetings/${ids.first}/agenda`, {
      title: 'Should we move the launch to March?',
    });
    expect(mine.json()).toMatchObject({ type: 'decision', authorName: 'Ravi Report', isStatusNudged: false });
    const status = await lena.post(`/api/orgs/${slug}/meetings/${ids.first}/agenda`, {
      title: 'Status update on the billing migration',
    });
    expect(status.json()).toMatchObject({ type: 'status', isStatusNudged: true });
    const reordered = await lena.request('PUT', `/api/orgs/${slug}/meetings/${ids.first}/agenda/order`, {
      itemIds: [status.json().id, mine.json().id],
    });
    expect(reordered.json().map((item: { title: string }) => item.title)[0]).toMatch(/Status update/);
  });

  it('takes the status update from the report only', async () => {
    const posted = await ravi.request('PUT', `/api/orgs/${slug}/meetings/${ids.first}/status-update`, {
      wins: 'Shipped invoices v2',
      blocked: 'Waiting on legal',
    });
    expect(posted.statusCode).toBe(200);
    expect(
      (await lena.request('PUT', `/api/orgs/${slug}/meetings/${ids.first}/status-update`, { wins: 'x' }))
        .statusCode,
    ).toBe(403);
    expect((await lena.get(`/api/orgs/${slug}/meetings/${ids.first}`)).json().statusUpdate.wins).toBe(
      'Shipped invoices v2',
    );
  });

  it('keeps a private note to its author, sealed in the database', async () => {
    await lena.request('PUT', `/api/orgs/${slug}/meetings/${ids.first}/notes/private`, {
      body: 'Ravi seems tired; ask about workload',
    });
    expect((await lena.get(`/api/orgs/${slug}/meetings/${ids.first}`)).json().privateNote.body).toBe(
      'Ravi seems tired; ask about workload',
    );
    expect((await ravi.get(`/api/orgs/${slug}/meetings/${ids.first}`)).json().privateNote.body).toBe('');
    expect((await ravi.get(`/api/orgs/${slug}/meetings/${ids.first}/notes/private`)).json().body).toBe('');
    const stored = await t.ctx.database.db.execute('select ciphertext from private_notes' as never);
    expect(JSON.stringify(stored)).not.toContain('tired');
  });

  it('shows the meeting to its two participants only: not to the leader’s manager, an admin or another leader', async () => {
    for (const outsider of [omar, admin, otherLeader]) {
      const response = await outsider.get(`/api/orgs/${slug}/meetings/${ids.first}`);
      expect(response.statusCode).toBe(404);
      expect((await outsider.get(`/api/orgs/${slug}/meetings/${ids.first}/notes/private`)).statusCode).toBe(
        404,
      );
      expect(
        (await outsider.post(`/api/orgs/${slug}/meetings/${ids.first}/agenda`, { title: 'Sneaky' }))
          .statusCode,
      ).toBe(404);
    }
  });

  it('refuses a shared-notes save based on an old version, so nobody loses words silently', async () => {
    const first = await lena.request('PUT', `/api/orgs/${slug}/meetings/${ids.first}/notes/shared`, {
      body: '# Notes\n- launch',
      baseVersion: 0,
    });
    expect(first.json().version).toBe(1);
    const stale = await ravi.request('PUT', `/api/orgs/${slug}/meetings/${ids.first}/notes/shared`, {
      body: 'my version',
      baseVersion: 0,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.body).toBe('# Notes\n- launch');
    const merged = await ravi.request('PUT', `/api/orgs/${slug}/meetings/${ids.first}/notes/shared`, {
      body: '# Notes\n- launch\n- legal',
      baseVersion: 1,
    });
    expect(merged.json()).toMatchObject({ version: 2, updatedByName: 'Ravi Report' });
  });

  it('closes only with a next step that has an owner and a date, or a reason', async () => {
    const refused = await lena.post(`/api/orgs/${slug}/meetings/${ids.first}/close`, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].path).toBe('body.noNextStepsReason');
    const step = await ravi.post(`/api/orgs/${slug}/meetings/${ids.first}/next-steps`, {
      title: 'Draft the March launch plan',
      ownerId: ids.ravi,
      dueDate: '2020-01-10',
    });
    expect(step.json()).toMatchObject({ isOverdue: true, proposedById: ids.ravi });
    ids.step = step.json().id;
    expect(
      (
        await lena.post(`/api/orgs/${slug}/meetings/${ids.first}/next-steps`, {
          title: 'x',
          ownerId: ids.omar,
        })
      ).statusCode,
    ).toBe(400);
    const closed = await lena.post(`/api/orgs/${slug}/meetings/${ids.first}/close`, {});
    expect(closed.json().status).toBe('completed');
  });

  it('opens the next meeting with what was committed, until it is closed', async () => {
    const next = (await lena.get(`/api/orgs/${slug}/meetings/${ids.second}`)).json();
    expect(next.carriedOver.map((step: { title: string }) => step.title)).toEqual([
      'Draft the March launch plan',
    ]);
    expect(next.template.steps[0].title).toBe('What did we commit to?');
    const mine = (await ravi.get(`/api/orgs/${slug}/next-steps/mine`)).json();
    expect(mine.items[0]).toMatchObject({ title: 'Draft the March launch plan', isOverdue: true });
    expect(mine.followThrough).toEqual({ due: 1, doneOnTime: 0, rate: 0 });
    expect(
      (await ravi.patch(`/api/orgs/${slug}/next-steps/${ids.step}`, { status: 'dropped' })).statusCode,
    ).toBe(400);
    await ravi.patch(`/api/orgs/${slug}/next-steps/${ids.step}`, { status: 'done' });
    expect((await lena.get(`/api/orgs/${slug}/meetings/${ids.second}`)).json().carriedOver).toEqual([]);
  });

  it('moves and skips a meeting, and offers to hand the series over when the manager changes', async () => {
    const moved = await ravi.patch(`/api/orgs/${slug}/meetings/${ids.second}`, {
      startsAt: '2031-05-05T13:00:00.000Z',
    });
    expect(moved.json()).toMatchObject({ isMoved: true, startsAt: '2031-05-05T13:00:00.000Z' });
    expect(
      (await ravi.patch(`/api/orgs/${slug}/meetings/${ids.second}`, { status: 'skipped' })).json().status,
    ).toBe('skipped');
    await omar.patch(`/api/orgs/${slug}/people/${ids.ravi}`, { managerId: ids.omar });
    const series = (await lena.get(`/api/orgs/${slug}/series`)).json()[0];
    expect(series.suggestedLeader).toMatchObject({ name: 'Omar Owner' });
    const handed = await lena.patch(`/api/orgs/${slug}/series/${ids.series}`, { leaderId: ids.omar });
    expect(handed.json()).toMatchObject({ leader: { name: 'Omar Owner' }, suggestedLeader: null });
  });

  it('streams a change to the other participant within two seconds', async () => {
    const meeting = (await omar.get(`/api/orgs/${slug}/meetings?scope=upcoming`))
      .json()
      .find((m: { myRole: string }) => m.myRole === 'leader');
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const controller = new AbortController();
      const stream = await fetch(`${address}/api/orgs/${slug}/meetings/${meeting.id}/events`, {
        headers: { cookie: ravi.cookie! },
        signal: controller.signal,
      });
      expect(stream.headers.get('content-type')).toContain('text/event-stream');
      const reader = stream.body!.getReader();
      const started = Date.now();
      await omar.post(`/api/orgs/${slug}/meetings/${meeting.id}/agenda`, {
        title: 'Career path after the reorg',
      });
      let received = '';
      while (!received.includes('event: change') && Date.now() - started < 2_000) {
        const { value } = await reader.read();
        received += new TextDecoder().decode(value);
      }
      controller.abort();
      expect(received).toContain('"kind":"agenda"');
    } finally {
      await t.app.close().catch(() => {});
    }
  });
});
