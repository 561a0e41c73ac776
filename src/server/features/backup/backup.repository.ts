import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type SQL, sql } from 'drizzle-orm';
import { orderTablesByDependency } from '../../../core/backup/table-order.ts';
import type { Db } from '../../db/client.ts';

// What a backup needs to know about the database, read from PostgreSQL's own catalog rather than
// from our schema files: a table added later is backed up without anyone remembering to list it.

export interface TableShape {
  name: string;
  columns: string[];
  primaryKey: string[];
  /** Columns pointing at the same table (a person's manager): filled after the table's rows are in. */
  selfReferences: string[];
}

export interface AppliedMigration {
  /** The migration's name, e.g. `0008_trust`, when this Tandem knows it. */
  tag: string | null;
  hash: string;
  createdAt: number;
}

async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Tables a backup leaves out: sign-in sessions, password-reset and email tokens, single sign-on
 * logins in flight and failed sign-in counts. They are live secrets or short-lived state; restoring
 * them would also bring back sessions revoked since. After a restore everyone signs in again.
 */
export const TRANSIENT_TABLES: ReadonlySet<string> = new Set([
  'session',
  'verification',
  'sso_login_states',
  'sign_in_failures',
]);

/** Every table of the application, in an order that restores without breaking a foreign key. */
export async function findTables(db: Db): Promise<TableShape[]> {
  const columns = await rowsOf<{ table_name: string; column_name: string }>(
    db,
    sql`select table_name, column_name from information_schema.columns
        where table_schema = 'public'
          and table_name in (select table_name from information_schema.tables
                             where table_schema = 'public' and table_type = 'BASE TABLE')
        order by table_name, ordinal_position`,
  );
  const keys = await rowsOf<{ table_name: string; column_name: string; kind: 'p' | 'f'; target: string }>(
    db,
    sql`select source.relname as table_name, attribute.attname as column_name,
               constraint_.contype as kind, coalesce(target.relname, '') as target
        from pg_constraint constraint_
        join pg_class source on source.oid = constraint_.conrelid
        join pg_namespace namespace on namespace.oid = source.relnamespace
        left join pg_class target on target.oid = constraint_.confrelid
        join pg_attribute attribute
          on attribute.attrelid = constraint_.conrelid and attribute.attnum = any(constraint_.conkey)
        where namespace.nspname = 'public' and constraint_.contype in ('p', 'f')
        order by source.relname, attribute.attnum`,
  );
  const shapes = new Map<string, TableShape>();
  for (const row of columns) {
    const shape = shapes.get(row.table_name) ?? {
      name: row.table_name,
      columns: [],
      primaryKey: [],
      selfReferences: [],
    };
    shape.columns.push(row.column_name);
    shapes.set(row.table_name, shape);
  }
  for (const key of keys) {
    const shape = shapes.get(key.table_name);
    if (!shape) continue;
    if (key.kind === 'p') shape.primaryKey.push(key.column_name);
    else if (key.target === key.table_name) shape.selfReferences.push(key.column_name);
  }
  const order = orderTablesByDependency(
    [...shapes.keys()],
    keys.filter((key) => key.kind === 'f').map((key) => ({ table: key.table_name, references: key.target })),
  );
  return order.map((name) => shapes.get(name)!);
}

const journal = JSON.parse(
  readFileSync(
    path.join(path.dirname(fileURLToPath(import.meta.url)), '../../db/migrations/meta/_journal.json'),
    'utf8',
  ),
) as { entries: Array<{ tag: string; when: number }> };
const tagByTime = new Map(journal.entries.map((entry) => [entry.when, entry.tag]));

/** The migrations applied to this database, oldest first. */
export async function findAppliedMigrations(db: Db): Promise<AppliedMigration[]> {
  const rows = await rowsOf<{ hash: string; created_at: string }>(
    db,
    sql`select hash, created_at::text as created_at from drizzle.__drizzle_migrations order by created_at, id`,
  );
  return rows.map((row) => {
    const createdAt = Number(row.created_at);
    return { tag: tagByTime.get(createdAt) ?? null, hash: row.hash, createdAt };
  });
}

export const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** How many rows each table holds; a restore goes only into a database where every count is 0. */
export async function countRows(db: Db, tables: readonly TableShape[]): Promise<Map<string, number>> {
  if (tables.length === 0) return new Map();
  const union = tables
    .map((table) => `select '${table.name}' as name, count(*)::int as n from ${quoted(table.name)}`)
    .join(' union all ');
  const rows = await rowsOf<{ name: string; n: number }>(db, sql.raw(union));
  return new Map(rows.map((row) => [row.name, Number(row.n)]));
}

