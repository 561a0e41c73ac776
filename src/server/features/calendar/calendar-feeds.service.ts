import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { CalendarFeedCreated, CalendarFeedView } from '../../../contracts/calendar.ts';
import { AppError } from '../../../core/errors.ts';
import { hashToken } from '../../auth/actor.ts';
import type { Tenant } from '../../auth/policy.ts';
import type { Db } from '../../db/client.ts';
import { memberships, organizations, people } from '../../db/schema.ts';
import { calendarFeeds } from '../../db/schema-meetings.ts';
import { type AuditSource, recordAuditEvent } from '../audit/audit.service.ts';
import { requirePerson } from '../meetings/meeting-access.ts';

/** Marks a feed token for secret scanners, like `tdm_` marks API tokens. */
export const CALENDAR_TOKEN_PREFIX = 'tdc_';

/** Whose feed a token opens: the person, their organization and its slug (for links). */
export interface FeedOwner {
  organizationId: string;
  organizationName: string;
  slug: string;
  personId: string;
  personName: string;
  feedCreatedAt: Date;
}

export function feedUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/api/calendar/${token}.ics`;
}

/**
 * Creates the caller's private feed, revoking the one they had: a person holds one feed URL at a
 * time, so "replace" is also how a leaked URL is shut. The URL is returned only here.
 */
export async function createCalendarFeed(
  db: Db,
  tenant: Tenant,
  publicUrl: string,
  source: AuditSource,
  now = new Date(),
): Promise<CalendarFeedCreated> {
  const personId = requirePerson(tenant);
  const token = `${CALENDAR_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const row = await db.transaction(async (tx) => {
    // Locking the person makes two simultaneous "new URL" clicks leave one live feed, not two.
    await tx.select({ id: people.id }).from(people).where(eq(people.id, personId)).for('update');
    await tx
      .update(calendarFeeds)
      .set({ revokedAt: now })
      .where(activeFeedOf(tenant.organizationId, personId));
    const [inserted] = await tx
      .insert(calendarFeeds)
      .values({
        organizationId: tenant.organizationId,
        personId,
        tokenHash: hashToken(token),
        createdAt: now,
      })
      .returning();
    // The feed is an export that keeps flowing: its creation is recorded, not every poll of it.
    await recordAuditEvent(tx, {
      ...source,
      organizationId: tenant.organizationId,
      action: 'export.calendar_feed',
      subjectType: 'calendar_feed',
      subjectId: inserted!.id,
    });
    return inserted!;
  });
  return { url: feedUrl(publicUrl, token), createdAt: row.createdAt.toISOString() };
}

export async function findCalendarFeed(db: Db, tenant: Tenant): Promise<CalendarFeedView> {
  const personId = requirePerson(tenant);
  const [row] = await db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(activeFeedOf(tenant.organizationId, personId))
    .orderBy(desc(calendarFeeds.createdAt))
    .limit(1);
  return { hasFeed: row !== undefined, createdAt: row?.createdAt.toISOString() ?? null };
}

export async function revokeCalendarFeed(db: Db, tenant: Tenant, now = new Date()): Promise<void> {
  const personId = requirePerson(tenant);
  const revoked = await db
    .update(calendarFeeds)
    .set({ revokedAt: now })
    .where(activeFeedOf(tenant.organizationId, personId))
    .returning({ id: calendarFeeds.id });
  if (revoked.length === 0) throw new AppError('NOT_FOUND', 'You have no calendar feed to revoke.');
}

/**
 * The owner of a live feed token. The token is the only credential, so an unknown token, a
 * revoked one and one of a person who has left the organization all read as "no such feed".
 */
export async function getFeedOwner(db: Db, token: string): Promise<FeedOwner> {
  const [row] = await db
    .select({
      organizationId: organizations.id,
      organizationName: organizations.name,
      slug: organizations.slug,
      personId: people.id,
      personName: people.name,
      feedCreatedAt: calendarFeeds.createdAt,
    })
    .from(calendarFeeds)
    .innerJoin(organizations, eq(organizations.id, calendarFeeds.organizationId))
    .innerJoin(
      people,
      and(eq(people.id, calendarFeeds.personId), eq(people.organizationId, calendarFeeds.organizationId)),
    )
    .innerJoin(
      memberships,
      and(
        eq(memberships.organizationId, calendarFeeds.organizationId),
        eq(memberships.userId, people.userId),
      ),
    )
    .where(and(eq(calendarFeeds.tokenHash, hashToken(token)), isNull(calendarFeeds.revokedAt)))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'No such calendar feed; it may have been replaced or revoked.');
  return row;
}

function activeFeedOf(organizationId: string, personId: string) {
  return and(
    eq(calendarFeeds.organizationId, organizationId),
    eq(calendarFeeds.personId, personId),
    isNull(calendarFeeds.revokedAt),
  );
}
