import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModulesBySkill } from '../../src/server/features/growth/academy-module-index.ts';
import { databaseKinds } from '../support/databases.ts';
import {
  type Client,
  createTestApp,
  memberOf,
  ownerWithOrganization,
  type TestApp,
} from '../support/test-app.ts';

/**
 * Development plans in an organization where Omar (the owner) manages Lena, who manages Ravi;
 * Otto is Lena's peer and Ada an admin. The Academy modules are being written while this runs, so
 * the expected module of a skill is read from the same folder the server reads.
 */
describe.each(await databaseKinds())('development plans on the %s database', (kind) => {
  let t: TestApp;
  let slug: string;
  let omar: Client;
  let lena: Client;
  let ravi: Client;
  let otto: Client;
  let ada: Client;
  const ids: Record<string, string> = {};
  const url = (path: string) => `/api/orgs/${slug}${path}`;
  const planUrl = () => url(`/people/${ids.ravi}/development-plan`);

  beforeAll(async () => {
    t = await createTestApp(kind);
    const owner = await ownerWithOrganization(t.app, 'Omar Owner');
    slug = owner.org.slug;
    omar = owner.client;
    lena = (await memberOf(t, omar, slug, 'member', 'Lena Leader')).client;
    ravi = (await memberOf(t, omar, slug, 'member', 'Ravi Report')).client;
    otto = (await memberOf(t, omar, slug, 'member', 'Otto Other')).client;
    ada = (await memberOf(t, omar, slug, 'admin', 'Ada Admin')).client;
    for (const name of ['omar', 'lena', 'ravi']) {
      ids[name] = (await omar.get(url(`/people?q=${name}`))).json().items[0].id;
    }
    await omar.patch(url(`/people/${ids.lena}`), { managerId: ids.omar });
    await omar.patch(url(`/people/${ids.ravi}`), { managerId: ids.lena });
  });
  afterAll(() => t.close());

  it('starts empty, suggesting the skills the latest assessments point to', async () => {
    expect((await ravi.get(planUrl())).json()).toMatchObject({ items: [], suggestions: [], updatedAt: null });
    const skillIds: string[] = (await ravi.get(url('/skills')))
      .json()
      .map((skill: { id: string }) => skill.id);
    const all = (level: number, low: Record<string, number>) => ({
      ratings: { ...Object.fromEntries(skillIds.map((id) => [id, level])), ...low },
    });
    for (const [client, assessmentKind, ratings] of [
      [ravi, 'self', all(3, { 'giving-feedback': 2 })],
      [lena, 'manager', all(3, { 'giving-feedback': 2, 'listening-and-reflecting': 1 })],
    ] as const) {
      const id = (
        await client.post(url('/assessments'), { subjectId: ids.ravi, kind: assessmentKind })
      ).json().id;
      await client.request('PUT', url(`/assessments/${id}`), ratings);
      expect((await client.post(url(`/assessments/${id}/submit`))).statusCode).toBe(200);
    }
    const modules = await loadModulesBySkill();
    const plan = (await ravi.get(planUrl())).json();
    expect(plan.suggestions).toEqual([
      {
        skillId: 'listening-and-reflecting',
        name: 'Listening and reflecting',
        moduleId: modules.get('listening-and-reflecting')?.id ?? null,
      },
      {
        skillId: 'giving-feedback',
        name: expect.any(String),
        moduleId: modules.get('giving-feedback')?.id ?? null,
      },
    ]);
  });

  it('saves up to three skills with actions, each with the Academy module of its skill when there is one', async () => {
    const saved = await ravi.request('PUT', planUrl(), {
      items: [
        {
          skillId: 'listening-and-reflecting',
          actions: 'Summarise what the customer said before I answer, in every call this month.',
        },
        { skillId: 'giving-feedback', actions: 'Give Mia feedback on her demo within a day.' },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const modules = await loadModulesBySkill();
    expect(saved.json().items).toEqual([
      {
        skillId: 'listening-and-reflecting',
        skillName: 'Listening and reflecting',
        actions: 'Summarise what the customer said before I answer, in every call this month.',
        moduleId: modules.get('listening-and-reflecting')?.id ?? null,
        moduleTitle: modules.get('listening-and-reflecting')?.title ?? null,
        position: 1,
      },
      expect.objectContaining({
        skillId: 'giving-feedback',
        moduleId: modules.get('giving-feedback')?.id ?? null,
        position: 2,
      }),
    ]);
    // Both suggested skills are in the plan now.
    expect(saved.json().suggestions).toEqual([]);
    expect(saved.json().updatedAt).not.toBeNull();
  });

  it('refuses a fourth skill, naming the field', async () => {
    const refused = await lena.request('PUT', planUrl(), {
      items: ['giving-feedback', 'listening-and-reflecting', 'strategic-thinking', 'decision-making'].map(
        (skillId) => ({
          skillId,
          actions: 'Practise it weekly.',
        }),
      ),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].path).toBe('body.items');
    expect((await ravi.get(planUrl())).json().items).toHaveLength(2);
  });

  it('names an unknown skill, a repeated skill and an unknown module', async () => {
    const refused = await lena.request('PUT', planUrl(), {
      items: [
        { skillId: 'juggling-chainsaws', actions: '' },
        { skillId: 'giving-feedback', actions: '', moduleId: 'no-such-module' },
        { skillId: 'giving-feedback', actions: '' },
      ],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields.map((field: { path: string }) => field.path)).toEqual([
      'body.items.0.skillId',
      'body.items.1.moduleId',
      'body.items.2.skillId',
    ]);
  });

  it('lets the manager chain replace the plan, with no module when asked for none', async () => {
    const replaced = await omar.request('PUT', planUrl(), {
      items: [
        {
          skillId: 'strategic-thinking',
          actions: 'Write the one-page strategy for onboarding.',
          moduleId: null,
        },
      ],
    });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json().items).toEqual([
      expect.objectContaining({
        skillId: 'strategic-thinking',
        moduleId: null,
        moduleTitle: null,
        position: 1,
      }),
    ]);
    expect((await lena.get(planUrl())).json().items[0].actions).toBe(
      'Write the one-page strategy for onboarding.',
    );
  });

  it('keeps the plan from anyone outside the person’s reporting line, admins included', async () => {
    for (const other of [otto, ada]) {
      expect((await other.get(planUrl())).statusCode).toBe(404);
      expect((await other.request('PUT', planUrl(), { items: [] })).statusCode).toBe(404);
    }
    expect((await ravi.get(url(`/people/${ids.lena}/development-plan`))).statusCode).toBe(404);
  });
});
