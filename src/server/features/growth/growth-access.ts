import { and, eq } from 'drizzle-orm';
import { AppError } from '../../../core/errors.ts';
import { relationTo, type Tenant } from '../../auth/policy.ts';
import type { Db } from '../../db/client.ts';
import { people } from '../../db/schema.ts';

export interface GrowthSubject {
  id: string;
  managerId: string | null;
  /** How the caller relates to the person: the person themself, or someone up their reporting line. */
  relation: 'self' | 'manager-chain';
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
  const relation = row ? await relationTo(db, tenant, row.id) : null;
  if (row && relation) return { ...row, relation };
  throw new AppError('NOT_FOUND', 'No growth record of this person that you may see.');
}

/** Whether the caller may see this person's growth; the boolean form of getGrowthSubject. */
export async function canSeeGrowth(db: Db, tenant: Tenant, personId: string): Promise<boolean> {
  return (await relationTo(db, tenant, personId)) !== null;
}
