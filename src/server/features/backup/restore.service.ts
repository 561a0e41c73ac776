import { closeSync, createReadStream, openSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { AppError } from '../../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import {
  type AppliedMigration,
  advanceSequences,
  countRows,
  emptyTables,
  fillAnalysisFigures,
  findAppliedMigrations,
  findTables,
  insertRows,
  restoreSelfReferences,
  type TableShape,
  TRANSIENT_TABLES,
} from './backup.repository.ts';
import { type BackupHeader, classifyLine, damaged, parseHeader, secretCheckOf } from './backup-format.ts';

/** Tables whose rows are sealed with the server secret: useless, and harmful to open, under another. */
const SEALED_TABLES = new Set(['private_notes', 'organization_sso']);
const BATCH_ROWS = 500;
const BATCH_BYTES = 4 * 1024 * 1024;

export interface RestoreOptions {
  secret: string;
  tandemVersion: string;
  /** Empty the database first instead of refusing one that holds data. */
  replace?: boolean;
  /** Restore a backup sealed with another secret, leaving out what that secret sealed. */
  acceptOtherSecret?: boolean;
}

export interface RestoreSummary {
  tables: number;
  rows: number;
  /** Sealed rows left out because the backup was made with another secret. */
  leftOut: number;
  backup: Pick<BackupHeader, 'createdAt' | 'tandemVersion' | 'databaseKind'>;
}

/**
 * Restores a backup made by `writeBackup`, on either database, in one transaction: a damaged,
 * truncated or refused file leaves the database exactly as it was.
 */
export async function restoreBackup(db: Db, file: string, options: RestoreOptions): Promise<RestoreSummary> {
  const lines = readLines(file);
  try {
    const first = await lines.next();
    const header = parseHeader(first.done ? undefined : first.value);
    assertKnownSchema(header, await findAppliedMigrations(db), options.tandemVersion);
    const isSameSecret = header.secretCheck === secretCheckOf(options.secret);
    if (!isSameSecret && !options.acceptOtherSecret) {
      throw new AppError(
        'CONFLICT',
        'This backup was made with another server secret, so its private notes and single sign-on secrets cannot be opened here. Restore with the TANDEM_SECRET of the instance it came from (or copy the `secret` file of its data folder into this one), or pass --accept-other-secret to restore everything else and leave those out.',
      );
    }
    return await db.transaction(async (tx) => {
      const tables = await findTables(tx);
      const shapes = new Map(tables.map((table) => [table.name, table]));
      const unknown = header.tables.filter((table) => !shapes.has(table.name));
      if (unknown.length > 0) throw newerSchema(header, options.tandemVersion);
      if (options.replace) await emptyTables(tx, tables);
      else await assertEmpty(tx, tables);
      const restored = await restoreBody(tx, lines, shapes, isSameSecret);
      await fillAnalysisFigures(tx);
      await advanceSequences(tx);
      return {
        ...restored,
        backup: {
          createdAt: header.createdAt,
          tandemVersion: header.tandemVersion,
          databaseKind: header.databaseKind,
        },
      };
    });
  } finally {
    await lines.return(undefined);
  }
}

interface TableInProgress {
  shape: TableShape;
  columns: string[];
  isLeftOut: boolean;
  /** Rows of a table backups no longer hold (an older backup's sessions): skipped, never restored. */
  isTransient: boolean;
  batch: string[];
  batchBytes: number;
  count: number;
  /** Primary key and self-references of every row, to set once the whole table is in. */
  selfReferences: string[];
}

