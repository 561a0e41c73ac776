import { request as httpRequest } from 'node:http';
import { createConnection } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isPostgresAvailable } from '../support/databases.ts';
import {
  createScratchDatabase,
  type PrivateCluster,
  type ScratchDatabase,
  startPrivateCluster,
} from './postgres-clusters.ts';
import {
  type Answer,
  type BrowserUser,
  type launchServer,
  makeDataDir,
  openEventStream,
  ownerWithOrganization,
  removeDataDir,
  type ServerProcess,
  SHARED_SECRET,
  sleep,
  startServer,
  stopServer,
} from './server-processes.ts';

const kinds: Array<'embedded' | 'postgres'> = (await isPostgresAvailable())
  ? ['embedded', 'postgres']
  : ['embedded'];
const BATCH_SIZE = 40;

/** What the test must undo, whichever step failed. */
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error('cleanup failed', error);
    }
  }
});

async function startCleanly(options: Parameters<typeof launchServer>[0]): Promise<ServerProcess> {
  const server = await startServer(options);
  cleanups.push(() => stopServer(server));
  return server;
}

/** A data folder, and on PostgreSQL a database of its own (on the shared server unless a cluster is given). */
async function databaseFor(
  kind: 'embedded' | 'postgres',
  cluster?: PrivateCluster,
): Promise<{ dataDir: string; env: Record<string, string> }> {
  const dataDir = makeDataDir();
  cleanups.push(() => removeDataDir(dataDir));
  if (kind === 'embedded') return { dataDir, env: {} };
  const scratch: ScratchDatabase = await createScratchDatabase(cluster?.adminUrl);
  // A private cluster is removed whole afterwards, and may be stopped when the test fails.
  if (!cluster) cleanups.push(() => scratch.drop());
  return { dataDir, env: { DATABASE_URL: scratch.url, TANDEM_SECRET: SHARED_SECRET } };
}

/** An owner, one person of their directory and a 1:1 between them. */
async function meetingOf(serverUrl: string) {
  const { owner, slug } = await ownerWithOrganization(serverUrl);
  const person = await owner.post(`${serverUrl}/api/orgs/${slug}/people`, {
    email: `ravi-${Date.now()}@example.com`,
    name: 'Ravi Report',
  });
  const meeting = await owner.post(`${serverUrl}/api/orgs/${slug}/meetings`, {
    withPersonId: person.body.id,
    startsAt: '2031-03-06T09:00:00.000Z',
  });
  if (meeting.status !== 201) throw new Error(`meeting: ${JSON.stringify(meeting.body)}`);
  return { owner, slug, meetingId: meeting.body.id as string };
}

function peopleCsv(batch: string, rows: number) {
  const lines = ['email,name,title,manager_email,start_date,time_zone'];
  for (let row = 0; row < rows; row++)
    lines.push(`person${row}@${batch}.example,Person ${row} of ${batch},Engineer,,2024-01-15,UTC`);
  return `${lines.join('\n')}\n`;
}

/** Whether fresh TCP connections to the port come to be refused within `ms`. */
async function isRefusedWithin(port: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await isRefused(port)) return true;
    await sleep(20);
  }
  return false;
}

/** Whether a fresh TCP connection to the port is refused. */
function isRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

/** Retries `attempt` until it answers `status`, up to `withinMs`; returns the last answer. */
async function answersWithin(withinMs: number, status: number, attempt: () => Promise<Answer>) {
  const deadline = Date.now() + withinMs;
  let last: Answer | undefined;
  while (Date.now() < deadline) {
    last = await attempt().catch((error: Error) => ({ status: 0, contentType: '', body: error.message }));
    if (last.status === status) return last;
    await sleep(100);
  }
  return last;
}

