import { aliasedTable, and, asc, count, eq, inArray, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CohortReport, CohortSummary } from '../../../contracts/academy.ts';
import { AppError } from '../../../core/errors.ts';
import { isOrgAdmin, type Tenant } from '../../auth/policy.ts';
import { loadAcademy } from '../../content/load-academy.ts';
import type { Db } from '../../db/client.ts';
import { people } from '../../db/schema.ts';
import { cohortMembers, cohorts } from '../../db/schema-growth.ts';
import { type AuditSource, recordAdminRead } from '../audit/audit.service.ts';
import { requirePerson } from '../meetings/meeting-access.ts';
import { isModuleComplete } from './academy-progress.ts';
import { refreshLearners } from './learners.ts';

type CohortRow = typeof cohorts.$inferSelect;
type Summary = z.infer<typeof CohortSummary>;

/** An executive leads managers: someone who reports to them has reports of their own. */
export async function isExecutive(db: Db, organizationId: string, personId: string): Promise<boolean> {
  const managers = aliasedTable(people, 'managers');
  const [row] = await db
    .select({ id: people.id })
    .from(people)
    .innerJoin(managers, eq(people.managerId, managers.id))
    .where(and(eq(managers.organizationId, organizationId), eq(managers.managerId, personId)))
    .limit(1);
  return row !== undefined;
}

async function assertPeopleOfOrganization(db: Db, organizationId: string, personIds: readonly string[]) {
  if (personIds.length === 0) return;
  const found = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.organizationId, organizationId), inArray(people.id, [...personIds])));
  const known = new Set(found.map((row) => row.id));
  const fields = personIds.flatMap((id, index) =>
    known.has(id)
      ? []
      : [{ path: `body.personIds.${index}`, message: 'is not a person of this organization' }],
  );
  if (fields.length > 0)
    throw new AppError('VALIDATION_FAILED', 'Some people are not in this organization.', { fields });
}

async function toSummaries(db: Db, tenant: Tenant, rows: CohortRow[]): Promise<Summary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [counts, owners] = await Promise.all([
    db
      .select({ cohortId: cohortMembers.cohortId, n: count() })
      .from(cohortMembers)
      .where(inArray(cohortMembers.cohortId, ids))
      .groupBy(cohortMembers.cohortId),
    db
      .select({ id: people.id, name: people.name })
      .from(people)
      .where(
        and(
          eq(people.organizationId, tenant.organizationId),
          inArray(
            people.id,
            rows.map((row) => row.ownerId),
          ),
        ),
      ),
  ]);
  const countOf = new Map(counts.map((row) => [row.cohortId, row.n]));
  const ownerOf = new Map(owners.map((row) => [row.id, row]));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    startsOn: row.startsOn,
    owner: ownerOf.get(row.ownerId) ?? { id: row.ownerId, name: 'Former member' },
    memberCount: countOf.get(row.id) ?? 0,
    access: canManage(tenant, row) ? 'manage' : 'member',
    createdAt: row.createdAt.toISOString(),
  }));
}

function canManage(tenant: Tenant, cohort: CohortRow): boolean {
  return isOrgAdmin(tenant) || (tenant.personId !== null && tenant.personId === cohort.ownerId);
}

/** A cohort the caller owns, or any cohort for an admin; anyone else is told it does not exist. */
async function getManagedCohort(db: Db, tenant: Tenant, cohortId: string): Promise<CohortRow> {
  const [row] = await db
    .select()
    .from(cohorts)
    .where(and(eq(cohorts.organizationId, tenant.organizationId), eq(cohorts.id, cohortId)))
    .limit(1);
  if (!row || !canManage(tenant, row)) throw new AppError('NOT_FOUND', 'No such cohort that you run.');
  return row;
}

/** An admin or an executive starts a cohort and owns it. */
export async function createCohort(
  db: Db,
  tenant: Tenant,
  input: { name: string; startsOn?: string; personIds: string[] },
): Promise<Summary> {
  const ownerId = requirePerson(tenant);
  if (!isOrgAdmin(tenant) && !(await isExecutive(db, tenant.organizationId, ownerId)))
    throw new AppError(
      'FORBIDDEN',
      'Only an admin or an executive (someone who leads managers) can start a cohort.',
    );
  const personIds = [...new Set(input.personIds)];
  await assertPeopleOfOrganization(db, tenant.organizationId, input.personIds);
  const row = await db.transaction(async (tx) => {
    const [cohort] = await tx
      .insert(cohorts)
      .values({ organizationId: tenant.organizationId, name: input.name, ownerId, startsOn: input.startsOn })
      .returning();
    if (personIds.length > 0)
      await tx.insert(cohortMembers).values(
        personIds.map((personId) => ({
          cohortId: cohort!.id,
          organizationId: tenant.organizationId,
          personId,
        })),
      );
    return cohort!;
  });
  return (await toSummaries(db, tenant, [row]))[0]!;
}

