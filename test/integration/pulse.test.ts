import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuePulseRounds } from '../../src/server/features/pulse/pulse-rounds.service.ts';
import { databaseKinds } from '../support/databases.ts';
import { Client, createTestApp, type TestApp } from '../support/test-app.ts';
import {
  answersAt,
  mailedLinks,
  type PulseOrganization,
  pulseOrganization,
  schedule,
} from './pulse-fixture.ts';

const silentLog = { info() {}, warn() {}, error() {} };

describe.each(await databaseKinds())('scheduling and answering a team pulse on the %s database', (kind) => {
  let t: TestApp;
  let org: PulseOrganization;
  let anonymous: Client;

  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await pulseOrganization(t);
    anonymous = new Client(t.app);
  });
  afterAll(() => t.close());

  it('lets a manager schedule a pulse of their tree and mails everyone in it a link, but not the lead', async () => {
    const survey = await schedule(org.vera, org.slug, {
      title: 'Vera tree pulse',
      teamLeadId: org.idOf('Vera Vance'),
      scope: 'tree',
    });
    expect(survey.latestRound.invited).toBe(12);
    const links = await mailedLinks(t, 'Vera tree pulse');
    expect(links.size).toBe(12);
    expect([...links.keys()]).toContain('b4@pulse.test');
    expect(links.has(org.veraEmail)).toBe(false);
    // The links never reach the outbox that admins read: an admin must not answer in someone's place.
    const adminOutbox = (await org.owner.get(`/api/orgs/${org.slug}/outbox`)).json() as Array<{
      kind: string;
    }>;
    expect(adminOutbox.filter((mail) => mail.kind === 'pulse-invitation')).toEqual([]);
    const form = await anonymous.get(`/api/pulse/${links.get('a1@pulse.test')}`);
    expect(form.statusCode).toBe(200);
    expect(form.json()).toMatchObject({
      surveyTitle: 'Vera tree pulse',
      teamLeadName: 'Vera Vance',
      hasAnswered: false,
    });
    expect(form.json().questions.map((question: { id: string }) => question.id)).toEqual([
      'mistakes-held-against',
      'raise-problems',
      'reject-different',
      'safe-to-risk',
      'hard-to-ask-help',
      'no-undermining',
      'skills-valued',
      'enps',
      'c1',
      'c2',
    ]);
    expect(form.json().questions[7].text).toBe(
      'How likely are you to recommend this team as a place to work?',
    );
  });

  it('does not ask the team lead about their own team', async () => {
    await schedule(org.owner, org.slug, {
      title: 'Tess team pulse',
      teamLeadId: org.idOf('Tess Turner'),
      scope: 'direct',
    });
    const links = await mailedLinks(t, 'Tess team pulse');
    expect(links.size).toBe(7);
    expect(links.has('tess@pulse.test')).toBe(false);
    expect(links.has(org.miaEmail)).toBe(true);
  });

  it('refuses a team of four: its answers could never be shown without singling someone out', async () => {
    const refused = await org.owner.post(`/api/orgs/${org.slug}/pulse/surveys`, {
      title: 'Fleet pulse',
      teamLeadId: org.idOf('Finn Fischer'),
      scope: 'tree',
      cadence: 'monthly',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields).toEqual([
      { path: 'body.teamLeadId', message: expect.stringContaining('team of 4') },
    ]);
  });

  it('lets managers schedule only inside their own tree, and members without a team not at all', async () => {
    const outside = await org.mona.post(`/api/orgs/${org.slug}/pulse/surveys`, {
      title: 'Not mine',
      teamLeadId: org.idOf('Tess Turner'),
      scope: 'direct',
      cadence: 'once',
    });
    expect(outside.statusCode).toBe(403);
    const noTeam = await org.nick.post(`/api/orgs/${org.slug}/pulse/surveys`, {
      title: 'No team',
      teamLeadId: org.idOf('Tess Turner'),
      scope: 'direct',
      cadence: 'once',
    });
    expect(noTeam.statusCode).toBe(403);
    const leads = (await org.vera.get(`/api/orgs/${org.slug}/pulse/leads`)).json();
    expect(leads.map((lead: { name: string }) => lead.name).sort()).toEqual([
      'Max Miller',
      'Mona Morgan',
      'Vera Vance',
    ]);
    expect(leads.find((lead: { name: string }) => lead.name === 'Vera Vance')).toMatchObject({
      treeSize: 12,
      directSize: 3,
    });
    expect((await org.nick.get(`/api/orgs/${org.slug}/pulse/leads`)).json()).toEqual([]);
  });

  it('takes one answer per person: a second is 409, a wrong one names the field, a closed round is 410', async () => {
    const survey = await schedule(org.owner, org.slug, {
      title: 'Answer rules',
      teamLeadId: org.idOf('Tess Turner'),
      scope: 'direct',
    });
    const token = (await mailedLinks(t, 'Answer rules')).get('t1@pulse.test')!;
    const invalid = await anonymous.post(`/api/pulse/${token}`, {
      answers: { ...answersAt(6, 9), enps: 11 },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().fields).toEqual([
      { path: 'body.answers.enps', message: 'must be a whole number from 0 to 10' },
    ]);
    expect((await anonymous.post(`/api/pulse/${token}`, { answers: answersAt(6, 9) })).statusCode).toBe(204);
    expect((await anonymous.post(`/api/pulse/${token}`, { answers: answersAt(2, 0) })).statusCode).toBe(409);
    expect((await anonymous.get(`/api/pulse/${token}`)).json().hasAnswered).toBe(true);
    expect((await anonymous.get(`/api/pulse/${'B'.repeat(32)}`)).statusCode).toBe(404);

    const late = (await mailedLinks(t, 'Answer rules')).get('t2@pulse.test')!;
    expect(
      (await org.owner.post(`/api/orgs/${org.slug}/pulse/rounds/${survey.latestRound.id}/close`)).statusCode,
    ).toBe(204);
    expect((await anonymous.get(`/api/pulse/${late}`)).statusCode).toBe(410);
    expect((await anonymous.post(`/api/pulse/${late}`, { answers: answersAt(6, 9) })).statusCode).toBe(410);
  });

  it('lets a person answer in the app, once, whether in the app or through the link', async () => {
    const survey = await schedule(org.owner, org.slug, {
      title: 'In the app',
      teamLeadId: org.idOf('Tess Turner'),
      scope: 'direct',
    });
    const open = (await org.mia.get(`/api/orgs/${org.slug}/pulse/open`)).json();
    const round = open.find((form: { surveyTitle: string }) => form.surveyTitle === 'In the app');
    expect(round).toMatchObject({
      roundId: survey.latestRound.id,
      hasAnswered: false,
      teamLeadName: 'Tess Turner',
    });
    const answered = await org.mia.post(`/api/orgs/${org.slug}/pulse/rounds/${round.roundId}/answer`, {
      answers: answersAt(5, 8, 'Fewer status rounds, more time on the hard problems.'),
    });
    expect(answered.statusCode, answered.body).toBe(204);
    const again = await org.mia.post(`/api/orgs/${org.slug}/pulse/rounds/${round.roundId}/answer`, {
      answers: answersAt(5, 8),
    });
    expect(again.statusCode).toBe(409);
    const token = (await mailedLinks(t, 'In the app')).get(org.miaEmail)!;
    expect((await anonymous.post(`/api/pulse/${token}`, { answers: answersAt(5, 8) })).statusCode).toBe(409);
    const after = (await org.mia.get(`/api/orgs/${org.slug}/pulse/open`)).json();
    expect(after.find((form: { roundId: string }) => form.roundId === round.roundId).hasAnswered).toBe(true);
    // Someone the round does not ask finds nothing to answer.
    const stranger = await org.nick.post(`/api/orgs/${org.slug}/pulse/rounds/${round.roundId}/answer`, {
      answers: answersAt(5, 8),
    });
    expect(stranger.statusCode).toBe(404);
  });

  it('shows results to the lead, their manager chain and admins, and to nobody else', async () => {
    const survey = await schedule(org.owner, org.slug, {
      title: 'Who reads',
      teamLeadId: org.idOf('Mona Morgan'),
      scope: 'direct',
    });
    const path = `/api/orgs/${org.slug}/pulse/surveys/${survey.id}/results`;
    expect((await org.mona.get(path)).statusCode).toBe(200);
    expect((await org.vera.get(path)).statusCode).toBe(200);
    expect((await org.owner.get(path)).statusCode).toBe(200);
    expect((await org.nick.get(path)).statusCode).toBe(404);
    expect((await org.mia.get(path)).statusCode).toBe(404);
    const listed = (await org.nick.get(`/api/orgs/${org.slug}/pulse/surveys`)).json();
    expect(listed).toEqual([]);
    expect(
      (await org.nick.post(`/api/orgs/${org.slug}/pulse/rounds/${survey.latestRound.id}/close`)).statusCode,
    ).toBe(404);
    expect(
      (await org.nick.patch(`/api/orgs/${org.slug}/pulse/surveys/${survey.id}`, { isActive: false }))
        .statusCode,
    ).toBe(404);
  });

  it('opens each later round of a monthly pulse once, however many sweeps run, and mails its new links', async () => {
    const survey = await schedule(org.owner, org.slug, {
      title: 'Monthly platform',
      teamLeadId: org.idOf('Tess Turner'),
      scope: 'direct',
      cadence: 'monthly',
    });
    const before = (await mailedLinks(t, 'Monthly platform')).get('t3@pulse.test');
    const nextMonth = new Date(Date.now() + 31 * 86_400_000);
    expect(
      await openDuePulseRounds(t.ctx, new Date(Date.now() + 86_400_000), { log: silentLog }),
    ).toMatchObject({ opened: 0 });
    const sweeps = await Promise.all([
      openDuePulseRounds(t.ctx, nextMonth, { log: silentLog }),
      openDuePulseRounds(t.ctx, nextMonth, { log: silentLog }),
    ]);
    expect(sweeps.reduce((sum, sweep) => sum + sweep.opened, 0)).toBe(1);
    expect((await openDuePulseRounds(t.ctx, nextMonth, { log: silentLog })).opened).toBe(0);
    const view = (await org.owner.get(`/api/orgs/${org.slug}/pulse/surveys`))
      .json()
      .find((entry: { id: string }) => entry.id === survey.id);
    expect(view.roundCount).toBe(2);
    const after = (await mailedLinks(t, 'Monthly platform')).get('t3@pulse.test');
    expect(after).not.toBe(before);

    await org.owner.patch(`/api/orgs/${org.slug}/pulse/surveys/${survey.id}`, { isActive: false });
    // Past the second month's date, inside its answering window: due, were the pulse not stopped.
    const twoMonths = new Date(Date.now() + 64 * 86_400_000);
    expect((await openDuePulseRounds(t.ctx, twoMonths, { log: silentLog })).opened).toBe(0);
    await org.owner.patch(`/api/orgs/${org.slug}/pulse/surveys/${survey.id}`, { isActive: true });
    expect((await openDuePulseRounds(t.ctx, twoMonths, { log: silentLog })).opened).toBe(1);
  });
});
