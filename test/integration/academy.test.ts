import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useAcademyFolder } from '../../src/server/content/load-academy.ts';
import { databaseKinds } from '../support/databases.ts';
import { Client, createTestApp, memberOf, ownerWithOrganization, type TestApp } from '../support/test-app.ts';
import { askingModule, listeningModule, quizAnswers, writeAcademy } from './academy-fixture.ts';

/** A status check-in: the leader asks closed questions and gives instructions. */
const checkIn = `Lena Leader: Okay, let's go through the list. Is the billing migration done?
Ravi Report: Not yet, two services left.
Lena Leader: You need to finish those by Friday. Move the invoice service first, then the ledger. Tell the data team to freeze the schema, and send me the status tonight.
Ravi Report: Okay.
Lena Leader: Did you update the dashboard numbers? I need them for the board deck.
Ravi Report: Yes, yesterday.
Lena Leader: Good. Then we're done. Send me the migration status by Friday.`;

/** A coaching 1:1: open questions, a reflection, and the report doing most of the talking. */
const coaching = `Eve Exec: Thanks for making the time. What's on your mind this week?
Lena Leader: Mostly the hiring plan. We have two open roles and I keep going back and forth on whether to hire a senior engineer or two juniors, because the team is stretched and I worry about mentoring load.
Eve Exec: What would a good outcome look like for the team six months from now?
Lena Leader: Honestly, a team that can ship the routing work without me in every review. Right now I am the bottleneck, and I think a senior hire would take some of that weight off me.
Eve Exec: It sounds like the real question is how to stop being the bottleneck.
Lena Leader: Yes, that is it. The hiring choice is only part of it. I also need to let go of some reviews and trust the people we already have.
Eve Exec: What options do you see for letting go of the reviews?
Lena Leader: I could let Tomas own the platform reviews and only step in when he asks. I could also set up a weekly design session so the decisions happen in one place instead of in my inbox.
Eve Exec: How will you know it is working?
Lena Leader: If the review queue stops waiting on me and Tomas feels he owns the outcome. I will try it for the next two weeks and tell you what changed, and I will write up the hiring case by Friday.`;

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