/** The cohorts the caller runs or belongs to; an admin sees every cohort. */
export async function listCohorts(db: Db, tenant: Tenant): Promise<Summary[]> {
  const scope = isOrgAdmin(tenant)
    ? undefined
    : tenant.personId
      ? or(
          eq(cohorts.ownerId, tenant.personId),
          inArray(
            cohorts.id,
            db
              .select({ id: cohortMembers.cohortId })
              .from(cohortMembers)
              .where(
                and(
                  eq(cohortMembers.organizationId, tenant.organizationId),
                  eq(cohortMembers.personId, tenant.personId),
                ),
              ),
          ),
        )
      : sql`false`;
  const rows = await db
    .select()
    .from(cohorts)
    .where(and(eq(cohorts.organizationId, tenant.organizationId), scope))
    .orderBy(asc(cohorts.createdAt));
  return toSummaries(db, tenant, rows);
}

export async function addMembers(db: Db, tenant: Tenant, cohortId: string, personIds: string[]) {
  const cohort = await getManagedCohort(db, tenant, cohortId);
  await assertPeopleOfOrganization(db, tenant.organizationId, personIds);
  await db
    .insert(cohortMembers)
    .values(
      [...new Set(personIds)].map((personId) => ({
        cohortId: cohort.id,
        organizationId: tenant.organizationId,
        personId,
      })),
    )
    .onConflictDoNothing();
  return (await toSummaries(db, tenant, [cohort]))[0]!;
}

export async function removeMember(db: Db, tenant: Tenant, cohortId: string, personId: string) {
  const cohort = await getManagedCohort(db, tenant, cohortId);
  const removed = await db
    .delete(cohortMembers)
    .where(and(eq(cohortMembers.cohortId, cohort.id), eq(cohortMembers.personId, personId)))
    .returning({ personId: cohortMembers.personId });
  if (removed.length === 0) throw new AppError('NOT_FOUND', 'That person is not in this cohort.');
}

/**
 * What the cohort's owner (and the organization's admins) see of each member: completion, quiz
 * and practice scores and whether each assignment is met. Never a practice's words, never a
 * 1:1's content or figures.
 */
export async function getCohortReport(
  db: Db,
  tenant: Tenant,
  cohortId: string,
  reader: AuditSource | null = null,
): Promise<z.infer<typeof CohortReport>> {
  const cohort = await getManagedCohort(db, tenant, cohortId);
  // An admin reading a cohort someone else runs does so by their role alone: the audit log says so.
  if (reader && cohort.ownerId !== tenant.personId)
    await recordAdminRead(db, reader, tenant, {
      what: 'cohort_progress',
      subjectType: 'cohort',
      subjectId: cohort.id,
      detail: { ownerId: cohort.ownerId },
    });
  const members = await db
    .select({ id: people.id, name: people.name, title: people.title })
    .from(cohortMembers)
    .innerJoin(people, eq(people.id, cohortMembers.personId))
    .where(eq(cohortMembers.cohortId, cohort.id))
    .orderBy(asc(people.name));
  const modules = await loadAcademy();
  const states = await refreshLearners(
    db,
    tenant.organizationId,
    members.map((member) => member.id),
    modules,
  );
  return {
    cohort: (await toSummaries(db, tenant, [cohort]))[0]!,
    modules: modules.map((module) => ({ id: module.id, order: module.order, title: module.title })),
    members: members.map((member) => {
      const state = states.get(member.id)!;
      return {
        personId: member.id,
        name: member.name,
        title: member.title,
        completedModules: state.completedModules,
        hasCertificate: state.certificate !== null,
        modules: modules.map((module) => {
          const row = state.rows.get(module.id);
          return {
            moduleId: module.id,
            isLessonRead: Boolean(row?.lessonCompletedAt),
            quizScore: row?.quizScore ?? null,
            isQuizPassed: Boolean(row?.quizPassedAt),
            practiceScore: row?.practiceScore ?? null,
            assignmentStatus: row?.assignmentStatus ?? 'not-started',
            isComplete: isModuleComplete(row),
          };
        }),
      };
    }),
  };
}
