import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizations, people } from '../../src/server/db/schema.ts';
import { academyProgress } from '../../src/server/db/schema-growth.ts';
import { seedDemoAcademy } from '../../src/server/features/academy/seed-demo-academy.ts';
import { DEMO_ACCOUNTS, DEMO_ORG, demoEmail } from '../../src/server/features/demo/demo-company.ts';
import { seedDemo } from '../../src/server/features/demo/seed-demo.ts';
import { databaseKinds } from '../support/databases.ts';
import { Client, createTestApp, type TestApp } from '../support/test-app.ts';

const password = 'demo password for tests';

interface Evidence {
  checks: Array<{
    metric: string;
    min?: number;
    max?: number;
    value: number | null;
    before: number | null;
    isMet: boolean;
  }>;
}

/** The demo's managers half-way through the Academy, as the executive who runs their cohort sees them. */
describe.each(await databaseKinds())('the demo Academy on the %s database', (kind) => {
  let t: TestApp;
  let margaret: Client;
  let organizationId: string;
  const academy = `/api/orgs/${DEMO_ORG.slug}/academy`;

  beforeAll(async () => {
    t = await createTestApp(kind);
    await seedDemo(t.ctx, password);
    const [org] = await t.ctx.db
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.slug, DEMO_ORG.slug));
    organizationId = org!.id;
    const directory = await t.ctx.db
      .select({ id: people.id, email: people.email })
      .from(people)
      .where(eq(people.organizationId, organizationId));
    // The demo seed may already call it; a second call leaves the cohort as it is.
    await seedDemoAcademy(t.ctx, organizationId, new Map(directory.map((row) => [row.email, row.id])));
    margaret = new Client(t.app);
    const signedIn = await margaret.post('/api/auth/sign-in', {
      email: demoEmail(DEMO_ACCOUNTS.executive),
      password,
    });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
  }, 300_000);
  afterAll(() => t.close());

  it('puts the twelve managers in a cohort the executive runs, mid-way through the program', async () => {
    const [cohort] = (await margaret.get(`${academy}/cohorts`)).json();
    expect(cohort).toMatchObject({ owner: { name: 'Margaret Chen' }, memberCount: 12, access: 'manage' });
    const report = (await margaret.get(`${academy}/cohorts/${cohort.id}`)).json();
    expect(report.members.map((member: { name: string }) => member.name)).toContain('Priya Raman');
    const figures = report.members.flatMap(
      (member: { modules: Array<Record<string, unknown>> }) => member.modules,
    );
    const statuses = new Set(figures.map((entry: { assignmentStatus: string }) => entry.assignmentStatus));
    expect(statuses).toContain('met');
    expect(statuses).toContain('pending');
    const completed = report.members.map((member: { completedModules: number }) => member.completedModules);
    expect(Math.max(...completed)).toBeGreaterThanOrEqual(2);
    expect(completed.filter((count: number) => count === 0).length).toBeGreaterThan(0);
    expect(figures.some((entry: { practiceScore: number | null }) => entry.practiceScore !== null)).toBe(
      true,
    );
    expect(figures.some((entry: { quizScore: number | null }) => entry.quizScore !== null)).toBe(true);
    expect(report.members.every((member: { hasCertificate: boolean }) => !member.hasCertificate)).toBe(true);
  });

  it('shows a manager whose next 1:1 met the assignment that the one before had missed', async () => {
    const met = await t.ctx.db
      .select({ evidence: academyProgress.assignmentEvidence })
      .from(academyProgress)
      .where(
        and(eq(academyProgress.organizationId, organizationId), eq(academyProgress.assignmentStatus, 'met')),
      );
    const holds = (check: Evidence['checks'][number], value: number) =>
      (check.min === undefined || value >= check.min) && (check.max === undefined || value <= check.max);
    const changes = met
      .flatMap((row) => (row.evidence as Evidence).checks)
      .filter((check) => check.isMet && check.before !== null && !holds(check, check.before));
    expect(changes.length).toBeGreaterThan(0);
  });

  it('lets the demo manager with an account read her own role-plays, scored', async () => {
    const priya = new Client(t.app);
    await priya.post('/api/auth/sign-in', { email: demoEmail(DEMO_ACCOUNTS.manager), password });
    const catalogue = (await priya.get(`${academy}/modules`)).json();
    const practised = catalogue.modules.find(
      (module: { progress: { practiceScore: number | null } }) => module.progress.practiceScore !== null,
    );
    expect(practised).toBeDefined();
    const module = (await priya.get(`${academy}/modules/${practised.id}`)).json();
    expect(module.practice.sessions[0]).toMatchObject({ score: expect.any(Number) });
    const session = (await priya.get(`${academy}/practice/${module.practice.sessions[0].id}`)).json();
    expect(session.isFinished).toBe(true);
    expect(session.lines.length).toBeGreaterThan(2);
    expect((await margaret.get(`${academy}/practice/${session.id}`)).statusCode).toBe(404);
  });
});