describe.each(kinds)('a server killed with SIGKILL in the middle of writes, on the %s database', (kind) => {
  it('keeps every acknowledged write after a restart, and no part of an import that was not applied whole', async () => {
    const { dataDir, env } = await databaseFor(kind);
    const first = await startServer({ dataDir, env });
    cleanups.push(() => stopServer(first));
    const { owner, slug, meetingId } = await meetingOf(first.url);
    const agendaUrl = (server: ServerProcess) =>
      `${server.url}/api/orgs/${slug}/meetings/${meetingId}/agenda`;

    let isKilled = false;
    let isImporting = false;
    const acknowledgedTopics: string[] = [];
    const acknowledgedBatches: string[] = [];
    const attemptedBatches: string[] = [];
    const addTopics = async () => {
      for (let n = 0; !isKilled; n++) {
        const title = `Topic ${n}`;
        const answer = await owner.post(agendaUrl(first), { title }).catch(() => null);
        if (answer?.status === 201) acknowledgedTopics.push(title);
      }
    };
    const importPeople = async () => {
      for (let n = 0; !isKilled; n++) {
        const batch = `batch${n}`;
        attemptedBatches.push(batch);
        isImporting = true;
        const answer = await owner
          .post(`${first.url}/api/orgs/${slug}/people/import`, { csv: peopleCsv(batch, BATCH_SIZE) })
          .catch(() => null);
        isImporting = false;
        if (answer?.status === 200 && answer.body.created === BATCH_SIZE) acknowledgedBatches.push(batch);
      }
    };
    const writers = Promise.all([addTopics(), importPeople()]);
    while (acknowledgedTopics.length < 20 || acknowledgedBatches.length < 3 || !isImporting) await sleep(5);
    first.child.kill('SIGKILL');
    isKilled = true;
    await writers;
    expect((await first.exited).signal).toBe('SIGKILL');

    // The operator restarts it on the same data folder or database, on the same address.
    const second = await startCleanly({ dataDir, env, port: first.port });
    const page = await owner.get(`${second.url}/api/orgs/${slug}/meetings/${meetingId}`);
    expect(page.status, second.output()).toBe(200);
    const topics: string[] = page.body.agenda.map((item: { title: string }) => item.title);
    expect(topics).toEqual(expect.arrayContaining(acknowledgedTopics));
    expect(new Set(topics).size).toBe(topics.length);
    for (const batch of attemptedBatches) {
      const people = await owner.get(`${second.url}/api/orgs/${slug}/people?q=${batch}.example&limit=1`);
      if (acknowledgedBatches.includes(batch)) expect(people.body.total, batch).toBe(BATCH_SIZE);
      else expect([0, BATCH_SIZE], batch).toContain(people.body.total);
    }
    // And it goes on taking writes.
    expect((await owner.post(agendaUrl(second), { title: 'After the restart' })).status).toBe(201);
  });
});

describe.runIf(kinds.includes('postgres'))('PostgreSQL restarted under a running server', () => {
  it('answers 503 while the database is down and serves again, live updates included, within 5 s of its return', async () => {
    const cluster = await startPrivateCluster();
    cleanups.push(() => cluster.dispose());
    const { dataDir, env } = await databaseFor('postgres', cluster);
    const server = await startCleanly({ dataDir, env });
    const { owner, slug, meetingId } = await meetingOf(server.url);
    const agendaUrl = `${server.url}/api/orgs/${slug}/meetings/${meetingId}/agenda`;
    const page = await openEventStream(owner, `${server.url}/api/orgs/${slug}/meetings/${meetingId}/events`);
    cleanups.push(() => page.close());
    expect((await owner.post(agendaUrl, { title: 'Before the outage' })).status).toBe(201);
    await page.waitFor((change) => change.kind === 'agenda', 5_000);
    const changesBefore = page.changes.length;

    cluster.stop();
    const expectUnavailable = (answer: Answer) => {
      expect(answer.status).toBe(503);
      expect(answer.contentType).toContain('application/problem+json');
      expect(answer.body.code).toBe('DATABASE_UNAVAILABLE');
    };
    expectUnavailable(await owner.get(`${server.url}/api/health`));
    expectUnavailable(await owner.get(`${server.url}/api/orgs/${slug}/people`));
    expectUnavailable(await owner.post(agendaUrl, { title: 'During the outage' }));
    expectUnavailable(
      await owner.post(`${server.url}/api/auth/sign-in`, { email: owner.email, password: 'x'.repeat(12) }),
    );
    expect(server.child.exitCode).toBeNull();
    // The failed session lookups are logged without their query's parameters: one is the token.
    const sessionToken = /session_token=([^.;]+)/.exec(owner.cookie ?? '')?.[1] ?? '';
    expect(sessionToken.length).toBeGreaterThan(10);
    expect(server.output()).toContain('DATABASE_UNAVAILABLE');
    expect(server.output()).not.toContain(sessionToken);

    cluster.start();
    const back = Date.now();
    expect((await answersWithin(5_000, 200, () => owner.get(`${server.url}/api/health`)))?.status).toBe(200);
    const left = () => Math.max(0, 5_000 - (Date.now() - back));
    expect(
      (await answersWithin(left(), 200, () => owner.get(`${server.url}/api/orgs/${slug}/people`)))?.status,
    ).toBe(200);
    // The page opened before the outage hears a change made after it: the server listens again.
    const isTopicAfterOutage = (change: { kind: string }) =>
      change.kind === 'agenda' && page.changes.indexOf(change as never) >= changesBefore;
    for (let topic = 1; !page.changes.some(isTopicAfterOutage) && left() > 0; topic++) {
      await owner.post(agendaUrl, { title: `After the outage ${topic}` });
      await sleep(200);
    }
    await page.waitFor(isTopicAfterOutage, 1_000);
    expect(server.child.exitCode).toBeNull();
  });
});

