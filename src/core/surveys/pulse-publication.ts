import { MINIMUM_GROUP_SIZE, publishableGroups } from './anonymity.ts';
import { type PulseFigures, summarizePulseAnswers } from './pulse-figures.ts';
import type { PulseAnswers, PulseQuestion } from './pulse-questions.ts';

/** One anonymous set of answers with the team group it was filed under. */
export interface GroupedAnswers {
  groupKey: string;
  answers: PulseAnswers;
}

export interface RoundAnswers {
  /** People asked in the round. */
  invited: number;
  /** Figures wait for the round to close, so nobody can compare them before and after one person answers. */
  isClosed: boolean;
  responses: readonly GroupedAnswers[];
}

/** Why a round's figures are not shown: still open, or fewer respondents than the minimum. */
export type RoundVisibility = 'shown' | 'open' | 'too-few';

export interface GroupFigures {
  respondents: number;
  safetyScore: number | null;
  enps: number | null;
}

export interface PublishedRound {
  /** People asked; null when narrowed to a team (who belongs to it changes as people move). */
  invited: number | null;
  /** People who answered; null for a team cut that may not be shown. */
  respondents: number | null;
  /** Respondents over invited, 0–1; null when nobody was invited. */
  responseRate: number | null;
  visibility: RoundVisibility;
  /** Everything about the round's answers; null unless `visibility` is `shown`. */
  figures: PulseFigures | null;
  /** Team cuts that isolate nobody, by group key. */
  groups: Array<GroupFigures & { key: string }>;
  /** The teams too small to show alone, folded into one figure when together they reach the minimum. */
  otherTeams: (GroupFigures & { groupCount: number }) | null;
}

function groupFigures(
  questions: readonly PulseQuestion[],
  responses: readonly GroupedAnswers[],
  random: () => number,
): GroupFigures {
  const figures = summarizePulseAnswers(
    questions.filter((question) => question.kind === 'agreement' || question.kind === 'nps'),
    responses.map((response) => response.answers),
    random,
  );
  return { respondents: figures.respondents, safetyScore: figures.safety?.score ?? null, enps: figures.enps };
}

function countByGroup(responses: readonly GroupedAnswers[]) {
  const counts = new Map<string, number>();
  for (const response of responses) counts.set(response.groupKey, (counts.get(response.groupKey) ?? 0) + 1);
  return [...counts].map(([key, respondents]) => ({ key, respondents }));
}

/**
 * What one round may show: while it is open or under five respondents, only its response rate;
 * otherwise its figures, free text included, and the team cuts that `publishableGroups` allows,
 * so no figure and no difference between two figures covers fewer than five people.
 */
export function publishPulseRound(
  questions: readonly PulseQuestion[],
  round: RoundAnswers,
  random: () => number,
  minimum = MINIMUM_GROUP_SIZE,
): PublishedRound {
  const respondents = round.responses.length;
  const base = {
    invited: round.invited,
    respondents,
    responseRate: round.invited > 0 ? Math.round((respondents / round.invited) * 1000) / 1000 : null,
  };
  if (!round.isClosed || respondents < minimum) {
    return {
      ...base,
      visibility: round.isClosed ? 'too-few' : 'open',
      figures: null,
      groups: [],
      otherTeams: null,
    };
  }
  const counts = countByGroup(round.responses);
  const published = publishableGroups(counts, minimum);
  // One group answering alone is the whole round again: a cut would add nothing.
  const hasCuts = counts.length > 1;
  const inGroups = (keys: readonly string[]) =>
    round.responses.filter((response) => keys.includes(response.groupKey));
  return {
    ...base,
    visibility: 'shown',
    figures: summarizePulseAnswers(
      questions,
      round.responses.map((response) => response.answers),
      random,
    ),
    groups: hasCuts
      ? published.visible.map((key) => ({ key, ...groupFigures(questions, inGroups([key]), random) }))
      : [],
    otherTeams:
      hasCuts && published.isCombinedVisible && published.visible.length > 0
        ? {
            groupCount: published.combined.length,
            ...groupFigures(questions, inGroups(published.combined), random),
          }
        : null,
  };
}

/** Whether a round may be narrowed to one group: closed, and the group is one `publishableGroups` shows. */
export function isGroupCutPublishable(
  round: RoundAnswers,
  groupKey: string,
  minimum = MINIMUM_GROUP_SIZE,
): boolean {
  if (!round.isClosed) return false;
  return publishableGroups(countByGroup(round.responses), minimum).visible.includes(groupKey);
}

/**
 * A round narrowed to one team: its full figures when that team is a publishable cut of the
 * round, otherwise nothing but that it is hidden. The team's invitations are not known (people
 * move), so no response rate is given.
 */
export function publishPulseGroup(
  questions: readonly PulseQuestion[],
  round: RoundAnswers,
  groupKey: string,
  random: () => number,
  minimum = MINIMUM_GROUP_SIZE,
): PublishedRound {
  if (!isGroupCutPublishable(round, groupKey, minimum)) {
    return {
      invited: null,
      respondents: null,
      responseRate: null,
      visibility: round.isClosed ? 'too-few' : 'open',
      figures: null,
      groups: [],
      otherTeams: null,
    };
  }
  const responses = round.responses.filter((response) => response.groupKey === groupKey);
  return {
    invited: null,
    respondents: responses.length,
    responseRate: null,
    visibility: 'shown',
    figures: summarizePulseAnswers(
      questions,
      responses.map((response) => response.answers),
      random,
    ),
    groups: [],
    otherTeams: null,
  };
}
