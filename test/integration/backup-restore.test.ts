import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseKind, Db } from '../../src/server/db/client.ts';
import { acquireFolderLock } from '../../src/server/db/folder-lock.ts';
import { TRANSIENT_TABLES } from '../../src/server/features/backup/backup.repository.ts';
import { writeBackup } from '../../src/server/features/backup/backup.service.ts';
import { restoreBackup } from '../../src/server/features/backup/restore.service.ts';
import { DEMO_ORG } from '../../src/server/features/demo/demo-company.ts';
import { seedDemo } from '../../src/server/features/demo/seed-demo.ts';
import { databaseKinds } from '../support/databases.ts';
import { Client, createTestApp, type TestApp } from '../support/test-app.ts';

const secret = 'test-secret-that-is-long-enough-0123456789';
const password = 'demo password for backups';
const kinds = await databaseKinds();
const folder = mkdtempSync(path.join(tmpdir(), 'tandem-backup-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function rowsOf<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Every table of the application, from the catalog: a table added later is compared too. */
async function tableNames(db: Db): Promise<string[]> {
  const rows = await rowsOf<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  return rows.map((row) => row.table_name);
}

/** Each table's rows as PostgreSQL writes them in UTC, sorted: equal means equal row for row. */
async function contentsOf(db: Db): Promise<Record<string, string[]>> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    await tx.execute(sql`set local extra_float_digits = 1`);
    const contents: Record<string, string[]> = {};
    for (const table of await tableNames(tx)) {
      const rows = await rowsOf<{ line: string }>(
        tx,
        sql.raw(`select row_to_json(compared_)::text as line from "${table}" as compared_`),
      );
      contents[table] = rows.map((row) => row.line).sort();
    }
    return contents;
  });
}

/** What a restore gives back: everything, but the tables a backup leaves out come back empty. */
function withoutTransient(contents: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(contents).map(([table, rows]) => [table, TRANSIENT_TABLES.has(table) ? [] : rows]),
  );
}

/** The backup as one made before the analyses' figure columns existed (migration 0010). */
function withoutFigureColumns(file: string): string {
  const figureColumns = ['ask_tell_ratio', 'talk_share'];
  let table = '';
  const lines = gunzipSync(readFileSync(file))
    .toString('utf8')
    .trimEnd()
    .split('\n')
    .map((line) => {
      const parsed = JSON.parse(line);
      if (parsed['@table']) {
        table = parsed['@table'];
        if (table === 'meeting_analyses')
          parsed.columns = parsed.columns.filter((column: string) => !figureColumns.includes(column));
        return JSON.stringify(parsed);
      }
      if (table !== 'meeting_analyses' || parsed['@end']) return line;
      for (const column of figureColumns) delete parsed[column];
      return JSON.stringify(parsed);
    });
  const older = file.replace('.tandem.gz', '-before-figures.tandem.gz');
  writeFileSync(older, gzipSync(`${lines.join('\n')}\n`));
  return older;
}

const tandemVersion = '0.1.0';

