import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CertificateStatus, CertificateVerification } from '../../../contracts/academy.ts';
import { AppError } from '../../../core/errors.ts';
import type { Tenant } from '../../auth/policy.ts';
import { loadAcademy } from '../../content/load-academy.ts';
import type { Db } from '../../db/client.ts';
import { organizations, people } from '../../db/schema.ts';
import { certificates } from '../../db/schema-growth.ts';
import { isModuleComplete } from './academy-progress.ts';
import { refreshLearners } from './learners.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const verifyPath = (certificateId: string) => `/certificates/${certificateId}`;

/** The caller's certificate once every module is complete, else what remains. */
export async function getCertificateStatus(
  db: Db,
  tenant: Tenant,
): Promise<z.infer<typeof CertificateStatus>> {
  const modules = await loadAcademy();
  const state = tenant.personId
    ? (await refreshLearners(db, tenant.organizationId, [tenant.personId], modules)).get(tenant.personId)
    : undefined;
  const certificate = state?.certificate ? await findCertificate(db, state.certificate.id) : null;
  return {
    certificate: certificate && {
      id: certificate.id,
      name: certificate.name,
      organizationName: certificate.organizationName,
      issuedAt: certificate.issuedAt.toISOString(),
      verifyPath: verifyPath(certificate.id),
    },
    completedModules: state?.completedModules ?? 0,
    totalModules: modules.length,
    remaining: modules
      .filter((module) => !isModuleComplete(state?.rows.get(module.id)))
      .map((module) => module.title),
  };
}

async function findCertificate(db: Db, certificateId: string) {
  if (!UUID.test(certificateId)) return null;
  const [row] = await db
    .select({
      id: certificates.id,
      name: people.name,
      organizationName: organizations.name,
      issuedAt: certificates.issuedAt,
    })
    .from(certificates)
    .innerJoin(people, eq(people.id, certificates.personId))
    .innerJoin(organizations, eq(organizations.id, certificates.organizationId))
    .where(eq(certificates.id, certificateId))
    .limit(1);
  return row ?? null;
}

/**
 * Anyone holding the code can check a certificate: the holder's name, the organization and the
 * date, nothing about their scores or their 1:1s. A certificate is withdrawn by deleting it (or
 * the person), so one that is found is valid.
 */
export async function verifyCertificate(
  db: Db,
  certificateId: string,
): Promise<z.infer<typeof CertificateVerification>> {
  const row = await findCertificate(db, certificateId);
  if (!row) throw new AppError('NOT_FOUND', 'No certificate has this verification code.');
  return {
    name: row.name,
    organizationName: row.organizationName,
    issuedAt: row.issuedAt.toISOString(),
    isValid: true,
  };
}