async function restoreBody(
  tx: Db,
  lines: AsyncGenerator<string>,
  shapes: Map<string, TableShape>,
  isSameSecret: boolean,
): Promise<Omit<RestoreSummary, 'backup'>> {
  let current: TableInProgress | null = null;
  let tables = 0;
  let rows = 0;
  let leftOut = 0;
  let skipped = 0;
  let isComplete = false;
  let lineNumber = 1;
  const flush = async (table: TableInProgress) => {
    if (table.batch.length === 0) return;
    if (!table.isLeftOut && !table.isTransient) {
      try {
        await insertRows(tx, table.shape, table.columns, table.batch);
      } catch (error) {
        // A row the database refuses (a broken reference, a bad value) means the file was altered.
        throw damaged(
          `the rows of table ${table.shape.name} are refused (${(error as Error).message})`,
          error,
        );
      }
    }
    table.batch = [];
    table.batchBytes = 0;
  };
  for await (const text of lines) {
    lineNumber += 1;
    if (isComplete) throw damaged(`line ${lineNumber} follows the end of the backup`);
    const line = classifyLine(text, lineNumber);
    if (line.kind === 'table') {
      if (current) throw damaged(`table ${line.table} starts before ${current.shape.name} ends`);
      const shape = shapes.get(line.table);
      if (!shape) throw damaged(`line ${lineNumber} names a table the header did not list`);
      const extra = line.columns.filter((column) => !shape.columns.includes(column));
      if (extra.length > 0)
        throw damaged(`table ${line.table} has columns this database does not: ${extra.join(', ')}`);
      const isLeftOut = !isSameSecret && SEALED_TABLES.has(line.table);
      current = {
        shape,
        columns: line.columns,
        isLeftOut,
        isTransient: TRANSIENT_TABLES.has(line.table),
        batch: [],
        batchBytes: 0,
        count: 0,
        selfReferences: [],
      };
    } else if (line.kind === 'row') {
      if (!current) throw damaged(`line ${lineNumber} is a row outside any table`);
      current.batch.push(line.json);
      current.batchBytes += line.json.length;
      current.count += 1;
      if (current.shape.selfReferences.length > 0 && !current.isLeftOut && !current.isTransient)
        current.selfReferences.push(keyAndSelfReferences(current.shape, line.json, lineNumber));
      if (current.batch.length >= BATCH_ROWS || current.batchBytes >= BATCH_BYTES) await flush(current);
    } else if (line.kind === 'end') {
      if (!current || current.shape.name !== line.table || current.count !== line.rows)
        throw damaged(`the rows of table ${line.table} do not add up to the ${line.rows} it announces`);
      await flush(current);
      for (let start = 0; start < current.selfReferences.length; start += BATCH_ROWS) {
        await restoreSelfReferences(
          tx,
          current.shape,
          current.selfReferences.slice(start, start + BATCH_ROWS),
        );
      }
      tables += 1;
      if (current.isTransient) skipped += current.count;
      else if (current.isLeftOut) leftOut += current.count;
      else rows += current.count;
      current = null;
    } else {
      if (current || line.tables !== tables || line.rows !== rows + leftOut + skipped)
        throw damaged('its tables and rows do not add up to the totals on its last line');
      isComplete = true;
    }
  }
  if (!isComplete) throw damaged('it ends before its last line, so it was cut short');
  return { tables, rows, leftOut };
}

function keyAndSelfReferences(shape: TableShape, json: string, lineNumber: number): string {
  let row: Record<string, unknown>;
  try {
    row = JSON.parse(json) as Record<string, unknown>;
  } catch (error) {
    throw damaged(`line ${lineNumber} is not JSON`, error);
  }
  const kept: Record<string, unknown> = {};
  for (const column of [...shape.primaryKey, ...shape.selfReferences]) kept[column] = row[column] ?? null;
  return JSON.stringify(kept);
}

function assertKnownSchema(header: BackupHeader, applied: AppliedMigration[], tandemVersion: string) {
  const known = new Set(applied.map((migration) => migration.hash));
  if (header.migrations.some((migration) => !known.has(migration.hash)))
    throw newerSchema(header, tandemVersion);
}

function newerSchema(header: BackupHeader, tandemVersion: string): AppError {
  const unknown = header.migrations
    .filter((migration) => migration.tag)
    .map((migration) => migration.tag)
    .at(-1);
  return new AppError(
    'CONFLICT',
    `This backup comes from a newer database schema (Tandem ${header.tandemVersion}${unknown ? `, migration ${unknown}` : ''}) than this Tandem ${tandemVersion} knows. Upgrade Tandem, then restore.`,
  );
}

async function assertEmpty(tx: Db, tables: readonly TableShape[]) {
  const counts = await countRows(tx, tables);
  const filled = [...counts].filter(([, count]) => count > 0);
  if (filled.length === 0) return;
  const examples = filled
    .slice(0, 3)
    .map(([table, count]) => `${count} in ${table}`)
    .join(', ');
  throw new AppError(
    'CONFLICT',
    `The database is not empty (${examples}${filled.length > 3 ? ', …' : ''}). Restore into a new database, or pass --replace to delete everything in this one first.`,
  );
}

/** The file's lines, unzipped as they are read; a damaged or cut gzip stream says so. */
async function* readLines(file: string): AsyncGenerator<string> {
  try {
    closeSync(openSync(file, 'r'));
  } catch (error) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code}.`,
      {
        cause: error,
      },
    );
  }
  const input = createReadStream(file);
  const gunzip = createGunzip();
  input.on('error', (error) => gunzip.destroy(error));
  input.pipe(gunzip).setEncoding('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip as AsyncIterable<string>) {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      for (const part of parts) if (part !== '') yield part;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw damaged(`it cannot be unzipped (${(error as Error).message})`, error);
  } finally {
    input.destroy();
    gunzip.destroy();
  }
  if (rest !== '') yield rest;
}
