import { and, asc, eq, gt, inArray, isNull, lte, notExists, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { memberships, organizations, people, user } from '../../db/schema.ts';
import {
  agendaItems,
  meetings,
  nextSteps,
  notificationPreferences,
  sentNotifications,
  series,
  statusUpdates,
} from '../../db/schema-meetings.ts';

/** A person who can be told something: they have an account and are still a member. */
export interface Recipient {
  personId: string;
  organizationId: string;
  /** The organization's slug, for links into it. */
  slug: string;
  name: string;
  email: string;
  timeZone: string;
  isReminderEnabled: boolean;
  isDigestEnabled: boolean;
  webhookUrl: string | null;
}

export interface DueMeeting {
  id: string;
  organizationId: string;
  slug: string;
  leaderId: string;
  reportId: string;
  startsAt: Date;
}

export interface OpenStep {
  id: string;
  title: string;
  ownerId: string | null;
  dueDate: string | null;
  leaderId: string;
  reportId: string;
}

const recipientColumns = {
  personId: people.id,
  organizationId: people.organizationId,
  slug: organizations.slug,
  name: people.name,
  email: user.email,
  timeZone: people.timeZone,
  isReminderEnabled: sql<boolean>`coalesce(${notificationPreferences.isReminderEnabled}, true)`,
  isDigestEnabled: sql<boolean>`coalesce(${notificationPreferences.isDigestEnabled}, true)`,
  webhookUrl: notificationPreferences.webhookUrl,
};

const openStepColumns = {
  id: nextSteps.id,
  title: nextSteps.title,
  ownerId: nextSteps.ownerId,
  dueDate: nextSteps.dueDate,
  leaderId: nextSteps.leaderId,
  reportId: nextSteps.reportId,
};

function recipientsQuery(db: Db) {
  return db
    .select(recipientColumns)
    .from(people)
    .innerJoin(organizations, eq(organizations.id, people.organizationId))
    .innerJoin(user, eq(user.id, people.userId))
    .innerJoin(
      memberships,
      and(eq(memberships.organizationId, people.organizationId), eq(memberships.userId, people.userId)),
    )
    .leftJoin(
      notificationPreferences,
      and(
        eq(notificationPreferences.organizationId, people.organizationId),
        eq(notificationPreferences.personId, people.id),
      ),
    );
}

export async function findRecipients(db: Db, personIds: string[]): Promise<Map<string, Recipient>> {
  if (personIds.length === 0) return new Map();
  const rows = await recipientsQuery(db).where(inArray(people.id, [...new Set(personIds)]));
  return new Map(rows.map((row) => [row.personId, row]));
}

/** Everyone with the Monday digest on, across organizations. */
export async function findDigestRecipients(db: Db): Promise<Recipient[]> {
  return recipientsQuery(db).where(
    or(isNull(notificationPreferences.isDigestEnabled), eq(notificationPreferences.isDigestEnabled, true)),
  );
}

/** Scheduled 1:1s that start in the window, in every organization. */
export async function findMeetingsStartingBetween(db: Db, from: Date, until: Date): Promise<DueMeeting[]> {
  return db
    .select({
      id: meetings.id,
      organizationId: meetings.organizationId,
      slug: organizations.slug,
      leaderId: meetings.leaderId,
      reportId: meetings.reportId,
      startsAt: meetings.startsAt,
    })
    .from(meetings)
    .innerJoin(organizations, eq(organizations.id, meetings.organizationId))
    .where(and(eq(meetings.status, 'scheduled'), gt(meetings.startsAt, from), lte(meetings.startsAt, until)))
    .orderBy(asc(meetings.startsAt));
}

/** The keys of these that were already sent, so a sweep does not try them again. */
export async function findSentKeys(db: Db, keys: string[]): Promise<Set<string>> {
  const sent = new Set<string>();
  for (let index = 0; index < keys.length; index += 500) {
    const rows = await db
      .select({ key: sentNotifications.key })
      .from(sentNotifications)
      .where(inArray(sentNotifications.key, keys.slice(index, index + 500)));
    for (const row of rows) sent.add(row.key);
  }
  return sent;
}

/**
 * Takes the right to send one notification. The key's primary key decides: of several sweeps
 * racing on several app servers, exactly one insert takes, and only that one sends.
 */
export async function claimNotification(
  db: Db,
  key: string,
  organizationId: string,
  channel: 'email' | 'webhook',
  now: Date,
): Promise<boolean> {
  const inserted = await db
    .insert(sentNotifications)
    .values({ key, organizationId, channel, sentAt: now })
    .onConflictDoNothing()
    .returning({ key: sentNotifications.key });
  return inserted.length > 0;
}

/** What a 1:1 holds so far: its agenda (with authors) and whether the report posted a status. */
export async function findPreparation(db: Db, meetingId: string) {
  const [agenda, status] = await Promise.all([
    db
      .select({ title: agendaItems.title, authorName: people.name })
      .from(agendaItems)
      .leftJoin(people, eq(people.id, agendaItems.authorId))
      .where(eq(agendaItems.meetingId, meetingId))
      .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt)),
    db
      .select({ meetingId: statusUpdates.meetingId })
      .from(statusUpdates)
      .where(eq(statusUpdates.meetingId, meetingId))
      .limit(1),
  ]);
  return { agenda, hasStatusUpdate: status.length > 0 };
}

