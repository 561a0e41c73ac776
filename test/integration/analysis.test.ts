import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import {
  type Client,
  createTestApp,
  memberOf,
  ownerWithOrganization,
  type TestApp,
} from '../support/test-app.ts';

/** A Zoom-style WebVTT export of a status check-in: the leader talks, directs and answers for the report. */
const checkInVtt = `WEBVTT

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
Lena Leader: And the Nordic customer wants the export feature. Put it in the next sprint. I already told sales it ships in March, so make sure the estimate fits.

6
00:00:40.500 --> 00:00:42.000
Ravi Report: Sure, will do.

7
00:00:42.500 --> 00:00:50.000
Lena Leader: Did you update the dashboard numbers? I need them for the board deck.

8
00:00:50.500 --> 00:00:52.000
Ravi Report: Yes, yesterday.

9
00:00:52.500 --> 00:01:02.000
Lena Leader: Good. Then we're done. Send me the migration status by Friday.
`;

describe.each(await databaseKinds())('coaching analysis of a 1:1 on the %s database', (kind) => {
  let t: TestApp;
  let slug: string;
  let omar: Client;
  let lena: Client;
  let ravi: Client;
  let admin: Client;
  let meetingId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    const owner = await ownerWithOrganization(t.app, 'Omar Owner');
    slug = owner.org.slug;
    omar = owner.client;
    lena = (await memberOf(t, omar, slug, 'member', 'Lena Leader')).client;
    ravi = (await memberOf(t, omar, slug, 'member', 'Ravi Report')).client;
    admin = (await memberOf(t, omar, slug, 'admin', 'Ada Admin')).client;
    const find = async (q: string) =>
      (await omar.get(`/api/orgs/${slug}/people?q=${q}`)).json().items[0].id as string;
    ids.omar = await find('omar');
    ids.lena = await find('lena');
    ids.ravi = await find('ravi');
    await omar.patch(`/api/orgs/${slug}/people/${ids.lena}`, { managerId: ids.omar });
    const meeting = await lena.post(`/api/orgs/${slug}/meetings`, {
      withPersonId: ids.ravi,
      startsAt: '2026-03-02T10:00:00.000Z',
    });
    meetingId = meeting.json().id;
  });
  afterAll(() => t.close());

  it('refuses a transcript without consent and a broken file, storing nothing', async () => {
    const noConsent = await lena.request('PUT', `/api/orgs/${slug}/meetings/${meetingId}/transcript`, {
      text: checkInVtt,
    });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().fields[0].path).toBe('body.consent');
    const broken = checkInVtt.replace('00:00:06.500 --> 00:00:08.000', '00:00:0x.500 --> 00:00:08.000');
    const refused = await lena.request('PUT', `/api/orgs/${slug}/meetings/${meetingId}/transcript`, {
      text: broken,
      consent: true,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'INVALID_TRANSCRIPT', fields: [{ line: 8 }] });
    expect((await lena.get(`/api/orgs/${slug}/meetings/${meetingId}/analysis`)).statusCode).toBe(404);
  });

  it('tells the leader, with quotes, that the meeting was a check-in', async () => {
    const uploaded = await lena.request('PUT', `/api/orgs/${slug}/meetings/${meetingId}/transcript`, {
      text: checkInVtt,
      fileName: 'zoom.vtt',
      consent: true,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    const view = uploaded.json();
    expect(view).toMatchObject({
      visibility: 'full',
      source: 'transcript',
      hasTranscript: true,
      transcriptUploadedByName: 'Lena Leader',
    });
    expect(view.result.verdict).toBe('check-in');
    expect(view.result.leader.name).toBe('Lena Leader');
    expect(view.result.leader.talkShare).toBeGreaterThan(0.7);
    expect(JSON.stringify(view.result.evidence)).toContain('You need to finish those by Friday');
    expect(view.result.suggestions.length).toBeGreaterThan(0);
  });

  it('shows the report the topics but not the score until the leader shares it', async () => {
    const basics = (await ravi.get(`/api/orgs/${slug}/meetings/${meetingId}/analysis`)).json();
    expect(basics).toMatchObject({ visibility: 'shared-basics', result: { score: null, verdict: null } });
    expect(basics.result.topics).not.toBeNull();
    expect(
      (await ravi.patch(`/api/orgs/${slug}/meetings/${meetingId}/analysis`, { isSharedWithReport: true }))
        .statusCode,
    ).toBe(403);
    await lena.patch(`/api/orgs/${slug}/meetings/${meetingId}/analysis`, { isSharedWithReport: true });
    expect((await ravi.get(`/api/orgs/${slug}/meetings/${meetingId}/analysis`)).json().result.verdict).toBe(
      'check-in',
    );
  });

  it('keeps the analysis from anyone outside the meeting, admins and the leader’s manager included', async () => {
    for (const outsider of [omar, admin]) {
      expect((await outsider.get(`/api/orgs/${slug}/meetings/${meetingId}/analysis`)).statusCode).toBe(404);
    }
  });

  it('lets the leader and their manager chain see the trend, and no one else', async () => {
    const own = (await lena.get(`/api/orgs/${slug}/coaching/trend`)).json();
    expect(own.points).toHaveLength(1);
    expect(own.points[0]).toMatchObject({
      verdict: 'check-in',
      withName: 'Ravi Report',
      source: 'transcript',
    });
    const managerView = await omar.get(`/api/orgs/${slug}/coaching/trend?leaderId=${ids.lena}`);
    expect(managerView.statusCode).toBe(200);
    expect(JSON.stringify(managerView.json())).not.toContain('finish those by Friday');
    expect((await ravi.get(`/api/orgs/${slug}/coaching/trend?leaderId=${ids.lena}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/orgs/${slug}/coaching/trend?leaderId=${ids.lena}`)).statusCode).toBe(404);
  });

  it('shows the same figures as the tandem analyze command for the same file', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'tandem-analyze-'));
    const file = path.join(folder, 'zoom.vtt');
    writeFileSync(file, checkInVtt);
    const cli = spawnSync(
      path.resolve('bin/tandem'),
      ['analyze', file, '--leader', 'Lena Leader', '--json'],
      { encoding: 'utf8' },
    );
    expect(cli.status, cli.stderr).toBe(0);
    return ravi.get(`/api/orgs/${slug}/meetings/${meetingId}/analysis`).then((response) => {
      const page = response.json().result;
      const printed = JSON.parse(cli.stdout);
      expect(printed.verdict).toBe(page.verdict);
      expect(printed.leader.acts).toEqual(page.leader.acts);
      expect(printed.leader.talkShare).toBeCloseTo(page.leader.talkShare, 5);
      expect(Math.abs(printed.score - page.score)).toBeLessThanOrEqual(1);
    });
  });

  it('deletes the transcript on the report’s word, keeping the figures and dropping every quote', async () => {
    expect((await ravi.delete(`/api/orgs/${slug}/meetings/${meetingId}/transcript`)).statusCode).toBe(204);
    const after = (await lena.get(`/api/orgs/${slug}/meetings/${meetingId}/analysis`)).json();
    expect(after.hasTranscript).toBe(false);
    expect(after.result.verdict).toBe('check-in');
    expect(JSON.stringify(after.result)).not.toContain('finish those by Friday');
    expect((await ravi.delete(`/api/orgs/${slug}/meetings/${meetingId}/transcript`)).statusCode).toBe(404);
  });

  it('analyses a meeting with notes only and says what it could not measure', async () => {
    const meeting = (
      await lena.post(`/api/orgs/${slug}/meetings`, {
        withPersonId: ids.ravi,
        startsAt: '2026-03-09T10:00:00.000Z',
      })
    ).json();
    await ravi.post(`/api/orgs/${slug}/meetings/${meeting.id}/agenda`, {
      title: 'Should we split the team into two pods?',
    });
    await ravi.post(`/api/orgs/${slug}/meetings/${meeting.id}/next-steps`, {
      title: 'Draft both options',
      ownerId: ids.ravi,
      dueDate: '2026-03-16',
    });
    const result = await lena.post(`/api/orgs/${slug}/meetings/${meeting.id}/analysis`);
    expect(result.statusCode, result.body).toBe(200);
    expect(result.json()).toMatchObject({
      source: 'notes',
      hasTranscript: false,
      result: { endedWithAction: true },
    });
    expect(result.json().result.unmeasured.length).toBeGreaterThan(0);
  });
});
