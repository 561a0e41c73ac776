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
 * Goals in an organization where Omar (the owner) manages Lena, who manages Ravi; Otto is Lena's
 * peer and Ada an admin. A goal is its owner's and their manager chain's; its links reach into
 * 1:1s, whose content stays with the two people of each 1:1.
 */
describe.each(await databaseKinds())('goals linked to 1:1s on the %s database', (kind) => {
  let t: TestApp;
  let slug: string;
  let omar: Client;
  let lena: Client;
  let ravi: Client;
  let otto: Client;
  let ada: Client;
  const ids: Record<string, string> = {};
  const url = (path: string) => `/api/orgs/${slug}${path}`;
  const goal = {
    kind: 'growth',
    title: 'Lead the customer onboarding review on my own',
    description: 'Run the quarterly review without Lena in the room.',
    measure: 'Two reviews run end to end, with the customer’s sign-off',
    targetDate: '2026-09-30',
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const owner = await ownerWithOrganization(t.app, 'Omar Owner');
    slug = owner.org.slug;
    omar = owner.client;
    lena = (await memberOf(t, omar, slug, 'member', 'Lena Leader')).client;
    ravi = (await memberOf(t, omar, slug, 'member', 'Ravi Report')).client;
    otto = (await memberOf(t, omar, slug, 'member', 'Otto Other')).client;
    ada = (await memberOf(t, omar, slug, 'admin', 'Ada Admin')).client;
    for (const name of ['omar', 'lena', 'ravi', 'otto']) {
      ids[name] = (await omar.get(url(`/people?q=${name}`))).json().items[0].id;
    }
    await omar.patch(url(`/people/${ids.lena}`), { managerId: ids.omar });
    await omar.patch(url(`/people/${ids.otto}`), { managerId: ids.omar });
    await omar.patch(url(`/people/${ids.ravi}`), { managerId: ids.lena });
    ids.meeting = (
      await lena.post(url('/meetings'), { withPersonId: ids.ravi, startsAt: '2026-03-02T10:00:00.000Z' })
    ).json().id;
    ids.lenaWithOmar = (
      await omar.post(url('/meetings'), { withPersonId: ids.lena, startsAt: '2026-03-03T10:00:00.000Z' })
    ).json().id;
  });
  afterAll(() => t.close());

  it('lets a person set their own goal, and their manager set one for them', async () => {
    const own = await ravi.post(url('/goals'), goal);
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json()).toMatchObject({
      ...goal,
      owner: { name: 'Ravi Report' },
      createdBy: { name: 'Ravi Report' },
      status: 'not-started',
      progress: 0,
      links: [],
      suggestedProgress: null,
    });
    ids.goal = own.json().id;
    const byManager = await lena.post(url('/goals'), {
      ownerId: ids.ravi,
      kind: 'performance',
      title: 'Cut onboarding time for new customers to ten days',
      status: 'at-risk',
    });
    expect(byManager.json()).toMatchObject({
      owner: { name: 'Ravi Report' },
      createdBy: { name: 'Lena Leader' },
    });
    ids.performanceGoal = byManager.json().id;
  });

  it('refuses a goal for someone outside your reporting line, naming the owner field', async () => {
    for (const [client, ownerId] of [
      [otto, ids.ravi],
      [ravi, ids.lena],
    ] as const) {
      const refused = await client.post(url('/goals'), { ...goal, ownerId });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().fields[0].path).toBe('body.ownerId');
    }
    const offScale = await ravi.post(url('/goals'), { ...goal, progress: 120 });
    expect(offScale.statusCode).toBe(400);
    expect(offScale.json().fields[0].path).toBe('body.progress');
  });

  it('shows a person’s goals to them and their manager chain, at-risk first, and to nobody else', async () => {
    for (const allowed of [ravi, lena, omar]) {
      const list = await allowed.get(url(`/people/${ids.ravi}/goals`));
      expect(list.json().map((entry: { id: string }) => entry.id)).toEqual([ids.performanceGoal, ids.goal]);
    }
    for (const other of [otto, ada]) {
      expect((await other.get(url(`/people/${ids.ravi}/goals`))).statusCode).toBe(404);
      expect((await other.get(url(`/goals/${ids.goal}`))).statusCode).toBe(404);
      expect((await other.patch(url(`/goals/${ids.goal}`), { progress: 10 })).statusCode).toBe(404);
      expect((await other.delete(url(`/goals/${ids.goal}`))).statusCode).toBe(404);
    }
  });

  it('lets the manager chain update a goal', async () => {
    const updated = await omar.patch(url(`/goals/${ids.goal}`), { status: 'on-track', progress: 20 });
    expect(updated.json()).toMatchObject({ status: 'on-track', progress: 20, title: goal.title });
  });

  it('counts linked next steps toward the goal, leaving dropped ones out', async () => {
    const step = async (title: string) =>
      (
        await lena.post(url(`/meetings/${ids.meeting}/next-steps`), {
          title,
          ownerId: ids.ravi,
          dueDate: '2026-03-09',
        })
      ).json().id as string;
    const done = await step('Draft the review agenda with the customer');
    const open = await step('Book the review room and invite finance');
    const dropped = await step('Ask sales for last year’s review deck');
    await ravi.patch(url(`/next-steps/${done}`), { status: 'done' });
    await ravi.patch(url(`/next-steps/${dropped}`), {
      status: 'dropped',
      droppedReason: 'The deck is outdated',
    });
    for (const targetId of [done, open, dropped]) {
      const linked = await ravi.post(url(`/goals/${ids.goal}/links`), { kind: 'next-step', targetId });
      expect(linked.statusCode, linked.body).toBe(201);
    }
    const item = await ravi.post(url(`/meetings/${ids.meeting}/agenda`), {
      title: 'Preparing the onboarding review',
    });
    const view = (
      await lena.post(url(`/goals/${ids.goal}/links`), { kind: 'agenda-item', targetId: item.json().id })
    ).json();
    expect(view.steps).toEqual({ total: 3, done: 1, dropped: 1 });
    expect(view.suggestedProgress).toBe(50);
    expect(
      view.links.map((link: { title: string; status: string | null }) => [link.title, link.status]),
    ).toEqual([
      ['Draft the review agenda with the customer', 'done'],
      ['Book the review room and invite finance', 'open'],
      ['Ask sales for last year’s review deck', 'dropped'],
      ['Preparing the onboarding review', null],
    ]);
    ids.openStep = open;
    ids.agendaLink = view.links[3].id;
  });

  it('links a step only once, and only from a 1:1 of both the caller and the goal’s owner', async () => {
    const again = await ravi.post(url(`/goals/${ids.goal}/links`), {
      kind: 'next-step',
      targetId: ids.openStep,
    });
    expect(again.statusCode).toBe(409);
    // Omar sees Ravi's goal but is not in Lena and Ravi's 1:1.
    expect(
      (await omar.post(url(`/goals/${ids.goal}/links`), { kind: 'next-step', targetId: ids.openStep }))
        .statusCode,
    ).toBe(404);
    const otherStep = (
      await lena.post(url(`/meetings/${ids.lenaWithOmar}/next-steps`), { title: 'Share the hiring plan' })
    ).json().id;
    const elsewhere = await lena.post(url(`/goals/${ids.goal}/links`), {
      kind: 'next-step',
      targetId: otherStep,
    });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().fields[0].path).toBe('body.targetId');
  });

  it('shows the manager chain that linked steps exist and how they stand, but not what they say', async () => {
    const view = (await omar.get(url(`/goals/${ids.goal}`))).json();
    expect(view.suggestedProgress).toBe(50);
    expect(
      view.links.every(
        (link: { isVisible: boolean; title: string | null }) => !link.isVisible && !link.title,
      ),
    ).toBe(true);
    expect(view.links.map((link: { status: string | null }) => link.status)).toEqual([
      'done',
      'open',
      'dropped',
      null,
    ]);
    expect(JSON.stringify(view)).not.toContain('review agenda');
  });

  it('raises the suggestion as linked steps get done, and unlinks', async () => {
    await ravi.patch(url(`/next-steps/${ids.openStep}`), { status: 'done' });
    const view = (await ravi.get(url(`/goals/${ids.goal}`))).json();
    expect(view.suggestedProgress).toBe(100);
    const unlinked = await ravi.delete(url(`/goals/${ids.goal}/links/${ids.agendaLink}`));
    expect(unlinked.statusCode).toBe(200);
    expect(unlinked.json().links).toHaveLength(3);
    expect((await ravi.delete(url(`/goals/${ids.goal}/links/${ids.agendaLink}`))).statusCode).toBe(404);
  });

  it('offers each participant of a 1:1 the open goals they may link to', async () => {
    const own = (
      await lena.post(url('/goals'), { kind: 'growth', title: 'Ask before I tell in every 1:1' })
    ).json();
    const forLena = (await lena.get(url(`/meetings/${ids.meeting}/goals`))).json();
    expect(forLena.map((entry: { id: string }) => entry.id).sort()).toEqual(
      [ids.goal, ids.performanceGoal, own.id].sort(),
    );
    const forRavi = (await ravi.get(url(`/meetings/${ids.meeting}/goals`))).json();
    expect(forRavi.map((entry: { id: string }) => entry.id).sort()).toEqual(
      [ids.goal, ids.performanceGoal].sort(),
    );
    expect((await omar.get(url(`/meetings/${ids.meeting}/goals`))).statusCode).toBe(404);
  });

  it('completes a goal marked done and lets its owner delete one', async () => {
    const done = await ravi.patch(url(`/goals/${ids.goal}`), { status: 'done' });
    expect(done.json()).toMatchObject({ status: 'done', progress: 100 });
    expect((await ravi.delete(url(`/goals/${ids.performanceGoal}`))).statusCode).toBe(204);
    expect((await lena.get(url(`/goals/${ids.performanceGoal}`))).statusCode).toBe(404);
  });
});
