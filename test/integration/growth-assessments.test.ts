import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import {
  type Client,
  createTestApp,
  memberOf,
  ownerWithOrganization,
  type TestApp,
} from '../support/test-app.ts';

/** A short coaching exchange: the leader asks open questions and reflects. */
const coachingTranscript = `Lena Leader: What would make this week a good one for you?
Ravi Report: Getting the billing migration unstuck, honestly. Two services are still waiting on the schema freeze.
Lena Leader: So the freeze is what holds it up. What options do you see?
Ravi Report: I could ask the data team for a temporary view, or move the ledger first and do the invoice service later.
Lena Leader: How would you decide between those two?
Ravi Report: The view is less risky. I'll ask the data team for it by Thursday.`;

/**
 * 180° assessments in an organization where Omar (the owner) manages Lena, who manages Ravi; Otto
 * is Lena's peer and Ada an admin. Nobody but Ravi, Lena and Omar may see Ravi's ratings.
 */
describe.each(await databaseKinds())('180° skill assessments on the %s database', (kind) => {
  let t: TestApp;
  let slug: string;
  let omar: Client;
  let lena: Client;
  let ravi: Client;
  let otto: Client;
  let ada: Client;
  const ids: Record<string, string> = {};
  let skillIds: string[] = [];

  const url = (path: string) => `/api/orgs/${slug}${path}`;
  /** Every skill rated `level`, with `overrides` for some. */
  const ratings = (level: number, overrides: Record<string, number> = {}) => ({
    ...Object.fromEntries(skillIds.map((id) => [id, level])),
    ...overrides,
  });
  async function submitted(
    client: Client,
    subjectId: string | undefined,
    kind: 'self' | 'manager',
    given: object,
  ) {
    const started = await client.post(url('/assessments'), { subjectId, kind });
    expect(started.statusCode, started.body).toBeLessThan(300);
    const id = started.json().id as string;
    const saved = await client.request('PUT', url(`/assessments/${id}`), given);
    expect(saved.statusCode, saved.body).toBe(200);
    const done = await client.post(url(`/assessments/${id}/submit`));
    expect(done.statusCode, done.body).toBe(200);
    return id;
  }

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
  });
  afterAll(() => t.close());

  it('shows every member the twelve skills with their four levels, questions and evidence figure', async () => {
    const response = await ravi.get(url('/skills'));
    expect(response.statusCode).toBe(200);
    const skills = response.json();
    skillIds = skills.map((skill: { id: string }) => skill.id);
    expect(skills).toHaveLength(12);
    const questions = skills.find((skill: { id: string }) => skill.id === 'powerful-questions');
    expect(questions.evidence).toBe('openQuestionShare');
    expect(questions.levels.map((level: { label: string }) => level.label)).toEqual([
      'Beginning',
      'Developing',
      'Proficient',
      'Role model',
    ]);
    expect(questions.questions.length).toBeGreaterThanOrEqual(2);
    expect(questions.questions[0].text).toMatch(/\?$/);
  });

  it('starts a self-assessment once and resumes the same draft when asked again', async () => {
    const first = await ravi.post(url('/assessments'), { subjectId: ids.ravi, kind: 'self' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      kind: 'self',
      status: 'draft',
      ratings: {},
      assessor: { name: 'Ravi Report' },
    });
    const again = await ravi.post(url('/assessments'), { subjectId: ids.ravi, kind: 'self' });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    ids.raviDraft = first.json().id;
  });

  it('refuses a self-assessment of someone else and a manager assessment by anyone but the manager', async () => {
    const ofOther = await ravi.post(url('/assessments'), { subjectId: ids.lena, kind: 'self' });
    expect(ofOther.statusCode).toBe(400);
    expect(ofOther.json().fields[0].path).toBe('body.subjectId');
    expect((await otto.post(url('/assessments'), { subjectId: ids.ravi, kind: 'manager' })).statusCode).toBe(
      403,
    );
    expect((await omar.post(url('/assessments'), { subjectId: ids.ravi, kind: 'manager' })).statusCode).toBe(
      403,
    );
    const byManager = await lena.post(url('/assessments'), { subjectId: ids.ravi, kind: 'manager' });
    expect(byManager.statusCode).toBe(201);
    ids.lenaDraft = byManager.json().id;
  });

  it('keeps a draft from everyone but its author, the manager included', async () => {
    for (const other of [lena, omar, ada, otto]) {
      expect((await other.get(url(`/assessments/${ids.raviDraft}`))).statusCode).toBe(404);
      expect(
        (await other.request('PUT', url(`/assessments/${ids.raviDraft}`), { ratings: {} })).statusCode,
      ).toBe(404);
    }
    expect((await ravi.get(url(`/assessments/${ids.lenaDraft}`))).statusCode).toBe(404);
  });

  it('names the field of an unknown skill or a rating off the scale', async () => {
    const unknown = await ravi.request('PUT', url(`/assessments/${ids.raviDraft}`), {
      ratings: { 'juggling-chainsaws': 3 },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields).toEqual([
      { path: 'body.ratings.juggling-chainsaws', message: 'is not a skill of the model' },
    ]);
    const offScale = await ravi.request('PUT', url(`/assessments/${ids.raviDraft}`), {
      ratings: { 'powerful-questions': 5 },
    });
    expect(offScale.statusCode).toBe(400);
    expect(offScale.json().fields[0].path).toBe('body.ratings.powerful-questions');
  });

  it('refuses to submit until every skill is rated, listing the ones still open', async () => {
    const partial = await ravi.request('PUT', url(`/assessments/${ids.raviDraft}`), {
      ratings: { 'powerful-questions': 3 },
      comments: { 'powerful-questions': '  I ask more than I used to.  ' },
    });
    expect(partial.json()).toMatchObject({
      ratings: { 'powerful-questions': 3 },
      comments: { 'powerful-questions': 'I ask more than I used to.' },
    });
    const refused = await ravi.post(url(`/assessments/${ids.raviDraft}/submit`));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields).toHaveLength(11);
    expect(refused.json().fields[0]).toEqual({
      path: 'ratings.coaching-one-on-ones',
      message: 'is not rated yet',
    });
  });

  it('shares a submitted self-assessment with the manager chain only, and keeps it final', async () => {
    await ravi.request('PUT', url(`/assessments/${ids.raviDraft}`), {
      ratings: ratings(3, { 'listening-and-reflecting': 4, 'giving-feedback': 2 }),
      comments: { 'giving-feedback': 'I put off hard conversations.' },
    });
    const done = await ravi.post(url(`/assessments/${ids.raviDraft}/submit`));
    expect(done.statusCode).toBe(200);
    expect(done.json().status).toBe('submitted');
    for (const allowed of [ravi, lena, omar]) {
      expect((await allowed.get(url(`/assessments/${ids.raviDraft}`))).json().comments).toEqual({
        'giving-feedback': 'I put off hard conversations.',
      });
    }
    for (const other of [ada, otto]) {
      expect((await other.get(url(`/assessments/${ids.raviDraft}`))).statusCode).toBe(404);
    }
    expect(
      (await lena.request('PUT', url(`/assessments/${ids.raviDraft}`), { ratings: {} })).statusCode,
    ).toBe(403);
    const late = await ravi.request('PUT', url(`/assessments/${ids.raviDraft}`), { ratings: ratings(4) });
    expect(late.statusCode).toBe(409);
  });

  it('puts the self and manager ratings side by side with the largest disagreement first', async () => {
    await lena.request('PUT', url(`/assessments/${ids.lenaDraft}`), {
      ratings: ratings(3, { 'listening-and-reflecting': 2, 'giving-feedback': 3, 'strategic-thinking': 2 }),
      comments: { 'listening-and-reflecting': 'Often jumps to a fix before the customer finishes.' },
    });
    expect((await lena.post(url(`/assessments/${ids.lenaDraft}/submit`))).statusCode).toBe(200);
    const growth = (await lena.get(url(`/people/${ids.ravi}/growth`))).json();
    expect(growth.person.name).toBe('Ravi Report');
    expect(growth.manager.name).toBe('Lena Leader');
    expect(growth.latestSelf.assessor.name).toBe('Ravi Report');
    expect(growth.latestManager.assessor.name).toBe('Lena Leader');
    const listening = growth.skills.find(
      (skill: { skillId: string }) => skill.skillId === 'listening-and-reflecting',
    );
    expect(listening).toMatchObject({
      self: 4,
      manager: 2,
      managerComment: 'Often jumps to a fix before the customer finishes.',
    });
    expect(
      growth.gaps.slice(0, 3).map((gap: { skillId: string; kind: string }) => `${gap.skillId}:${gap.kind}`),
    ).toEqual([
      'listening-and-reflecting:blind-spot',
      'giving-feedback:hidden-strength',
      'strategic-thinking:blind-spot',
    ]);
    expect(growth.suggestedFocus).toEqual(['listening-and-reflecting', 'strategic-thinking']);
    expect(growth.history).toHaveLength(2);
  });

  it('shows a person’s growth to them and their manager chain, and to nobody else', async () => {
    expect((await ravi.get(url(`/people/${ids.ravi}/growth`))).statusCode).toBe(200);
    expect((await omar.get(url(`/people/${ids.ravi}/growth`))).statusCode).toBe(200);
    for (const other of [ada, otto]) {
      const refused = await other.get(url(`/people/${ids.ravi}/growth`));
      expect(refused.statusCode).toBe(404);
      expect(refused.json().code).toBe('NOT_FOUND');
    }
    expect((await ravi.get(url(`/people/${ids.lena}/growth`))).statusCode).toBe(404);
  });

  it('keeps every round in the history, so change shows', async () => {
    await submitted(ravi, ids.ravi, 'self', { ratings: ratings(3, { 'listening-and-reflecting': 3 }) });
    await submitted(lena, ids.ravi, 'manager', {
      ratings: ratings(3, { 'listening-and-reflecting': 3, 'strategic-thinking': 2 }),
    });
    const growth = (await ravi.get(url(`/people/${ids.ravi}/growth`))).json();
    expect(growth.history.map((entry: { kind: string }) => entry.kind)).toEqual([
      'self',
      'manager',
      'self',
      'manager',
    ]);
    const listening = growth.skills.find(
      (skill: { skillId: string }) => skill.skillId === 'listening-and-reflecting',
    );
    expect(listening).toMatchObject({ self: 3, manager: 3, selfChange: -1, managerChange: 1 });
    expect(growth.gaps[0]).toMatchObject({ skillId: 'strategic-thinking', kind: 'blind-spot' });
  });

  it('evidences skills with the leader’s own 1:1 figures', async () => {
    const meeting = await lena.post(url('/meetings'), {
      withPersonId: ids.ravi,
      startsAt: '2026-03-02T10:00:00.000Z',
    });
    const meetingId = meeting.json().id;
    const uploaded = await lena.request('PUT', url(`/meetings/${meetingId}/transcript`), {
      text: coachingTranscript,
      consent: true,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    const figures = uploaded.json().result;
    expect(figures.questions.openShare).toBeGreaterThan(0.5);
    const today = new Date().toISOString().slice(0, 10);
    const mine = await lena.post(url(`/meetings/${meetingId}/next-steps`), {
      title: 'Ask the data team for a temporary view',
      ownerId: ids.lena,
      dueDate: today,
    });
    await lena.patch(url(`/next-steps/${mine.json().id}`), { status: 'done' });
    await lena.post(url(`/meetings/${meetingId}/next-steps`), {
      title: 'Move the ledger service first',
      ownerId: ids.ravi,
      dueDate: today,
    });

    const growth = (await omar.get(url(`/people/${ids.lena}/growth`))).json();
    const evidence = (skillId: string) =>
      growth.skills.find((skill: { skillId: string }) => skill.skillId === skillId).evidence;
    expect(evidence('powerful-questions')).toMatchObject({
      metric: 'openQuestionShare',
      value: figures.questions.openShare,
      basedOn: 1,
    });
    expect(evidence('coaching-one-on-ones')).toMatchObject({
      metric: 'leaderTalkShare',
      value: figures.leader.talkShare,
    });
    expect(evidence('accountability')).toMatchObject({ metric: 'followThroughRate', value: 1, basedOn: 1 });
    expect(evidence('delegating-for-ownership')).toMatchObject({
      metric: 'reportOwnedSteps',
      value: 0.5,
      basedOn: 2,
    });
    expect(evidence('giving-feedback')).toBeNull();
    // Ravi never led a 1:1, so his conversation figures are not measured rather than zero.
    const ravis = (await ravi.get(url(`/people/${ids.ravi}/growth`))).json();
    const questions = ravis.skills.find(
      (skill: { skillId: string }) => skill.skillId === 'powerful-questions',
    );
    expect(questions.evidence).toMatchObject({ value: null, basedOn: 0, reading: null });
  });

  it('lists a manager’s assessments to do and lets them discard a draft', async () => {
    const started = await lena.post(url('/assessments'), { subjectId: ids.ravi, kind: 'manager' });
    const overview = (await lena.get(url('/assessments'))).json();
    expect(overview.drafts.map((draft: { id: string }) => draft.id)).toEqual([started.json().id]);
    expect(overview.reports).toHaveLength(1);
    expect(overview.reports[0]).toMatchObject({
      person: { name: 'Ravi Report' },
      draftId: started.json().id,
    });
    expect(overview.reports[0].lastManagerSubmittedAt).not.toBeNull();
    expect((await lena.get(url(`/people/${ids.ravi}/growth`))).json().myDraftId).toBe(started.json().id);
    expect((await ravi.delete(url(`/assessments/${started.json().id}`))).statusCode).toBe(404);
    expect((await lena.delete(url(`/assessments/${started.json().id}`))).statusCode).toBe(204);
    expect((await lena.get(url('/assessments'))).json().drafts).toEqual([]);
  });

  it('stops a former manager from submitting or seeing the person’s growth after a change of manager', async () => {
    const draft = (await lena.post(url('/assessments'), { subjectId: ids.ravi, kind: 'manager' })).json().id;
    await lena.request('PUT', url(`/assessments/${draft}`), { ratings: ratings(3) });
    await omar.patch(url(`/people/${ids.ravi}`), { managerId: ids.otto });
    expect((await lena.post(url(`/assessments/${draft}/submit`))).statusCode).toBe(403);
    expect((await lena.get(url(`/people/${ids.ravi}/growth`))).statusCode).toBe(404);
    const growth = (await otto.get(url(`/people/${ids.ravi}/growth`))).json();
    expect(growth.manager.name).toBe('Otto Other');
    expect(growth.history).toHaveLength(4);
  });
});
