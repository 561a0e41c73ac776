import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPostgresAvailable } from '../support/databases.ts';
import { createScratchDatabase, type ScratchDatabase } from './postgres-clusters.ts';
import {
  BrowserUser,
  invitedMember,
  launchServer,
  makeDataDir,
  openEventStream,
  ownerWithOrganization,
  PASSWORD,
  removeDataDir,
  type ServerProcess,
  SHARED_SECRET,
  signUp,
  sleep,
  stopServer,
  waitUntilHealthy,
} from './server-processes.ts';

const journal = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../src/server/db/migrations/meta/_journal.json',
);
const tandem = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/tandem');
// The address people use: the load balancer in front of the three servers.
const PUBLIC_URL = 'http://tandem.internal.example';
// Every 1.8 s on each server, so the three sweeps meet many times while the test waits.
const SWEEP_EVERY_MINUTES = '0.03';

interface ReceivedMail {
  to: string[];
  subject: string;
}

/**
 * An installation as operators run it at scale: three app servers started at the same moment on
 * one PostgreSQL with one secret, a browser talking to whichever server the load balancer picks,
 * and a real SMTP server counting what arrives.
 */
describe.runIf(await isPostgresAvailable())('three app servers on one PostgreSQL', () => {
  let database: ScratchDatabase;
  let smtp: SMTPServer;
  const received: ReceivedMail[] = [];
  const servers: ServerProcess[] = [];
  let owner: BrowserUser;
  let ravi: BrowserUser;
  let slug: string;
  let meetingId: string;
  const a = () => servers[0]!.url;
  const b = () => servers[1]!.url;
  const c = () => servers[2]!.url;

  const query = async (text: string, values: unknown[] = []) => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query(text, values)).rows;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => {
          raw += chunk.toString('utf8');
        });
        stream.on('end', () => {
          received.push({
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            subject: /^Subject: (.*)$/im.exec(raw)?.[1] ?? '',
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    database = await createScratchDatabase();
    const env = {
      DATABASE_URL: database.url,
      TANDEM_SECRET: SHARED_SECRET,
      PUBLIC_URL,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      TANDEM_REMINDERS_EVERY_MINUTES: SWEEP_EVERY_MINUTES,
      // The longest allowed, a minute: a page that changes within the test's 5 s changed because
      // the change was heard, not because it aged out.
      TANDEM_PAGE_CACHE_SECONDS: '60',
    };
    // Spawned together, so all three find an empty database and race to migrate it.
    servers.push(...(await Promise.all([1, 2, 3].map(() => launchServer({ dataDir: makeDataDir(), env })))));
    await Promise.all(servers.map((server) => waitUntilHealthy(server)));

    ({ owner, slug } = await ownerWithOrganization(a(), PUBLIC_URL));
    ravi = await invitedMember(a(), owner, slug, 'Ravi Report');
    const raviId = (await owner.get(`${a()}/api/orgs/${slug}/people?q=${encodeURIComponent(ravi.email)}`))
      .body.items[0].id;
    // Twelve hours ahead: inside the day-before window of the reminder sweep.
    const startsAt = new Date(Date.now() + 12 * 3_600_000).toISOString();
    const meeting = await owner.post(`${a()}/api/orgs/${slug}/meetings`, { withPersonId: raviId, startsAt });
    if (meeting.status !== 201) throw new Error(`meeting: ${JSON.stringify(meeting.body)}`);
    meetingId = meeting.body.id;
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => stopServer(server)));
    for (const server of servers) removeDataDir(server.dataDir);
    await database?.drop();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  });

  it('migrates the database once though three servers started on it together, and all three serve', async () => {
    const migrations: number = JSON.parse(readFileSync(journal, 'utf8')).entries.length;
    const [applied] = await query(
      'select count(*)::int as rows, count(distinct hash)::int as hashes from drizzle.__drizzle_migrations',
    );
    expect(applied).toEqual({ rows: migrations, hashes: migrations });
    for (const server of servers) {
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', database: 'postgres' });
    }
  });

  it('keeps a person signed in on every server after signing in on one', async () => {
    const account = await signUp(a(), 'Sana Signin', PUBLIC_URL);
    account.cookie = undefined;
    const signedIn = await account.post(`${a()}/api/auth/sign-in`, {
      email: account.email,
      password: PASSWORD,
    });
    expect(signedIn.status).toBe(200);
    expect(account.cookie).toBeDefined();
    for (const server of [b(), c()]) {
      const session = await account.get(`${server}/api/auth/session`);
      expect(session.status).toBe(200);
      expect(session.body.user.email).toBe(account.email);
    }
    const write = await account.post(`${c()}/api/orgs`, { name: `Sana's team ${Date.now()}` });
    expect(write.status).toBe(201);
  });

  it('shows a topic added through one server on the meeting page open on another', async () => {
    const page = await openEventStream(ravi, `${c()}/api/orgs/${slug}/meetings/${meetingId}/events`);
    try {
      const added = await owner.post(`${b()}/api/orgs/${slug}/meetings/${meetingId}/agenda`, {
        title: 'Hiring plan for Q2',
      });
      expect(added.status).toBe(201);
      const change = await page.waitFor((each) => each.kind === 'agenda', 5_000);
      expect(change.meetingId).toBe(meetingId);
    } finally {
      page.close();
    }
  });

  it('serves no stale meeting page on one server after a change made through another', async () => {
    const pagePath = `/api/orgs/${slug}/meetings/${meetingId}`;
    const pageOn = async (server: string) => {
      const answer = await ravi.get(`${server}${pagePath}`);
      expect(answer.status).toBe(200);
      return answer.body as { agenda: Array<{ title: string }>; privateNote: { body: string } | null };
    };
    // Built, and so remembered, on A and C.
    await pageOn(a());
    await pageOn(c());
    const ownerStream = await openEventStream(owner, `${c()}${pagePath}/events`);
    try {
      const added = await owner.post(`${b()}${pagePath}/agenda`, { title: 'Budget for the offsite' });
      expect(added.status).toBe(201);
      for (const server of [a(), c()])
        await expect
          .poll(async () => (await pageOn(server)).agenda.map((item) => item.title), { timeout: 5_000 })
          .toContain('Budget for the offsite');

      // A private note saved through A is on its author's page on C, and nobody else hears of it.
      const saved = await ravi.request('PUT', `${a()}${pagePath}/notes/private`, {
        body: 'Ask for the stretch project',
      });
      expect(saved.status).toBe(200);
      await expect
        .poll(async () => (await pageOn(c())).privateNote?.body, { timeout: 5_000 })
        .toBe('Ask for the stretch project');
      const ownersPage = await owner.get(`${c()}${pagePath}`);
      expect(JSON.stringify(ownersPage.body)).not.toContain('stretch project');
      expect(ownerStream.changes.map((change) => change.kind)).not.toContain('private-note');
    } finally {
      ownerStream.close();
    }
  });

  it('forgets on every server the pages a change made through another concerns, and ends a session signed out through another within 5 s', async () => {
    const pagePath = `/api/orgs/${slug}/meetings/${meetingId}`;
    const reportNameOn = async (server: string) => {
      const answer = await owner.get(`${server}${pagePath}`);
      expect(answer.status).toBe(200);
      return answer.body.meeting.report.name as string;
    };
    // Remembered on A and C for up to a minute, and no meeting event will say the name changed.
    expect(await reportNameOn(a())).toBe('Ravi Report');
    expect(await reportNameOn(c())).toBe('Ravi Report');
    const found = await owner.get(`${a()}/api/orgs/${slug}/people?q=${encodeURIComponent(ravi.email)}`);
    const renamed = await owner.request('PATCH', `${b()}/api/orgs/${slug}/people/${found.body.items[0].id}`, {
      name: 'Ravi Raman',
    });
    expect(renamed.status).toBe(200);
    // Well under the pages' minute: only the announcement can have dropped them.
    for (const server of [a(), c()])
      await expect.poll(() => reportNameOn(server), { timeout: 5_000 }).toBe('Ravi Raman');

    // A sign-out through B ends the session that A and C remember, within their 5 s for sessions.
    const leaving = await signUp(a(), 'Lea Leaving', PUBLIC_URL);
    for (const server of [a(), c()])
      expect((await leaving.get(`${server}/api/auth/session`)).status).toBe(200);
    const cookie = leaving.cookie;
    expect((await leaving.post(`${b()}/api/auth/sign-out`)).status).toBeLessThan(300);
    leaving.cookie = cookie;
    for (const server of [a(), c()])
      await expect
        .poll(async () => (await leaving.get(`${server}/api/auth/session`)).status, {
          timeout: 7_000,
          interval: 250,
        })
        .toBe(401);
  });

  it('forgets on every server the pages a change made with the tandem command concerns', async () => {
    const pagePath = `/api/orgs/${slug}/meetings/${meetingId}`;
    const reportNameOn = async (server: string) =>
      (await owner.get(`${server}${pagePath}`)).body.meeting.report.name;
    const before = await reportNameOn(a());
    for (const server of [a(), b(), c()]) expect(await reportNameOn(server)).toBe(before);
    const file = path.join(servers[0]!.dataDir, 'people.csv');
    writeFileSync(
      file,
      `email,name,title,manager_email,start_date,time_zone\n${ravi.email},Ravi Imported,Engineer,,,\n`,
    );
    // Not waited for synchronously: this process also runs the SMTP server the servers mail to.
    const imported = await promisify(execFile)(tandem, ['import-people', file, '--org', slug, '--json'], {
      env: { ...process.env, DATABASE_URL: database.url, TANDEM_SECRET: SHARED_SECRET, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(JSON.parse(imported.stdout)).toMatchObject({ updated: 1 });
    // Well under the pages' minute: only the command's announcement can have dropped them.
    for (const server of [a(), b(), c()])
      await expect.poll(() => reportNameOn(server), { timeout: 5_000 }).toBe('Ravi Imported');
  });

  it('mails each reminder exactly once though all three servers sweep for it', async () => {
    const reminders = () => received.filter((mail) => mail.subject.startsWith('1:1 with'));
    const deadline = Date.now() + 30_000;
    while (reminders().length < 2 && Date.now() < deadline) await sleep(250);
    // Several more sweeps on each server: none may send the reminders again.
    await sleep(6_000);
    expect(
      reminders()
        .map((mail) => mail.to)
        .sort(),
    ).toEqual([[owner.email], [ravi.email]].sort());
    const claims = await query('select channel from sent_notifications where key like $1', [
      `reminder:${meetingId}:%`,
    ]);
    expect(claims).toEqual([{ channel: 'email' }, { channel: 'email' }]);
    const outbox = await query(
      `select delivery from outbox where kind = 'meeting-reminder' and text_body like $1`,
      [`%${meetingId}%`],
    );
    expect(outbox).toEqual([{ delivery: 'sent' }, { delivery: 'sent' }]);
  });

  // Last: the failures also count against the loopback address every request here comes from.
  it('counts failed sign-ins across servers, so spreading guesses over them does not help', async () => {
    const everyServer = [a(), b(), c()];
    const guesser = new BrowserUser(PUBLIC_URL, ravi.email);
    for (let attempt = 0; attempt < 10; attempt++) {
      const guess = await guesser.post(`${everyServer[attempt % 3]}/api/auth/sign-in`, {
        email: ravi.email,
        password: `wrong guess ${attempt}`,
      });
      expect(guess.status).toBe(401);
    }
    for (const server of everyServer) {
      const refused = await guesser.post(`${server}/api/auth/sign-in`, {
        email: ravi.email,
        password: PASSWORD,
      });
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('RATE_LIMITED');
    }
  });
});
