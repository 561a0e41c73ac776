import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { Client, createTestApp, type TestApp } from '../support/test-app.ts';
import {
  answersAt,
  mailedLinks,
  type PulseOrganization,
  pulseOrganization,
  schedule,
} from './pulse-fixture.ts';

type Row = Record<string, unknown>;

describe.each(await databaseKinds())('pulse results that single nobody out on the %s database', (kind) => {
  let t: TestApp;
  let org: PulseOrganization;
  let anonymous: Client;
  const ids: Record<string, string> = {};
  const tokens: string[] = [];

  async function rows(query: ReturnType<typeof sql>): Promise<Row[]> {
    return ((await t.ctx.db.execute(query)) as unknown as { rows: Row[] }).rows;
  }

  async function answerAll(title: string, entries: Array<[email: string, answers: Record<string, unknown>]>) {
    const links = await mailedLinks(t, title);
    for (const [email, answers] of entries) {
      const token = links.get(email);
      if (!token) throw new Error(`no link mailed to ${email}`);
      tokens.push(token);
      const response = await anonymous.post(`/api/pulse/${token}`, { answers });
      expect(response.statusCode, response.body).toBe(204);
    }
  }

  const results = (surveyId: string, query = '', client = org.owner) =>
    client.get(`/api/orgs/${org.slug}/pulse/surveys/${surveyId}/results${query}`);
  const close = (roundId: string) => org.owner.post(`/api/orgs/${org.slug}/pulse/rounds/${roundId}/close`);

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await pulseOrganization(t);
    anonymous = new Client(t.app);

    // Six of Tess's seven answer.
    const six = await schedule(org.owner, org.slug, {
      title: 'Six of seven',
      teamLeadId: org.idOf('Tess Turner'),
      scope: 'direct',
    });
    ids.sixSurvey = six.id;
    ids.sixRound = six.latestRound.id;
    await answerAll(
      'Six of seven',
      [6, 6, 5, 5, 4, 4].map((level, index) => [
        `t${index + 1}@pulse.test`,
        answersAt(level, [10, 9, 9, 8, 6, 3][index]!, `Six-of-seven remark ${index + 1}`),
      ]),
    );
    // Four of Tess's seven answer.
    const four = await schedule(org.owner, org.slug, {
      title: 'Four of seven',
      teamLeadId: org.idOf('Tess Turner'),
      scope: 'direct',
    });
    ids.fourSurvey = four.id;
    ids.fourRound = four.latestRound.id;
    await answerAll(
      'Four of seven',
      [1, 2, 3, 4].map((n) => [`t${n}@pulse.test`, answersAt(3, 5, `Only-four remark ${n}`)]),
    );
    // All twelve of Vera's tree answer: Mona's group of 6, Max's of 5, Ivy alone.
    const tree = await schedule(org.vera, org.slug, {
      title: 'Whole tree',
      teamLeadId: org.idOf('Vera Vance'),
      scope: 'tree',
    });
    ids.treeSurvey = tree.id;
    ids.treeRound = tree.latestRound.id;
    const monaEmail = [...(await mailedLinks(t, 'Whole tree')).keys()].find((email) =>
      email.endsWith('example.com'),
    )!;
    const everyone = [
      monaEmail,
      ...[1, 2, 3, 4, 5].map((n) => `a${n}@pulse.test`),
      'max@pulse.test',
      ...[1, 2, 3, 4].map((n) => `b${n}@pulse.test`),
      'ivy@pulse.test',
    ];
    await answerAll(
      'Whole tree',
      everyone.map((email, index) => [
        email,
        answersAt(email.startsWith('b') ? 3 : 6, 8, `Tree answer number ${index}`),
      ]),
    );
  });
  afterAll(() => t.close());

  it('shows nothing but the response rate while a round is open, even with six answers', async () => {
    const [round] = (await results(ids.sixSurvey!)).json().rounds;
    expect(round).toMatchObject({
      visibility: 'open',
      respondents: 6,
      invited: 7,
      safety: null,
      enps: null,
      freeText: [],
    });
  });

  it('shows a closed round of six of seven: rate, safety score per item, eNPS, custom means and free text', async () => {
    expect((await close(ids.sixRound!)).statusCode).toBe(204);
    const response = await results(ids.sixSurvey!);
    expect(response.statusCode).toBe(200);
    const [round] = response.json().rounds;
    expect(round).toMatchObject({
      visibility: 'shown',
      invited: 7,
      respondents: 6,
      responseRate: 0.857,
      enps: 17,
    });
    expect(round.safety.score).toBe(5);
    expect(round.safety.items).toHaveLength(7);
    expect(
      round.safety.items.find((item: { id: string }) => item.id === 'mistakes-held-against'),
    ).toMatchObject({
      isReversed: true,
      mean: 5,
    });
    expect(round.custom).toEqual([expect.objectContaining({ id: 'c1', kind: 'scale', mean: 4 })]);
    expect(round.freeText[0].answers.sort()).toEqual(
      [1, 2, 3, 4, 5, 6].map((n) => `Six-of-seven remark ${n}`),
    );
  });

  it('returns free text alone and in a fresh random order each time', async () => {
    const orders = new Set<string>();
    for (let call = 0; call < 8; call++) {
      const [round] = (await results(ids.sixSurvey!)).json().rounds;
      expect(Object.keys(round.freeText[0]).sort()).toEqual(['answers', 'questionId', 'text']);
      orders.add(round.freeText[0].answers.join('|'));
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  it('suppresses a round of four respondents: its response rate and nothing else, free text included', async () => {
    await close(ids.fourRound!);
    const response = await results(ids.fourSurvey!);
    const [round] = response.json().rounds;
    expect(round).toMatchObject({
      visibility: 'too-few',
      invited: 7,
      respondents: 4,
      responseRate: 0.571,
      safety: null,
      enps: null,
      custom: [],
      freeText: [],
      groups: [],
      otherTeams: null,
    });
    expect(response.body).not.toContain('Only-four remark');
  });

  it('cuts a tree only where no team and no difference covers fewer than five (team minus one person)', async () => {
    await close(ids.treeRound!);
    const view = (await results(ids.treeSurvey!, '', org.vera)).json();
    const [round] = view.rounds;
    expect(round.respondents).toBe(12);
    // Mona's 6 may show; Max's 5 may not, as 12 − 6 − 5 would be Ivy alone: Max and Ivy fold into one figure of 6.
    expect(round.groups).toEqual([
      expect.objectContaining({
        key: org.idOf('Mona Morgan'),
        name: 'Team of Mona Morgan',
        respondents: 6,
        safetyScore: 6,
      }),
    ]);
    expect(round.otherTeams).toMatchObject({ groupCount: 2, respondents: 6 });
    expect(view.groupsAvailable).toEqual([{ key: org.idOf('Mona Morgan'), name: 'Team of Mona Morgan' }]);
  });

  it('refuses to narrow to a team that would isolate fewer than five, directly or by difference', async () => {
    for (const name of ['Max Miller', 'Ivy Ito']) {
      const refused = await results(ids.treeSurvey!, `?group=${org.idOf(name)}`);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().fields).toEqual([{ path: 'querystring.group', message: expect.any(String) }]);
    }
    expect((await results(ids.treeSurvey!, '?group=somebody')).statusCode).toBe(400);
    // Tess's team answers as one group: narrowing a suppressed round to it shows nothing either.
    expect((await results(ids.fourSurvey!, `?group=${org.idOf('Tess Turner')}`)).statusCode).toBe(400);
    const narrowed = await results(ids.treeSurvey!, `?group=${org.idOf('Mona Morgan')}`);
    expect(narrowed.statusCode).toBe(200);
    const [round] = narrowed.json().rounds;
    expect(round).toMatchObject({ visibility: 'shown', respondents: 6, invited: null });
    expect(round.freeText[0].answers).toHaveLength(6);
  });

  it('stores responses without a person, an account or a time, under random ids that do not follow the answering order', async () => {
    const columns = await rows(
      sql`select column_name, column_default from information_schema.columns where table_name = 'pulse_responses' order by column_name`,
    );
    expect(columns.map((column) => column.column_name)).toEqual([
      'answers',
      'group_key',
      'id',
      'organization_id',
      'round_id',
    ]);
    expect(String(columns.find((column) => column.column_name === 'id')?.column_default)).toContain(
      'gen_random_uuid',
    );
    const participantColumns = await rows(
      sql`select column_name from information_schema.columns where table_name = 'pulse_participants' order by column_name`,
    );
    expect(participantColumns.map((column) => column.column_name)).toEqual([
      'has_answered',
      'organization_id',
      'person_id',
      'round_id',
      'token_hash',
    ]);
    const references = await rows(sql`
      select ccu.table_name as target from information_schema.table_constraints tc
      join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
      where tc.table_name = 'pulse_responses' and tc.constraint_type = 'FOREIGN KEY'`);
    expect(references.map((reference) => reference.target).sort()).toEqual(['organizations', 'pulse_rounds']);

    const stored = await rows(
      sql`select id, answers->>'c2' as text from pulse_responses where round_id = ${ids.treeRound}`,
    );
    expect(stored).toHaveLength(12);
    for (const row of stored) expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab]/);
    const answeringOrder = [...stored]
      .sort((a, b) => Number(String(a.text).split(' ').at(-1)) - Number(String(b.text).split(' ').at(-1)))
      .map((row) => row.id);
    const idOrder = stored.map((row) => String(row.id)).sort();
    expect(idOrder).not.toEqual(answeringOrder);
  });

  it('lets no route return a response’s id or one person’s answers, admins and leads included', async () => {
    const responseIds = (await rows(sql`select id from pulse_responses`)).map((row) => String(row.id));
    expect(responseIds.length).toBe(22);
    const values: Record<string, string> = {
      org: org.slug,
      surveyId: ids.treeSurvey!,
      roundId: ids.treeRound!,
      token: tokens[0]!,
      personId: org.idOf('Mona Morgan'),
    };
    const checked: string[] = [];
    for (const route of t.app.accessTable) {
      if (route.method !== 'GET' || !route.url.startsWith('/api/') || route.url === '/api/openapi.json')
        continue;
      const url = route.url.replace(/:(\w+)/g, (_, name: string) => values[name] ?? 'x');
      for (const caller of [org.owner, org.vera, anonymous]) {
        for (const query of ['', `?group=${org.idOf('Mona Morgan')}`]) {
          const body = (await caller.get(`${url}${query}`)).body;
          for (const id of responseIds) expect(body, `${route.url} returned a response id`).not.toContain(id);
          expect(body, `${route.url} returned a stored answer set`).not.toMatch(/"answers":\{/);
          expect(body, `${route.url} returned a suppressed answer`).not.toContain('Only-four remark');
        }
      }
      checked.push(route.url);
    }
    expect(checked).toContain('/api/orgs/:org/pulse/surveys/:surveyId/results');
    expect(checked).toContain('/api/orgs/:org/outbox');
  });
});
