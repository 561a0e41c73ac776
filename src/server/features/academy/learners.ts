import { and, eq, inArray } from 'drizzle-orm';
import type { AcademyModule } from '../../../core/academy/academy-module.ts';
import type { Db } from '../../db/client.ts';
import { certificates } from '../../db/schema-growth.ts';
import { findProgressRows, isModuleComplete, type ProgressRow } from './academy-progress.ts';
import { verifyPendingAssignments } from './assignments.service.ts';

export interface LearnerState {
  rows: Map<string, ProgressRow>;
  completedModules: number;
  certificate: { id: string; issuedAt: Date } | null;
}

/**
 * Brings these learners up to date before anyone reads their progress: pending assignments whose
 * 1:1 has been analysed are decided, and a learner who has completed every module of the program
 * gets their certificate.
 */
export async function refreshLearners(
  db: Db,
  organizationId: string,
  personIds: readonly string[],
  modules: readonly AcademyModule[],
): Promise<Map<string, LearnerState>> {
  await verifyPendingAssignments(db, organizationId, personIds, modules);
  const progress = await findProgressRows(db, organizationId, personIds);
  const issued = await findCertificates(db, organizationId, personIds);
  const states = new Map<string, LearnerState>();
  for (const personId of personIds) {
    const rows = progress.get(personId) ?? new Map<string, ProgressRow>();
    const completedModules = modules.filter((module) => isModuleComplete(rows.get(module.id))).length;
    let certificate = issued.get(personId) ?? null;
    if (!certificate && modules.length > 0 && completedModules === modules.length) {
      certificate = await issueCertificate(db, organizationId, personId);
    }
    states.set(personId, { rows, completedModules, certificate });
  }
  return states;
}

async function findCertificates(db: Db, organizationId: string, personIds: readonly string[]) {
  if (personIds.length === 0) return new Map<string, { id: string; issuedAt: Date }>();
  const rows = await db
    .select({ id: certificates.id, personId: certificates.personId, issuedAt: certificates.issuedAt })
    .from(certificates)
    .where(
      and(eq(certificates.organizationId, organizationId), inArray(certificates.personId, [...personIds])),
    );
  return new Map(rows.map((row) => [row.personId, { id: row.id, issuedAt: row.issuedAt }]));
}

async function issueCertificate(db: Db, organizationId: string, personId: string) {
  // Two reads at once may both find the program complete; the unique index keeps one certificate.
  await db.insert(certificates).values({ organizationId, personId }).onConflictDoNothing();
  return (await findCertificates(db, organizationId, [personId])).get(personId) ?? null;
}
