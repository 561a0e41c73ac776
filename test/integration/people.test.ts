import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { createTestApp, memberOf, ownerWithOrganization, type TestApp } from '../support/test-app.ts';

const HEADER = 'email,name,title,manager_email,start_date,time_zone';
const chart = [
  HEADER,
  'amara.okafor@acme.test,Amara Okafor,Chief Operating Officer,,2019-03-01,Europe/London',
  'jonas.weber@acme.test,Jonas Weber,VP Engineering,amara.okafor@acme.test,2020-06-15,Europe/Berlin',
  'priya.nair@acme.test,Priya Nair,Engineering Manager,jonas.weber@acme.test,2021-01-11,Asia/Kolkata',
  '"li.wei@acme.test","Li Wei","Engineer, Platform",priya.nair@acme.test,2023-09-04,America/New_York',
].join('\n');

describe.each(await databaseKinds())('people and the org chart on the %s database', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it('imports an org chart, and importing the same file again changes nothing', async () => {
    const { client, org } = await ownerWithOrganization(t.app);
    const dry = (
      await client.post(`/api/orgs/${org.slug}/people/import`, { csv: chart, dryRun: true })
    ).json();
    expect(dry).toMatchObject({ dryRun: true, created: 4 });
    expect((await client.get(`/api/orgs/${org.slug}/people`)).json().total).toBe(1);
    const first = (await client.post(`/api/orgs/${org.slug}/people/import`, { csv: chart })).json();
    expect(first).toMatchObject({ rows: 4, created: 4, updated: 0, unchanged: 0 });
    const again = (await client.post(`/api/orgs/${org.slug}/people/import`, { csv: chart })).json();
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    const tree = (await client.get(`/api/orgs/${org.slug}/org-chart`)).json();
    const byName = new Map(tree.nodes.map((node: { name: string }) => [node.name, node]));
    const li = byName.get('Li Wei') as { title: string; managerId: string };
    expect(li.title).toBe('Engineer, Platform');
    expect((byName.get('Priya Nair') as { id: string }).id).toBe(li.managerId);
  });

  it('updates people when the file changes', async () => {
    const { client, org } = await ownerWithOrganization(t.app);
    await client.post(`/api/orgs/${org.slug}/people/import`, { csv: chart });
    const moved = chart.replace(
      'Engineer, Platform",priya.nair@acme.test',
      'Senior Engineer",jonas.weber@acme.test',
    );
    const result = (await client.post(`/api/orgs/${org.slug}/people/import`, { csv: moved })).json();
    expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 3 });
    const found = (await client.get(`/api/orgs/${org.slug}/people?q=li.wei`)).json().items[0];
    expect(found).toMatchObject({ title: 'Senior Engineer', managerName: 'Jonas Weber' });
  });

  it('lists every problem of a bad file by row and column and writes nothing', async () => {
    const { client, org } = await ownerWithOrganization(t.app);
    const bad = [
      HEADER,
      'a@acme.test,Anna,CEO,c@acme.test,2020-02-30,UTC',
      'b@acme.test,Ben,CTO,a@acme.test,2020-01-01,Moon/Crater',
      'c@acme.test,Cleo,CFO,a@acme.test,,',
      'b@acme.test,Ben Again,,ghost@acme.test,,',
    ].join('\n');
    const response = await client.post(`/api/orgs/${org.slug}/people/import`, { csv: bad });
    expect(response.statusCode).toBe(422);
    const fields = response
      .json()
      .fields.map((field: { line: number; column: string }) => `${field.line}:${field.column}`);
    expect(fields).toEqual(['2:start_date', '3:time_zone', '5:email', '5:manager_email']);
    const cycle = [
      HEADER,
      'a@acme.test,Anna,CEO,c@acme.test,,',
      'b@acme.test,Ben,CTO,a@acme.test,,',
      'c@acme.test,Cleo,CFO,b@acme.test,,',
    ].join('\n');
    const cyclic = (await client.post(`/api/orgs/${org.slug}/people/import`, { csv: cycle })).json();
    expect(cyclic.fields[0].message).toMatch(/cycle/);
    expect((await client.get(`/api/orgs/${org.slug}/people`)).json().total).toBe(1);
  });

  it('refuses an unknown column rather than dropping it', async () => {
    const { client, org } = await ownerWithOrganization(t.app);
    const response = await client.post(`/api/orgs/${org.slug}/people/import`, {
      csv: 'email,name,department\na@x.test,A,Sales',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().fields[0]).toMatchObject({ line: 1, column: 'department' });
  });

  it('searches the directory and refuses a manager change that would loop', async () => {
    const { client, org } = await ownerWithOrganization(t.app);
    await client.post(`/api/orgs/${org.slug}/people/import`, { csv: chart });
    const page = (await client.get(`/api/orgs/${org.slug}/people?q=engineer`)).json();
    expect(page.items.map((person: { name: string }) => person.name).sort()).toEqual([
      'Jonas Weber',
      'Li Wei',
      'Priya Nair',
    ]);
    const amara = (await client.get(`/api/orgs/${org.slug}/people?q=amara`)).json().items[0];
    const li = (await client.get(`/api/orgs/${org.slug}/people?q=li.wei`)).json().items[0];
    const loop = await client.patch(`/api/orgs/${org.slug}/people/${amara.id}`, { managerId: li.id });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().fields[0].path).toBe('body.managerId');
  });

  it('lets members read the directory but not change it', async () => {
    const { client, org } = await ownerWithOrganization(t.app);
    const member = await memberOf(t, client, org.slug, 'member');
    expect((await member.client.get(`/api/orgs/${org.slug}/org-chart`)).statusCode).toBe(200);
    expect((await member.client.post(`/api/orgs/${org.slug}/people/import`, { csv: chart })).statusCode).toBe(
      403,
    );
  });
});
