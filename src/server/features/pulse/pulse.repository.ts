import { and, asc, count, eq, gt, inArray, lte, ne, sql } from 'drizzle-orm';
import type { GroupedAnswers } from '../../../core/surveys/pulse-publication.ts';
import type { Db } from '../../db/client.ts';
import { organizations, people } from '../../db/schema.ts';
import { pulseParticipants, pulseResponses, pulseRounds, pulseSurveys } from '../../db/schema-pulse.ts';

export type SurveyRow = typeof pulseSurveys.$inferSelect;
export type RoundRow = typeof pulseRounds.$inferSelect;

export interface RoundCounts {
  round: RoundRow;
  invited: number;
  respondents: number;
}

export async function findSurvey(
  db: Db,
  organizationId: string,
  surveyId: string,
): Promise<SurveyRow | null> {
  const [row] = await db
    .select()
    .from(pulseSurveys)
    .where(and(eq(pulseSurveys.organizationId, organizationId), eq(pulseSurveys.id, surveyId)))
    .limit(1);
  return row ?? null;
}

export async function findSurveys(db: Db, organizationId: string): Promise<SurveyRow[]> {
  return db
    .select()
    .from(pulseSurveys)
    .where(eq(pulseSurveys.organizationId, organizationId))
    .orderBy(asc(pulseSurveys.createdAt), asc(pulseSurveys.id));
}

/** Rounds of the given surveys, oldest first, with how many were asked and how many answered. */
export async function findRoundsWithCounts(db: Db, surveyIds: string[]): Promise<RoundCounts[]> {
  if (surveyIds.length === 0) return [];
  const rows = await db
    .select({
      round: pulseRounds,
      invited: count(pulseParticipants.personId),
      respondents: sql<number>`count(*) filter (where ${pulseParticipants.hasAnswered})::int`,
    })
    .from(pulseRounds)
    .leftJoin(pulseParticipants, eq(pulseParticipants.roundId, pulseRounds.id))
    .where(inArray(pulseRounds.surveyId, surveyIds))
    .groupBy(pulseRounds.id)
    .orderBy(asc(pulseRounds.opensAt), asc(pulseRounds.id));
  return rows;
}

export async function findRound(db: Db, organizationId: string, roundId: string): Promise<RoundRow | null> {
  const [row] = await db
    .select()
    .from(pulseRounds)
    .where(and(eq(pulseRounds.organizationId, organizationId), eq(pulseRounds.id, roundId)))
    .limit(1);
  return row ?? null;
}

/**
 * The answers of some rounds: group and answers only. The response's own id is never read, and
 * nothing here can be joined to who was asked.
 */
export async function findResponses(
  db: Db,
  roundIds: string[],
): Promise<Array<GroupedAnswers & { roundId: string }>> {
  if (roundIds.length === 0) return [];
  return db
    .select({
      roundId: pulseResponses.roundId,
      groupKey: pulseResponses.groupKey,
      answers: pulseResponses.answers,
    })
    .from(pulseResponses)
    .where(inArray(pulseResponses.roundId, roundIds));
}

/** A participant row reached through an answer link, with what the form shows. */
export async function findParticipantByToken(db: Db, tokenHash: string) {
  const [row] = await db
    .select({
      roundId: pulseParticipants.roundId,
      personId: pulseParticipants.personId,
      hasAnswered: pulseParticipants.hasAnswered,
      organizationId: pulseParticipants.organizationId,
    })
    .from(pulseParticipants)
    .where(eq(pulseParticipants.tokenHash, tokenHash))
    .limit(1);
  return row ?? null;
}