describe.each(kinds)('a backup of the demo organization on the %s database', (sourceKind) => {
  let source: TestApp;
  let file: string;
  let original: Record<string, string[]>;

  beforeAll(async () => {
    source = await createTestApp(sourceKind);
    await seedDemo(source.ctx, password);
    // A live session and a failed sign-in: secrets and short-lived state a backup leaves out.
    const [someone] = await rowsOf<{ email: string }>(source.ctx.db, sql`select email from "user" limit 1`);
    const signedIn = await new Client(source.app).post('/api/auth/sign-in', {
      email: someone!.email,
      password,
    });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    await new Client(source.app).post('/api/auth/sign-in', {
      email: someone!.email,
      password: 'wrong password',
    });
    file = path.join(folder, `demo-${sourceKind}.tandem.gz`);
    await writeBackup(source.ctx.db, file, { secret, databaseKind: sourceKind, tandemVersion });
    original = await contentsOf(source.ctx.db);
  }, 300_000);
  afterAll(() => source.close());

  it('holds a rich organization: 1:1s, transcripts, private notes, growth, pulse and Academy rows', () => {
    for (const table of [
      'meetings',
      'transcripts',
      'meeting_analyses',
      'private_notes',
      'goals',
      'pulse_responses',
      'academy_progress',
      'calendar_audit_events',
    ]) {
      expect(original[table]?.length, table).toBeGreaterThan(0);
    }
  });

  describe.each(kinds)('restored into a new %s database', (targetKind: DatabaseKind) => {
    let target: TestApp;

    beforeAll(async () => {
      target = await createTestApp(targetKind);
    }, 120_000);
    afterAll(() => target.close());

    it('gives back every table row for row, but no sessions, sign-in tokens or failed sign-ins', async () => {
      expect(original.session?.length).toBeGreaterThan(0);
      expect(original.sign_in_failures?.length).toBeGreaterThan(0);
      expect(gunzipSync(readFileSync(file)).toString('utf8')).not.toContain('"@table":"session"');
      const summary = await restoreBackup(target.ctx.db, file, { secret, tandemVersion });
      const restored = await contentsOf(target.ctx.db);
      expect(Object.keys(restored)).toEqual(Object.keys(original));
      const kept = Object.keys(original).filter((table) => !TRANSIENT_TABLES.has(table));
      for (const table of kept) expect(restored[table], table).toEqual(original[table]);
      for (const table of TRANSIENT_TABLES) expect(restored[table], table).toEqual([]);
      expect(summary.rows).toBe(kept.reduce((sum, table) => sum + original[table]!.length, 0));
    });

    it('lets people sign in and read their sealed private notes with the same secret', async () => {
      const [note] = await rowsOf<{ meeting_id: string; email: string }>(
        target.ctx.db,
        sql`select n.meeting_id, u.email from private_notes n join "user" u on u.id = n.author_user_id
            order by n.id limit 1`,
      );
      expect(note).toBeDefined();
      const author = new Client(target.app);
      const signedIn = await author.post('/api/auth/sign-in', { email: note!.email, password });
      expect(signedIn.statusCode, signedIn.body).toBe(200);
      const page = await author.get(`/api/orgs/${DEMO_ORG.slug}/meetings/${note!.meeting_id}/notes/private`);
      expect(page.statusCode, page.body).toBe(200);
      expect(page.json().body.length).toBeGreaterThan(0);
    });

    it('refuses to restore over what is now there, and changes nothing', async () => {
      await expect(restoreBackup(target.ctx.db, file, { secret, tandemVersion })).rejects.toThrow(
        /not empty.*--replace/,
      );
      expect((await contentsOf(target.ctx.db)).people).toEqual(original.people);
    });

    it('fills the analyses’ figure columns a backup from before them lacks', async () => {
      expect(original.meeting_analyses!.some((row) => JSON.parse(row).ask_tell_ratio !== null)).toBe(true);
      await restoreBackup(target.ctx.db, withoutFigureColumns(file), {
        secret,
        tandemVersion,
        replace: true,
      });
      expect((await contentsOf(target.ctx.db)).meeting_analyses).toEqual(original.meeting_analyses);
    });
  });
});

