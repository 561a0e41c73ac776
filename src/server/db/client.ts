import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { acquireFolderLock, type FolderLock } from './folder-lock.ts';
import * as identityAndTenancy from './schema.ts';
import * as growth from './schema-growth.ts';
import * as insights from './schema-insights.ts';
import * as workspace from './schema-meetings.ts';
import * as pulse from './schema-pulse.ts';
import * as trust from './schema-trust.ts';

const schema = { ...identityAndTenancy, ...workspace, ...growth, ...pulse, ...insights, ...trust };

export type Schema = typeof schema;
/** The Drizzle handle; the same type on the embedded database and on PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'embedded' | 'postgres';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Runs the committed migrations; safe when several app servers start at once. */
  migrate(): Promise<void>;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** The embedded engine, for callers that need PGlite itself (backups, test templates). */
  pglite?: PGlite;
  pool?: pg.Pool;
}

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
// Any fixed number: every app server takes the same advisory lock while migrating.
const MIGRATION_LOCK_KEY = 7_240_114;

export interface OpenDatabaseOptions {
  databaseUrl?: string;
  dataDir: string;
  /** A tarball of a PGlite data folder to start from (tests clone one migrated template). */
  loadDataDir?: Blob;
  /** Keep the embedded database in memory only (tests). */
  inMemory?: boolean;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openEmbedded(options);
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle client that loses its connection (PostgreSQL restart) must not crash the process.
  pool.on('error', () => {});
  const db = drizzleNodePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    pool,
    async migrate() {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migrateNodePg(drizzleNodePg(client, { schema }), { migrationsFolder });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
        client.release();
      }
    },
    ping: () => ping(db),
    close: () => pool.end(),
  };
}

async function openEmbedded(options: OpenDatabaseOptions): Promise<Database> {
  let lock: FolderLock | undefined;
  let dataDir: string | undefined;
  if (!options.inMemory) {
    mkdirSync(options.dataDir, { recursive: true });
    lock = acquireFolderLock(options.dataDir);
    dataDir = path.join(options.dataDir, 'pg');
  }
  try {
    const pglite = await PGlite.create({ dataDir, loadDataDir: options.loadDataDir });
    const db = drizzlePglite(pglite, { schema }) as unknown as Db;
    return {
      db,
      kind: 'embedded',
      pglite,
      migrate: () => migratePglite(drizzlePglite(pglite, { schema }), { migrationsFolder }),
      ping: () => ping(db),
      async close() {
        await pglite.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

async function ping(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