describe.each(await databaseKinds())('the Leader Academy on the %s database', (kind) => {
  let t: TestApp;
  let folder: string;
  let slug: string;
  let omar: Client;
  let eve: Client;
  let lena: Client;
  let ravi: Client;
  const ids: Record<string, string> = {};
  const academy = () => `/api/orgs/${slug}/academy`;

  /** A 1:1 led by `leader` with `withPersonId`, starting at `startsAt`, with a transcript. */
  async function recordedMeeting(leader: Client, withPersonId: string, startsAt: string, text: string) {
    const meeting = (await leader.post(`/api/orgs/${slug}/meetings`, { withPersonId, startsAt })).json();
    const uploaded = await leader.request('PUT', `/api/orgs/${slug}/meetings/${meeting.id}/transcript`, {
      text,
      consent: true,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    return meeting.id as string;
  }

  async function finishPractice(learner: Client, moduleId: string) {
    const session = (await learner.post(`${academy()}/modules/${moduleId}/practice`)).json();
    const turn = await learner.post(`${academy()}/practice/${session.id}/turns`, {
      line: 'What happened this morning with the truck?',
    });
    expect(turn.json().isFinished).toBe(true);
  }

  beforeAll(async () => {
    folder = await writeAcademy([listeningModule, askingModule]);
    useAcademyFolder(folder);
    t = await createTestApp(kind);
    const owner = await ownerWithOrganization(t.app, 'Omar Owner');
    slug = owner.org.slug;
    omar = owner.client;
    eve = (await memberOf(t, omar, slug, 'member', 'Eve Exec')).client;
    lena = (await memberOf(t, omar, slug, 'member', 'Lena Leader')).client;
    ravi = (await memberOf(t, omar, slug, 'member', 'Ravi Report')).client;
    for (const name of ['eve', 'lena', 'ravi'])
      ids[name] = (await omar.get(`/api/orgs/${slug}/people?q=${name}`)).json().items[0].id;
    await omar.patch(`/api/orgs/${slug}/people/${ids.lena}`, { managerId: ids.eve });
    await omar.patch(`/api/orgs/${slug}/people/${ids.ravi}`, { managerId: ids.lena });
  });
  afterAll(async () => {
    await t.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('lists the modules in program order, each with the caller’s progress', async () => {
    const response = await lena.get(`${academy()}/modules`);
    expect(response.statusCode, response.body).toBe(200);
    const catalogue = response.json();
    expect(catalogue).toMatchObject({ completedModules: 0, totalModules: 2, certificateId: null });
    expect(catalogue.modules.map((module: { id: string }) => module.id)).toEqual([
      'asking-drill',
      'listening-drill',
    ]);
    expect(catalogue.modules[0]).toMatchObject({
      title: 'Asking before telling',
      skill: 'powerful-questions',
      minutes: 30,
      progress: {
        lessonReadAt: null,
        quizScore: null,
        assignment: { status: 'not-started' },
        isComplete: false,
      },
    });
    expect(catalogue.modules[0].summary).toMatch(/integration tests/);
  });

  it('shows a module’s lesson, example, practice and assignment, but not the quiz answers', async () => {
    const module = (await lena.get(`${academy()}/modules/asking-drill`)).json();
    expect(module.lesson).toContain('A question hands the thinking to your report.');
    expect(module.workedExample).toMatch(/A poor exchange/);
    expect(module.objectives).toHaveLength(2);
    expect(module.quiz).toHaveLength(5);
    expect(module.quiz[0]).toEqual({
      index: 0,
      question: 'Which question is open?',
      options: ['Is it done?', 'What is in the way?', 'Did you call them?'],
    });
    expect(JSON.stringify(module)).not.toContain('It invites an answer longer');
    expect(module.practice).toMatchObject({
      brief: 'Find out what is really in the way, with open questions.',
      persona: { name: 'Sam Ortiz', role: 'Shift lead' },
      sessions: [],
    });
    expect(module.assignment.checks).toEqual([
      { metric: 'openQuestions', min: 3 },
      { metric: 'leaderTalkShare', max: 0.6 },
    ]);
    const missing = await lena.get(`${academy()}/modules/no-such-module`);
    expect(missing.statusCode).toBe(404);
  });

  it('marks the lesson read once, keeping the first time', async () => {
    const first = (await lena.post(`${academy()}/modules/asking-drill/lesson/read`)).json();
    expect(first.lessonReadAt).not.toBeNull();
    const again = (await lena.post(`${academy()}/modules/asking-drill/lesson/read`)).json();
    expect(again.lessonReadAt).toBe(first.lessonReadAt);
  });

  it('marks the quiz with an explanation per question, passes it at 80% and keeps the best score', async () => {
    const quiz = `${academy()}/modules/asking-drill/quiz`;
    const threeRight = await lena.post(quiz, { answers: [1, 1, 0, 0, 0] });
    expect(threeRight.statusCode, threeRight.body).toBe(200);
    expect(threeRight.json()).toMatchObject({ score: 0.6, correct: 3, total: 5, isPassed: false });
    expect(threeRight.json().questions[3]).toEqual({
      index: 3,
      chosen: 0,
      answer: 1,
      isCorrect: false,
      explanation: 'The report does the thinking in a coaching 1:1.',
    });
    const fourRight = (await lena.post(quiz, { answers: [1, 1, 0, 1, 0] })).json();
    expect(fourRight).toMatchObject({ score: 0.8, isPassed: true, progress: { quizScore: 0.8 } });
    expect(fourRight.progress.quizPassedAt).not.toBeNull();
    const worse = (await lena.post(quiz, { answers: [0, 0, 1, 0, 0] })).json();
    expect(worse).toMatchObject({ score: 0, isPassed: false, progress: { quizScore: 0.8 } });
    expect(worse.progress.quizPassedAt).toBe(fourRight.progress.quizPassedAt);

    const short = await lena.post(quiz, { answers: [1, 1] });
    expect(short.statusCode).toBe(400);
    expect(short.json().fields).toEqual([
      { path: 'body.answers', message: expect.stringMatching(/5 answers/) },
    ]);
    const outOfRange = await lena.post(quiz, { answers: [1, 1, 3, 1, 1] });
    expect(outOfRange.json().fields[0].path).toBe('body.answers.2');
  });

  it('waits for a 1:1 that can measure the assignment, then records it not met with the figures before and after', async () => {
    await recordedMeeting(lena, ids.ravi!, inDays(-7), checkIn);
    const started = (await lena.post(`${academy()}/modules/asking-drill/assignment/start`)).json();
    expect(started.assignment).toMatchObject({ status: 'pending', evidence: null });
    expect(started.assignment.waitingFor).toMatch(/next 1:1/);

    // A 1:1 analysed from its notes cannot count questions: the assignment keeps waiting.
    const notesOnly = (
      await lena.post(`/api/orgs/${slug}/meetings`, { withPersonId: ids.ravi, startsAt: inDays(1) })
    ).json();
    await ravi.post(`/api/orgs/${slug}/meetings/${notesOnly.id}/agenda`, {
      title: 'Billing migration status',
    });
    expect((await lena.post(`/api/orgs/${slug}/meetings/${notesOnly.id}/analysis`)).statusCode).toBe(200);
    const waiting = (await lena.get(`${academy()}/modules/asking-drill`)).json().progress.assignment;
    expect(waiting.status).toBe('pending');
    expect(waiting.waitingFor).toMatch(/analysed from notes.*openQuestions.*upload its transcript/);

    const meetingId = await recordedMeeting(lena, ids.ravi!, inDays(2), checkIn);
    const decided = (await lena.get(`${academy()}/modules/asking-drill`)).json().progress.assignment;
    expect(decided).toMatchObject({
      status: 'not-met',
      meetingId,
      withName: 'Ravi Report',
      source: 'transcript',
      waitingFor: null,
    });
    const [questions, talk] = decided.evidence;
    expect(questions).toMatchObject({ metric: 'openQuestions', min: 3, value: 0, before: 0, isMet: false });
    expect(talk).toMatchObject({ metric: 'leaderTalkShare', max: 0.6, isMet: false });
    expect(talk.value).toBeGreaterThan(0.6);
    expect(talk.before).toBeGreaterThan(0.6);
    const catalogue = (await lena.get(`${academy()}/modules`)).json();
    expect(catalogue.modules[0].progress.assignment.status).toBe('not-met');
  });

  it('meets every assignment in a coaching 1:1 and issues a certificate anyone can verify', async () => {
    for (const moduleId of ['asking-drill', 'listening-drill']) {
      await eve.post(`${academy()}/modules/${moduleId}/lesson/read`);
      await eve.post(`${academy()}/modules/${moduleId}/quiz`, { answers: quizAnswers });
      await finishPractice(eve, moduleId);
      await eve.post(`${academy()}/modules/${moduleId}/assignment/start`);
    }
    const before = (await eve.get(`${academy()}/certificate`)).json();
    expect(before).toMatchObject({ certificate: null, completedModules: 0, totalModules: 2 });
    expect(before.remaining).toEqual(['Asking before telling', 'Listening to understand']);

    const meetingId = await recordedMeeting(eve, ids.lena!, inDays(1), coaching);
    const catalogue = (await eve.get(`${academy()}/modules`)).json();
    expect(catalogue.completedModules).toBe(2);
    expect(catalogue.certificateId).not.toBeNull();
    const asking = catalogue.modules[0].progress;
    expect(asking).toMatchObject({
      isComplete: true,
      practiceScore: expect.any(Number),
      assignment: { status: 'met', meetingId, withName: 'Lena Leader' },
    });
    expect(asking.assignment.evidence).toEqual([
      { metric: 'openQuestions', min: 3, value: 4, before: null, isMet: true },
      { metric: 'leaderTalkShare', max: 0.6, value: expect.any(Number), before: null, isMet: true },
    ]);
    expect(asking.assignment.evidence[1].value).toBeLessThan(0.5);
    expect((await eve.post(`${academy()}/modules/asking-drill/assignment/start`)).statusCode).toBe(409);

    const status = (await eve.get(`${academy()}/certificate`)).json();
    expect(status.certificate).toMatchObject({
      id: catalogue.certificateId,
      name: 'Eve Exec',
      verifyPath: `/certificates/${catalogue.certificateId}`,
    });
    expect(status.remaining).toEqual([]);

    const verified = await new Client(t.app).get(`/api/certificates/${catalogue.certificateId}`);
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toEqual({
      name: 'Eve Exec',
      organizationName: status.certificate.organizationName,
      issuedAt: status.certificate.issuedAt,
      isValid: true,
    });
    const stranger = new Client(t.app);
    expect((await stranger.get('/api/certificates/3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b')).statusCode).toBe(
      404,
    );
    expect((await stranger.get('/api/certificates/not-a-code')).statusCode).toBe(404);
    expect((await ravi.get(`${academy()}/certificate`)).json()).toMatchObject({
      certificate: null,
      completedModules: 0,
    });
  });
});
