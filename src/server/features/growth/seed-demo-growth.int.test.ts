import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../../test/support/databases.ts';
import { Client, createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { people } from '../../db/schema.ts';
import { skillAssessments } from '../../db/schema-growth.ts';
import { DEMO_ACCOUNTS, DEMO_ORG, demoEmail } from '../demo/demo-company.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { seedDemoGrowth } from './seed-demo-growth.ts';

const PASSWORD = 'demo password long enough';

/** The Harbor & Pine demo, seeded as `tandem demo` does, then read through the API by its VP. */
describe.each(await databaseKinds())('the demo’s growth data on the %s database', (kind) => {
  let t: TestApp;
  let daniel: Client;
  let personIdByEmail: Map<string, string>;
  let organizationId: string;
  const url = (path: string) => `/api/orgs/${DEMO_ORG.slug}${path}`;
  const idOf = (name: string) => personIdByEmail.get(demoEmail(name))!;

  beforeAll(async () => {
    t = await createTestApp(kind);
    await seedDemo(t.ctx, PASSWORD);
    const directory = await t.ctx.db
      .select({ id: people.id, email: people.email, organizationId: people.organizationId })
      .from(people);
    organizationId = directory[0]!.organizationId;
    personIdByEmail = new Map(directory.map((row) => [row.email, row.id]));
    // The demo seed may call it already; a second call must add nothing.
    await seedDemoGrowth(t.ctx, organizationId, personIdByEmail);
    daniel = new Client(t.app);
    const signedIn = await daniel.post('/api/auth/sign-in', {
      email: demoEmail(DEMO_ACCOUNTS.leader),
      password: PASSWORD,
    });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
  }, 300_000);
  afterAll(() => t.close());

  it('gives a manager two rounds of self and manager ratings three months apart, showing change', async () => {
    const growth = (await daniel.get(url(`/people/${idOf(DEMO_ACCOUNTS.manager)}/growth`))).json();
    expect(growth.history.map((entry: { kind: string }) => entry.kind)).toEqual([
      'self',
      'manager',
      'self',
      'manager',
    ]);
    const [firstSelf, , secondSelf] = growth.history;
    const days = (Date.parse(secondSelf.submittedAt) - Date.parse(firstSelf.submittedAt)) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(88);
    expect(days).toBeLessThanOrEqual(95);
    expect(growth.latestManager.assessor.name).toBe(DEMO_ACCOUNTS.leader);
    expect(
      growth.skills.some((skill: { managerChange: number | null }) => (skill.managerChange ?? 0) > 0),
    ).toBe(true);
    expect(growth.gaps.length).toBe(12);
  });

  it('gives every manager and VP a development plan and goals linked to their own next steps', async () => {
    const managers = (await t.ctx.db.select({ managerId: people.managerId }).from(people)).map(
      (row) => row.managerId,
    );
    const leads = new Set(managers.filter((id): id is string => id !== null));
    const executive = idOf(DEMO_ACCOUNTS.executive);
    const assessed = new Set(
      (
        await t.ctx.db
          .select({ subjectId: skillAssessments.subjectId })
          .from(skillAssessments)
          .where(eq(skillAssessments.organizationId, organizationId))
      ).map((row) => row.subjectId),
    );
    for (const lead of leads) if (lead !== executive) expect(assessed.has(lead)).toBe(true);

    const plan = (await daniel.get(url(`/people/${idOf(DEMO_ACCOUNTS.manager)}/development-plan`))).json();
    expect(plan.items.length).toBeGreaterThanOrEqual(2);
    expect(plan.items.length).toBeLessThanOrEqual(3);
    expect(plan.items[0].actions.length).toBeGreaterThan(30);
    const goals = (await daniel.get(url(`/people/${idOf(DEMO_ACCOUNTS.manager)}/goals`))).json();
    expect(goals.map((goal: { kind: string }) => goal.kind).sort()).toEqual(['growth', 'performance']);
    const linked = goals.flatMap(
      (goal: { links: Array<{ status: string; isVisible: boolean }> }) => goal.links,
    );
    expect(linked.length).toBeGreaterThan(0);
    // Daniel leads Priya's 1:1s, so he reads the steps; their statuses drive the suggested progress.
    expect(linked.every((link: { isVisible: boolean }) => link.isVisible)).toBe(true);
  });

  it('shows the leaders who run check-ins rating themselves above their managers more than coaching leaders do', async () => {
    const margaret = new Client(t.app);
    await margaret.post('/api/auth/sign-in', {
      email: demoEmail(DEMO_ACCOUNTS.executive),
      password: PASSWORD,
    });
    const blindSpots = async (names: string[]) => {
      let total = 0;
      for (const name of names) {
        const growth = (await margaret.get(url(`/people/${idOf(name)}/growth`))).json();
        total += growth.gaps.filter((gap: { kind: string }) => gap.kind === 'blind-spot').length;
      }
      return total / names.length;
    };
    const checkIns = await blindSpots([
      'Rachel Alvarez',
      'Samuel Osei',
      'Marcus Webb',
      'Claire Dubois',
      'Nicole Adams',
    ]);
    const coaching = await blindSpots([
      'Daniel Okafor',
      'Priya Raman',
      'Yuki Tanaka',
      'Jamal Wright',
      'Elena Popescu',
    ]);
    expect(checkIns).toBeGreaterThan(coaching + 1);
    // A peer VP's growth is outside Daniel's reporting line.
    expect((await daniel.get(url(`/people/${idOf('Rachel Alvarez')}/growth`))).statusCode).toBe(404);
  });

  it('adds nothing when run again', async () => {
    expect(await seedDemoGrowth(t.ctx, organizationId, personIdByEmail)).toEqual({
      assessments: 0,
      goals: 0,
      plans: 0,
    });
  });
});
