import type { InvalidField } from '../errors.ts';
import { invalid, type PeopleCsvRow } from './people-csv.ts';

/** A person already in the organization, as the import sees them. */
export interface ExistingPerson {
  email: string;
  name: string;
  title: string;
  managerEmail: string | null;
  startDate: string | null;
  timeZone: string;
}

export interface PlannedPerson {
  email: string;
  name: string;
  title: string;
  managerEmail: string | null;
  startDate: string | null;
  timeZone: string;
}

export interface PeopleImportPlan {
  creates: PlannedPerson[];
  updates: PlannedPerson[];
  unchanged: number;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MAX_ROWS = 100_000;

/**
 * Validates every row against the file and the organization, and returns what to create and update.
 * Any problem anywhere fails the whole file (with every problem listed by line and column), so an
 * import is all or nothing. People absent from the file are left as they are.
 */
export function planPeopleImport(
  rows: PeopleCsvRow[],
  existing: ExistingPerson[],
  isTimeZone: (zone: string) => boolean,
): PeopleImportPlan {
  const errors: InvalidField[] = [];
  const problem = (row: PeopleCsvRow, column: string, message: string) =>
    errors.push({ path: `csv.${column}`, line: row.line, column, message });
  if (rows.length > MAX_ROWS)
    errors.push({ path: 'csv', message: `has ${rows.length} rows; at most ${MAX_ROWS} per import` });

  const existingByEmail = new Map(existing.map((person) => [person.email, person]));
  const firstLineOf = new Map<string, number>();
  const fileEmails = new Set(rows.map((row) => row.email));
  for (const row of rows) {
    if (!row.email) problem(row, 'email', 'is required');
    else if (row.email.length > 254) problem(row, 'email', 'is longer than 254 characters');
    else if (!EMAIL.test(row.email)) problem(row, 'email', `"${row.email}" is not an email address`);
    else if (firstLineOf.has(row.email))
      problem(row, 'email', `${row.email} appears twice (first on line ${firstLineOf.get(row.email)})`);
    else firstLineOf.set(row.email, row.line);
    if (!row.name) problem(row, 'name', 'is required');
    if (row.name.length > 120) problem(row, 'name', 'is longer than 120 characters');
    if (row.title.length > 120) problem(row, 'title', 'is longer than 120 characters');
    if (row.startDate && !isCalendarDate(row.startDate))
      problem(row, 'start_date', `"${row.startDate}" is not a date as YYYY-MM-DD`);
    if (row.timeZone && !isTimeZone(row.timeZone))
      problem(row, 'time_zone', `"${row.timeZone}" is not an IANA time zone such as Europe/Berlin`);
    if (row.managerEmail && row.managerEmail.length > 254)
      problem(row, 'manager_email', 'is longer than 254 characters');
    else if (row.managerEmail) {
      if (row.managerEmail === row.email)
        problem(row, 'manager_email', 'a person cannot be their own manager');
      else if (!fileEmails.has(row.managerEmail) && !existingByEmail.has(row.managerEmail)) {
        problem(row, 'manager_email', `${row.managerEmail} is neither in this file nor in the organization`);
      }
    }
  }
  if (errors.length === 0) errors.push(...findCycles(rows, existing));
  if (errors.length > 0) throw invalid(errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));

  const plan: PeopleImportPlan = { creates: [], updates: [], unchanged: 0 };
  for (const row of rows) {
    const current = existingByEmail.get(row.email);
    const next: PlannedPerson = {
      email: row.email,
      name: row.name,
      title: row.title,
      managerEmail: row.managerEmail,
      startDate: row.startDate,
      timeZone: row.timeZone ?? current?.timeZone ?? 'UTC',
    };
    if (!current) plan.creates.push(next);
    else if (isSamePerson(current, next)) plan.unchanged++;
    else plan.updates.push(next);
  }
  return plan;
}

/** Reporting lines after the import must form a forest: walk each chain and report any loop once. */
function findCycles(rows: PeopleCsvRow[], existing: ExistingPerson[]): InvalidField[] {
  const managerOf = new Map<string, string | null>(
    existing.map((person) => [person.email, person.managerEmail]),
  );
  const lineOf = new Map<string, number>();
  for (const row of rows) {
    managerOf.set(row.email, row.managerEmail);
    lineOf.set(row.email, row.line);
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const errors: InvalidField[] = [];
  for (const start of managerOf.keys()) {
    const chain: string[] = [];
    let current: string | null | undefined = start;
    while (current && state.get(current) !== 'done') {
      if (state.get(current) === 'visiting') {
        const loop = chain.slice(chain.indexOf(current));
        const first = loop.find((email) => lineOf.has(email)) ?? current;
        errors.push({
          path: 'csv.manager_email',
          line: lineOf.get(first),
          column: 'manager_email',
          message: `reporting lines form a cycle: ${[...loop, current].join(' → ')}`,
        });
        break;
      }
      state.set(current, 'visiting');
      chain.push(current);
      current = managerOf.get(current);
    }
    for (const email of chain) state.set(email, 'done');
  }
  return errors;
}

function isSamePerson(a: ExistingPerson, b: PlannedPerson): boolean {
  return (
    a.name === b.name &&
    a.title === b.title &&
    a.managerEmail === b.managerEmail &&
    a.startDate === b.startDate &&
    a.timeZone === b.timeZone
  );
}

function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
