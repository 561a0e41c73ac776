import { and, eq } from 'drizzle-orm';
import type { PulseSurveyInput, PulseSurveyView } from '../../../contracts/pulse.ts';
import { AppError } from '../../../core/errors.ts';
import { hasDirectReports } from '../../../core/people/reporting-lines.ts';
import { MINIMUM_GROUP_SIZE } from '../../../core/surveys/anonymity.ts';
import { pulseQuestions } from '../../../core/surveys/pulse-questions.ts';
import { nextRoundStart } from '../../../core/surveys/pulse-schedule.ts';
import { peopleInScope } from '../../../core/surveys/pulse-scope.ts';
import { isOrgAdmin, type Tenant } from '../../auth/policy.ts';
import type { Db } from '../../db/client.ts';
import { pulseRounds, pulseSurveys } from '../../db/schema-pulse.ts';
import * as repository from './pulse.repository.ts';
import { assertCanScheduleFor, canManageTeam, getManagedSurvey } from './pulse-access.ts';
import { mailInvitations, openRoundIn, type PulseContext } from './pulse-rounds.service.ts';

/** A survey as its managers see it: questions, cadence and where its rounds stand. */
export function toSurveyView(
  survey: repository.SurveyRow,
  leadName: string,
  rounds: readonly repository.RoundCounts[],
  now: Date,
): PulseSurveyView {
  const latest = rounds.at(-1);
  const first = rounds[0];
  return {
    id: survey.id,
    title: survey.title,
    teamLead: { id: survey.teamLeadId, name: leadName },
    scope: survey.scope,
    cadence: survey.cadence,
    openDays: survey.openDays,
    isActive: survey.isActive,
    questions: pulseQuestions(survey),
    roundCount: rounds.length,
    latestRound: latest
      ? {
          id: latest.round.id,
          opensAt: latest.round.opensAt.toISOString(),
          closesAt: latest.round.closesAt.toISOString(),
          isOpen: latest.round.opensAt <= now && now < latest.round.closesAt,
          invited: latest.invited,
          respondents: latest.respondents,
        }
      : null,
    nextRoundAt:
      survey.isActive && first && latest
        ? (nextRoundStart({
            cadence: survey.cadence,
            firstOpensAt: first.round.opensAt,
            lastOpensAt: latest.round.opensAt,
            openDays: survey.openDays,
          })?.toISOString() ?? null)
        : null,
    createdAt: survey.createdAt.toISOString(),
  };
}

export async function getSurveyView(
  db: Db,
  survey: repository.SurveyRow,
  now: Date,
): Promise<PulseSurveyView> {
  const [rounds, names] = await Promise.all([
    repository.findRoundsWithCounts(db, [survey.id]),
    repository.findNames(db, survey.organizationId, [survey.teamLeadId]),
  ]);
  return toSurveyView(survey, names.get(survey.teamLeadId) ?? 'Former member', rounds, now);
}

/**
 * Schedules a team pulse and opens its first round at once, mailing everyone asked their own
 * link. A team that would ask fewer than five people is refused: its results could never be shown.
 */
