import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const tandem = path.resolve('bin/tandem');

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(tandem, args, {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the tandem command on the embedded database', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'tandem-cli-'));
    const seeded = run(['demo', '--seed-only'], {
      TANDEM_DATA_DIR: dataDir,
      TANDEM_DEMO_PASSWORD: 'demo password 1',
    });
    expect(seeded.status, seeded.stderr).toBe(0);
    expect(seeded.stdout).toContain('margaret.chen@harborpine.example');
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints a new API token for an account, and says clearly when the address has none', () => {
    const created = run(['token', 'create', '--email', 'priya.raman@harborpine.example'], {
      TANDEM_DATA_DIR: dataDir,
    });
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout.trim()).toMatch(/^tdm_[\w-]{40,}$/);
    const unknown = run(['token', 'create', '--email', 'nobody@example.com'], { TANDEM_DATA_DIR: dataDir });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('No account uses the address nobody@example.com');
  });

  it('imports people from a file, and lists problems by line without changing anything', () => {
    const good = path.join(dataDir, 'good.csv');
    writeFileSync(
      good,
      'email,name,title,manager_email,start_date,time_zone\nnew.hire@harborpine.example,Nia Hire,Analyst,priya.raman@harborpine.example,2026-11-02,Europe/London\n',
    );
    const imported = run(['import-people', good, '--org', 'harbor-and-pine', '--json'], {
      TANDEM_DATA_DIR: dataDir,
    });
    expect(imported.status, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ created: 1, updated: 0 });
    const bad = path.join(dataDir, 'bad.csv');
    writeFileSync(
      bad,
      'email,name,title,manager_email,start_date,time_zone\nx@harborpine.example,X,,nobody@harborpine.example,,\n',
    );
    const refused = run(['import-people', bad, '--org', 'harbor-and-pine'], { TANDEM_DATA_DIR: dataDir });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(
      /line 2, manager_email: nobody@harborpine.example is neither in this file nor in the organization/,
    );
  });

  it('refuses to open a database folder another process holds, instead of waiting or corrupting it', () => {
    // This test process stands in for a running server holding the folder.
    writeFileSync(path.join(dataDir, 'tandem.lock'), String(process.pid));
    try {
      const blocked = run(['token', 'create', '--email', 'priya.raman@harborpine.example'], {
        TANDEM_DATA_DIR: dataDir,
      });
      expect(blocked.status).toBe(2);
      expect(blocked.stderr).toContain(`is in use by another Tandem process (pid ${process.pid})`);
    } finally {
      rmSync(path.join(dataDir, 'tandem.lock'));
    }
  });

  it('takes over a lock left by a process that died', () => {
    writeFileSync(path.join(dataDir, 'tandem.lock'), '999999');
    const created = run(['token', 'create', '--email', 'priya.raman@harborpine.example'], {
      TANDEM_DATA_DIR: dataDir,
    });
    expect(created.status, created.stderr).toBe(0);
  });
});

describe('the environment check at start', () => {
  it('names each bad variable and exits with status 2', () => {
    const result = spawnSync(process.execPath, ['src/server/main.ts'], {
      env: { ...process.env, PORT: 'eighty', DATABASE_URL: 'mysql://x', SMTP_URL: 'mail.example.com' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('PORT:');
    expect(result.stderr).toContain('DATABASE_URL: must be a postgres:// or postgresql:// URL');
    expect(result.stderr).toContain('SMTP_URL:');
  });
});
