import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardSections } from '../../src/contracts/insights.ts';
import { databaseKinds } from '../support/databases.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { insightsOrganization, secretWords } from './insights-fixture.ts';

describe.each(await databaseKinds())('the executive dashboard on the %s database', (kind) => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof insightsOrganization>>;
  let url: string;
  const seen: string[] = [];

  const get = async (who: string, path: string) => {
    const response = await org.clients[who]!.get(`${url}${path}`);
    seen.push(response.body);
    return response;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await insightsOrganization(t);
    url = `/api/orgs/${org.slug}/insights`;
  });
  afterAll(() => t.close());

  it('shows the CEO their whole tree: 1:1s held against planned, verdicts and each leader’s figures', async () => {
    const response = await get('olivia', '/dashboard?weeks=12');
    expect(response.statusCode, response.body).toBe(200);
    const view = response.json();
    expect(view.root.name).toBe('Olivia Owner');
    expect(view.treeSize).toBe(10);
    expect(view.weeks).toHaveLength(12);
    const sum = (key: string) =>
      view.cadence.reduce((total: number, week: Record<string, number>) => total + week[key]!, 0);
    expect({ planned: sum('planned'), held: sum('held') }).toEqual({ planned: 7, held: 6 });
    const lena = view.leaders.find((row: { leader: { name: string } }) => row.leader.name === 'Lena Leader');
    expect(lena).toMatchObject({
      teamSize: 2,
      planned: 5,
      held: 4,
      analysed: 4,
      verdicts: { checkIn: 4, coaching: 0 },
    });
    const vera = view.leaders.find((row: { leader: { name: string } }) => row.leader.name === 'Vera Vance');
    expect(vera).toMatchObject({
      analysed: 1,
      averageScore: 80,
      averageAskTell: 2,
      averageTalkShare: 0.4,
      stepsDue: 2,
      stepsDoneOnTime: 1,
      followThrough: 0.5,
    });
    const verdicts = view.verdictsByWeek.reduce(
      (total: number, week: { coaching: number }) => total + week.coaching,
      0,
    );
    expect(verdicts).toBe(1);
    expect(view.overdueByTeam).toEqual([
      { team: expect.objectContaining({ name: 'Lena Leader' }), overdue: 1, open: 1 },
    ]);
  });

  it('shows skills from the manager’s assessment, Academy completions and team pulse with hidden rounds hidden', async () => {
    const view = (await get('olivia', '/dashboard')).json();
    expect(view.skills.skills).toHaveLength(12);
    const ravi = view.skills.people.find((row: { person: { id: string } }) => row.person.id === org.ids.ravi);
    expect(ravi.source).toBe('manager');
    expect(ravi.levels.slice(0, 2)).toEqual([2, 3]);
    expect(view.academy.people).toEqual([
      { person: expect.objectContaining({ id: org.ids.ravi }), completed: 1 },
    ]);
    expect(view.pulse).toHaveLength(1);
    const rounds = view.pulse[0].rounds;
    expect(rounds.map((round: { visibility: string }) => round.visibility)).toEqual([
      'shown',
      'shown',
      'too-few',
    ]);
    expect(rounds[0].safetyScore).toBeGreaterThan(rounds[1].safetyScore);
    expect(rounds[2]).toMatchObject({ respondents: null, safetyScore: null, enps: null });
  });

  it('flags a report without a 1:1 in four weeks, a team whose safety fell and a leader who only checks in', async () => {
    const view = (await get('olivia', '/dashboard')).json();
    const flagged = view.flags.items.map((flag: { kind: string; person: { id: string } }) => [
      flag.kind,
      flag.person.id,
    ]);
    expect(flagged).toContainEqual(['no-recent-one-on-one', org.ids.rae]);
    expect(flagged).toContainEqual(['safety-fell', org.ids.tess]);
    expect(flagged).toContainEqual(['check-in-streak', org.ids.lena]);
    expect(flagged).not.toContainEqual(['no-recent-one-on-one', org.ids.ravi]);
    expect(flagged).not.toContainEqual(['check-in-streak', org.ids.vera]);
  });

  it('gives a manager their own tree, a subtree below them, and nothing above or beside it', async () => {
    const own = (await get('lena', '/dashboard')).json();
    expect(own.root.id).toBe(org.ids.lena);
    expect(own.treeSize).toBe(2);
    expect((await get('lena', `/dashboard?rootId=${org.ids.ravi}`)).statusCode).toBe(200);
    expect((await get('lena', `/dashboard?rootId=${org.ids.vera}`)).statusCode).toBe(404);
    expect((await get('nick', `/dashboard?rootId=${org.ids.lena}`)).statusCode).toBe(404);
    expect((await get('ravi', `/report?rootId=${org.ids.lena}`)).statusCode).toBe(404);
    expect((await get('ravi', `/dashboard.csv?section=leaders&rootId=${org.ids.vera}`)).statusCode).toBe(404);
    // An admin outside the tree sees none of it: it names leaders' figures and people's skill levels.
    expect((await get('ada', `/dashboard?rootId=${org.ids.vera}`)).statusCode).toBe(404);
  });

  it('lets the manager chain drill into a leader, never admins outside it, the leader’s reports or others', async () => {
    expect((await get('ada', `/leaders/${org.ids.lena}?weeks=8`)).statusCode).toBe(404);
    for (const who of ['vera', 'olivia', 'lena']) {
      const response = await get(who, `/leaders/${org.ids.lena}?weeks=8`);
      expect(response.statusCode, `${who}: ${response.body}`).toBe(200);
      const view = response.json();
      expect(view.figures).toMatchObject({ analysed: 4, held: 4, planned: 5, verdicts: { checkIn: 4 } });
      expect(view.byWeek).toHaveLength(8);
      expect(
        view.byWeek.filter((week: { averageScore: number | null }) => week.averageScore !== null).length,
      ).toBe(4);
    }
    for (const who of ['ravi', 'nick'])
      expect((await get(who, `/leaders/${org.ids.lena}`)).statusCode).toBe(404);
  });

  it('exports every chart as CSV that reads back to the same figures and names', async () => {
    for (const section of dashboardSections) {
      const response = await get('olivia', `/dashboard.csv?section=${section}`);
      expect(response.statusCode, `${section}: ${response.body}`).toBe(200);
      expect(response.headers['content-type']).toContain('text/csv');
      const rows = parse(response.body) as string[][];
      expect(rows.length, section).toBeGreaterThan(1);
    }
    const flags = parse((await get('olivia', '/dashboard.csv?section=flags')).body, {
      columns: true,
    }) as Array<Record<string, string>>;
    expect(flags.find((row) => row.person_id === org.ids.rae)?.person).toBe('<b>Rae</b>, "Two"');
    const cadence = parse((await get('olivia', '/dashboard.csv?section=cadence&weeks=6')).body) as string[][];
    expect(cadence[0]).toEqual(['week', 'planned', 'held']);
    expect(cadence).toHaveLength(7);
  });

  it('prints a one-page report with print styles, no script and every name escaped', async () => {
    const response = await get('olivia', '/report');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('@media print');
    expect(response.body).toContain('Leadership review: Olivia Owner');
    expect(response.body).not.toMatch(/<script/i);
    expect(response.body).toContain('&lt;b&gt;Rae&lt;/b&gt;, &quot;Two&quot;');
    expect(response.body).not.toContain('<b>Rae</b>');
  });

  it('never lets an agenda title, a note, a next step’s words or a quote into any insights answer', () => {
    expect(seen.length).toBeGreaterThan(20);
    for (const body of seen) for (const word of secretWords) expect(body).not.toContain(word);
  });
});