export async function createSurvey(
  ctx: PulseContext,
  tenant: Tenant,
  input: PulseSurveyInput,
  now = new Date(),
): Promise<PulseSurveyView> {
  const directory = await repository.findDirectory(ctx.db, tenant.organizationId);
  const lead = directory.find((person) => person.id === input.teamLeadId);
  if (!lead)
    throw new AppError('VALIDATION_FAILED', 'That person is not in this organization.', {
      fields: [{ path: 'body.teamLeadId', message: 'is not a person of this organization' }],
    });
  assertCanScheduleFor(tenant, directory, lead.id);
  const asked = peopleInScope(directory, lead.id, input.scope).length;
  if (asked < MINIMUM_GROUP_SIZE)
    throw new AppError(
      'VALIDATION_FAILED',
      `A ${input.scope === 'tree' ? 'pulse of everyone below' : 'pulse of the direct reports of'} ${lead.name} would ask ${asked} ${asked === 1 ? 'person' : 'people'}; a pulse needs at least ${MINIMUM_GROUP_SIZE}, so that nobody's answers can be told apart.`,
      {
        fields: [
          {
            path: 'body.teamLeadId',
            message: `has a team of ${asked} in this scope; at least ${MINIMUM_GROUP_SIZE} are needed`,
          },
        ],
      },
    );
  const created = await ctx.db.transaction(async (tx) => {
    const [survey] = await tx
      .insert(pulseSurveys)
      .values({
        organizationId: tenant.organizationId,
        title: input.title,
        teamLeadId: lead.id,
        scope: input.scope,
        cadence: input.cadence,
        openDays: input.openDays,
        includesSafety: input.includesSafety,
        includesEnps: input.includesEnps,
        customQuestions: input.customQuestions.map((question, index) => ({
          id: `c${index + 1}`,
          text: question.text,
          kind: question.kind,
          ...(question.options ? { options: question.options } : {}),
        })),
        createdById: tenant.personId,
      })
      .returning();
    return { survey: survey!, opened: await openRoundIn(tx, survey!, now) };
  });
  await mailInvitations(ctx, created.survey, created.opened);
  return getSurveyView(ctx.db, created.survey, now);
}

/** The pulses the caller may read: all for admins, else those of their own team and of teams in their tree. */
export async function listSurveys(db: Db, tenant: Tenant, now = new Date()): Promise<PulseSurveyView[]> {
  const [surveys, directory] = await Promise.all([
    repository.findSurveys(db, tenant.organizationId),
    repository.findDirectory(db, tenant.organizationId),
  ]);
  const visible = surveys.filter((survey) => canManageTeam(tenant, directory, survey.teamLeadId));
  const rounds = await repository.findRoundsWithCounts(
    db,
    visible.map((survey) => survey.id),
  );
  const nameOf = new Map(directory.map((person) => [person.id, person.name]));
  return visible.map((survey) =>
    toSurveyView(
      survey,
      nameOf.get(survey.teamLeadId) ?? 'Former member',
      rounds.filter((entry) => entry.round.surveyId === survey.id),
      now,
    ),
  );
}

export async function updateSurvey(
  db: Db,
  tenant: Tenant,
  surveyId: string,
  patch: { title?: string; isActive?: boolean },
  now = new Date(),
): Promise<PulseSurveyView> {
  const { survey } = await getManagedSurvey(db, tenant, surveyId);
  const [updated] = await db
    .update(pulseSurveys)
    .set(patch)
    .where(and(eq(pulseSurveys.id, survey.id), eq(pulseSurveys.organizationId, tenant.organizationId)))
    .returning();
  return getSurveyView(db, updated!, now);
}

/** Closes an open round now, after which its figures may be shown (when five or more answered). */
export async function closeRound(db: Db, tenant: Tenant, roundId: string, now = new Date()): Promise<void> {
  const round = await repository.findRound(db, tenant.organizationId, roundId);
  if (!round) throw new AppError('NOT_FOUND', 'No pulse round you may see with this id.');
  await getManagedSurvey(db, tenant, round.surveyId);
  if (round.closesAt <= now) throw new AppError('CONFLICT', 'This round is already closed.');
  await db
    .update(pulseRounds)
    .set({ closesAt: round.opensAt > now ? round.opensAt : now })
    .where(eq(pulseRounds.id, round.id));
}

/** The leaders the caller may schedule a pulse for, with how many each scope would ask. */
export async function listLeads(db: Db, tenant: Tenant) {
  const directory = await repository.findDirectory(db, tenant.organizationId);
  const isAdmin = isOrgAdmin(tenant);
  if (!isAdmin && !(tenant.personId && hasDirectReports(directory, tenant.personId))) return [];
  return directory
    .filter((person) => hasDirectReports(directory, person.id) && canManageTeam(tenant, directory, person.id))
    .map((person) => ({
      id: person.id,
      name: person.name,
      title: person.title,
      treeSize: peopleInScope(directory, person.id, 'tree').length,
      directSize: peopleInScope(directory, person.id, 'direct').length,
    }));
}
