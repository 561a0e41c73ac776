import { parse } from 'csv-parse/sync';
import { AppError, type InvalidField } from '../errors.ts';
import { findTextProblem } from '../uploads/text-upload.ts';

export const PEOPLE_CSV_HEADER = [
  'email',
  'name',
  'title',
  'manager_email',
  'start_date',
  'time_zone',
] as const;
const REQUIRED_COLUMNS = ['email', 'name'] as const;

/** One row of an org-chart CSV, trimmed, with its 1-based line in the file. */
export interface PeopleCsvRow {
  line: number;
  email: string;
  name: string;
  title: string;
  managerEmail: string | null;
  startDate: string | null;
  timeZone: string | null;
}

/**
 * Parses `email,name,title,manager_email,start_date,time_zone` (RFC 4180: quotes, commas and line
 * breaks inside quoted fields). Columns may come in any order; unknown columns are refused so a
 * typo in a header never silently drops data.
 */
export function parsePeopleCsv(text: string): PeopleCsvRow[] {
  const content = text.replace(/^\uFEFF/, '');
  if (content.trim() === '') throw invalid([{ path: 'csv', line: 1, message: 'the file is empty' }]);
  // An org chart's row is a few hundred characters; a far longer line is not one.
  const problem = findTextProblem(content, 'CSV file', 64 * 1024);
  if (problem) throw invalid([{ path: 'csv', line: problem.line, message: problem.message }]);
  let records: string[][];
  try {
    records = parse(content, { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw invalid([{ path: 'csv', line, message: `not valid CSV: ${(error as Error).message}` }], error);
  }
  const [header, ...body] = records;
  const columns = (header ?? []).map((name) => name.toLowerCase());
  const headerErrors: InvalidField[] = [];
  for (const column of columns) {
    if (!(PEOPLE_CSV_HEADER as readonly string[]).includes(column)) {
      headerErrors.push({
        path: 'csv',
        line: 1,
        column,
        message: `unknown column; expected ${PEOPLE_CSV_HEADER.join(',')}`,
      });
    }
  }
  for (const column of REQUIRED_COLUMNS) {
    if (!columns.includes(column))
      headerErrors.push({ path: 'csv', line: 1, column, message: 'required column is missing' });
  }
  if (headerErrors.length > 0) throw invalid(headerErrors);
  if (body.length === 0)
    throw invalid([{ path: 'csv', line: 2, message: 'the file has a header but no people' }]);

  const index = (name: string) => columns.indexOf(name);
  const cell = (record: string[], name: string) => {
    const at = index(name);
    return at < 0 ? '' : (record[at] ?? '').trim();
  };
  // csv-parse counts records, not lines; quoted line breaks are rare in org charts, so record
  // number + 1 is the line a spreadsheet user will look for.
  return body.map((record, position) => ({
    line: position + 2,
    email: cell(record, 'email').toLowerCase(),
    name: cell(record, 'name'),
    title: cell(record, 'title'),
    managerEmail: cell(record, 'manager_email').toLowerCase() || null,
    startDate: cell(record, 'start_date') || null,
    timeZone: cell(record, 'time_zone') || null,
  }));
}

export function invalid(fields: InvalidField[], cause?: unknown): AppError {
  const shown = fields.length === 1 ? '1 problem' : `${fields.length} problems`;
  return new AppError('INVALID_CSV', `The file was not imported: ${shown} to fix. Nothing was changed.`, {
    fields,
    cause,
  });
}
