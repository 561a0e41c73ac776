import { and, eq } from 'drizzle-orm';
import { isKnownTimeZone } from '../../../contracts/common.ts';
import type { OrgChartView, PeopleImportResult, PeoplePage, PersonView } from '../../../contracts/people.ts';
import { AppError } from '../../../core/errors.ts';
import { parsePeopleCsv } from '../../../core/people/people-csv.ts';
import { planPeopleImport } from '../../../core/people/plan-people-import.ts';
import type { Tenant } from '../../auth/policy.ts';
import type { Db } from '../../db/client.ts';
import { people } from '../../db/schema.ts';
import * as repository from './people.repository.ts';

function toView(row: repository.PersonRow): PersonView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    title: row.title,
    managerId: row.managerId,
    managerName: row.managerName,
    startDate: row.startDate,
    timeZone: row.timeZone,
    hasAccount: row.userId !== null,
    directReportCount: row.directReportCount,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listPeople(
  db: Db,
  tenant: Tenant,
  filter: { q?: string; managerId?: string; limit: number; offset: number },
): Promise<PeoplePage> {
  const { rows, total } = await repository.findPeople(db, tenant.organizationId, filter);
  return { items: rows.map(toView), total };
}

export async function getPerson(db: Db, tenant: Tenant, personId: string): Promise<PersonView> {
  const row = await repository.findPerson(db, tenant.organizationId, personId);
  if (!row) throw new AppError('NOT_FOUND', 'No such person in this organization.');
  return toView(row);
}

export async function getOrgChart(db: Db, tenant: Tenant): Promise<OrgChartView> {
  const lines = await repository.findReportingLines(db, tenant.organizationId);
  const reportCount = new Map<string, number>();
  for (const line of lines)
    if (line.managerId) reportCount.set(line.managerId, (reportCount.get(line.managerId) ?? 0) + 1);
  return {
    nodes: lines.map((line) => ({ ...line, directReportCount: reportCount.get(line.id) ?? 0 })),
    roots: lines.filter((line) => !line.managerId).map((line) => line.id),
  };
}

type PersonFields = {
  email?: string;
  name?: string;
  title?: string;
  managerId?: string | null;
  startDate?: string | null;
  timeZone?: string;
};

export async function createPerson(
  db: Db,
  tenant: Tenant,
  input: Required<PersonFields>,
): Promise<PersonView> {
  return db.transaction(async (tx) => {
    await assertEmailFree(tx, tenant, input.email);
    if (input.managerId) await assertValidManager(tx, tenant, null, input.managerId);
    const [row] = await tx
      .insert(people)
      .values({ ...input, organizationId: tenant.organizationId })
      .returning({ id: people.id });
    return getPerson(tx, tenant, row!.id);
  });
}

export async function updatePerson(
  db: Db,
  tenant: Tenant,
  personId: string,
  input: PersonFields,
): Promise<PersonView> {
  return db.transaction(async (tx) => {
    const current = await getPerson(tx, tenant, personId);
    if (input.email && input.email !== current.email) {
      // The address of someone with an account is their sign-in identity: moving it would hand
      // their 1:1 history to whoever accepts the next invitation for the new address.
      if (current.hasAccount) {
        throw new AppError(
          'CONFLICT',
          `${current.name} has an account; their address changes when they change it themselves.`,
          {
            fields: [{ path: 'body.email', message: 'cannot change for a person with an account' }],
          },
        );
      }
      await assertEmailFree(tx, tenant, input.email);
    }
    if (input.managerId) await assertValidManager(tx, tenant, personId, input.managerId);
    await tx
      .update(people)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(people.organizationId, tenant.organizationId), eq(people.id, personId)));
    return getPerson(tx, tenant, personId);
  });
}

async function assertEmailFree(db: Db, tenant: Tenant, email: string) {
  const [taken] = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.organizationId, tenant.organizationId), eq(people.email, email)))
    .limit(1);
  if (taken)
    throw new AppError('ALREADY_EXISTS', `${email} is already in the directory.`, {
      fields: [{ path: 'body.email', message: 'is already in the directory' }],
    });
}

/** The manager must exist in this organization, and the new line must not close a loop. */
async function assertValidManager(db: Db, tenant: Tenant, personId: string | null, managerId: string) {
  const lines = await repository.findReportingLines(db, tenant.organizationId);
  const managerOf = new Map(lines.map((line) => [line.id, line.managerId]));
  if (!managerOf.has(managerId)) {
    throw new AppError('VALIDATION_FAILED', 'The manager is not in this organization.', {
      fields: [{ path: 'body.managerId', message: 'is not a person of this organization' }],
    });
  }
  for (
    let current: string | null | undefined = managerId, steps = 0;
    current && steps <= lines.length;
    steps++
  ) {
    if (current === personId) {
      throw new AppError(
        'VALIDATION_FAILED',
        'This manager reports (directly or not) to the person: reporting lines cannot loop.',
        {
          fields: [{ path: 'body.managerId', message: 'would create a cycle in reporting lines' }],
        },
      );
    }
    current = managerOf.get(current);
  }
}

/** Validates the whole file first; a valid file is applied in one transaction, an invalid one writes nothing. */
export async function importPeople(
  db: Db,
  tenant: Tenant,
  csv: string,
  dryRun: boolean,
): Promise<PeopleImportResult> {
  const rows = parsePeopleCsv(csv);
  return db.transaction(async (tx) => {
    const existing = await repository.findPeopleForImport(tx, tenant.organizationId);
    const plan = planPeopleImport(rows, existing, isKnownTimeZone);
    if (!dryRun)
      await repository.applyPeopleImport(tx, tenant.organizationId, [...plan.creates, ...plan.updates]);
    return {
      dryRun,
      rows: rows.length,
      created: plan.creates.length,
      updated: plan.updates.length,
      unchanged: plan.unchanged,
    };
  });
}
