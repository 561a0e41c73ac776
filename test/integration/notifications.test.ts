import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { openDatabase } from '../../src/server/db/client.ts';
import { outbox } from '../../src/server/db/schema.ts';
import { parseEnv } from '../../src/server/env.ts';
import { startReminderSchedule } from '../../src/server/features/notifications/reminder-schedule.ts';
import { runReminderSweep } from '../../src/server/features/notifications/reminder-sweep.ts';
import { databaseKinds } from '../support/databases.ts';
import {
  type Client,
  createTestApp,
  memberOf,
  ownerWithOrganization,
  type TestApp,
} from '../support/test-app.ts';

const HOUR_MS = 3_600_000;
const silentLog = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });

interface Receiver {
  url: string;
  bodies: string[];
  close(): Promise<void>;
}

/** A local HTTP receiver standing in for a chat's incoming webhook. */
async function startReceiver(answer: (response: ServerResponse) => void): Promise<Receiver> {
  const bodies: string[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      bodies.push(body);
      answer(response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/reminders`,
    bodies,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Lena leads 1:1s with Ravi; Omar owns the organization and Ada administers it. Meetings are ad
 * hoc ones in 2031 on Thursdays at 09:00 UTC, and each sweep runs at a chosen moment, so nothing
 * depends on today's date.
 */
describe.each(await databaseKinds())('reminders and digests on the %s database', (kind) => {
  let t: TestApp;
  let slug: string;
  let omar: Client;
  let lena: Client;
  let ravi: Client;
  let admin: Client;
  const emails: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const personId = async (q: string) =>
    (await omar.get(`/api/orgs/${slug}/people?q=${q}`)).json().items[0].id as string;
  const meetingAt = async (startsAt: string) => {
    const response = await lena.post(`/api/orgs/${slug}/meetings`, { withPersonId: ids.ravi, startsAt });
    if (response.statusCode !== 201) throw new Error(`meeting: ${response.body}`);
    return response.json().id as string;
  };
  const sweep = (at: string, log = silentLog()) => runReminderSweep(t.ctx, new Date(at), { log });
  const mails = (kind: string, about = '') =>
    t.ctx.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.kind, kind), like(outbox.textBody, `%${about}%`)))
      .orderBy(outbox.toAddress);

  beforeAll(async () => {
    t = await createTestApp(kind, { TANDEM_WEBHOOK_PRIVATE_HOSTS: '127.0.0.1' });
    const owner = await ownerWithOrganization(t.app, 'Omar Owner');
    slug = owner.org.slug;
    omar = owner.client;
    const lenaAccount = await memberOf(t, omar, slug, 'member', 'Lena Leader');
    const raviAccount = await memberOf(t, omar, slug, 'member', 'Ravi Report');
    lena = lenaAccount.client;
    ravi = raviAccount.client;
    emails.lena = lenaAccount.email;
    emails.ravi = raviAccount.email;
    admin = (await memberOf(t, omar, slug, 'admin', 'Ada Admin')).client;
    ids.lena = await personId('lena');
    ids.ravi = await personId('ravi');
    const earlier = await meetingAt('2031-02-27T09:00:00.000Z');
    await ravi.post(`/api/orgs/${slug}/meetings/${earlier}/next-steps`, {
      title: 'Send the budget draft',
      ownerId: ids.ravi,
      dueDate: '2031-03-01',
    });
  });
  afterAll(() => t.close());

  it('reminds the report to post their status and add topics, and the leader to add topics, the day before', async () => {
    const meeting = await meetingAt('2031-03-06T09:00:00.000Z');
    await ravi.post(`/api/orgs/${slug}/meetings/${meeting}/agenda`, { title: 'Hiring plan for Q2' });
    expect(await sweep('2031-03-04T13:00:00.000Z')).toMatchObject({ reminders: 0 });

    const result = await sweep('2031-03-05T13:00:00.000Z');
    expect(result).toMatchObject({ reminders: 2, failures: 0 });
    const [toRavi, toLena] = [
      (await mails('meeting-reminder', meeting)).find((mail) => mail.toAddress === emails.ravi)!,
      (await mails('meeting-reminder', meeting)).find((mail) => mail.toAddress === emails.lena)!,
    ];
    expect(toRavi.subject).toBe(
      '1:1 with Lena Leader, Thu 6 Mar, 09:00 UTC: post your status and add your topics',
    );
    expect(toLena.subject).toBe('1:1 with Ravi Report, Thu 6 Mar, 09:00 UTC: add your topics');
    for (const mail of [toRavi, toLena]) {
      expect(mail.textBody).toContain(`http://localhost:3000/o/${slug}/meetings/${meeting}`);
      expect(mail.textBody).toContain('- Hiring plan for Q2 (Ravi Report)');
      expect(mail.textBody).toContain('- Send the budget draft: Ravi Report, due 2031-03-01 (overdue)');
    }
    expect(toLena.textBody).toContain('Ravi Report has not posted a status update yet.');
  });

  it('sends each reminder exactly once when three sweeps run at the same moment, and never again', async () => {
    const meeting = await meetingAt('2031-03-13T09:00:00.000Z');
    const results = await Promise.all([1, 2, 3].map(() => sweep('2031-03-12T13:00:00.000Z')));
    expect(results.reduce((sum, result) => sum + result.reminders, 0)).toBe(2);
    expect(await mails('meeting-reminder', meeting)).toHaveLength(2);
    expect(await sweep('2031-03-12T18:00:00.000Z')).toMatchObject({ reminders: 0 });
    expect(await mails('meeting-reminder', meeting)).toHaveLength(2);
  });

  it('keeps 1:1 content out of the outbox that admins read', async () => {
    const outboxView = await admin.get(`/api/orgs/${slug}/outbox`);
    expect(outboxView.statusCode).toBe(200);
    expect(outboxView.body).not.toContain('Hiring plan');
    expect(outboxView.body).not.toContain('budget draft');
  });

  it('lets each person see and change only their own preferences, with defaults on', async () => {
    const url = `/api/orgs/${slug}/notification-preferences`;
    expect((await ravi.get(url)).json()).toEqual({
      isReminderEnabled: true,
      isDigestEnabled: true,
      webhookUrl: null,
      updatedAt: null,
    });
    const saved = await ravi.request('PUT', url, {
      isReminderEnabled: false,
      isDigestEnabled: true,
      webhookUrl: null,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ isReminderEnabled: false, isDigestEnabled: true });
    expect((await ravi.get(url)).json().isReminderEnabled).toBe(false);
    expect((await lena.get(url)).json().isReminderEnabled).toBe(true);
  });

  it('refuses a webhook that is not https, except on this machine', async () => {
    const url = `/api/orgs/${slug}/notification-preferences`;
    const put = (webhookUrl: string) =>
      lena.request('PUT', url, { isReminderEnabled: true, isDigestEnabled: true, webhookUrl });
    for (const refused of [
      'http://hooks.example.com/T000/B000',
      'ftp://hooks.example.com/x',
      'not a url',
      'https://user:pass@hooks.example.com/x',
    ]) {
      const response = await put(refused);
      expect(response.statusCode, refused).toBe(400);
      expect(response.json().fields[0].path).toBe('body.webhookUrl');
    }
    expect((await put('https://hooks.example.com/services/T000/B000')).statusCode).toBe(200);
    expect((await put('http://127.0.0.1:9/hook')).statusCode).toBe(200);
    const unknown = await lena.request('PUT', url, {
      isReminderEnabled: true,
      isDigestEnabled: true,
      webhookUrl: null,
      channel: 'sms',
    });
    expect(unknown.statusCode).toBe(400);
  });

  it('leaves out a person who switched reminders off', async () => {
    const meeting = await meetingAt('2031-03-20T09:00:00.000Z');
    await lena.request('PUT', `/api/orgs/${slug}/notification-preferences`, {
      isReminderEnabled: true,
      isDigestEnabled: true,
      webhookUrl: null,
    });
    expect(await sweep('2031-03-19T13:00:00.000Z')).toMatchObject({ reminders: 1, webhooks: 0 });
    expect((await mails('meeting-reminder', meeting)).map((mail) => mail.toAddress)).toEqual([emails.lena]);
  });

  it('posts the reminder to a webhook as { text }, and gives up on a silent one after five seconds without failing the sweep', async () => {
    const good = await startReceiver((response) => response.writeHead(200).end('ok'));
    const silent = await startReceiver(() => {});
    try {
      const preferences = `/api/orgs/${slug}/notification-preferences`;
      await lena.request('PUT', preferences, {
        isReminderEnabled: true,
        isDigestEnabled: true,
        webhookUrl: good.url,
      });
      await ravi.request('PUT', preferences, {
        isReminderEnabled: true,
        isDigestEnabled: true,
        webhookUrl: silent.url,
      });
      const meeting = await meetingAt('2031-03-27T09:00:00.000Z');
      const log = silentLog();
      const startedAt = Date.now();
      const result = await sweep('2031-03-26T13:00:00.000Z', log);
      expect(Date.now() - startedAt).toBeLessThan(9_000);
      expect(result).toMatchObject({ reminders: 2, webhooks: 1, failures: 1 });
      expect(good.bodies).toHaveLength(1);
      const posted = JSON.parse(good.bodies[0]!);
      expect(Object.keys(posted)).toEqual(['text']);
      expect(posted.text).toMatch(/^1:1 with Ravi Report, Thu 27 Mar, 09:00 UTC: add your topics\n/);
      expect(posted.text).toContain(`/meetings/${meeting}`);
      expect(silent.bodies).toHaveLength(1);
      expect(log.warn).toHaveBeenCalledWith(
        expect.objectContaining({ webhookHost: new URL(silent.url).host }),
        'webhook could not be reached',
      );
    } finally {
      await good.close();
      await silent.close();
    }
  });

  it('mails a digest of open next steps on Monday morning in each person’s zone, overdue first, once a week', async () => {
    await lena.post(`/api/orgs/${slug}/meetings/${await meetingAt('2031-02-20T09:00:00.000Z')}/next-steps`, {
      title: 'Book the offsite',
      ownerId: ids.ravi,
      dueDate: '2031-04-20',
    });
    await omar.patch(`/api/orgs/${slug}/people/${ids.ravi}`, { timeZone: 'Pacific/Auckland' });
    const digests = () => mails('next-steps-digest');

    // Sunday 20:00 UTC is Monday 09:00 in Auckland: Ravi's week has started, Lena's has not.
    expect(await sweep('2031-03-30T20:00:00.000Z')).toMatchObject({ digests: 1 });
    const [toRavi] = await digests();
    expect(toRavi).toMatchObject({
      toAddress: emails.ravi,
      subject: 'Your week: 2 open next steps, 1 overdue',
    });
    expect(toRavi!.textBody.indexOf('Send the budget draft')).toBeLessThan(
      toRavi!.textBody.indexOf('Book the offsite'),
    );
    expect(toRavi!.textBody).toContain(
      '- Send the budget draft: Ravi Report, due 2031-03-01 (overdue) (1:1 with Lena Leader)',
    );
    expect(toRavi!.textBody).toContain(`http://localhost:3000/o/${slug}/next-steps`);

    // Lena owns nothing and nothing unowned is open between them: no digest for her.
    expect(await sweep('2031-03-31T08:00:00.000Z')).toMatchObject({ digests: 0 });
    expect(await sweep('2031-04-07T06:00:00.000Z')).toMatchObject({ digests: 1 });
    expect(await sweep('2031-04-07T10:00:00.000Z')).toMatchObject({ digests: 0 });
    expect((await digests()).map((mail) => mail.toAddress)).toEqual([emails.ravi, emails.ravi]);
  });

  it('lets a person switch the digest off', async () => {
    await ravi.request('PUT', `/api/orgs/${slug}/notification-preferences`, {
      isReminderEnabled: true,
      isDigestEnabled: false,
      webhookUrl: null,
    });
    expect(await sweep('2031-04-13T22:00:00.000Z')).toMatchObject({ digests: 0 });
  });

  it('sweeps on its own at every interval once scheduled, and stops cleanly', async () => {
    const meeting = await meetingAt(new Date(Date.now() + 3 * HOUR_MS).toISOString());
    const schedule = startReminderSchedule(t.ctx, { intervalMs: 50, log: silentLog() });
    try {
      await vi.waitFor(async () => expect(await mails('meeting-reminder', meeting)).toHaveLength(2), {
        timeout: 10_000,
        interval: 50,
      });
    } finally {
      await schedule.stop();
    }
    expect(await mails('meeting-reminder', meeting)).toHaveLength(2);
  });
});

