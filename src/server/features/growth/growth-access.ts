import { and, eq } from 'drizzle-orm';
import { AppError } from '../../../core/errors.ts';
import type { Tenant } from '../../auth/policy.ts';
import type { Db } from '../../db/client.ts';
import { people } from '../../db/schema.ts';

export interface GrowthSubject {
  id: string;
  managerId: string | null;
  /** How the caller relates to the person: the person themself, or someone up their reporting line. */
  relation: 'self' | 'manager-chain';
}

/** The people above a person, nearest first; a cycle in the reporting lines stops the walk. */
export async function findManagerChain(db: Db, organizationId: string, personId: string): Promise<string[]> {
  const chain: string[] = [];
  let current: string | null = personId;
  while (current) {
    const [row] = await db
      .select({ managerId: people.managerId })
      .from(people)
      .where(and(eq(people.organizationId, organizationId), eq(people.id, current)))
      .limit(1);
    current = row?.managerId ?? null;
    if (!current || current === personId || chain.includes(current)) break;
    chain.push(current);
  }
  return chain;
}

/**
 * A person whose growth (assessments, goals, development plan) the caller may see: themself, or
 * someone below them in the reporting lines. Anyone else, admins included, is told there is
 * nothing, as for a 1:1 they are not part of.
 */
export async function getGrowthSubject(db: Db, tenant: Tenant, personId: string): Promise<GrowthSubject> {
  const [row] = await db
    .select({ id: people.id, managerId: people.managerId })
    .from(people)
    .where(and(eq(people.organizationId, tenant.organizationId), eq(people.id, personId)))
    .limit(1);
  if (row && tenant.personId) {
    if (row.id === tenant.personId) return { ...row, relation: 'self' };
    const chain = await findManagerChain(db, tenant.organizationId, row.id);
    if (chain.includes(tenant.personId)) return { ...row, relation: 'manager-chain' };
  }
  throw new AppError('NOT_FOUND', 'No growth record of this person that you may see.');
}

/** Whether the caller may see this person's growth; the boolean form of getGrowthSubject. */
export async function canSeeGrowth(db: Db, tenant: Tenant, personId: string): Promise<boolean> {
  if (!tenant.personId) return false;
  if (personId === tenant.personId) return true;
  return (await findManagerChain(db, tenant.organizationId, personId)).includes(tenant.personId);
}
