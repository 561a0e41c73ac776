import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingAnalysis } from '../../src/core/coaching/analysis-types.ts';
import { quotedTexts } from '../../src/core/coaching/figures-only.ts';
import type { Db } from '../../src/server/db/client.ts';
import { DEMO_ACCOUNTS, DEMO_ORG, demoEmail } from '../../src/server/features/demo/demo-company.ts';
import { seedDemo } from '../../src/server/features/demo/seed-demo.ts';
import { runRetentionSweep } from '../../src/server/features/retention/retention.service.ts';
import { databaseKinds } from '../support/databases.ts';
import { Client, createTestApp, type TestApp } from '../support/test-app.ts';

const password = 'demo password for data rights';

async function rowsOf<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

describe.each(await databaseKinds())('data rights on the %s database', (kind) => {
  let t: TestApp;
  const org = `/api/orgs/${DEMO_ORG.slug}`;
  const signIn = async (name: string) => {
    const client = new Client(t.app);
    const response = await client.post('/api/auth/sign-in', { email: demoEmail(name), password });
    expect(response.statusCode, response.body).toBe(200);
    return client;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    await seedDemo(t.ctx, password);
  }, 300_000);
  afterAll(() => t.close());

  describe('downloading my data', () => {
    it('gives a person their 1:1s with their own private notes opened, and nobody else’s', async () => {
      const priya = await signIn(DEMO_ACCOUNTS.manager);
      const [meeting] = await rowsOf<{ id: string }>(
        t.ctx.db,
        sql`select m.id from meetings m join people p on p.id = m.leader_id
            where p.email = ${demoEmail(DEMO_ACCOUNTS.manager)} and m.status = 'completed' order by m.starts_at desc limit 1`,
      );
      await priya.request('PUT', `${org}/meetings/${meeting!.id}/notes/private`, {
        body: 'Mine: ask about the move',
      });
      const response = await priya.get('/api/me/export');
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-disposition']).toContain('attachment');
      const exported = response.json();
      expect(exported.account.email).toBe(demoEmail(DEMO_ACCOUNTS.manager));
      const [inDemo] = exported.organizations;
      expect(inDemo.organization.slug).toBe(DEMO_ORG.slug);
      expect(inDemo.person.email).toBe(demoEmail(DEMO_ACCOUNTS.manager));
      expect(inDemo.oneOnOnes.length).toBeGreaterThan(0);
      const mine = inDemo.oneOnOnes.find((each: { id: string }) => each.id === meeting!.id);
      expect(mine.privateNote).toBe('Mine: ask about the move');
      expect(inDemo.pulse).toContain('anonymous by design');
      expect(JSON.stringify(exported)).not.toMatch(/"answers"/);

      // The private notes of everyone else in those 1:1s stay out.
      const others = await rowsOf<{ meeting_id: string }>(
        t.ctx.db,
        sql`select n.meeting_id from private_notes n join "user" u on u.id = n.author_user_id
            where u.email <> ${demoEmail(DEMO_ACCOUNTS.manager)}`,
      );
      const otherMeetings = new Set(others.map((row) => row.meeting_id));
      for (const each of inDemo.oneOnOnes) {
        if (otherMeetings.has(each.id) && each.id !== meeting!.id) expect(each.privateNote).toBe('');
      }
    });

    it('gives one organization’s part on its own address, and refuses strangers', async () => {
      const tomas = await signIn(DEMO_ACCOUNTS.report);
      const response = await tomas.get(`${org}/me/export`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().organizations).toHaveLength(1);
      const analyses = response.json().organizations[0].analyses as Array<{ isSharedWithReport: boolean }>;
      // A report reads only the analyses their leader shared with them.
      for (const analysis of analyses) expect(analysis.isSharedWithReport).toBe(true);
      expect((await new Client(t.app).get('/api/me/export')).statusCode).toBe(401);
    });
  });

  describe('retention', () => {
    it('is set by owners only', async () => {
      const daniel = await signIn(DEMO_ACCOUNTS.leader);
      expect(
        (await daniel.request('PUT', `${org}/settings/retention`, { transcriptDays: 30 })).statusCode,
      ).toBe(403);
      const margaret = await signIn(DEMO_ACCOUNTS.executive);
      expect((await margaret.get(`${org}/settings/retention`)).json()).toMatchObject({
        transcriptDays: null,
      });
      const bad = await margaret.request('PUT', `${org}/settings/retention`, { transcriptDays: 0 });
      expect(bad.statusCode).toBe(400);
      const saved = await margaret.request('PUT', `${org}/settings/retention`, { transcriptDays: 14 });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json().transcriptDays).toBe(14);
    });

    it('deletes transcripts of 1:1s older than the limit a batch at a time, keeps their figures, and does it once', async () => {
      const now = new Date();
      const cutoff = new Date(now.getTime() - 14 * 86_400_000).toISOString();
      const countOld = async () =>
        (
          await rowsOf<{ n: number }>(
            t.ctx.db,
            sql`select count(*)::int as n from transcripts x join meetings m on m.id = x.meeting_id where m.starts_at < ${cutoff}`,
          )
        )[0]!.n;
      const [{ n: recentBefore }] = (await rowsOf<{ n: number }>(
        t.ctx.db,
        sql`select count(*)::int as n from transcripts x join meetings m on m.id = x.meeting_id where m.starts_at >= ${cutoff}`,
      )) as [{ n: number }];
      const old = await countOld();
      // Batches of 2 make this small demo take several transactions, as a large organization does.
      expect(old).toBeGreaterThan(4);
      const scoresBefore = await rowsOf<{ meeting_id: string; score: number | null; verdict: string | null }>(
        t.ctx.db,
        sql`select meeting_id, score, verdict from meeting_analyses order by meeting_id`,
      );

      const [first, second] = await Promise.all([
        runRetentionSweep(t.ctx.db, now, { batchSize: 2 }),
        runRetentionSweep(t.ctx.db, now, { batchSize: 3 }),
      ]);
      expect(first.transcripts + second.transcripts).toBe(old);
      expect(await countOld()).toBe(0);
      expect((await runRetentionSweep(t.ctx.db, now)).transcripts).toBe(0);

      const recentAfter = (
        await rowsOf<{ n: number }>(
          t.ctx.db,
          sql`select count(*)::int as n from transcripts x join meetings m on m.id = x.meeting_id where m.starts_at >= ${cutoff}`,
        )
      )[0]!.n;
      expect(recentAfter).toBe(recentBefore);
      const scoresAfter = await rowsOf(
        t.ctx.db,
        sql`select meeting_id, score, verdict from meeting_analyses order by meeting_id`,
      );
      expect(scoresAfter).toEqual(scoresBefore);
      const stripped = await rowsOf<{ result: MeetingAnalysis }>(
        t.ctx.db,
        sql`select a.result from meeting_analyses a join meetings m on m.id = a.meeting_id
            where m.starts_at < ${cutoff} and a.source = 'transcript'`,
      );
      expect(stripped.length).toBeGreaterThan(0);
      for (const row of stripped) expect(quotedTexts(row.result).filter(Boolean)).toEqual([]);
    });
  });
});
