import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingAnalysis } from '../../src/core/coaching/analysis-types.ts';
import { quotedTexts } from '../../src/core/coaching/figures-only.ts';
import type { Db } from '../../src/server/db/client.ts';
import { DEMO_ACCOUNTS, DEMO_ORG, demoEmail } from '../../src/server/features/demo/demo-company.ts';
import { seedDemo } from '../../src/server/features/demo/seed-demo.ts';
import { databaseKinds } from '../support/databases.ts';
import { Client, createTestApp, memberOf, ownerWithOrganization, type TestApp } from '../support/test-app.ts';

const password = 'demo password for erasure';

async function rowsOf<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

async function signedIn(t: TestApp, email: string): Promise<Client> {
  const client = new Client(t.app);
  const response = await client.post('/api/auth/sign-in', { email, password });
  expect(response.statusCode, response.body).toBe(200);
  return client;
}

/** The dashboard's figures, without the moment it was drawn. */
function figuresOf(dashboard: Record<string, unknown>) {
  const { generatedAt: _generatedAt, flags: _flags, ...figures } = dashboard;
  return figures;
}

describe.each(await databaseKinds())('an admin deleting a person on the %s database', (kind) => {
  let t: TestApp;
  let admin: Client;
  let executive: Client;
  let erased: Client;
  let person: { id: string; name: string; email: string; user_id: string };
  let dashboardBefore: Record<string, unknown>;
  const org = `/api/orgs/${DEMO_ORG.slug}`;

  beforeAll(async () => {
    t = await createTestApp(kind);
    await seedDemo(t.ctx, password);
    // A report with an account whose 1:1s have transcripts, and nobody reporting to them.
    const [found] = await rowsOf<typeof person>(
      t.ctx.db,
      sql`select p.id, p.name, p.email, p.user_id from people p
          where p.user_id is not null
            and exists (select 1 from meetings m join transcripts x on x.meeting_id = m.id where m.report_id = p.id)
            and not exists (select 1 from people r where r.manager_id = p.id)
          order by p.name limit 1`,
    );
    expect(found).toBeDefined();
    person = found!;
    admin = await signedIn(t, demoEmail(DEMO_ACCOUNTS.leader));
    executive = await signedIn(t, demoEmail(DEMO_ACCOUNTS.executive));
    erased = await signedIn(t, person.email);
    const [meeting] = await rowsOf<{ id: string }>(
      t.ctx.db,
      sql`select id from meetings where report_id = ${person.id} order by starts_at limit 1`,
    );
    const note = await erased.request('PUT', `${org}/meetings/${meeting!.id}/notes/private`, {
      body: 'I am thinking about leaving',
    });
    expect(note.statusCode, note.body).toBe(200);
    dashboardBefore = (await executive.get(`${org}/insights/dashboard?weeks=26`)).json();
  }, 300_000);
  afterAll(() => t.close());

  it('is refused to a member, and to an admin of another organization as if the person did not exist', async () => {
    const member = await signedIn(t, demoEmail(DEMO_ACCOUNTS.report));
    expect((await member.delete(`${org}/people/${person.id}`)).statusCode).toBe(403);
    const other = await ownerWithOrganization(t.app, 'Other Owner');
    expect((await other.client.delete(`/api/orgs/${other.org.slug}/people/${person.id}`)).statusCode).toBe(
      404,
    );
  });

  it('deletes their private notes and the transcripts of their 1:1s, and the quotes taken from them', async () => {
    const response = await admin.delete(`${org}/people/${person.id}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ personId: person.id, privateNotes: 1 });
    expect(response.json().transcripts).toBeGreaterThan(0);

    const notes = await rowsOf(
      t.ctx.db,
      sql`select 1 from private_notes where author_user_id = ${person.user_id}`,
    );
    expect(notes).toHaveLength(0);
    const transcripts = await rowsOf(
      t.ctx.db,
      sql`select 1 from transcripts x join meetings m on m.id = x.meeting_id
          where m.report_id = ${person.id} or m.leader_id = ${person.id}`,
    );
    expect(transcripts).toHaveLength(0);
    const analyses = await rowsOf<{ score: number | null; result: MeetingAnalysis }>(
      t.ctx.db,
      sql`select score, result from meeting_analyses where report_id = ${person.id}`,
    );
    expect(analyses.length).toBeGreaterThan(0);
    expect(analyses.some((analysis) => analysis.score !== null)).toBe(true);
    for (const analysis of analyses) expect(quotedTexts(analysis.result).filter(Boolean)).toEqual([]);
  });

  it('replaces their name and address, and takes them out of the directory, search and org chart', async () => {
    const [row] = await rowsOf<{ name: string; email: string; user_id: string | null; erased_at: unknown }>(
      t.ctx.db,
      sql`select name, email, user_id, erased_at from people where id = ${person.id}`,
    );
    expect(row).toMatchObject({ name: 'Former member', user_id: null });
    expect(row!.email).not.toContain('@');
    expect(row!.erased_at).not.toBeNull();
    expect((await admin.get(`${org}/people/${person.id}`)).statusCode).toBe(404);
    const search = (await admin.get(`${org}/people?q=${encodeURIComponent(person.name)}`)).json();
    expect(search.items).toEqual([]);
    const directory = (await admin.get(`${org}/people?limit=500`)).json();
    expect(directory.items.map((item: { id: string }) => item.id)).not.toContain(person.id);
    const chart = (await admin.get(`${org}/org-chart`)).json();
    expect(chart.nodes.map((node: { id: string }) => node.id)).not.toContain(person.id);
  });

  it('keeps the dashboard’s figures as they were', async () => {
    const after = (await executive.get(`${org}/insights/dashboard?weeks=26`)).json();
    expect(figuresOf(after)).toEqual(figuresOf(dashboardBefore));
  });

  it('ends their membership: they can no longer open the organization', async () => {
    expect((await erased.get(`${org}/people`)).statusCode).toBe(404);
    expect((await erased.get(org)).statusCode).toBe(404);
    const series = await rowsOf(
      t.ctx.db,
      sql`select 1 from one_on_one_series where (report_id = ${person.id} or leader_id = ${person.id}) and is_active`,
    );
    expect(series).toHaveLength(0);
  });

  it('leaves their name and address in no row of the organization', async () => {
    const [{ id: organizationId }] = (await rowsOf<{ id: string }>(
      t.ctx.db,
      sql`select id from organizations where slug = ${DEMO_ORG.slug}`,
    )) as [{ id: string }];
    const tables = await rowsOf<{ table_name: string }>(
      t.ctx.db,
      sql`select table_name from information_schema.columns
          where table_schema = 'public' and column_name = 'organization_id' order by table_name`,
    );
    const needles = [person.name, person.email].map((text) => text.toLowerCase());
    const found: string[] = [];
    for (const { table_name } of tables) {
      const rows = await rowsOf<{ line: string }>(
        t.ctx.db,
        sql`select row_::text as line from ${sql.identifier(table_name)} as row_
            where row_.organization_id = ${organizationId}`,
      );
      for (const { line } of rows)
        if (needles.some((needle) => line.toLowerCase().includes(needle)))
          found.push(`${table_name}: ${line}`);
    }
    expect(found).toEqual([]);
  });

  it('cannot delete the same person twice', async () => {
    expect((await admin.delete(`${org}/people/${person.id}`)).statusCode).toBe(404);
  });
});

describe.each(await databaseKinds())(
  'the reporting lines after deleting a manager on the %s database',
  (kind) => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(kind);
    });
    afterAll(() => t.close());

    it('moves the manager’s reports up to the manager’s own manager', async () => {
      const owner = await ownerWithOrganization(t.app, 'Olga Owner');
      const slug = owner.org.slug;
      await memberOf(t, owner.client, slug, 'admin', 'Adam Admin');
      const csv = `email,name,title,manager_email,start_date,time_zone\n${owner.email},Olga Owner,CEO,,,\nmid@example.com,Mid Manager,Lead,${owner.email},,\nic@example.com,Ivy Contributor,Engineer,mid@example.com,,\n`;
      expect((await owner.client.post(`/api/orgs/${slug}/people/import`, { csv })).statusCode).toBe(200);
      const find = async (q: string) =>
        (await owner.client.get(`/api/orgs/${slug}/people?q=${q}`)).json().items[0];
      const mid = await find('mid@');
      const ownerPerson = await find(encodeURIComponent(owner.email));
      expect((await owner.client.delete(`/api/orgs/${slug}/people/${mid.id}`)).statusCode).toBe(200);
      expect((await find('ic@')).managerId).toBe(ownerPerson.id);
      const refused = await owner.client.delete(`/api/orgs/${slug}/people/${ownerPerson.id}`);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().detail).toContain('cannot delete yourself');
    });
  },
);
