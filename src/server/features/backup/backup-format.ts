import { createHmac, hkdfSync } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';

/**
 * A Tandem backup is gzip'd JSON Lines, the same on both databases:
 *
 *   {"format":"tandem-backup","formatVersion":1,…}      the header (version, migrations, tables)
 *   {"@table":"people","columns":["id",…]}               then per table, parents before children:
 *   {"id":"…","name":"…",…}                                one line per row, as PostgreSQL writes it
 *   {"@end":"people","rows":1234}                          and how many rows there were
 *   {"@complete":true,"tables":48,"rows":91234}          the last line: a file without it is cut short
 *
 * Row lines never start with `{"@`, since no column name starts with `@`.
 */
export const BACKUP_FORMAT = 'tandem-backup';
export const BACKUP_FORMAT_VERSION = 1;

export const BackupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int(),
  tandemVersion: z.string(),
  createdAt: z.string(),
  databaseKind: z.enum(['embedded', 'postgres']),
  migrations: z.array(z.object({ tag: z.string().nullable(), hash: z.string(), createdAt: z.number() })),
  /** Proves which server secret sealed the private notes, without revealing it. */
  secretCheck: z.string(),
  tables: z.array(z.object({ name: z.string(), rows: z.number().int().optional() })),
});
export type BackupHeader = z.infer<typeof BackupHeader>;

const TableStart = z.object({ '@table': z.string(), columns: z.array(z.string()).min(1) });
const TableEnd = z.object({ '@end': z.string(), rows: z.number().int().min(0) });
const Complete = z.object({ '@complete': z.literal(true), tables: z.number().int(), rows: z.number().int() });

export type BackupLine =
  | { kind: 'table'; table: string; columns: string[] }
  | { kind: 'end'; table: string; rows: number }
  | { kind: 'complete'; tables: number; rows: number }
  | { kind: 'row'; json: string };

export const tableStartLine = (table: string, columns: readonly string[]) =>
  JSON.stringify({ '@table': table, columns });
export const tableEndLine = (table: string, rows: number) => JSON.stringify({ '@end': table, rows });
export const completeLine = (tables: number, rows: number) =>
  JSON.stringify({ '@complete': true, tables, rows });

/** A line of the body: a row is kept as text (it goes back to PostgreSQL as it came). */
export function classifyLine(line: string, lineNumber: number): BackupLine {
  if (!line.startsWith('{"@')) {
    if (!line.startsWith('{') || !line.endsWith('}')) throw damaged(`line ${lineNumber} is not a row`);
    return { kind: 'row', json: line };
  }
  const value = parseJson(line, lineNumber);
  const start = TableStart.safeParse(value);
  if (start.success) return { kind: 'table', table: start.data['@table'], columns: start.data.columns };
  const end = TableEnd.safeParse(value);
  if (end.success) return { kind: 'end', table: end.data['@end'], rows: end.data.rows };
  const complete = Complete.safeParse(value);
  if (complete.success) return { kind: 'complete', tables: complete.data.tables, rows: complete.data.rows };
  throw damaged(`line ${lineNumber} is not part of a Tandem backup`);
}

export function parseHeader(line: string | undefined): BackupHeader {
  if (line === undefined) throw damaged('it is empty');
  const parsed = BackupHeader.safeParse(parseJson(line, 1));
  if (!parsed.success) throw damaged('its first line is not the header of a Tandem backup');
  if (parsed.data.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new AppError(
      'CONFLICT',
      `This backup is in format ${parsed.data.formatVersion}, written by Tandem ${parsed.data.tandemVersion}; this Tandem reads format ${BACKUP_FORMAT_VERSION}. Upgrade Tandem first.`,
    );
  }
  return parsed.data;
}

function parseJson(line: string, lineNumber: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw damaged(`line ${lineNumber} is not JSON`);
  }
}

export function damaged(reason: string, cause?: unknown): AppError {
  return new AppError(
    'VALIDATION_FAILED',
    `The backup file is damaged or incomplete: ${reason}. Nothing was restored.`,
    { cause },
  );
}

/** A value only the same server secret gives again: restore compares it before writing anything. */
export function secretCheckOf(secret: string): string {
  const key = Buffer.from(hkdfSync('sha256', secret, 'tandem', 'backup/secret-check', 32));
  return createHmac('sha256', key).update('the secret that sealed this backup').digest('base64url');
}
