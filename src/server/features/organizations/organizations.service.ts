import { and, count, desc, eq } from 'drizzle-orm';
import type { MemberView, OrganizationView, OutboxMessageView } from '../../../contracts/organizations.ts';
import { AppError } from '../../../core/errors.ts';
import type { OrgRole, Tenant } from '../../auth/policy.ts';
import type { Db } from '../../db/client.ts';
import { memberships, organizations, outbox, people, user } from '../../db/schema.ts';
import { type AuditSource, recordAuditEvent } from '../audit/audit.service.ts';

/** A URL-safe slug from an organization's name: "Acme & Co." → "acme-co". */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return slug.length >= 2 ? slug : `org-${slug}`.replace(/-$/, '');
}

/** The creator owns the new organization and appears in its directory. */
export async function createOrganization(
  db: Db,
  creator: { userId: string; email: string; name: string },
  input: { name: string; slug?: string },
): Promise<OrganizationView> {
  const slug = input.slug ?? (await freeSlug(db, slugify(input.name)));
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.slug, slug))
      .limit(1);
    if (existing) {
      throw new AppError('ALREADY_EXISTS', `The address "${slug}" is taken; choose another.`, {
        fields: [{ path: 'body.slug', message: 'is already taken' }],
      });
    }
    const [org] = await tx.insert(organizations).values({ slug, name: input.name }).returning();
    await tx.insert(memberships).values({ organizationId: org!.id, userId: creator.userId, role: 'owner' });
    await tx.insert(people).values({
      organizationId: org!.id,
      email: creator.email,
      name: creator.name,
      userId: creator.userId,
    });
    return {
      id: org!.id,
      slug,
      name: org!.name,
      role: 'owner',
      createdAt: org!.createdAt.toISOString(),
      peopleCount: 1,
    };
  });
}

async function freeSlug(db: Db, base: string): Promise<string> {
  for (let suffix = 0; suffix < 50; suffix++) {
    const candidate = suffix === 0 ? base : `${base}-${suffix + 1}`;
    const [taken] = await db
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.slug, candidate))
      .limit(1);
    if (!taken) return candidate;
  }
  throw new AppError('ALREADY_EXISTS', 'Choose an address (slug) for the organization; the name is taken.', {
    fields: [{ path: 'body.slug', message: 'is required because the name is taken' }],
  });
}

/** An organization by its slug, acting as its owner: for operators' commands, which have no session. */
export async function findTenantBySlug(db: Db, slug: string): Promise<Tenant> {
  const [org] = await db.select().from(organizations).where(eq(organizations.slug, slug)).limit(1);
  if (!org)
    throw new AppError('NOT_FOUND', `No organization with the address "${slug}".`, {
      fields: [{ path: 'org', message: 'is unknown' }],
    });
  return { organizationId: org.id, slug: org.slug, name: org.name, role: 'owner', personId: null };
}

export async function getOrganization(db: Db, tenant: Tenant): Promise<OrganizationView> {
  const [org] = await db
    .select()
    .from(organizations)
    .where(eq(organizations.id, tenant.organizationId))
    .limit(1);
  if (!org) throw new AppError('NOT_FOUND', 'This organization no longer exists.');
  const [counted] = await db
    .select({ n: count() })
    .from(people)
    .where(eq(people.organizationId, tenant.organizationId));
  return {
    id: org.id,
    slug: org.slug,
    name: org.name,
    role: tenant.role,
    createdAt: org.createdAt.toISOString(),
    peopleCount: counted?.n ?? 0,
  };
}

export async function listMembers(db: Db, tenant: Tenant): Promise<MemberView[]> {
  const rows = await db
    .select({
      userId: user.id,
      name: user.name,
      email: user.email,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(user, eq(user.id, memberships.userId))
    .where(eq(memberships.organizationId, tenant.organizationId))
    .orderBy(user.name);
  return rows.map((row) => ({ ...row, joinedAt: row.joinedAt.toISOString() }));
}

/**
 * Admins manage members and admins; only owners grant or take away ownership, and the last owner
 * can neither be demoted nor removed, so an organization is never left without one.
 */
export async function changeMemberRole(
  db: Db,
  tenant: Tenant,
  userId: string,
  role: OrgRole,
  source: AuditSource,
): Promise<MemberView> {
  return db.transaction(async (tx) => {
    const current = await findMembership(tx, tenant, userId);
    if ((current.role === 'owner' || role === 'owner') && tenant.role !== 'owner') {
      throw new AppError('FORBIDDEN', 'Only an owner can grant or take away the owner role.');
    }
    if (current.role === 'owner' && role !== 'owner') await assertAnotherOwner(tx, tenant);
    await tx.update(memberships).set({ role }).where(eq(memberships.id, current.id));
    if (current.role !== role)
      await recordAuditEvent(tx, {
        ...source,
        organizationId: tenant.organizationId,
        action: 'member.role_changed',
        subjectType: 'user',
        subjectId: userId,
        detail: { from: current.role, to: role },
      });
    const [member] = (await listMembers(tx, tenant)).filter((entry) => entry.userId === userId);
    return member!;
  });
}

export async function removeMember(
  db: Db,
  tenant: Tenant,
  userId: string,
  source: AuditSource,
): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await findMembership(tx, tenant, userId);
    if (current.role === 'owner') {
      if (tenant.role !== 'owner') throw new AppError('FORBIDDEN', 'Only an owner can remove an owner.');
      await assertAnotherOwner(tx, tenant);
    }
    await tx.delete(memberships).where(eq(memberships.id, current.id));
    await recordAuditEvent(tx, {
      ...source,
      organizationId: tenant.organizationId,
      action: 'member.removed',
      subjectType: 'user',
      subjectId: userId,
      detail: { role: current.role },
    });
  });
}

async function findMembership(db: Db, tenant: Tenant, userId: string) {
  const [row] = await db
    .select({ id: memberships.id, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organizationId, tenant.organizationId), eq(memberships.userId, userId)))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'No such member in this organization.');
  return row;
}

async function assertAnotherOwner(db: Db, tenant: Tenant) {
  const [owners] = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.organizationId, tenant.organizationId), eq(memberships.role, 'owner')));
  if ((owners?.n ?? 0) <= 1) {
    throw new AppError(
      'CONFLICT',
      'An organization needs at least one owner; make someone else owner first.',
    );
  }
}

export async function listOutbox(db: Db, tenant: Tenant): Promise<OutboxMessageView[]> {
  const rows = await db
    .select()
    .from(outbox)
    .where(eq(outbox.organizationId, tenant.organizationId))
    .orderBy(desc(outbox.createdAt))
    .limit(200);
  return rows.map((row) => ({
    id: row.id,
    to: row.toAddress,
    subject: row.subject,
    text: row.textBody,
    kind: row.kind,
    delivery: row.delivery,
    createdAt: row.createdAt.toISOString(),
  }));
}