describe('the send-reminders command', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'tandem-reminders-'));
    const database = await openDatabase({ dataDir });
    await database.migrate();
    const env = {
      ...parseEnv({ LOG_LEVEL: 'silent', TANDEM_DATA_DIR: dataDir }),
      secretSource: 'env' as const,
    };
    const { app, ctx } = await buildApp({
      env,
      database,
      secret: 'a-secret-for-the-command-test-0123456789',
      logger: false,
    });
    try {
      await app.ready();
      const testApp: TestApp = { app, ctx, kind: 'embedded', close: async () => {} };
      const owner = await ownerWithOrganization(app, 'Omar Owner');
      const ravi = await memberOf(testApp, owner.client, owner.org.slug, 'member', 'Ravi Report');
      const raviId = (await owner.client.get(`/api/orgs/${owner.org.slug}/people?q=ravi`)).json().items[0].id;
      await owner.client.post(`/api/orgs/${owner.org.slug}/meetings`, {
        withPersonId: raviId,
        startsAt: new Date(Date.now() + 5 * HOUR_MS).toISOString(),
      });
      expect(ravi.email).toContain('@');
    } finally {
      await app.close();
      await database.close();
    }
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('sends what is due once, however often cron runs it', () => {
    const run = () =>
      spawnSync(path.resolve('bin/tandem'), ['send-reminders', '--json'], {
        env: { ...process.env, LOG_LEVEL: 'silent', TANDEM_DATA_DIR: dataDir },
        encoding: 'utf8',
        timeout: 120_000,
      });
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ reminders: 2, failures: 0 });
    const second = run();
    expect(JSON.parse(second.stdout)).toMatchObject({ reminders: 0 });
  });
});
