import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, ownerWithOrganization, type TestApp } from '../support/test-app.ts';

interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  req?: { method: string; url: string };
  res?: { statusCode: number };
  responseTime?: number;
}

const INFO = 30;
const DEBUG = 20;

/** The app on the embedded database at a log level, with the lines it writes kept in memory. */
async function appLoggingAt(level: 'info' | 'debug') {
  const written: string[] = [];
  const t = await createTestApp(
    'embedded',
    { LOG_LEVEL: level },
    { logTo: { write: (line) => written.push(line) } },
  );
  const lines = () => written.map((line) => JSON.parse(line) as LogLine);
  const answered = (url: string) =>
    lines().filter((line) => line.msg === 'request completed' && line.req?.url === url);
  return { t, written, answered };
}

describe('the request log', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('at info, has a line for every write and every refusal, and none for a quick successful read', async () => {
    const logging = await appLoggingAt('info');
    t = logging.t;
    const owner = await ownerWithOrganization(t.app);
    const slug = owner.org.slug;

    const read = await owner.client.get(`/api/orgs/${slug}/people`);
    expect(read.statusCode).toBe(200);
    const refused = await owner.client.get(`/api/orgs/not-${slug}/people`);
    expect(refused.statusCode).toBe(404);
    const invalid = await owner.client.post(`/api/orgs/${slug}/invitations`, { email: 'not an address' });
    expect(invalid.statusCode).toBe(400);

    // Only a read that took half a second (a very busy machine) would be there, as a slow one.
    expect(
      logging.answered(`/api/orgs/${slug}/people`).filter((line) => (line.responseTime ?? 0) < 500),
    ).toEqual([]);
    const [refusal] = logging.answered(`/api/orgs/not-${slug}/people`);
    expect(refusal).toMatchObject({ level: INFO, req: { method: 'GET' }, res: { statusCode: 404 } });
    expect(refusal!.reqId).toBe(refused.headers['x-request-id']);
    const [rejected] = logging.answered(`/api/orgs/${slug}/invitations`);
    expect(rejected).toMatchObject({ level: INFO, req: { method: 'POST' }, res: { statusCode: 400 } });
    const [created] = logging.answered('/api/orgs');
    expect(created).toMatchObject({ level: INFO, req: { method: 'POST' }, res: { statusCode: 201 } });
    expect(created!.responseTime).toBeGreaterThan(0);
    // The log says who asked for what, never with what credentials.
    expect(logging.written.join('')).not.toContain(owner.client.cookie!.split('=')[1]!);
  });

  it('at debug, has a line for every read too', async () => {
    const logging = await appLoggingAt('debug');
    t = logging.t;
    const owner = await ownerWithOrganization(t.app);
    const read = await owner.client.get(`/api/orgs/${owner.org.slug}/people`);
    expect(read.statusCode).toBe(200);
    const [line] = logging.answered(`/api/orgs/${owner.org.slug}/people`);
    expect(line).toMatchObject({ req: { method: 'GET' }, res: { statusCode: 200 } });
    // At debug as a quick read, or at info if a very busy machine made it a slow one.
    expect(line!.level).toBe((line!.responseTime ?? 0) < 500 ? DEBUG : INFO);
  });
});
