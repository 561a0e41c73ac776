import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { type Database, type DatabaseKind, openDatabase } from '../../src/server/db/client.ts';

const isCi = process.env.CI === 'true';
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let postgresAnswer: Promise<boolean> | undefined;

/** Whether the PostgreSQL for tests answers. With CI=true a missing PostgreSQL is a failure, not a skip. */
export function isPostgresAvailable(): Promise<boolean> {
  postgresAnswer ??= (async () => {
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch (error) {
      const message = `PostgreSQL at ${adminUrl} does not answer (${(error as Error).message}): the PostgreSQL suites are SKIPPED. Set TEST_DATABASE_URL or start PostgreSQL.`;
      if (isCi) throw new Error(`${message} With CI=true this is a failure.`);
      console.warn(`\n!!! ${message}\n`);
      return false;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return postgresAnswer;
}

/** The database kinds to run integration suites on; both when PostgreSQL answers. */
export async function databaseKinds(): Promise<DatabaseKind[]> {
  return (await isPostgresAvailable()) ? ['embedded', 'postgres'] : ['embedded'];
}

let template: Promise<Blob> | undefined;

/** One migrated embedded database per test process, cloned for each test app (a fresh one costs seconds). */
async function embeddedTemplate(): Promise<Blob> {
  template ??= (async () => {
    const database = await openDatabase({ dataDir: '', inMemory: true });
    await database.migrate();
    const dump = await database.pglite!.dumpDataDir('none');
    await database.close();
    return dump;
  })();
  return template;
}

export interface TestDatabase {
  database: Database;
  /** Drops what the test created. */
  dispose(): Promise<void>;
}

/** A fresh, migrated database of the given kind; PostgreSQL gets a database of its own, dropped afterwards. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'embedded') {
    const database = await openDatabase({
      dataDir: '',
      inMemory: true,
      loadDataDir: await embeddedTemplate(),
    });
    return { database, dispose: () => database.close() };
  }
  const name = `tandem_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ dataDir: '', databaseUrl: url.toString() });
  await database.migrate();
  return {
    database,
    async dispose() {
      await database.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

export { PGlite };
