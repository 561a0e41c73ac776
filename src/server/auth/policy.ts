import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.ts';
import { managerChain } from '../../core/people/reporting-lines.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/client.ts';
import { memberships, organizations, people } from '../db/schema.ts';
import { type Actor, resolveActor } from './actor.ts';

/**
 * The policy module: every route declares who may call it, and this is the only place that
 * decides. Finer rules (a meeting's participants, a private note's author) are functions here too,
 * so the authorization matrix test has one module to hold to account.
 */
export const accessLevels = ['public', 'signed-in', 'org-member', 'org-admin', 'org-owner'] as const;
export type Access = (typeof accessLevels)[number];
export type OrgRole = 'owner' | 'admin' | 'member';

export interface Tenant {
  organizationId: string;
  slug: string;
  name: string;
  role: OrgRole;
  /** The caller's entry in the organization's directory (null for operators acting by command). */
  personId: string | null;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
    tenant: Tenant | null;
  }
  interface FastifyInstance {
    /** Every API route with its declared access level, for the authorization matrix test. */
    accessTable: RouteAccess[];
  }
}

export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
}

const roleRank: Record<OrgRole, number> = { member: 0, admin: 1, owner: 2 };
const requiredRole: Partial<Record<Access, OrgRole>> = {
  'org-member': 'member',
  'org-admin': 'admin',
  'org-owner': 'owner',
};

export function installPolicy(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('actor', null);
  app.decorateRequest('tenant', null);

  const accessTable: RouteAccess[] = [];
  app.decorate('accessTable', accessTable);
  // A route without a declared access level does not start: nothing is open by accident.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    if (!route.config?.access) throw new Error(`Route ${route.method} ${route.url} declares no access level`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') accessTable.push({ method, url: route.url, access: route.config.access });
    }
  });

  // Before validation, so a caller who may not use a route learns nothing from its validation errors.
  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access) return;
    if (access === 'public') return;
    request.actor = await resolveActor(ctx, request);
    if (!request.actor)
      throw new AppError('UNAUTHENTICATED', 'Sign in, or send a personal API token as a Bearer token.');
    const role = requiredRole[access];
    if (!role) return;
    const slug = (request.params as { org?: string }).org;
    if (!slug) throw new Error(`Route ${request.routeOptions.url} needs an :org parameter for ${access}`);
    const cookie = request.actor.via === 'session' ? request.headers.cookie : undefined;
    const remembered = cookie ? ctx.sessions.findMembership(cookie, slug) : null;
    const ticket = ctx.sessions.membershipTicket();
    const tenant = remembered ?? (await findTenant(ctx, request.actor.userId, slug));
    if (cookie && tenant && !remembered) ctx.sessions.rememberMembership(cookie, slug, tenant, ticket);
    // Another organization's existence is not revealed: not a member reads as not found.
    if (!tenant) throw new AppError('NOT_FOUND', `No organization "${slug}" that you belong to.`);
    if (roleRank[tenant.role] < roleRank[role]) {
      throw new AppError(
        'FORBIDDEN',
        `This needs the ${role} role in ${tenant.name}; you are ${tenant.role}.`,
      );
    }
    request.tenant = tenant;
  });
}

async function findTenant(ctx: AppContext, userId: string, slug: string): Promise<Tenant | null> {
  const [row] = await ctx.db
    .select({
      organizationId: organizations.id,
      slug: organizations.slug,
      name: organizations.name,
      role: memberships.role,
      personId: people.id,
    })
    .from(organizations)
    .innerJoin(
      memberships,
      and(eq(memberships.organizationId, organizations.id), eq(memberships.userId, userId)),
    )
    .leftJoin(people, and(eq(people.organizationId, organizations.id), eq(people.userId, userId)))
    .where(eq(organizations.slug, slug))
    .limit(1);
  return row ?? null;
}

/** The signed-in actor of a route whose access is not public. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
  return request.actor;
}

/** The organization of an org-scoped route, with the actor's role in it. */
export function tenantOf(request: FastifyRequest): Tenant {
  if (!request.tenant) throw new Error('tenantOf() called on a route that is not organization-scoped');
  return request.tenant;
}

export function isOrgAdmin(tenant: Tenant): boolean {
  return roleRank[tenant.role] >= roleRank.admin;
}

/** The two people of a 1:1, as every meeting-scoped rule sees them. */
export interface MeetingParticipants {
  leaderId: string;
  reportId: string;
}

/** The caller's role in a 1:1, or null when they are not one of its two participants. */
export function participantRole(tenant: Tenant, meeting: MeetingParticipants): 'leader' | 'report' | null {
  if (!tenant.personId) return null;
  if (tenant.personId === meeting.leaderId) return 'leader';
  if (tenant.personId === meeting.reportId) return 'report';
  return null;
}

/**
 * Only the two participants read a 1:1's shared content; admins and executives included, anyone
 * else is told it does not exist.
 */
export function assertParticipant(tenant: Tenant, meeting: MeetingParticipants): 'leader' | 'report' {
  const role = participantRole(tenant, meeting);
  if (!role) throw new AppError('NOT_FOUND', 'No such 1:1 of yours.');
  return role;
}

/**
 * How the caller stands to a person of their organization: the person themself, someone above
 * them in the reporting lines, or neither. Growth records and coaching figures are shown on this
 * rule alone: admins are not above anyone by their role.
 */
export async function relationTo(
  db: Db,
  tenant: Tenant,
  personId: string,
): Promise<'self' | 'manager-chain' | null> {
  if (!tenant.personId) return null;
  if (tenant.personId === personId) return 'self';
  const lines = await db
    .select({ id: people.id, managerId: people.managerId })
    .from(people)
    .where(eq(people.organizationId, tenant.organizationId));
  return managerChain(lines, personId).includes(tenant.personId) ? 'manager-chain' : null;
}

/**
 * A 1:1 started by the report names its leader; that must be someone above the report in the
 * reporting lines, or a report could hold "1:1s" in anyone's name and feed their coaching figures.
 */
export async function assertLeaderOfReport(
  db: Db,
  tenant: Tenant,
  leaderId: string,
  reportId: string,
  field: string,
): Promise<void> {
  const lines = await db
    .select({ id: people.id, managerId: people.managerId })
    .from(people)
    .where(eq(people.organizationId, tenant.organizationId));
  if (!managerChain(lines, reportId).includes(leaderId)) {
    throw new AppError(
      'FORBIDDEN',
      'A 1:1 is led by someone above the report in the org chart; ask them to start it.',
      {
        fields: [{ path: field, message: 'is not above the report in the reporting lines' }],
      },
    );
  }
}

/**
 * A leader's coaching figures (scores, ask:tell, follow-through) are seen by the leader and by
 * their manager chain; nobody else, admins included, and never the meetings' content.
 */
export async function assertCoachingFiguresVisible(db: Db, tenant: Tenant, leaderId: string): Promise<void> {
  if ((await relationTo(db, tenant, leaderId)) === null) {
    throw new AppError('NOT_FOUND', 'No coaching figures you may see for this person.');
  }
}
