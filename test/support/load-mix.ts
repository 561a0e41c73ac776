import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { DEMO_ORG, demoPeople } from '../../src/server/features/demo/demo-company.ts';
import { freePort } from '../e2e/harness.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DEMO_PASSWORD = 'load test password';
const ORG = DEMO_ORG.slug;

/** The real server in a process of its own, on a freshly seeded demo organization. */
export interface DemoServer {
  url: string;
  pid: number;
  /** Resident memory of the server process, from /proc (no endpoint exposes it). */
  rssMb(): number;
  /** What is still reachable in the server after a full garbage collection (test/support/heap-on-signal.ts). */
  liveMb(): Promise<number>;
  logTail(): string;
  stop(): Promise<void>;
}

/**
 * Seeds the demo (`tandem demo --seed-only`) into a new data folder or PostgreSQL database, then
 * starts `node src/server/main.ts` on it, logging at its default level to a file, as an operator
 * would run it. The load generator stays in the calling process.
 */
export async function startDemoServer(options: {
  kind: 'embedded' | 'postgres';
  postgresAdminUrl: string;
  extraArgs?: string[];
}): Promise<DemoServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tandem-load-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let databaseName: string | undefined;
  let databaseUrl = '';
  if (options.kind === 'postgres') {
    databaseName = `tandem_load_${randomBytes(5).toString('hex')}`;
    await adminQuery(options.postgresAdminUrl, `create database ${databaseName}`);
    const parsed = new URL(options.postgresAdminUrl);
    parsed.pathname = `/${databaseName}`;
    databaseUrl = parsed.toString();
  }
  const heapFile = path.join(dataDir, 'live-heap.jsonl');
  const env = {
    ...process.env,
    TANDEM_TEST_HEAP_FILE: heapFile,
    TANDEM_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    TANDEM_DEMO_PASSWORD: DEMO_PASSWORD,
    PUBLIC_URL: url,
    PORT: String(port),
    HOST: '127.0.0.1',
  };
  const seeded = spawnSync(process.execPath, ['src/cli/main.ts', 'demo', '--seed-only'], {
    cwd: root,
    env: { ...env, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (seeded.status !== 0) throw new Error(`seeding the demo failed:\n${seeded.stderr}${seeded.stdout}`);

  const logFile = path.join(dataDir, 'server.log');
  const log = openSync(logFile, 'a');
  const heapProbe = path.join(root, 'test/support/heap-on-signal.ts');
  const serverArgs = ['--import', heapProbe, ...(options.extraArgs ?? []), 'src/server/main.ts'];
  const child: ChildProcess = spawn(process.execPath, serverArgs, {
    cwd: root,
    env,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const logTail = () => readFileSync(logFile, 'utf8').slice(-4_000);
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${logTail()}`);
    if (Date.now() > deadline) throw new Error(`server did not answer within 90 s:\n${logTail()}`);
    const answered = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) break;
    await sleep(250);
  }
  return {
    url,
    pid: child.pid!,
    rssMb: () => residentMegabytes(child.pid!),
    async liveMb() {
      const lines = () => (existsSync(heapFile) ? readFileSync(heapFile, 'utf8').trim().split('\n') : []);
      const before = lines().length;
      child.kill('SIGUSR2');
      const deadline = Date.now() + 30_000;
      while (lines().length <= before) {
        if (Date.now() > deadline)
          throw new Error(`the server did not report its live memory:\n${logTail()}`);
        await sleep(50);
      }
      return (JSON.parse(lines().at(-1)!) as { liveBytes: number }).liveBytes / 1024 / 1024;
    },
    logTail,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
      if (databaseName)
        await adminQuery(options.postgresAdminUrl, `drop database if exists ${databaseName} with (force)`);
    },
  };
}

async function adminQuery(adminUrl: string, text: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export function residentMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 0);
  return kilobytes / 1024;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface SignedIn {
  name: string;
  headers: Record<string, string>;
}

interface MeetingRef {
  id: string;
  startsAt: string;
  status: string;
  myRole: 'leader' | 'report';
  leader: { name: string };
  report: { name: string };
}

/** What the mix reads and writes, each entry with the headers of a participant allowed to. */
export interface LoadTargets {
  pageReads: Array<{ headers: Record<string, string>; path: string }>;
  agendaAdds: Array<{ headers: Record<string, string>; path: string }>;
  stepUpdates: Array<{ headers: Record<string, string>; path: string }>;
  transcriptUploads: Array<{ headers: Record<string, string>; path: string; body: string }>;
  people: number;
}

/**
 * Signs in the demo's managers (who lead 1:1s) and the reports who have accounts, and collects
 * from their own meeting lists what a browser would open and change: upcoming and recent 1:1s,
 * their next steps, and past 1:1s a leader could upload a transcript for.
 */
export async function prepareTargets(
  url: string,
  maxPeople = Number.POSITIVE_INFINITY,
): Promise<LoadTargets> {
  const roster = demoPeople();
  const leaderKeys = new Set(roster.map((person) => person.managerKey));
  const executiveKey = roster[0]!.key;
  const accounts = roster
    .filter((person) => person.hasAccount && person.key !== executiveKey)
    .slice(0, maxPeople);
  const targets: LoadTargets = {
    pageReads: [],
    agendaAdds: [],
    stepUpdates: [],
    transcriptUploads: [],
    people: 0,
  };
  for (const person of accounts) {
    const signedIn = await signIn(url, person.key, person.name);
    targets.people++;
    const meetings = (await getJson(
      url,
      `/api/orgs/${ORG}/meetings?scope=all&limit=200`,
      signedIn,
    )) as MeetingRef[];
    const now = new Date().toISOString();
    const upcoming = meetings.filter((meeting) => meeting.startsAt >= now).slice(0, 3);
    const past = meetings
      .filter((meeting) => meeting.startsAt < now)
      .sort((a, b) => b.startsAt.localeCompare(a.startsAt))
      .slice(0, 3);
    const writeHeaders = { ...signedIn.headers, 'content-type': 'application/json' };
    for (const meeting of [...upcoming, ...past]) {
      targets.pageReads.push({ headers: signedIn.headers, path: `/api/orgs/${ORG}/meetings/${meeting.id}` });
    }
    for (const meeting of upcoming) {
      targets.agendaAdds.push({
        headers: writeHeaders,
        path: `/api/orgs/${ORG}/meetings/${meeting.id}/agenda`,
      });
    }
    for (const meeting of past) {
      const page = (await getJson(url, `/api/orgs/${ORG}/meetings/${meeting.id}`, signedIn)) as {
        nextSteps: Array<{ id: string }>;
      };
      for (const step of page.nextSteps) {
        targets.stepUpdates.push({ headers: writeHeaders, path: `/api/orgs/${ORG}/next-steps/${step.id}` });
      }
      if (meeting.myRole === 'leader' && leaderKeys.has(person.key)) {
        targets.transcriptUploads.push({
          headers: writeHeaders,
          path: `/api/orgs/${ORG}/meetings/${meeting.id}/transcript`,
          body: JSON.stringify({
            text: smallWebVtt(meeting.leader.name, meeting.report.name),
            fileName: 'one-on-one.vtt',
            consent: true,
          }),
        });
      }
    }
  }
  for (const [kind, list] of Object.entries(targets)) {
    if (Array.isArray(list) && list.length === 0) throw new Error(`the demo offered nothing for ${kind}`);
  }
  return targets;
}

async function signIn(url: string, email: string, name: string): Promise<SignedIn> {
  const response = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!response.ok)
    throw new Error(`signing in ${email} answered ${response.status}: ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  // What a browser sends with every API call of the web app.
  return { name, headers: { cookie, origin: url } };
}

async function getJson(url: string, pathname: string, as: SignedIn): Promise<unknown> {
  const response = await fetch(`${url}${pathname}`, { headers: as.headers });
  if (!response.ok) throw new Error(`GET ${pathname} as ${as.name} answered ${response.status}`);
  return response.json();
}

/** A short Zoom-style WebVTT of a coaching conversation between the 1:1's two participants. */
export function smallWebVtt(leader: string, report: string): string {
  const lines: Array<[string, string]> = [
    [leader, 'Morning! Before we get to the rollout, how are you doing this week?'],
    [report, 'A bit stretched, honestly. The carrier integration took most of my week.'],
    [leader, 'What made it take longer than you expected?'],
    [report, 'The sandbox kept timing out, so I tested against production data late at night.'],
    [leader, 'That sounds draining. What would help you next time?'],
    [report, 'A stable sandbox, and maybe pairing with Sam on the retry logic.'],
    [leader, 'What would a first step look like, and by when?'],
    [report, 'I can ask platform for a sandbox ticket today and pair with Sam on Thursday.'],
    [leader, 'Great. What do you want to get better at this quarter?'],
    [report, 'Presenting to customers. I get nervous when they push back on timelines.'],
  ];
  const stamp = (seconds: number) =>
    `00:${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}.000`;
  const cues = lines.map(
    ([speaker, text], index) =>
      `${index + 1}\n${stamp(index * 6)} --> ${stamp(index * 6 + 5)}\n${speaker}: ${text}`,
  );
  return `WEBVTT\n\n${cues.join('\n\n')}\n`;
}

const agendaTitles = [
  'How the carrier API rollout is going',
  'Feedback on the customer demo',
  'Career: what I want to learn next',
  'Blocked on the sandbox environment',
  'Decide: pilot in Rotterdam or Hamburg first',
];

/** One kind of request of the mix, with the share of connections it gets. */
interface RequestKind {
  name: string;
  share: number;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  next(): { headers: Record<string, string>; path: string; body?: string };
}

/** The mix a busy organization makes: mostly reading meeting pages, some writes, few uploads. */
export function mixOf(targets: LoadTargets): RequestKind[] {
  const rotating = <T>(list: T[]) => {
    let at = 0;
    return () => list[at++ % list.length]!;
  };
  const nextRead = rotating(targets.pageReads);
  const nextAgenda = rotating(targets.agendaAdds);
  const nextStep = rotating(targets.stepUpdates);
  const nextUpload = rotating(targets.transcriptUploads);
  let added = 0;
  let stepUpdates = 0;
  return [
    { name: 'meeting page read', share: 0.7, method: 'GET', next: nextRead },
    {
      name: 'agenda item added',
      share: 0.12,
      method: 'POST',
      next: () => ({
        ...nextAgenda(),
        body: JSON.stringify({ title: `${agendaTitles[added % agendaTitles.length]} (${++added})` }),
      }),
    },
    {
      name: 'next step closed or reopened',
      share: 0.12,
      method: 'PATCH',
      next: () => ({
        ...nextStep(),
        // Each step is closed on one pass over the list and reopened on the next.
        body: JSON.stringify({
          status: Math.floor(stepUpdates++ / targets.stepUpdates.length) % 2 === 0 ? 'done' : 'open',
        }),
      }),
    },
    { name: 'transcript uploaded', share: 0.06, method: 'PUT', next: nextUpload },
  ];
}

export interface KindFigures {
  name: string;
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  serverErrors: number;
  statusCounts: Record<string, number>;
  /** The status and body of the first answer that was not a success, to say what went wrong. */
  firstFailure: string | null;
}

/**
 * Drives the kinds at once for `seconds`, each on its share of `connections` (at least one), and
 * returns the figures of each kind.
 */
export async function driveMix(
  url: string,
  kinds: RequestKind[],
  options: { connections: number; seconds: number },
): Promise<KindFigures[]> {
  return Promise.all(
    kinds.map(async (kind) => {
      const connections = Math.max(1, Math.round(kind.share * options.connections));
      let firstFailure: string | null = null;
      const result = await autocannon({
        url,
        connections,
        duration: options.seconds,
        timeout: 30,
        requests: [
          {
            method: kind.method,
            setupRequest: (request) => ({ ...request, method: kind.method, ...kind.next() }),
            onResponse: (status, body) => {
              if (status >= 300 && firstFailure === null) firstFailure = `${status} ${body.slice(0, 300)}`;
            },
          },
        ],
      });
      const statusCounts = Object.fromEntries(
        Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, Number(count)]),
      );
      const requests = Object.values(statusCounts).reduce((sum, count) => sum + count, 0);
      return {
        name: kind.name,
        connections,
        requests,
        rps: requests / result.duration,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors,
        non2xx: result.non2xx,
        serverErrors: result['5xx'],
        statusCounts,
        firstFailure,
      };
    }),
  );
}

/** A bare Fastify JSON route in a process of its own: the baseline of the throughput ratio. */
export async function startBareServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['bench/bare-json-server.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the bare server exited with ${code}`)));
    child.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
  });
  return {
    url: `http://127.0.0.1:${port}/bare`,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface LoadRun {
  kinds: KindFigures[];
  rssStartMb: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  /** Reachable memory after a full collection, after the warm-up and after the run. */
  liveBeforeMb: number;
  liveAfterMb: number;
  /** Meeting-page reads alone vs the bare route, the same connections, one after the other. */
  pageReadRps: number;
  bareRps: number;
  /** Each round's pair, measured back to back. */
  ratioRounds: Array<{ pageReadRps: number; bareRps: number; ratio: number }>;
  /**
   * The median of the rounds' ratios: a burst of other work on the shared cores lands on one side
   * of one round, and the median leaves that round out instead of averaging it in.
   */
  ratio: number;
  seconds: number;
  connections: number;
  people: number;
}

/**
 * The whole load run on one database: seed, start, sign in, warm up, measure memory, drive the
 * mix, idle, measure memory again, then the throughput ratio of a meeting-page read to a bare route.
 */
export async function runLoad(options: {
  kind: 'embedded' | 'postgres';
  postgresAdminUrl: string;
  connections: number;
  seconds: number;
  /** The length of each side of a round of the throughput ratio. */
  ratioSeconds: number;
  ratioRounds: number;
  /** A short run: fewer people signed in, shorter warm-up and idle. */
  isShort?: boolean;
  serverArgs?: string[];
}): Promise<LoadRun> {
  const idleMs = options.isShort ? 2_000 : 5_000;
  const server = await startDemoServer({
    kind: options.kind,
    postgresAdminUrl: options.postgresAdminUrl,
    extraArgs: options.serverArgs,
  });
  try {
    const rssStartMb = server.rssMb();
    // The managers come first in the roster, so a short run still has leaders and reports.
    const targets = await prepareTargets(server.url, options.isShort ? 10 : Number.POSITIVE_INFINITY);
    const kinds = mixOf(targets);
    // A warm-up at full concurrency first: "before" is the memory of a server that has served
    // this load (compiled code, pools, caches, a heap grown to its working size), so "after"
    // shows growth during steady load (a leak), not the first allocations.
    await driveMix(server.url, kinds, {
      connections: options.connections,
      seconds: options.isShort ? 2 : 15,
    });
    await sleep(idleMs);
    // Resident memory first: the collection that measures what is live would lower it.
    const rssBeforeMb = server.rssMb();
    const liveBeforeMb = await server.liveMb();
    const figures = await driveMix(server.url, kinds, options);
    await sleep(idleMs);
    const rssAfterMb = server.rssMb();
    const liveAfterMb = await server.liveMb();

    const bare = await startBareServer();
    const ratioRounds: LoadRun['ratioRounds'] = [];
    try {
      // Rounds of two back-to-back runs, so slow drift on the shared machine hits both sides alike.
      for (let round = 0; round < options.ratioRounds; round++) {
        const runBare = () =>
          driveMix(
            bare.url,
            [{ name: 'bare', share: 1, method: 'GET', next: () => ({ headers: {}, path: '/bare' }) }],
            { connections: options.connections, seconds: options.ratioSeconds },
          );
        const runReads = () =>
          driveMix(server.url, [{ ...kinds[0]!, share: 1 }], {
            connections: options.connections,
            seconds: options.ratioSeconds,
          });
        // Each side goes first in every other round, so neither always follows the other.
        let bareRun: KindFigures | undefined;
        let readRun: KindFigures | undefined;
        if (round % 2 === 0) {
          [bareRun] = await runBare();
          [readRun] = await runReads();
        } else {
          [readRun] = await runReads();
          [bareRun] = await runBare();
        }
        // Only pages actually served count: a read answered with a refusal would flatter the ratio.
        if (readRun!.non2xx > 0 || readRun!.errors > 0)
          throw new Error(
            `meeting-page reads failed during the ratio run: ${JSON.stringify(readRun!.statusCounts)}, ${readRun!.errors} errors, first ${readRun!.firstFailure}`,
          );
        ratioRounds.push({
          pageReadRps: readRun!.rps,
          bareRps: bareRun!.rps,
          ratio: readRun!.rps / bareRun!.rps,
        });
      }
    } finally {
      await bare.stop();
    }
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const ratios = ratioRounds.map((round) => round.ratio).sort((a, b) => a - b);
    const middle = Math.floor(ratios.length / 2);
    const ratio = ratios.length % 2 ? ratios[middle]! : (ratios[middle - 1]! + ratios[middle]!) / 2;
    return {
      kinds: figures,
      rssStartMb,
      rssBeforeMb,
      rssAfterMb,
      liveBeforeMb,
      liveAfterMb,
      pageReadRps: mean(ratioRounds.map((round) => round.pageReadRps)),
      bareRps: mean(ratioRounds.map((round) => round.bareRps)),
      ratioRounds,
      ratio,
      seconds: options.seconds,
      connections: options.connections,
      people: targets.people,
    };
  } catch (error) {
    throw new Error(`${(error as Error).message}\nserver log:\n${server.logTail()}`);
  } finally {
    await server.stop();
  }
}
