import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import type { AppContext } from '../../src/server/context.ts';
import type { DatabaseKind } from '../../src/server/db/client.ts';
import { parseEnv } from '../../src/server/env.ts';
import { createTestDatabase } from './databases.ts';

export const TEST_ORIGIN = 'http://localhost:3000';
export const TEST_PASSWORD = 'a long enough password';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  kind: DatabaseKind;
  close(): Promise<void>;
}

/** The whole app in-process on a fresh database, driven with fastify.inject (real HTTP semantics, no socket). */
export async function createTestApp(
  kind: DatabaseKind,
  extraEnv: Record<string, string> = {},
  options: { logTo?: { write(line: string): void } } = {},
): Promise<TestApp> {
  const testDatabase = await createTestDatabase(kind);
  const env = {
    ...parseEnv({ LOG_LEVEL: 'silent', PORT: '3000', TANDEM_REMINDERS_EVERY_MINUTES: '0', ...extraEnv }),
    secretSource: 'env' as const,
  };
  const { app, ctx } = await buildApp({
    env,
    database: testDatabase.database,
    secret: 'test-secret-that-is-long-enough-0123456789',
    logger: options.logTo !== undefined,
    logStream: options.logTo,
  });
  await app.ready();
  return {
    app,
    ctx,
    kind,
    async close() {
      await app.close();
      await testDatabase.dispose();
    },
  };
}

/** A user agent: keeps its session cookie and sends the Origin a browser would. */
export class Client {
  cookie: string | undefined;
  bearer: string | undefined;
  readonly app: FastifyInstance;
  readonly remoteAddress: string;

  constructor(app: FastifyInstance, remoteAddress = '127.0.0.1') {
    this.app = app;
    this.remoteAddress = remoteAddress;
  }

  async request(
    method: InjectOptions['method'],
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({
      method,
      url,
      payload: payload as InjectOptions['payload'],
      remoteAddress: this.remoteAddress,
      headers: {
        origin: TEST_ORIGIN,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.bearer ? { authorization: `Bearer ${this.bearer}` } : {}),
        ...headers,
      },
    });
    const setCookie = response.headers['set-cookie'];
    const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
    for (const cookie of cookies) {
      const [pair] = cookie.split(';');
      if (pair?.startsWith('tandem.session_token='))
        this.cookie = /Max-Age=0/i.test(cookie) || pair.endsWith('=') ? undefined : pair;
    }
    return response;
  }

  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, payload?: unknown, headers?: Record<string, string>) =>
    this.request('POST', url, payload ?? {}, headers);
  patch = (url: string, payload?: unknown) => this.request('PATCH', url, payload ?? {});
  delete = (url: string) => this.request('DELETE', url);
}

let counter = 0;

/** Signs up a fresh account; returns its client and email. */
export async function signUp(
  app: FastifyInstance,
  name = 'Test Person',
): Promise<{ client: Client; email: string; userId: string }> {
  const client = new Client(app);
  const email = `user${++counter}-${Date.now()}@example.com`;
  const response = await client.post('/api/auth/sign-up', { name, email, password: TEST_PASSWORD });
  if (response.statusCode !== 201) throw new Error(`sign-up failed: ${response.statusCode} ${response.body}`);
  return { client, email, userId: response.json().user.id };
}

/** Signs up an owner with a new organization. */
export async function ownerWithOrganization(app: FastifyInstance, name = 'Olivia Owner') {
  const owner = await signUp(app, name);
  const response = await owner.client.post('/api/orgs', { name: `Org ${counter} ${Date.now()}` });
  if (response.statusCode !== 201) throw new Error(`org creation failed: ${response.body}`);
  return { ...owner, org: response.json() as { id: string; slug: string; name: string } };
}

/** Invites an address into the organization and accepts it as a fresh account, via the mailed link. */
export async function memberOf(
  testApp: TestApp,
  owner: Client,
  slug: string,
  role: 'member' | 'admin' | 'owner',
  name = 'Mia Member',
) {
  const member = await signUp(testApp.app, name);
  const invited = await owner.post(`/api/orgs/${slug}/invitations`, { email: member.email, role });
  if (invited.statusCode !== 201) throw new Error(`invitation failed: ${invited.body}`);
  const mail = (await owner.get(`/api/orgs/${slug}/outbox`))
    .json()
    .find((message: { to: string }) => message.to === member.email);
  const token = /\/invitations\/([\w-]+)/.exec(mail.text)?.[1];
  const accepted = await member.client.post(`/api/invitations/${token}/accept`);
  if (accepted.statusCode !== 200) throw new Error(`accept failed: ${accepted.body}`);
  return member;
}
