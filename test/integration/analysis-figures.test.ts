import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingAnalyses } from '../../src/server/db/schema-meetings.ts';
import { databaseKinds } from '../support/databases.ts';
import {
  type Client,
  createTestApp,
  memberOf,
  ownerWithOrganization,
  type TestApp,
} from '../support/test-app.ts';

// The executive dashboard averages ask:tell and talk share from columns written beside each stored
// analysis; these tests hold the columns to the figures in the stored result.

const coachingVtt = `WEBVTT

00:00:01.000 --> 00:00:05.000
Lena Leader: How did the week go for you?

00:00:05.500 --> 00:00:20.000
Ravi Report: Mixed. The migration slipped again and I am not sure the team agrees on the plan.

00:00:20.500 --> 00:00:25.000
Lena Leader: What options do you see? What would make it a clear win for you?

00:00:25.500 --> 00:00:45.000
Ravi Report: We could split the work in two pods, or pause the feature work for a sprint. I lean to the pods.

00:00:45.500 --> 00:00:50.000
Lena Leader: I think you should write both options down for the team.

00:00:50.500 --> 00:00:55.000
Ravi Report: I will send the two options to the team by Friday.
`;

const backfill = readFileSync(
  new URL('../../src/server/db/migrations/0010_backfill-analysis-figures.sql', import.meta.url),
  'utf8',
);

describe.each(await databaseKinds())('figures stored beside an analysis on the %s database', (kind) => {
  let t: TestApp;
  let slug: string;
  let lena: Client;
  let ravi: Client;
  let raviId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const owner = await ownerWithOrganization(t.app, 'Omar Owner');
    slug = owner.org.slug;
    lena = (await memberOf(t, owner.client, slug, 'member', 'Lena Leader')).client;
    ravi = (await memberOf(t, owner.client, slug, 'member', 'Ravi Report')).client;
    raviId = (await owner.client.get(`/api/orgs/${slug}/people?q=ravi`)).json().items[0].id;
  });
  afterAll(() => t.close());

  const newMeeting = async (startsAt: string) =>
    (await lena.post(`/api/orgs/${slug}/meetings`, { withPersonId: raviId, startsAt })).json().id as string;

  const storedRow = async (meetingId: string) => {
    const [row] = await t.ctx.db
      .select({
        askTellRatio: meetingAnalyses.askTellRatio,
        talkShare: meetingAnalyses.talkShare,
        result: meetingAnalyses.result,
      })
      .from(meetingAnalyses)
      .where(eq(meetingAnalyses.meetingId, meetingId));
    const result = row!.result as {
      questions: { askTellRatio: number | null } | null;
      leader: { talkShare: number } | null;
    };
    return {
      columns: { askTellRatio: row!.askTellRatio, talkShare: row!.talkShare },
      inResult: {
        askTellRatio: result.questions?.askTellRatio ?? null,
        talkShare: result.leader?.talkShare ?? null,
      },
    };
  };

  it('writes the ask:tell ratio and talk share of a transcript’s analysis, equal to the stored result', async () => {
    const meetingId = await newMeeting('2026-03-02T10:00:00.000Z');
    const uploaded = await lena.request('PUT', `/api/orgs/${slug}/meetings/${meetingId}/transcript`, {
      text: coachingVtt,
      consent: true,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    const stored = await storedRow(meetingId);
    expect(stored.columns.askTellRatio).toEqual(expect.any(Number));
    expect(stored.columns.talkShare).toEqual(expect.any(Number));
    expect(stored.columns).toEqual(stored.inResult);
    expect(stored.columns.talkShare).toBe(uploaded.json().result.leader.talkShare);
  });

  it('rewrites them when the 1:1 is analysed again from a different transcript', async () => {
    const meetingId = await newMeeting('2026-03-09T10:00:00.000Z');
    const upload = (text: string) =>
      lena.request('PUT', `/api/orgs/${slug}/meetings/${meetingId}/transcript`, { text, consent: true });
    await upload(coachingVtt);
    const first = await storedRow(meetingId);
    const monologue = coachingVtt.replace(
      'I think you should write both options down for the team.',
      'I think you should write both options down, send them to the team, book a room, and tell sales the date slips.',
    );
    expect((await upload(monologue)).statusCode).toBe(200);
    const second = await storedRow(meetingId);
    expect(second.columns).toEqual(second.inResult);
    expect(second.columns.talkShare).toBeGreaterThan(first.columns.talkShare!);
  });

  it('keeps them, still equal to the stored result, when the transcript is deleted and the figures stay', async () => {
    const meetingId = await newMeeting('2026-03-12T10:00:00.000Z');
    await lena.request('PUT', `/api/orgs/${slug}/meetings/${meetingId}/transcript`, {
      text: coachingVtt,
      consent: true,
    });
    const saved = await storedRow(meetingId);
    expect((await ravi.delete(`/api/orgs/${slug}/meetings/${meetingId}/transcript`)).statusCode).toBe(204);
    const kept = await storedRow(meetingId);
    expect(kept.columns).toEqual(saved.columns);
    expect(kept.columns).toEqual(kept.inResult);
  });

  it('leaves them empty for an analysis of notes, which measures neither', async () => {
    const meetingId = await newMeeting('2026-03-16T10:00:00.000Z');
    await ravi.post(`/api/orgs/${slug}/meetings/${meetingId}/agenda`, { title: 'Two pods or one team?' });
    const analysed = await lena.post(`/api/orgs/${slug}/meetings/${meetingId}/analysis`);
    expect(analysed.statusCode, analysed.body).toBe(200);
    const stored = await storedRow(meetingId);
    expect(stored.columns).toEqual({ askTellRatio: null, talkShare: null });
    expect(stored.columns).toEqual(stored.inResult);
  });

  it('fills them in from the stored result for analyses saved before they existed', async () => {
    const meetingId = await newMeeting('2026-03-23T10:00:00.000Z');
    await lena.request('PUT', `/api/orgs/${slug}/meetings/${meetingId}/transcript`, {
      text: coachingVtt,
      consent: true,
    });
    const saved = await storedRow(meetingId);
    await t.ctx.db.execute(sql`update meeting_analyses set ask_tell_ratio = null, talk_share = null`);
    await t.ctx.db.execute(sql.raw(backfill));
    expect((await storedRow(meetingId)).columns).toEqual(saved.columns);
  });
});