export async function findParticipant(db: Db, organizationId: string, roundId: string, personId: string) {
  const [row] = await db
    .select({
      roundId: pulseParticipants.roundId,
      personId: pulseParticipants.personId,
      hasAnswered: pulseParticipants.hasAnswered,
      organizationId: pulseParticipants.organizationId,
    })
    .from(pulseParticipants)
    .where(
      and(
        eq(pulseParticipants.organizationId, organizationId),
        eq(pulseParticipants.roundId, roundId),
        eq(pulseParticipants.personId, personId),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** A round with its survey and organization, for the answer form. */
export async function findRoundContext(db: Db, roundId: string) {
  const [row] = await db
    .select({
      round: pulseRounds,
      survey: pulseSurveys,
      organizationName: organizations.name,
      teamLeadName: people.name,
    })
    .from(pulseRounds)
    .innerJoin(pulseSurveys, eq(pulseSurveys.id, pulseRounds.surveyId))
    .innerJoin(organizations, eq(organizations.id, pulseRounds.organizationId))
    .innerJoin(people, eq(people.id, pulseSurveys.teamLeadId))
    .where(eq(pulseRounds.id, roundId))
    .limit(1);
  return row ?? null;
}

/** Marks a participant as answered unless they already have; false when someone was first. */
export async function claimAnswer(db: Db, roundId: string, personId: string): Promise<boolean> {
  const updated = await db
    .update(pulseParticipants)
    .set({ hasAnswered: true })
    .where(
      and(
        eq(pulseParticipants.roundId, roundId),
        eq(pulseParticipants.personId, personId),
        eq(pulseParticipants.hasAnswered, false),
      ),
    )
    .returning({ roundId: pulseParticipants.roundId });
  return updated.length > 0;
}

/** The rounds open at `now` that ask this person, with whether they have answered. */
export async function findOpenRoundsOf(db: Db, organizationId: string, personId: string, now: Date) {
  return db
    .select({ roundId: pulseParticipants.roundId, hasAnswered: pulseParticipants.hasAnswered })
    .from(pulseParticipants)
    .innerJoin(pulseRounds, eq(pulseRounds.id, pulseParticipants.roundId))
    .where(
      and(
        eq(pulseParticipants.organizationId, organizationId),
        eq(pulseParticipants.personId, personId),
        lte(pulseRounds.opensAt, now),
        gt(pulseRounds.closesAt, now),
      ),
    )
    .orderBy(asc(pulseRounds.closesAt));
}

/** Active recurring surveys with the start of their first and latest rounds, for the sweep. */
export async function findRecurringSurveys(db: Db) {
  return db
    .select({
      id: pulseSurveys.id,
      organizationId: pulseSurveys.organizationId,
      cadence: pulseSurveys.cadence,
      openDays: pulseSurveys.openDays,
      firstOpensAt: sql<Date>`min(${pulseRounds.opensAt})`.mapWith(pulseRounds.opensAt),
      lastOpensAt: sql<Date>`max(${pulseRounds.opensAt})`.mapWith(pulseRounds.opensAt),
    })
    .from(pulseSurveys)
    .innerJoin(pulseRounds, eq(pulseRounds.surveyId, pulseSurveys.id))
    .where(and(eq(pulseSurveys.isActive, true), ne(pulseSurveys.cadence, 'once')))
    .groupBy(pulseSurveys.id);
}

/** Names of people (and former people, which come back absent). */
export async function findNames(db: Db, organizationId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.organizationId, organizationId), inArray(people.id, [...new Set(ids)])));
  return new Map(rows.map((row) => [row.id, row.name]));
}

export interface DirectoryEntry {
  id: string;
  managerId: string | null;
  name: string;
  title: string;
  email: string;
  timeZone: string;
}

/** Everyone of the organization with their manager: who a pulse asks, who may see it, and how answers are grouped. */
export async function findDirectory(db: Db, organizationId: string): Promise<DirectoryEntry[]> {
  return db
    .select({
      id: people.id,
      managerId: people.managerId,
      name: people.name,
      title: people.title,
      email: people.email,
      timeZone: people.timeZone,
    })
    .from(people)
    .where(eq(people.organizationId, organizationId))
    .orderBy(asc(people.name), asc(people.id));
}
