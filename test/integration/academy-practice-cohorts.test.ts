import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useAcademyFolder } from '../../src/server/content/load-academy.ts';
import { databaseKinds } from '../support/databases.ts';
import {
  type Client,
  createTestApp,
  memberOf,
  ownerWithOrganization,
  type TestApp,
} from '../support/test-app.ts';
import { askingModule, listeningModule, quizAnswers, writeAcademy } from './academy-fixture.ts';

/** Words of a real 1:1 that nobody but its two participants may ever read. */
const meetingTranscript = `Lena Leader: What is the hardest part of the warehouse move for you right now?
Ravi Report: Honestly the night shift roster. Two people asked me privately about leaving, and I have not told anyone yet because I am not sure how to handle it.
Lena Leader: What would help you decide how to handle it?
Ravi Report: Talking it through with each of them first, I think, and then proposing a roster change by Thursday.
Lena Leader: How could I support that?
Ravi Report: Just give me the room to try it this week.`;

/**
 * Role-play practice and cohorts: Eve is an executive (Lena reports to her, Ravi to Lena) and runs
 * a cohort; Ada is an admin; Mia is a member who leads no one.
 */
describe.each(await databaseKinds())('Academy practice and cohorts on the %s database', (kind) => {
  let t: TestApp;
  let folder: string;
  let slug: string;
  let omar: Client;
  let ada: Client;
  let eve: Client;
  let lena: Client;
  let ravi: Client;
  let mia: Client;
  const ids: Record<string, string> = {};
  const academy = () => `/api/orgs/${slug}/academy`;

  beforeAll(async () => {
    folder = await writeAcademy([askingModule, listeningModule]);
    useAcademyFolder(folder);
    t = await createTestApp(kind);
    const owner = await ownerWithOrganization(t.app, 'Omar Owner');
    slug = owner.org.slug;
    omar = owner.client;
    ada = (await memberOf(t, omar, slug, 'admin', 'Ada Admin')).client;
    eve = (await memberOf(t, omar, slug, 'member', 'Eve Exec')).client;
    lena = (await memberOf(t, omar, slug, 'member', 'Lena Leader')).client;
    ravi = (await memberOf(t, omar, slug, 'member', 'Ravi Report')).client;
    mia = (await memberOf(t, omar, slug, 'member', 'Mia Member')).client;
    for (const name of ['eve', 'lena', 'ravi', 'mia'])
      ids[name] = (await omar.get(`/api/orgs/${slug}/people?q=${name}`)).json().items[0].id;
    await omar.patch(`/api/orgs/${slug}/people/${ids.lena}`, { managerId: ids.eve });
    await omar.patch(`/api/orgs/${slug}/people/${ids.ravi}`, { managerId: ids.lena });
  });
  afterAll(async () => {
    await t.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('runs a role-play line by line: each line read in the moment, answered, and scored when it ends', async () => {
    const started = await lena.post(`${academy()}/modules/asking-drill/practice`);
    expect(started.statusCode, started.body).toBe(201);
    const session = started.json();
    ids.session = session.id;
    expect(session).toMatchObject({
      moduleId: 'asking-drill',
      persona: { name: 'Sam Ortiz' },
      lines: [{ speaker: 'report', text: 'The 6am truck left without our pallets again.' }],
      isFinished: false,
      result: null,
    });

    const closed = (
      await lena.post(`${academy()}/practice/${session.id}/turns`, { line: 'Did the truck leave early?' })
    ).json();
    expect(closed).toMatchObject({
      learner: {
        speaker: 'learner',
        text: 'Did the truck leave early?',
        act: 'closed_question',
        feedback: 'That was a closed question — try opening it up.',
      },
      reply: 'Yes, it did.',
      isFinished: false,
    });
    expect(closed.session.result).toBeNull();

    const blank = await lena.post(`${academy()}/practice/${session.id}/turns`, { line: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().fields[0].path).toBe('body.line');

    const last = (
      await lena.post(`${academy()}/practice/${session.id}/turns`, {
        line: 'You need to call dispatch and get it fixed today.',
      })
    ).json();
    expect(last).toMatchObject({ reply: "Okay, I'll sort it out.", isFinished: true });
    expect(last.session.lines).toHaveLength(5);
    expect(last.session.result.analysis.leader.name).toBe('You');
    expect(last.session.result.score).toEqual(expect.any(Number));
    const firstScore = last.session.result.score as number;
    const ended = await lena.post(`${academy()}/practice/${session.id}/turns`, { line: 'One more thing?' });
    expect(ended.statusCode).toBe(409);

    const second = (await lena.post(`${academy()}/modules/asking-drill/practice`)).json();
    const open = (
      await lena.post(`${academy()}/practice/${second.id}/turns`, {
        line: 'What happened this morning with the truck?',
      })
    ).json();
    expect(open.learner.act).toBe('open_question');
    expect(open.isFinished).toBe(true);
    const secondScore = open.session.result.score as number;

    const module = (await lena.get(`${academy()}/modules/asking-drill`)).json();
    expect(module.progress.practiceScore).toBe(Math.max(firstScore, secondScore));
    expect(module.progress.practiceCompletedAt).not.toBeNull();
    expect(module.practice.sessions.map((entry: { id: string }) => entry.id).sort()).toEqual(
      [session.id, second.id].sort(),
    );
    const reread = (await lena.get(`${academy()}/practice/${session.id}`)).json();
    expect(reread.lines[1]).toMatchObject({ text: 'Did the truck leave early?', act: 'closed_question' });
  });

  it('keeps a role-play and its transcript from everyone but the learner, managers and admins included', async () => {
    for (const other of [eve, ada, omar, ravi]) {
      expect((await other.get(`${academy()}/practice/${ids.session}`)).statusCode).toBe(404);
      const turn = await other.post(`${academy()}/practice/${ids.session}/turns`, { line: 'What happened?' });
      expect(turn.statusCode).toBe(404);
      const module = (await other.get(`${academy()}/modules/asking-drill`)).json();
      expect(module.practice.sessions).toEqual([]);
    }
  });

  it('lets admins and executives start a cohort, and no one else', async () => {
    for (const refused of [mia, lena]) {
      const response = await refused.post(`${academy()}/cohorts`, { name: 'Managers' });
      expect(response.statusCode).toBe(403);
    }
    const created = await eve.post(`${academy()}/cohorts`, {
      name: 'Operations managers',
      startsOn: '2026-09-01',
      personIds: [ids.lena, ids.ravi],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'Operations managers',
      startsOn: '2026-09-01',
      owner: { id: ids.eve, name: 'Eve Exec' },
      memberCount: 2,
      access: 'manage',
    });
    ids.cohort = created.json().id;
    const byAdmin = await ada.post(`${academy()}/cohorts`, { name: 'Sales managers' });
    expect(byAdmin.statusCode).toBe(201);
    ids.adminCohort = byAdmin.json().id;
    const stranger = await eve.post(`${academy()}/cohorts`, {
      name: 'Mixed',
      personIds: [ids.lena, '3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b'],
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().fields).toEqual([
      { path: 'body.personIds.1', message: 'is not a person of this organization' },
    ]);
  });

  it('shows the owner each member’s completion and scores, never practice text or 1:1 content', async () => {
    await lena.post(`${academy()}/modules/asking-drill/lesson/read`);
    await lena.post(`${academy()}/modules/asking-drill/quiz`, { answers: quizAnswers });
    await lena.post(`${academy()}/modules/asking-drill/assignment/start`);
    const meeting = (
      await lena.post(`/api/orgs/${slug}/meetings`, {
        withPersonId: ids.ravi,
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      })
    ).json();
    await lena.request('PUT', `/api/orgs/${slug}/meetings/${meeting.id}/transcript`, {
      text: meetingTranscript,
      consent: true,
    });
    const own = (await lena.get(`${academy()}/modules/asking-drill`)).json().progress;
    expect(own.assignment.status).toBe('met');

    for (const viewer of [eve, ada, omar]) {
      const response = await viewer.get(`${academy()}/cohorts/${ids.cohort}`);
      expect(response.statusCode, response.body).toBe(200);
      const report = response.json();
      expect(report.modules.map((module: { id: string }) => module.id)).toEqual([
        'asking-drill',
        'listening-drill',
      ]);
      expect(report.members.map((member: { name: string }) => member.name)).toEqual([
        'Lena Leader',
        'Ravi Report',
      ]);
      expect(report.members[0]).toMatchObject({ completedModules: 1, hasCertificate: false });
      expect(report.members[0].modules[0]).toEqual({
        moduleId: 'asking-drill',
        isLessonRead: true,
        quizScore: 1,
        isQuizPassed: true,
        practiceScore: own.practiceScore,
        assignmentStatus: 'met',
        isComplete: true,
      });
      expect(report.members[1].modules[0]).toMatchObject({
        isLessonRead: false,
        assignmentStatus: 'not-started',
      });
      const text = response.body;
      for (const secret of [
        'truck',
        'dispatch',
        'night shift',
        'leaving',
        meeting.id,
        ids.session!,
        'evidence',
      ])
        expect(text).not.toContain(secret);
    }
  });

  it('shows a cohort to its owner and admins; its members and others only see it listed, or not at all', async () => {
    for (const outsider of [lena, ravi, mia]) {
      expect((await outsider.get(`${academy()}/cohorts/${ids.cohort}`)).statusCode).toBe(404);
    }
    expect((await eve.get(`${academy()}/cohorts/${ids.adminCohort}`)).statusCode).toBe(404);
    const forLena = (await lena.get(`${academy()}/cohorts`)).json();
    expect(forLena).toEqual([expect.objectContaining({ id: ids.cohort, access: 'member', memberCount: 2 })]);
    expect((await mia.get(`${academy()}/cohorts`)).json()).toEqual([]);
    const forEve = (await eve.get(`${academy()}/cohorts`)).json();
    expect(forEve.map((cohort: { id: string }) => cohort.id)).toEqual([ids.cohort]);
    const forAdmin = (await ada.get(`${academy()}/cohorts`)).json();
    expect(forAdmin.map((cohort: { access: string }) => cohort.access)).toEqual(['manage', 'manage']);
  });

  it('lets the owner add and remove members, and nobody else', async () => {
    const added = await eve.post(`${academy()}/cohorts/${ids.cohort}/members`, {
      personIds: [ids.mia, ids.mia],
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().memberCount).toBe(3);
    expect(
      (await eve.post(`${academy()}/cohorts/${ids.cohort}/members`, { personIds: [ids.mia] })).json(),
    ).toMatchObject({ memberCount: 3 });
    expect(
      (await lena.post(`${academy()}/cohorts/${ids.cohort}/members`, { personIds: [ids.lena] })).statusCode,
    ).toBe(404);
    expect((await lena.delete(`${academy()}/cohorts/${ids.cohort}/members/${ids.ravi}`)).statusCode).toBe(
      404,
    );
    expect((await eve.delete(`${academy()}/cohorts/${ids.cohort}/members/${ids.mia}`)).statusCode).toBe(204);
    expect((await eve.delete(`${academy()}/cohorts/${ids.cohort}/members/${ids.mia}`)).statusCode).toBe(404);
    expect((await mia.get(`${academy()}/cohorts`)).json()).toEqual([]);
  });
});
