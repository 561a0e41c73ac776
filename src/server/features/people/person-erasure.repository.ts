import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { account, invitations, memberships, outbox, people } from '../../db/schema.ts';
import {
  cohortMembers,
  developmentPlanItems,
  goals,
  practiceSessions,
  skillAssessments,
} from '../../db/schema-growth.ts';
import { calendarAudits } from '../../db/schema-insights.ts';
import {
  calendarFeeds,
  meetingAnalyses,
  meetings,
  notificationPreferences,
  privateNotes,
  series,
  transcripts,
} from '../../db/schema-meetings.ts';
import { pulseSurveys } from '../../db/schema-pulse.ts';
import { auditEvents } from '../../db/schema-trust.ts';
import { keepFiguresOnly } from '../analysis/figures-only.repository.ts';

/** The shown name of a deleted person, wherever their 1:1s and figures still appear. */
export const FORMER_MEMBER = 'Former member';

export interface ErasedCounts {
  transcripts: number;
  privateNotes: number;
  endedSeries: number;
}

/**
 * What is the person's own, or text about them, goes: private notes they wrote, transcripts of
 * their 1:1s (with the quotes analyses took from them), role-plays, calendar audits and feeds,
 * goals and development plans, assessment comments, where they were told things. The rows that
 * figures count stay: meetings, analysis scores and verdicts, next steps, assessment ratings,
 * Academy progress, pulse participation.
 */
export async function eraseOwnData(
  tx: Db,
  organizationId: string,
  person: { id: string; email: string; userId: string | null },
): Promise<Omit<ErasedCounts, 'endedSeries'>> {
  const inOrg = (table: { organizationId: AnyPgColumn }) => eq(table.organizationId, organizationId);
  const theirMeetings = tx
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(inOrg(meetings), or(eq(meetings.leaderId, person.id), eq(meetings.reportId, person.id))));
  const removedTranscripts = await tx
    .delete(transcripts)
    .where(and(inOrg(transcripts), inArray(transcripts.meetingId, theirMeetings)))
    .returning({ meetingId: transcripts.meetingId });
  const analysed = await tx
    .select({ meetingId: meetingAnalyses.meetingId })
    .from(meetingAnalyses)
    .where(
      and(
        inOrg(meetingAnalyses),
        or(eq(meetingAnalyses.leaderId, person.id), eq(meetingAnalyses.reportId, person.id)),
      ),
    );
  await keepFiguresOnly(
    tx,
    analysed.map((row) => row.meetingId),
  );
  const removedNotes = person.userId
    ? await tx
        .delete(privateNotes)
        .where(and(inOrg(privateNotes), eq(privateNotes.authorUserId, person.userId)))
        .returning({ id: privateNotes.id })
    : [];
  await tx
    .delete(practiceSessions)
    .where(and(inOrg(practiceSessions), eq(practiceSessions.personId, person.id)));
  await tx.delete(calendarAudits).where(and(inOrg(calendarAudits), eq(calendarAudits.ownerId, person.id)));
  await tx.delete(calendarFeeds).where(and(inOrg(calendarFeeds), eq(calendarFeeds.personId, person.id)));
  await tx
    .delete(notificationPreferences)
    .where(and(inOrg(notificationPreferences), eq(notificationPreferences.personId, person.id)));
  await tx.delete(goals).where(and(inOrg(goals), eq(goals.ownerId, person.id)));
  await tx
    .delete(developmentPlanItems)
    .where(and(inOrg(developmentPlanItems), eq(developmentPlanItems.personId, person.id)));
  await tx.delete(cohortMembers).where(and(inOrg(cohortMembers), eq(cohortMembers.personId, person.id)));
  await tx
    .update(skillAssessments)
    .set({ comments: {} })
    .where(
      and(
        inOrg(skillAssessments),
        or(eq(skillAssessments.subjectId, person.id), eq(skillAssessments.assessorId, person.id)),
      ),
    );
  await tx
    .update(pulseSurveys)
    .set({ isActive: false })
    .where(and(inOrg(pulseSurveys), eq(pulseSurveys.teamLeadId, person.id)));
  // Accepted invitations too: they hold nothing but the address and who sent it.
  await tx
    .delete(invitations)
    .where(and(inOrg(invitations), sql`lower(${invitations.email}) = lower(${person.email})`));
  // The organization's log keeps what happened, not who it was: their address goes from it.
  await tx
    .update(auditEvents)
    .set({ actorEmail: null })
    .where(
      and(
        eq(auditEvents.organizationId, organizationId),
        sql`lower(${auditEvents.actorEmail}) = lower(${person.email})`,
      ),
    );
  await tx
    .update(auditEvents)
    .set({ detail: sql`jsonb_set(${auditEvents.detail}, '{email}', '"erased"')` })
    .where(
      and(
        eq(auditEvents.organizationId, organizationId),
        sql`lower(${auditEvents.detail} ->> 'email') = lower(${person.email})`,
      ),
    );
  // Their single sign-on link to this organization: otherwise their next sign-in there would
  // bring them back. Matched by prefix, as the link names the organization first.
  if (person.userId)
    await tx
      .delete(account)
      .where(
        and(eq(account.userId, person.userId), sql`${account.providerId} like ${`sso:${organizationId}%`}`),
      );
  // Mails to them go. Mails to others that name them (a 1:1 reminder to their leader) are left to
  // be sent: they are the other person's, and leave the queue once sent.
  await tx
    .delete(outbox)
    .where(
      and(
        eq(outbox.organizationId, organizationId),
        sql`lower(${outbox.toAddress}) = lower(${person.email})`,
      ),
    );
  return { transcripts: removedTranscripts.length, privateNotes: removedNotes.length };
}

/** The person's active series, to end one by one. */
export function findActiveSeriesOf(tx: Db, organizationId: string, personId: string) {
  return tx
    .select({ id: series.id })
    .from(series)
    .where(
      and(
        eq(series.organizationId, organizationId),
        eq(series.isActive, true),
        or(eq(series.leaderId, personId), eq(series.reportId, personId)),
      ),
    );
}

/**
 * The directory entry becomes anonymous and leaves the org chart: reports move up to the deleted
 * person's manager. The row keeps its place under that manager, so the figures of a reporting tree
 * still count the 1:1s it was part of.
 */
export async function anonymize(
  tx: Db,
  organizationId: string,
  person: { id: string; managerId: string | null; userId: string | null },
  now: Date,
) {
  await tx
    .update(people)
    .set({ managerId: person.managerId, updatedAt: now })
    .where(and(eq(people.organizationId, organizationId), eq(people.managerId, person.id)));
  if (person.userId) {
    await tx
      .delete(memberships)
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, person.userId)));
  }
  await tx
    .update(people)
    .set({
      name: FORMER_MEMBER,
      // Not an address: nothing can be mailed to it, and it stays unique in the directory.
      email: `erased:${person.id}`,
      title: '',
      startDate: null,
      userId: null,
      erasedAt: now,
      updatedAt: now,
    })
    .where(and(eq(people.organizationId, organizationId), eq(people.id, person.id)));
}

export async function countOwners(tx: Db, organizationId: string): Promise<number> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, 'owner')));
  return rows.length;
}

export async function findRole(tx: Db, organizationId: string, userId: string) {
  const [row] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)))
    .limit(1);
  return row?.role ?? null;
}