export async function findOpenStepsOfPair(
  db: Db,
  meeting: Pick<DueMeeting, 'organizationId' | 'leaderId' | 'reportId'>,
): Promise<OpenStep[]> {
  return db
    .select(openStepColumns)
    .from(nextSteps)
    .where(
      and(
        eq(nextSteps.organizationId, meeting.organizationId),
        eq(nextSteps.leaderId, meeting.leaderId),
        eq(nextSteps.reportId, meeting.reportId),
        eq(nextSteps.status, 'open'),
      ),
    )
    .orderBy(asc(nextSteps.dueDate), asc(nextSteps.createdAt));
}

/**
 * The open next steps that count for these people as "My next steps" counts them: the ones they
 * own, and in their 1:1s the ones nobody owns yet. One query per 500 people.
 */
export async function findOpenStepsOfPeople(db: Db, personIds: string[]): Promise<OpenStep[]> {
  const steps: OpenStep[] = [];
  for (let index = 0; index < personIds.length; index += 500) {
    const chunk = personIds.slice(index, index + 500);
    const rows = await db
      .select(openStepColumns)
      .from(nextSteps)
      .where(
        and(
          eq(nextSteps.status, 'open'),
          or(
            inArray(nextSteps.ownerId, chunk),
            and(
              isNull(nextSteps.ownerId),
              or(inArray(nextSteps.leaderId, chunk), inArray(nextSteps.reportId, chunk)),
            ),
          ),
        ),
      )
      .orderBy(asc(nextSteps.dueDate), asc(nextSteps.createdAt));
    steps.push(...rows);
  }
  // An unowned step of a pair split across two chunks comes back twice.
  return [...new Map(steps.map((step) => [step.id, step])).values()];
}

export async function findNames(db: Db, personIds: string[]): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(inArray(people.id, [...new Set(personIds)]));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Active series with nothing planned three weeks ahead: nobody has opened Tandem for a while. */
export async function findSeriesRunningOut(db: Db, now: Date) {
  const horizon = new Date(now.getTime() + 21 * 86_400_000);
  const ahead = alias(meetings, 'ahead');
  return db
    .select()
    .from(series)
    .where(
      and(
        eq(series.isActive, true),
        notExists(
          db
            .select({ id: ahead.id })
            .from(ahead)
            .where(and(eq(ahead.seriesId, series.id), gt(ahead.startsAt, horizon))),
        ),
      ),
    );
}
