import { and, eq, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { apiTokens, memberships, organizations, people, user } from '../../db/schema.ts';
import {
  academyProgress,
  certificates,
  developmentPlanItems,
  goals,
  practiceSessions,
  skillAssessments,
} from '../../db/schema-growth.ts';
import { meetingAnalyses, notificationPreferences } from '../../db/schema-meetings.ts';

// What a person may take with them: rows that are theirs, read by their own ids only.

export async function findAccount(db: Db, userId: string) {
  const [account] = await db
    .select({ id: user.id, name: user.name, email: user.email, createdAt: user.createdAt })
    .from(user)
    .where(eq(user.id, userId));
  const tokens = await db
    .select({
      name: apiTokens.name,
      displayPrefix: apiTokens.displayPrefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId));
  return { account, tokens };
}

export function findMembershipsOf(db: Db, userId: string) {
  return db
    .select({
      organizationId: organizations.id,
      slug: organizations.slug,
      name: organizations.name,
      role: memberships.role,
      since: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, userId))
    .orderBy(organizations.slug);
}

export async function findPersonRecord(db: Db, organizationId: string, personId: string) {
  const [row] = await db
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      title: people.title,
      managerId: people.managerId,
      startDate: people.startDate,
      timeZone: people.timeZone,
      createdAt: people.createdAt,
    })
    .from(people)
    .where(and(eq(people.organizationId, organizationId), eq(people.id, personId)));
  return row ?? null;
}

/** Analyses of the person's 1:1s as leader, and as report those the leader shared. */
export function findVisibleAnalyses(db: Db, organizationId: string, personId: string) {
  return db
    .select({
      meetingId: meetingAnalyses.meetingId,
      meetingStartsAt: meetingAnalyses.meetingStartsAt,
      score: meetingAnalyses.score,
      verdict: meetingAnalyses.verdict,
      source: meetingAnalyses.source,
      isSharedWithReport: meetingAnalyses.isSharedWithReport,
      analyzedAt: meetingAnalyses.analyzedAt,
      result: meetingAnalyses.result,
    })
    .from(meetingAnalyses)
    .where(
      and(
        eq(meetingAnalyses.organizationId, organizationId),
        or(
          eq(meetingAnalyses.leaderId, personId),
          and(eq(meetingAnalyses.reportId, personId), eq(meetingAnalyses.isSharedWithReport, true)),
        ),
      ),
    )
    .orderBy(meetingAnalyses.meetingStartsAt);
}

export async function findGrowthAndAcademy(db: Db, organizationId: string, personId: string, userId: string) {
  const inOrg = eq(goals.organizationId, organizationId);
  const [ownGoals, plan, assessments, progress, practice, issued, preferences] = await Promise.all([
    db
      .select()
      .from(goals)
      .where(and(inOrg, eq(goals.ownerId, personId))),
    db
      .select()
      .from(developmentPlanItems)
      .where(
        and(
          eq(developmentPlanItems.organizationId, organizationId),
          eq(developmentPlanItems.personId, personId),
        ),
      ),
    // Their self-assessments, and the submitted assessments of them by their manager.
    db
      .select()
      .from(skillAssessments)
      .where(
        and(
          eq(skillAssessments.organizationId, organizationId),
          eq(skillAssessments.subjectId, personId),
          or(eq(skillAssessments.assessorId, personId), eq(skillAssessments.status, 'submitted')),
        ),
      ),
    db
      .select()
      .from(academyProgress)
      .where(and(eq(academyProgress.organizationId, organizationId), eq(academyProgress.personId, personId))),
    db
      .select()
      .from(practiceSessions)
      .where(and(eq(practiceSessions.organizationId, organizationId), eq(practiceSessions.userId, userId))),
    db
      .select()
      .from(certificates)
      .where(and(eq(certificates.organizationId, organizationId), eq(certificates.personId, personId))),
    db
      .select({
        isReminderEnabled: notificationPreferences.isReminderEnabled,
        isDigestEnabled: notificationPreferences.isDigestEnabled,
        webhookUrl: notificationPreferences.webhookUrl,
        updatedAt: notificationPreferences.updatedAt,
      })
      .from(notificationPreferences)
      .where(
        and(
          eq(notificationPreferences.organizationId, organizationId),
          eq(notificationPreferences.personId, personId),
        ),
      ),
  ]);
  return { ownGoals, plan, assessments, progress, practice, issued, preferences: preferences[0] ?? null };
}

export async function findPersonIdOf(db: Db, organizationId: string, userId: string) {
  const [row] = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.organizationId, organizationId), eq(people.userId, userId)))
    .limit(1);
  return row?.id ?? null;
}