/**
 * A request whose body is still uploading: in flight for as long as the test wishes, whatever the
 * server's speed. `finish()` sends the rest and reads the answer.
 */
function startUpload(server: ServerProcess, user: BrowserUser, path: string, body: unknown) {
  const payload = Buffer.from(JSON.stringify(body));
  const request = httpRequest(`${server.url}${path}`, {
    method: 'POST',
    headers: {
      origin: user.origin,
      cookie: user.cookie ?? '',
      'content-type': 'application/json',
      'content-length': String(payload.length),
    },
  });
  const answer = new Promise<Answer>((resolve, reject) => {
    request.once('error', reject);
    request.once('response', (response) => {
      let text = '';
      response.on('data', (chunk) => {
        text += chunk;
      });
      response.once('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          contentType: String(response.headers['content-type'] ?? ''),
          body: JSON.parse(text),
        }),
      );
    });
  });
  // A test that fails before finish() leaves the request to be cut at cleanup; that is no news.
  answer.catch(() => {});
  const half = Math.floor(payload.length / 2);
  request.write(payload.subarray(0, half));
  return {
    finish() {
      request.end(payload.subarray(half));
      return answer;
    },
  };
}

describe.each(kinds)('SIGTERM while a request is in flight, on the %s database', (kind) => {
  it('finishes the request, refuses new connections meanwhile and exits with 0', async () => {
    const { dataDir, env } = await databaseFor(kind);
    // A reminder timer and an open meeting page must not keep it from exiting.
    const server = await startCleanly({
      dataDir,
      // debug: a request's arrival is logged, so the test knows the upload is in flight.
      env: { ...env, LOG_LEVEL: 'debug', TANDEM_REMINDERS_EVERY_MINUTES: '0.01' },
    });
    const { owner, slug, meetingId } = await meetingOf(server.url);
    const page = await openEventStream(owner, `${server.url}/api/orgs/${slug}/meetings/${meetingId}/events`);
    cleanups.push(() => page.close());
    const rows = 1_000;
    const upload = startUpload(server, owner, `/api/orgs/${slug}/people/import`, {
      csv: peopleCsv('graceful', rows),
    });
    while (!server.output().includes('/people/import')) await sleep(5);
    server.child.kill('SIGTERM');
    while (!server.output().includes('shutting down')) await sleep(5);

    // The upload is unfinished, so the request is still in flight while the port closes.
    expect(await isRefusedWithin(server.port, 5_000)).toBe(true);
    const imported = await upload.finish();
    expect(imported.status).toBe(200);
    expect(imported.body.created).toBe(rows);
    expect(await exitWithin(server, 10_000)).toEqual({ code: 0, signal: null });
  });
});

async function exitWithin(server: ServerProcess, ms: number) {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`still running ${ms} ms after SIGTERM:\n${server.output()}`)),
      ms,
    );
  });
  try {
    return await Promise.race([server.exited, late]);
  } finally {
    clearTimeout(timer);
  }
}
