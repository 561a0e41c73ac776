import { once } from 'node:events';
import { createWriteStream, openSync, renameSync, rmSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { AppError } from '../../../core/errors.ts';
import type { DatabaseKind, Db } from '../../db/client.ts';
import { findAppliedMigrations, findTables, readTableRows, TRANSIENT_TABLES } from './backup.repository.ts';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupHeader,
  completeLine,
  secretCheckOf,
  tableEndLine,
  tableStartLine,
} from './backup-format.ts';

export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
  rowsByTable: Record<string, number>;
}

export interface BackupOptions {
  secret: string;
  databaseKind: DatabaseKind;
  tandemVersion: string;
  /** Rows fetched per round trip; a table is never held in memory whole. */
  batchSize?: number;
}

/**
 * Writes the whole instance to `file`, every table as it stood at one instant (one read-only
 * snapshot, so a server may keep serving PostgreSQL meanwhile). The file appears under its name
 * only once complete: a backup that fails half-way leaves no file that looks like a backup.
 */
export async function writeBackup(db: Db, file: string, options: BackupOptions): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  let fd: number;
  try {
    fd = openSync(partial, 'w', 0o600);
  } catch (error) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Cannot write ${file}: ${(error as NodeJS.ErrnoException).code}.`,
      {
        cause: error,
      },
    );
  }
  const gzip = createGzip();
  const output = createWriteStream('', { fd });
  // A full disk surfaces on the file; failing the gzip stream makes the waiting writer fail too.
  output.on('error', (error) => gzip.destroy(error));
  gzip.pipe(output);
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  try {
    const summary = await db.transaction(
      async (tx) => {
        await tx.execute(sql`set local timezone = 'UTC'`);
        await tx.execute(sql`set local extra_float_digits = 1`);
        const tables = (await findTables(tx)).filter((table) => !TRANSIENT_TABLES.has(table.name));
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          formatVersion: BACKUP_FORMAT_VERSION,
          tandemVersion: options.tandemVersion,
          createdAt: new Date().toISOString(),
          databaseKind: options.databaseKind,
          migrations: await findAppliedMigrations(tx),
          secretCheck: secretCheckOf(options.secret),
          tables: tables.map((table) => ({ name: table.name })),
        };
        await write(JSON.stringify(header));
        const rowsByTable: Record<string, number> = {};
        let total = 0;
        for (const table of tables) {
          await write(tableStartLine(table.name, table.columns));
          let count = 0;
          for await (const batch of readTableRows(tx, table, options.batchSize ?? 500)) {
            for (const row of batch) await write(row);
            count += batch.length;
          }
          await write(tableEndLine(table.name, count));
          rowsByTable[table.name] = count;
          total += count;
        }
        await write(completeLine(tables.length, total));
        return { file, tables: tables.length, rows: total, rowsByTable };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    gzip.end();
    await finished(output);
    renameSync(partial, file);
    return summary;
  } catch (error) {
    gzip.destroy();
    output.destroy();
    rmSync(partial, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT')
      throw new AppError('VALIDATION_FAILED', `Cannot write ${file}: ${code}.`, { cause: error });
    throw error;
  }
}
