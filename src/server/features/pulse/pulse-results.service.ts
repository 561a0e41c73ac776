import { randomInt } from 'node:crypto';
import type { PulseResultsView } from '../../../contracts/pulse.ts';
import { AppError } from '../../../core/errors.ts';
import { MINIMUM_GROUP_SIZE } from '../../../core/surveys/anonymity.ts';
import {
  isGroupCutPublishable,
  type PublishedRound,
  publishPulseGroup,
  publishPulseRound,
  type RoundAnswers,
} from '../../../core/surveys/pulse-publication.ts';
import { pulseQuestions } from '../../../core/surveys/pulse-questions.ts';
import type { Tenant } from '../../auth/policy.ts';
import type { Db } from '../../db/client.ts';
import { type AuditSource, recordAdminRead } from '../audit/audit.service.ts';
import * as repository from './pulse.repository.ts';
import { getManagedSurvey } from './pulse-access.ts';
import { toSurveyView } from './pulse-surveys.service.ts';

/** A cryptographic source for shuffling free text, so its order says nothing about who wrote what. */
const secureRandom = () => randomInt(0, 2 ** 47) / 2 ** 47;

function groupNamer(survey: repository.SurveyRow, names: Map<string, string>, leadName: string) {
  return (key: string): string => {
    if (key === survey.teamLeadId)
      return survey.scope === 'direct' ? `${leadName}'s direct reports` : 'Moved since the round opened';
    const name = names.get(key);
    return name ? `Team of ${name}` : 'A former team';
  };
}

/**
 * A survey's results over time, for its lead, their manager chain and admins. Each round shows
 * its figures only once closed and answered by five or more; team cuts go through
 * `publishableGroups`; `group` narrows to one team only where that team is a publishable cut,
 * and is refused when it is one in no round. No individual answer, and no response's id, leaves.
 */
export async function getResults(
  db: Db,
  tenant: Tenant,
  surveyId: string,
  query: { group?: string },
  reader: AuditSource | null = null,
  now = new Date(),
): Promise<PulseResultsView> {
  const { survey, lines, isByAdminRole } = await getManagedSurvey(db, tenant, surveyId);
  if (isByAdminRole && reader)
    await recordAdminRead(db, reader, tenant, {
      what: 'pulse_results',
      subjectType: 'pulse_survey',
      subjectId: survey.id,
      detail: { teamLeadId: survey.teamLeadId },
    });
  const rounds = await repository.findRoundsWithCounts(db, [survey.id]);
  const responses = await repository.findResponses(
    db,
    rounds.map((entry) => entry.round.id),
  );
  const answersOf = (entry: repository.RoundCounts): RoundAnswers => ({
    invited: entry.invited,
    isClosed: entry.round.closesAt <= now,
    responses: responses.filter((response) => response.roundId === entry.round.id),
  });
  const nameOf = new Map(lines.map((person) => [person.id, person.name]));
  const leadName = nameOf.get(survey.teamLeadId) ?? 'Former member';
  const groupName = groupNamer(survey, nameOf, leadName);

  const availableKeys = [...new Set(responses.map((response) => response.groupKey))]
    .filter((key) => rounds.some((entry) => isGroupCutPublishable(answersOf(entry), key)))
    .sort((a, b) => groupName(a).localeCompare(groupName(b)));
  if (query.group !== undefined && !availableKeys.includes(query.group)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Results of this team cannot be shown: in every round it would cover fewer than ${MINIMUM_GROUP_SIZE} people, or leave fewer than ${MINIMUM_GROUP_SIZE} beside it.`,
      { fields: [{ path: 'querystring.group', message: 'is not a team that can be shown on its own' }] },
    );
  }
  const questions = pulseQuestions(survey);
  return {
    survey: toSurveyView(survey, leadName, rounds, now),
    minimumGroupSize: MINIMUM_GROUP_SIZE,
    group: query.group === undefined ? null : { key: query.group, name: groupName(query.group) },
    groupsAvailable: availableKeys.map((key) => ({ key, name: groupName(key) })),
    rounds: rounds.map((entry) => {
      const published =
        query.group === undefined
          ? publishPulseRound(questions, answersOf(entry), secureRandom)
          : publishPulseGroup(questions, answersOf(entry), query.group, secureRandom);
      return toRoundResult(entry.round, published, groupName);
    }),
  };
}

function toRoundResult(
  round: repository.RoundRow,
  published: PublishedRound,
  groupName: (key: string) => string,
): PulseResultsView['rounds'][number] {
  const figures = published.figures;
  return {
    id: round.id,
    opensAt: round.opensAt.toISOString(),
    closesAt: round.closesAt.toISOString(),
    invited: published.invited,
    respondents: published.respondents,
    responseRate: published.responseRate,
    visibility: published.visibility,
    safety: figures?.safety ?? null,
    enps: figures?.enps ?? null,
    custom: figures?.custom ?? [],
    freeText: figures?.freeText ?? [],
    groups: published.groups.map((group) => ({ ...group, name: groupName(group.key) })),
    otherTeams: published.otherTeams,
  };
}
