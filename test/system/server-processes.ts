import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../e2e/harness.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The long random secret every app server of one installation shares. */
export const SHARED_SECRET = 'system-test-secret-0123456789abcdef0123456789abcdef';
export const PASSWORD = 'a long enough password';

export interface ServerProcess {
  url: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  /** Everything the process wrote, for failure messages. */
  output(): string;
  /** Resolves when the process ends, with its exit code (null when a signal ended it). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function makeDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'tandem-system-'));
}

export function removeDataDir(dataDir: string) {
  rmSync(dataDir, { recursive: true, force: true });
}

/** Spawns `node src/server/main.ts` as an operator would, without waiting for it to answer. */
export async function launchServer(options: {
  dataDir: string;
  env?: Record<string, string>;
  port?: number;
}): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, ['src/server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      TANDEM_DATA_DIR: options.dataDir,
      PUBLIC_URL: url,
      LOG_LEVEL: 'warn',
      TANDEM_REMINDERS_EVERY_MINUTES: '0',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { url, port, dataDir: options.dataDir, child, output: () => output, exited };
}

/** Waits until /api/health answers 200; fails with the server's output if it exits or stays silent. */
export async function waitUntilHealthy(server: ServerProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null || server.child.signalCode !== null)
      throw new Error(
        `the server exited (${server.child.exitCode ?? server.child.signalCode}):\n${server.output()}`,
      );
    try {
      if ((await fetch(`${server.url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`the server did not answer within ${timeoutMs} ms:\n${server.output()}`);
}

export async function startServer(options: Parameters<typeof launchServer>[0]): Promise<ServerProcess> {
  const server = await launchServer(options);
  await waitUntilHealthy(server);
  return server;
}

/** Ends the process with SIGTERM (SIGKILL if it hangs), whatever state the test left it in. */
export async function stopServer(server: ServerProcess | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  const hung = setTimeout(() => server.child.kill('SIGKILL'), 15_000);
  await server.exited;
  clearTimeout(hung);
}

export function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface Answer {
  status: number;
  contentType: string;
  // biome-ignore lint/suspicious/noExplicitAny: answers of many routes, read field by field in tests
  body: any;
}

/** A person using Tandem from a browser: keeps the session cookie, sends the page's Origin. */
export class BrowserUser {
  cookie: string | undefined;
  readonly origin: string;
  readonly email: string;

  constructor(origin: string, email: string) {
    this.origin = origin;
    this.email = email;
  }

  async request(method: string, url: string, body?: unknown): Promise<Answer> {
    const response = await fetch(url, {
      method,
      headers: {
        origin: this.origin,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      if (pair?.startsWith('tandem.session_token=')) this.cookie = pair;
    }
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    return {
      status: response.status,
      contentType,
      body: contentType.includes('json') && text ? JSON.parse(text) : text,
    };
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body: unknown = {}) => this.request('POST', url, body);
}

let accounts = 0;

/** Signs up a new account on the given server. */
export async function signUp(serverUrl: string, name: string, origin = serverUrl): Promise<BrowserUser> {
  const user = new BrowserUser(origin, `person${++accounts}-${Date.now()}@example.com`);
  const answer = await user.post(`${serverUrl}/api/auth/sign-up`, {
    name,
    email: user.email,
    password: PASSWORD,
  });
  if (answer.status !== 201)
    throw new Error(`sign-up failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return user;
}

/** An owner with a new organization; returns the organization's slug. */
export async function ownerWithOrganization(serverUrl: string, origin = serverUrl) {
  const owner = await signUp(serverUrl, 'Omar Owner', origin);
  const created = await owner.post(`${serverUrl}/api/orgs`, { name: `Harbor ${accounts} ${Date.now()}` });
  if (created.status !== 201)
    throw new Error(`organization: ${created.status} ${JSON.stringify(created.body)}`);
  return { owner, slug: created.body.slug as string };
}

/** Invites a fresh account into the organization and accepts through the mailed link. */
export async function invitedMember(serverUrl: string, owner: BrowserUser, slug: string, name: string) {
  const member = await signUp(serverUrl, name, owner.origin);
  const invited = await owner.post(`${serverUrl}/api/orgs/${slug}/invitations`, {
    email: member.email,
    role: 'member',
  });
  if (invited.status !== 201)
    throw new Error(`invitation: ${invited.status} ${JSON.stringify(invited.body)}`);
  const outbox = await owner.get(`${serverUrl}/api/orgs/${slug}/outbox`);
  const mail = (outbox.body as Array<{ to: string; text: string }>).find((each) => each.to === member.email);
  const token = /\/invitations\/([\w-]+)/.exec(mail?.text ?? '')?.[1];
  const accepted = await member.post(`${serverUrl}/api/invitations/${token}/accept`);
  if (accepted.status !== 200) throw new Error(`accept: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return member;
}

/** A meeting page's live updates, read as a browser's EventSource reads them. */
export interface EventStream {
  /** The `data` of every `change` event received so far. */
  changes: Array<{ meetingId: string; kind: string; byPersonId: string | null }>;
  /** Resolves once a change matching `isWanted` has arrived; rejects after `timeoutMs`. */
  waitFor(
    isWanted: (change: EventStream['changes'][number]) => boolean,
    timeoutMs: number,
  ): Promise<EventStream['changes'][number]>;
  close(): void;
}

export async function openEventStream(user: BrowserUser, url: string): Promise<EventStream> {
  const abort = new AbortController();
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', ...(user.cookie ? { cookie: user.cookie } : {}) },
    signal: abort.signal,
  });
  if (response.status !== 200 || !response.body)
    throw new Error(`event stream: ${response.status} ${await response.text()}`);
  const changes: EventStream['changes'] = [];
  const waiters = new Set<() => void>();
  void (async () => {
    const decoder = new TextDecoder();
    let buffered = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffered += decoder.decode(chunk, { stream: true });
        let end = buffered.indexOf('\n\n');
        while (end >= 0) {
          const block = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (/^event: change$/m.test(block) && data) changes.push(JSON.parse(data));
          end = buffered.indexOf('\n\n');
        }
        for (const wake of waiters) wake();
      }
    } catch {
      // aborted by close(), or the server went away
    }
  })();
  return {
    changes,
    waitFor(isWanted, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = changes.find(isWanted);
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching live update within ${timeoutMs} ms; got ${JSON.stringify(changes)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => abort.abort(),
  };
}
