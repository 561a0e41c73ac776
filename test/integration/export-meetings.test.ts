import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { openDatabase } from '../../src/server/db/client.ts';
import { parseEnv } from '../../src/server/env.ts';
import { type Client, memberOf, ownerWithOrganization, type TestApp } from '../support/test-app.ts';

const tandem = path.resolve('bin/tandem');
const secret = 'export-test-secret-that-is-long-enough-0123';

/**
 * `tandem export-meetings` on a data folder seeded over the API: Lena leads Ravi and reports to
 * Omar; Otto and Nia have a 1:1 of their own. Private notes are sealed with the folder's secret.
 */
describe('tandem export-meetings on the embedded database', () => {
  let dataDir: string;
  const emails: Record<string, string> = {};

  function run(args: string[]) {
    const result = spawnSync(tandem, ['export-meetings', ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', TANDEM_DATA_DIR: dataDir, TANDEM_SECRET: secret },
      encoding: 'utf8',
      timeout: 120_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'tandem-export-'));
    const database = await openDatabase({ dataDir });
    await database.migrate();
    const env = {
      ...parseEnv({ LOG_LEVEL: 'silent', PORT: '3000', TANDEM_DATA_DIR: dataDir }),
      secretSource: 'env' as const,
    };
    const { app, ctx } = await buildApp({ env, database, secret, logger: false });
    await app.ready();
    try {
      const testApp: TestApp = { app, ctx, kind: 'embedded', close: async () => {} };
      const omar = await ownerWithOrganization(app, 'Omar Owner');
      const slug = omar.org.slug;
      const join = async (name: string) => {
        const member = await memberOf(testApp, omar.client, slug, 'member', name);
        emails[name.split(' ')[0]!.toLowerCase()] = member.email;
        return member.client;
      };
      emails.omar = omar.email;
      const lena = await join('Lena Leader');
      const ravi = await join('Ravi Report');
      const otto = await join('Otto Other');
      await join('Nia Newer');
      const personId = async (q: string) =>
        (await omar.client.get(`/api/orgs/${slug}/people?q=${q}`)).json().items[0].id as string;
      const meeting = async (leader: Client, withName: string, startsAt: string) =>
        (
          await leader.post(`/api/orgs/${slug}/meetings`, {
            withPersonId: await personId(withName),
            startsAt,
          })
        ).json().id as string;
      const url = (id: string, part: string) => `/api/orgs/${slug}/meetings/${id}/${part}`;

      const first = await meeting(lena, 'ravi', '2025-01-13T09:00:00.000Z');
      await ravi.post(url(first, 'agenda'), { title: 'Should we move the launch to March?' });
      await ravi.request('PUT', url(first, 'status-update'), { wins: 'Shipped invoices v2' });
      await lena.request('PUT', url(first, 'notes/shared'), {
        body: '- Ravi owns the launch call',
        baseVersion: 0,
      });
      await lena.request('PUT', url(first, 'notes/private'), { body: 'Ask Ravi about the offsite' });
      await ravi.request('PUT', url(first, 'notes/private'), { body: 'Raise the promotion question' });
      await ravi.post(url(first, 'next-steps'), {
        title: 'Draft the launch plan',
        ownerId: await personId('ravi'),
        dueDate: '2025-01-20',
      });
      const second = await meeting(lena, 'ravi', '2025-02-10T09:00:00.000Z');
      await lena.post(url(second, 'agenda'), { title: 'Feedback on the pricing review', type: 'feedback' });
      const withOmar = await meeting(omar.client, 'lena', '2025-01-20T15:00:00.000Z');
      await lena.post(url(withOmar, 'agenda'), { title: 'Hiring a second designer' });
      const others = await meeting(otto, 'nia', '2025-01-14T09:00:00.000Z');
      await otto.post(url(others, 'agenda'), { title: 'Nia salary review' });
      await meeting(lena, 'ravi', '2031-01-06T09:00:00.000Z');
    } finally {
      await app.close();
      await database.close();
    }
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('exports as JSON every past 1:1 of the person, with their own private notes opened', () => {
    const result = run(['--person', emails.lena!, '--format', 'json']);
    expect(result.status, result.stderr).toBe(0);
    const exported = JSON.parse(result.stdout);
    expect(exported.person.name).toBe('Lena Leader');
    expect(
      exported.meetings.map((m: { startsAt: string; myRole: string }) => [m.startsAt.slice(0, 10), m.myRole]),
    ).toEqual([
      ['2025-01-13', 'leader'],
      ['2025-01-20', 'report'],
      ['2025-02-10', 'leader'],
    ]);
    const [first] = exported.meetings;
    expect(first).toMatchObject({
      leader: 'Lena Leader',
      report: 'Ravi Report',
      agenda: [{ title: 'Should we move the launch to March?', type: 'decision' }],
      statusUpdate: { wins: 'Shipped invoices v2' },
      sharedNotes: '- Ravi owns the launch call',
      privateNote: 'Ask Ravi about the offsite',
      nextSteps: [
        { title: 'Draft the launch plan', owner: 'Ravi Report', dueDate: '2025-01-20', status: 'open' },
      ],
    });
    expect(result.stdout).not.toContain('Raise the promotion question');
    expect(result.stdout).not.toContain('Nia salary review');
  });

  it('exports readable Markdown of the 1:1s with one person, and the report sees only their own private note', () => {
    const result = run(['--person', emails.ravi!, '--format', 'md', '--with', emails.lena!]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^# 1:1 history of Ravi Report\n/);
    expect(result.stdout).toContain('## 2025-01-13 · with Lena Leader');
    expect(result.stdout).toContain('- [ ] Should we move the launch to March? _(decision, Ravi Report)_');
    expect(result.stdout).toContain('**Wins:** Shipped invoices v2');
    expect(result.stdout).toContain('> Raise the promotion question');
    expect(result.stdout).toContain('- [ ] Draft the launch plan (Ravi Report, due 2025-01-20, open)');
    expect(result.stdout).toContain('## 2025-02-10 · with Lena Leader');
    expect(result.stdout).not.toContain('Ask Ravi about the offsite');
    expect(result.stdout).not.toContain('Hiring a second designer');
    expect(result.stdout).not.toContain('2031-01-06');
  });

  it('exits with status 2 and a clear message for an unknown person or format', () => {
    const unknown = run(['--person', 'nobody@example.com', '--format', 'json']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('No person with the address nobody@example.com in any organization');
    const format = run(['--person', emails.lena!, '--format', 'pdf']);
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('Unknown format "pdf"');
    const stranger = run(['--person', emails.lena!, '--with', 'stranger@example.com']);
    expect(stranger.status).toBe(2);
    expect(stranger.stderr).toContain('No person with the address stranger@example.com');
  });
});
