import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { people } from '../../src/server/db/schema.ts';
import { academyProgress, skillAssessments } from '../../src/server/db/schema-growth.ts';
import { meetingAnalyses, meetings, nextSteps } from '../../src/server/db/schema-meetings.ts';
import {
  pulseParticipants,
  pulseResponses,
  pulseRounds,
  pulseSurveys,
} from '../../src/server/db/schema-pulse.ts';
import { type Client, memberOf, ownerWithOrganization, type TestApp } from '../support/test-app.ts';
import { answersAt } from './pulse-fixture.ts';

const DAY = 86_400_000;
const HEADER = 'email,name,title,manager_email,start_date,time_zone';

/** Words that live only in one 1:1's content: none of them may reach an insights answer. */
export const secretWords = ['zebra-budget', 'pineapple-reorg', 'walrus-plan', 'finish those by Friday'];

export const checkInVtt = `WEBVTT

1
00:00:01.000 --> 00:00:06.000
Lena Leader: Okay, let's go through the list. Is the billing migration done?

2
00:00:06.500 --> 00:00:08.000
Ravi Report: Not yet, two services left.

3
00:00:08.500 --> 00:00:24.000
Lena Leader: You need to finish those by Friday. Move the invoice service first, then the ledger. Tell the data team to freeze the schema, and send me the status tonight.

4
00:00:24.500 --> 00:00:26.000
Ravi Report: Okay.

5
00:00:26.500 --> 00:00:40.000
Lena Leader: Did you update the dashboard numbers? I need them for the board deck. Send me the migration status by Friday.
`;

/**
 * Olivia (owner) ← Vera (VP) ← Lena (manager) ← Ravi and Rae; Vera also leads Tess, whose five
 * people answer a team pulse. Nick is a member outside every tree; Ada an admin. Lena's last four
 * analysed 1:1s are check-ins, Rae has had no 1:1, Tess's team safety fell between two shown rounds.
 */
