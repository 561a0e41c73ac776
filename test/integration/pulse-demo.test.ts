import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../../src/server/db/schema.ts';
import { demoEmail, demoPeople } from '../../src/server/features/demo/demo-company.ts';
import { applyPeopleImport } from '../../src/server/features/people/people.repository.ts';
import { findOpenRoundsOf } from '../../src/server/features/pulse/pulse.repository.ts';
import { seedDemoPulse } from '../../src/server/features/pulse/seed-demo-pulse.ts';
import { databaseKinds } from '../support/databases.ts';
import { type Client, createTestApp, ownerWithOrganization, type TestApp } from '../support/test-app.ts';

interface Round {
  visibility: string;
  responseRate: number;
  safety: { score: number } | null;
  enps: number | null;
  groups: Array<{ respondents: number }>;
  otherTeams: { respondents: number } | null;
}

describe.each(await databaseKinds())('the demo’s pulse history on the %s database', (kind) => {
  let t: TestApp;
  let owner: Client;
  let slug: string;
  let organizationId: string;
  let seeded: { surveys: number; rounds: number; responses: number };
  const now = new Date();

  beforeAll(async () => {
    t = await createTestApp(kind);
    const created = await ownerWithOrganization(t.app, 'Olivia Owner');
    owner = created.client;
    slug = created.org.slug;
    organizationId = created.org.id;
    await applyPeopleImport(
      t.ctx.db,
      created.org.id,
      demoPeople().map((person) => ({
        email: person.key,
        name: person.name,
        title: person.title,
        managerEmail: person.managerKey,
        startDate: person.startDate,
        timeZone: person.timeZone,
      })),
    );
    const directory = await t.ctx.db
      .select({ id: people.id, email: people.email })
      .from(people)
      .where(eq(people.organizationId, created.org.id));
    seeded = await seedDemoPulse(
      t.ctx,
      created.org.id,
      new Map(directory.map((row) => [row.email, row.id])),
      now,
    );
  });
  afterAll(() => t.close());

  async function roundsOf(title: string): Promise<Round[]> {
    const surveys = (await owner.get(`/api/orgs/${slug}/pulse/surveys`)).json();
    const survey = surveys.find((entry: { title: string }) => entry.title === title);
    return (await owner.get(`/api/orgs/${slug}/pulse/surveys/${survey.id}/results`)).json().rounds;
  }

  it('seeds a monthly pulse of each VP’s tree: six closed rounds and the current one', async () => {
    expect(seeded.surveys).toBe(4);
    expect(seeded.rounds).toBe(28);
    const rounds = await roundsOf('Engineering monthly pulse');
    expect(rounds.map((round) => round.visibility)).toEqual([...Array(6).fill('shown'), 'open']);
  });

  it('tells the story: safety rises where leaders coach and falls where they check in', async () => {
    for (const title of ['Engineering monthly pulse', 'Customer Success monthly pulse']) {
      const shown = (await roundsOf(title)).filter((round) => round.safety);
      expect(shown.at(-1)!.safety!.score - shown[0]!.safety!.score, title).toBeGreaterThan(0.6);
      expect(shown.at(-1)!.enps!, title).toBeGreaterThan(shown[0]!.enps!);
    }
    for (const title of ['Operations monthly pulse', 'Sales monthly pulse']) {
      const shown = (await roundsOf(title)).filter((round) => round.safety);
      expect(shown[0]!.safety!.score - shown.at(-1)!.safety!.score, title).toBeGreaterThan(0.5);
      expect(shown.at(-1)!.responseRate, title).toBeLessThan(0.8);
    }
  });

  it('never shows a team cut under five in the demo either', async () => {
    for (const title of ['Engineering monthly pulse', 'Operations monthly pulse', 'Sales monthly pulse']) {
      for (const round of await roundsOf(title)) {
        for (const group of round.groups) expect(group.respondents).toBeGreaterThanOrEqual(5);
        if (round.otherTeams) expect(round.otherTeams.respondents).toBeGreaterThanOrEqual(5);
      }
    }
  });

  it('leaves the demo’s manager and report accounts the current round to answer', async () => {
    const [priya] = await t.ctx.db
      .select({ id: people.id })
      .from(people)
      .where(eq(people.email, demoEmail('Priya Raman')));
    expect(priya).toBeDefined();
    const open = await findOpenRoundsOf(t.ctx.db, organizationId, priya!.id, now);
    expect(open).toEqual([{ roundId: expect.any(String), hasAnswered: false }]);
  });
});