/**
 * Reads a table through a cursor, a batch at a time, each row as PostgreSQL's own JSON of it:
 * the engine writes timestamps, dates, reals and jsonb the way it will read them back.
 */
export async function* readTableRows(db: Db, table: TableShape, batchSize: number): AsyncGenerator<string[]> {
  await db.execute(
    sql.raw(
      `declare backup_rows no scroll cursor for select row_to_json(backup_row_)::text as line from ${quoted(table.name)} as backup_row_`,
    ),
  );
  try {
    for (;;) {
      const rows = await rowsOf<{ line: string }>(db, sql.raw(`fetch forward ${batchSize} from backup_rows`));
      if (rows.length === 0) return;
      yield rows.map((row) => row.line);
    }
  } finally {
    await db.execute(sql.raw('close backup_rows'));
  }
}

/** Inserts rows given as JSON objects; self-referencing columns go in empty and are set afterwards. */
export async function insertRows(
  db: Db,
  table: TableShape,
  columns: readonly string[],
  rows: readonly string[],
) {
  const selected = columns.map((column) =>
    table.selfReferences.includes(column) ? `null as ${quoted(column)}` : quoted(column),
  );
  await db.execute(
    sql`${sql.raw(`insert into ${quoted(table.name)} (${columns.map(quoted).join(', ')}) select ${selected.join(', ')} from json_populate_recordset(null::${quoted(table.name)}, `)}${`[${rows.join(',')}]`}::json)`,
  );
}

/** Sets the self-referencing columns of rows inserted without them, matched by primary key. */
export async function restoreSelfReferences(db: Db, table: TableShape, rows: readonly string[]) {
  if (table.selfReferences.length === 0 || rows.length === 0) return;
  const assignments = table.selfReferences.map(
    (column) => `${quoted(column)} = backup_saved_.${quoted(column)}`,
  );
  const match = table.primaryKey.map(
    (column) => `backup_target_.${quoted(column)} = backup_saved_.${quoted(column)}`,
  );
  await db.execute(
    sql`${sql.raw(`update ${quoted(table.name)} as backup_target_ set ${assignments.join(', ')} from json_populate_recordset(null::${quoted(table.name)}, `)}${`[${rows.join(',')}]`}::json${sql.raw(`) as backup_saved_ where ${match.join(' and ')}`)}`,
  );
}

/** Empties every table at once (the foreign keys between them allow nothing else). */
export async function emptyTables(db: Db, tables: readonly TableShape[]) {
  if (tables.length === 0) return;
  await db.execute(sql.raw(`truncate ${tables.map((table) => quoted(table.name)).join(', ')}`));
}

/** Moves every sequence past the largest value restored into its column, so new rows do not collide. */
export async function advanceSequences(db: Db) {
  const owned = await rowsOf<{ table_name: string; column_name: string; sequence: string }>(
    db,
    sql`select table_name, column_name, sequence from (
          select class.relname as table_name, attribute.attname as column_name,
                 pg_get_serial_sequence(quote_ident(class.relname), attribute.attname) as sequence
          from pg_class class
          join pg_namespace namespace on namespace.oid = class.relnamespace
          join pg_attribute attribute on attribute.attrelid = class.oid and attribute.attnum > 0 and not attribute.attisdropped
          where namespace.nspname = 'public' and class.relkind = 'r') as columns
        where sequence is not null`,
  );
  for (const { table_name, column_name, sequence } of owned) {
    await db.execute(
      sql`select setval(${sequence}, coalesce((select max(${sql.raw(quoted(column_name))}) from ${sql.raw(quoted(table_name))}), 0) + 1, false)`,
    );
  }
}

/**
 * Fills the figure columns of analyses from their stored result where they are empty, as
 * migration 0010_backfill-analysis-figures did: a backup made before that migration carries the
 * results without the columns. Keep the two in step.
 */
export async function fillAnalysisFigures(db: Db) {
  await db.execute(
    sql`update meeting_analyses set
          ask_tell_ratio = case when jsonb_typeof(result #> '{questions,askTellRatio}') = 'number'
            then (result #>> '{questions,askTellRatio}')::double precision else ask_tell_ratio end,
          talk_share = case when jsonb_typeof(result #> '{leader,talkShare}') = 'number'
            then (result #>> '{leader,talkShare}')::double precision else talk_share end
        where (ask_tell_ratio is null and jsonb_typeof(result #> '{questions,askTellRatio}') = 'number')
           or (talk_share is null and jsonb_typeof(result #> '{leader,talkShare}') = 'number')`,
  );
}