describe.each(kinds)('restoring into the %s database refuses what it cannot restore whole', (kind) => {
  let source: TestApp;
  let target: TestApp;
  let good: string;

  beforeAll(async () => {
    source = await createTestApp(kind);
    // A small instance is enough to prove the refusals: an owner, a team and a 1:1 with a private note.
    const owner = new Client(source.app);
    await owner.post('/api/auth/sign-up', { name: 'Rita Owner', email: 'rita@example.com', password });
    const org = (await owner.post('/api/orgs', { name: 'Refusals' })).json();
    await owner.post(`/api/orgs/${org.slug}/people/import`, {
      csv: 'email,name,title,manager_email,start_date,time_zone\nrita@example.com,Rita Owner,Lead,,,\nsam@example.com,Sam Report,Engineer,rita@example.com,,\n',
    });
    const sam = (await owner.get(`/api/orgs/${org.slug}/people?q=sam`)).json().items[0];
    await owner.post(`/api/orgs/${org.slug}/series`, {
      withPersonId: sam.id,
      startDate: '2030-01-07',
      startTime: '10:00',
      timeZone: 'UTC',
    });
    const meeting = (await owner.get(`/api/orgs/${org.slug}/meetings`)).json()[0];
    const saved = await owner.request('PUT', `/api/orgs/${org.slug}/meetings/${meeting.id}/notes/private`, {
      body: 'Sam seems tired',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    good = path.join(folder, `small-${kind}.tandem.gz`);
    await writeBackup(source.ctx.db, good, { secret, databaseKind: kind, tandemVersion });
    target = await createTestApp(kind);
  }, 180_000);
  afterAll(async () => {
    await source.close();
    await target.close();
  });

  const isEmpty = async () =>
    Object.values(await contentsOf(target.ctx.db)).every((rows) => rows.length === 0);

  it('refuses a truncated file and leaves the database empty', async () => {
    const bytes = readFileSync(good);
    const cut = path.join(folder, `cut-${kind}.tandem.gz`);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.8)));
    await expect(restoreBackup(target.ctx.db, cut, { secret, tandemVersion })).rejects.toThrow(
      /damaged or incomplete.*Nothing was restored/,
    );
    expect(await isEmpty()).toBe(true);
  });

  it('refuses a file whose last lines are missing, even when it unzips cleanly', async () => {
    const lines = gunzipSync(readFileSync(good)).toString('utf8').trimEnd().split('\n');
    const shortened = path.join(folder, `short-${kind}.tandem.gz`);
    writeFileSync(shortened, gzipSync(`${lines.slice(0, -3).join('\n')}\n`));
    await expect(restoreBackup(target.ctx.db, shortened, { secret, tandemVersion })).rejects.toThrow(
      /cut short|do not add up/,
    );
    expect(await isEmpty()).toBe(true);
  });

  it('refuses a file that is not a backup at all', async () => {
    const text = path.join(folder, 'not-a-backup.txt');
    writeFileSync(text, 'hello');
    await expect(restoreBackup(target.ctx.db, text, { secret, tandemVersion })).rejects.toThrow(
      /damaged or incomplete/,
    );
  });

  it('refuses a backup from a newer database schema, naming the upgrade', async () => {
    const lines = gunzipSync(readFileSync(good)).toString('utf8').split('\n');
    const header = JSON.parse(lines[0]!);
    header.tandemVersion = '9.0.0';
    header.migrations.push({ tag: '0099_future', hash: 'f'.repeat(64), createdAt: Date.now() });
    const newer = path.join(folder, `newer-${kind}.tandem.gz`);
    writeFileSync(newer, gzipSync([JSON.stringify(header), ...lines.slice(1)].join('\n')));
    await expect(restoreBackup(target.ctx.db, newer, { secret, tandemVersion })).rejects.toThrow(
      /newer database schema \(Tandem 9\.0\.0, migration 0099_future\).*Upgrade Tandem/,
    );
    expect(await isEmpty()).toBe(true);
  });

  it('refuses a backup made with another server secret, unless told to leave the sealed notes out', async () => {
    const other = 'another-secret-that-is-long-enough-0123456789';
    await expect(restoreBackup(target.ctx.db, good, { secret: other, tandemVersion })).rejects.toThrow(
      /another server secret.*TANDEM_SECRET/,
    );
    expect(await isEmpty()).toBe(true);
    const summary = await restoreBackup(target.ctx.db, good, {
      secret: other,
      tandemVersion,
      acceptOtherSecret: true,
    });
    expect(summary.leftOut).toBe(1);
    const restored = await contentsOf(target.ctx.db);
    expect(restored.private_notes).toEqual([]);
    expect(restored.people).toHaveLength(2);
  });

  it('replaces what the database holds when asked to', async () => {
    await restoreBackup(target.ctx.db, good, { secret, tandemVersion, replace: true });
    expect(await contentsOf(target.ctx.db)).toEqual(withoutTransient(await contentsOf(source.ctx.db)));
  });
});

describe('the backup and restore commands', () => {
  const tandem = path.resolve('bin/tandem');
  const run = (args: string[], dataDir: string) => {
    const result = spawnSync(tandem, args, {
      env: { ...process.env, LOG_LEVEL: 'silent', TANDEM_DATA_DIR: dataDir, TANDEM_SECRET: secret },
      encoding: 'utf8',
      timeout: 180_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const from = path.join(folder, 'cli-from');
  const to = path.join(folder, 'cli-to');
  const file = path.join(folder, 'cli.tandem.gz');

  beforeAll(() => {
    const seeded = run(['demo', '--seed-only'], from);
    expect(seeded.status, seeded.stderr).toBe(0);
  }, 180_000);

  it('does not back up an embedded database a running server holds', () => {
    const lock = acquireFolderLock(from);
    try {
      const refused = run(['backup', file], from);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain('in use by another Tandem process');
    } finally {
      lock.release();
    }
  });

  it('backs up one data folder and restores it into another, then refuses to restore twice', () => {
    const backedUp = run(['backup', file, '--json'], from);
    expect(backedUp.status, backedUp.stderr).toBe(0);
    const { rows } = JSON.parse(backedUp.stdout);
    expect(rows).toBeGreaterThan(1000);
    const restored = run(['restore', file], to);
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toContain(`Restored ${rows} rows`);
    const again = run(['restore', file], to);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('The database is not empty');
  });

  it('exits with status 2 and a message for a damaged file', () => {
    const damaged = path.join(folder, 'damaged.tandem.gz');
    const bytes = readFileSync(file);
    writeFileSync(damaged, bytes.subarray(0, bytes.length - 100));
    const refused = run(['restore', '--replace', damaged], to);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('The backup file is damaged or incomplete');
  });
});
