import { and, eq } from 'drizzle-orm';
import { AppError } from '../../../core/errors.ts';
import { relationTo, type Tenant } from '../../auth/policy.ts';
import type { Db } from '../../db/client.ts';
import { people } from '../../db/schema.ts';

export interface InsightsPerson {
  id: string;
  name: string;
  title: string;
}

async function findPerson(db: Db, tenant: Tenant, personId: string): Promise<InsightsPerson | null> {
  const [row] = await db
    .select({ id: people.id, name: people.name, title: people.title })
    .from(people)
    .where(and(eq(people.organizationId, tenant.organizationId), eq(people.id, personId)))
    .limit(1);
  return row ?? null;
}

/**
 * Whose reporting tree the dashboard covers: the caller's own by default, or someone below them;
 * admins and owners may choose anyone. Any other tree reads as not found.
 */
export async function getDashboardRoot(
  db: Db,
  tenant: Tenant,
  rootId: string | undefined,
): Promise<InsightsPerson> {
  const wanted = rootId ?? tenant.personId;
  if (!wanted)
    throw new AppError(
      'NOT_FOUND',
      'You are not in this organization’s directory, so you have no reporting tree; choose one with ?rootId=.',
    );
  // Admins too see only their own tree: the dashboard names leaders' figures and people's skill
  // levels, which belong to the person and their manager chain.
  const isAllowed = wanted === tenant.personId || (await relationTo(db, tenant, wanted)) === 'manager-chain';
  const person = isAllowed ? await findPerson(db, tenant, wanted) : null;
  if (!person) throw new AppError('NOT_FOUND', 'No reporting tree you may see for this person.');
  return person;
}

/** A leader's coaching figures, for the leader and their manager chain; never the content of their 1:1s. */
export async function getVisibleLeader(db: Db, tenant: Tenant, leaderId: string): Promise<InsightsPerson> {
  const isAllowed = (await relationTo(db, tenant, leaderId)) !== null;
  const person = isAllowed ? await findPerson(db, tenant, leaderId) : null;
  if (!person) throw new AppError('NOT_FOUND', 'No coaching figures you may see for this person.');
  return person;
}
