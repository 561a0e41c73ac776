import { and, desc, eq, exists, gte, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { memberships, organizations } from '../../db/schema.ts';
import { auditEvents } from '../../db/schema-trust.ts';

export type NewAuditEvent = typeof auditEvents.$inferInsert;

/** Where an event sits in the newest-first order: its time to the microsecond, then its id. */
export interface EventPosition {
  position: string;
  id: string;
}

export async function insertEvent(db: Db, event: NewAuditEvent): Promise<void> {
  await db.insert(auditEvents).values(event);
}

/** Whether this action was recorded for this subject since the given time (for throttled events). */
export async function hasRecentEvent(
  db: Db,
  action: string,
  subjectId: string,
  since: Date,
): Promise<boolean> {
  const [row] = await db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.action, action),
        eq(auditEvents.subjectId, subjectId),
        gte(auditEvents.createdAt, since),
      ),
    )
    .limit(1);
  return row !== undefined;
}

const positionOf = sql<string>`to_char(${auditEvents.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export async function findEvents(
  db: Db,
  organizationId: string,
  filter: {
    action?: string;
    actor?: string;
    since?: Date;
    until?: Date;
    after?: EventPosition;
    limit: number;
  },
) {
  // Account-wide events (sign-ins, token use) of a current member, from the day they joined on:
  // what they did before, or for another organization, is not this organization's business.
  const whileMember = db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.userId, auditEvents.actorUserId),
        lte(memberships.createdAt, auditEvents.createdAt),
      ),
    );
  const conditions: SQL[] = [
    or(
      eq(auditEvents.organizationId, organizationId),
      and(isNull(auditEvents.organizationId), exists(whileMember)),
    )!,
  ];
  if (filter.action) conditions.push(eq(auditEvents.action, filter.action));
  if (filter.actor)
    conditions.push(
      filter.actor.includes('@')
        ? eq(auditEvents.actorEmail, filter.actor.toLowerCase())
        : eq(auditEvents.actorUserId, filter.actor),
    );
  if (filter.since) conditions.push(gte(auditEvents.createdAt, filter.since));
  if (filter.until) conditions.push(lt(auditEvents.createdAt, filter.until));
  if (filter.after)
    conditions.push(
      sql`(${auditEvents.createdAt}, ${auditEvents.id}) < (${filter.after.position}::timestamptz, ${filter.after.id}::uuid)`,
    );
  return db
    .select({
      id: auditEvents.id,
      organizationId: auditEvents.organizationId,
      actorUserId: auditEvents.actorUserId,
      actorEmail: auditEvents.actorEmail,
      action: auditEvents.action,
      subjectType: auditEvents.subjectType,
      subjectId: auditEvents.subjectId,
      detail: auditEvents.detail,
      // Where a member signs in from is theirs; the IP shows on this organization's own events only.
      ip: sql<
        string | null
      >`case when ${auditEvents.organizationId} is null then null else ${auditEvents.ip} end`,
      createdAt: auditEvents.createdAt,
      position: positionOf,
    })
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(filter.limit);
}

/**
 * Deletes events older than the cutoff, one organization at a time (and then the account-wide
 * ones): each delete walks the (organization, time) index instead of scanning the whole log.
 */
export async function deleteEventsBefore(db: Db, cutoff: Date): Promise<number> {
  const orgs = await db.select({ id: organizations.id }).from(organizations);
  let deleted = 0;
  for (const scope of [
    ...orgs.map((org) => eq(auditEvents.organizationId, org.id)),
    isNull(auditEvents.organizationId),
  ]) {
    const rows = await db
      .delete(auditEvents)
      .where(and(scope, lt(auditEvents.createdAt, cutoff)))
      .returning({ id: auditEvents.id });
    deleted += rows.length;
  }
  return deleted;
}