export async function insightsOrganization(t: TestApp) {
  const now = Date.now();
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY);
  const owner = await ownerWithOrganization(t.app, 'Olivia Owner');
  const slug = owner.org.slug;
  const clients: Record<string, Client> = { olivia: owner.client };
  for (const [key, name, role] of [
    ['vera', 'Vera Vance', 'member'],
    ['lena', 'Lena Leader', 'member'],
    ['ravi', 'Ravi Report', 'member'],
    ['nick', 'Nick Noteam', 'member'],
    ['ada', 'Ada Admin', 'admin'],
  ] as const) {
    clients[key] = (await memberOf(t, owner.client, slug, role, name)).client;
  }
  const rows = [
    'tess@insights.test,Tess Turner,Warehouse Manager,,,',
    ...[1, 2, 3, 4, 5].map((n) => `t${n}@insights.test,Tom Shift${n},Shift Lead,tess@insights.test,,`),
    'rae@insights.test,Rae Two,Engineer,,,',
  ];
  const imported = await owner.client.post(`/api/orgs/${slug}/people/import`, {
    csv: `${HEADER}\n${rows.join('\n')}\n`,
  });
  expect(imported.statusCode, imported.body).toBe(200);
  const directory = (await owner.client.get(`/api/orgs/${slug}/people?limit=500`)).json().items as Array<{
    id: string;
    name: string;
  }>;
  const id = (name: string) => directory.find((person) => person.name.startsWith(name))!.id;
  const ids = {
    olivia: id('Olivia'),
    vera: id('Vera'),
    lena: id('Lena'),
    ravi: id('Ravi'),
    nick: id('Nick'),
    ada: id('Ada'),
    tess: id('Tess'),
    rae: id('Rae'),
  };
  const managerOf: Array<[string, string]> = [
    [ids.vera, ids.olivia],
    [ids.lena, ids.vera],
    [ids.ravi, ids.lena],
    [ids.rae, ids.lena],
    [ids.tess, ids.vera],
  ];
  for (const [person, manager] of managerOf) {
    const patched = await owner.client.patch(`/api/orgs/${slug}/people/${person}`, { managerId: manager });
    expect(patched.statusCode, patched.body).toBe(200);
  }
  // A name that is hostile in HTML and in CSV.
  const { db } = t.ctx;
  const { eq } = await import('drizzle-orm');
  await db.update(people).set({ name: '<b>Rae</b>, "Two"' }).where(eq(people.id, ids.rae));

  // One real 1:1 with content: agenda, shared notes, a next step, a transcript and its analysis.
  const lena = clients.lena!;
  const created = await lena.post(`/api/orgs/${slug}/meetings`, {
    withPersonId: ids.ravi,
    startsAt: at(2).toISOString(),
  });
  expect(created.statusCode, created.body).toBe(201);
  const meetingId = created.json().id as string;
  await lena.post(`/api/orgs/${slug}/meetings/${meetingId}/agenda`, { title: 'The zebra-budget for Q3' });
  const notes = await lena.request('PUT', `/api/orgs/${slug}/meetings/${meetingId}/notes/shared`, {
    body: 'We agreed the pineapple-reorg stays quiet.',
    baseVersion: 0,
  });
  expect(notes.statusCode, notes.body).toBe(200);
  const step = await lena.post(`/api/orgs/${slug}/meetings/${meetingId}/next-steps`, {
    title: 'Send the walrus-plan',
    ownerId: ids.ravi,
    dueDate: at(1).toISOString().slice(0, 10),
  });
  expect(step.statusCode, step.body).toBe(201);
  const uploaded = await lena.request('PUT', `/api/orgs/${slug}/meetings/${meetingId}/transcript`, {
    text: checkInVtt,
    consent: true,
  });
  expect(uploaded.statusCode, uploaded.body).toBe(200);
  expect(uploaded.json().result.verdict).toBe('check-in');
  const closed = await lena.post(`/api/orgs/${slug}/meetings/${meetingId}/close`, {});
  expect(closed.statusCode, closed.body).toBe(200);

  const organizationId = owner.org.id;
  const meeting = async (
    leaderId: string,
    reportId: string,
    daysAgo: number,
    status: 'completed' | 'scheduled',
    analysis?: { verdict: 'coaching' | 'check-in'; score: number; askTell: number; talkShare: number },
  ) => {
    const [row] = await db
      .insert(meetings)
      .values({
        organizationId,
        leaderId,
        reportId,
        startsAt: at(daysAgo),
        endsAt: at(daysAgo - 0.02),
        status,
      })
      .returning({ id: meetings.id, startsAt: meetings.startsAt });
    if (analysis)
      await db.insert(meetingAnalyses).values({
        meetingId: row!.id,
        organizationId,
        leaderId,
        reportId,
        meetingStartsAt: row!.startsAt,
        score: analysis.score,
        verdict: analysis.verdict,
        askTellRatio: analysis.askTell,
        talkShare: analysis.talkShare,
        result: { questions: { askTellRatio: analysis.askTell }, leader: { talkShare: analysis.talkShare } },
        source: 'notes',
      });
    return row!.id;
  };
  const checkIn = { verdict: 'check-in', score: 20, askTell: 0.5, talkShare: 0.8 } as const;
  for (const daysAgo of [9, 16, 23]) await meeting(ids.lena, ids.ravi, daysAgo, 'completed', checkIn);
  await meeting(ids.lena, ids.ravi, 30, 'scheduled');
  const veraLena = await meeting(ids.vera, ids.lena, 5, 'completed', {
    verdict: 'coaching',
    score: 80,
    askTell: 2,
    talkShare: 0.4,
  });
  await meeting(ids.vera, ids.tess, 6, 'completed');
  await db.insert(nextSteps).values([
    {
      organizationId,
      meetingId: veraLena,
      leaderId: ids.vera,
      reportId: ids.lena,
      title: 'Draft the hiring plan',
      dueDate: at(3).toISOString().slice(0, 10),
      status: 'done',
      completedAt: at(4),
    },
    {
      organizationId,
      meetingId: veraLena,
      leaderId: ids.vera,
      reportId: ids.lena,
      title: 'Review the roadmap',
      dueDate: at(3).toISOString().slice(0, 10),
      status: 'done',
      completedAt: at(1),
    },
  ]);

  // Ravi's growth: his own ratings and, later, Lena's; the manager's count.
  await db.insert(skillAssessments).values([
    {
      organizationId,
      subjectId: ids.ravi,
      assessorId: ids.ravi,
      kind: 'self',
      status: 'submitted',
      ratings: { 'coaching-one-on-ones': 4, 'powerful-questions': 4 },
      comments: { 'coaching-one-on-ones': 'zebra-budget went well' },
      submittedAt: at(20),
    },
    {
      organizationId,
      subjectId: ids.ravi,
      assessorId: ids.lena,
      kind: 'manager',
      status: 'submitted',
      ratings: { 'coaching-one-on-ones': 2, 'powerful-questions': 3 },
      submittedAt: at(10),
    },
  ]);
  await db.insert(academyProgress).values({
    organizationId,
    personId: ids.ravi,
    moduleId: '01-coaching-one-on-ones',
    lessonCompletedAt: at(8),
    quizScore: 1,
    quizPassedAt: at(8),
    practiceScore: 70,
    practiceCompletedAt: at(8),
    assignmentStatus: 'met',
  });

  // Tess's team pulse: two shown rounds (safety falls), then one with four answers (hidden).
  const [survey] = await db
    .insert(pulseSurveys)
    .values({
      organizationId,
      title: 'Warehouse pulse',
      teamLeadId: ids.tess,
      scope: 'direct',
      cadence: 'monthly',
    })
    .returning({ id: pulseSurveys.id });
  const team = directory.filter((person) => person.name.startsWith('Tom Shift')).map((person) => person.id);
  for (const [daysAgo, level, answered] of [
    [70, 6, 5],
    [40, 3, 5],
    [10, 6, 4],
  ] as const) {
    const [round] = await db
      .insert(pulseRounds)
      .values({ organizationId, surveyId: survey!.id, opensAt: at(daysAgo), closesAt: at(daysAgo - 7) })
      .returning({ id: pulseRounds.id });
    await db.insert(pulseParticipants).values(
      team.map((personId, index) => ({
        roundId: round!.id,
        organizationId,
        personId,
        tokenHash: randomBytes(16).toString('hex'),
        hasAnswered: index < answered,
      })),
    );
    await db.insert(pulseResponses).values(
      team.slice(0, answered).map(() => ({
        organizationId,
        roundId: round!.id,
        groupKey: ids.tess,
        answers: answersAt(level, 8),
      })),
    );
  }
  return { slug, clients, ids, meetingId };
}
