import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  PulseFormView,
  PulseLeadView,
  PulseResultsView,
  PulseSurveyInput,
  PulseSurveyView,
} from '../../contracts/pulse.ts';
import { api } from './client.ts';
import { orgKey } from './organizations.ts';

export type PulseLead = z.infer<typeof PulseLeadView>;
export type PulseSurveyDraft = z.input<typeof PulseSurveyInput>;
export type PulseRound = PulseResultsView['rounds'][number];
export type PulseAnswers = Record<string, number | string>;

export const pulseKey = (org: string) => [...orgKey(org), 'pulse'] as const;

export const openPulseRoundsQuery = (org: string) =>
  queryOptions({
    queryKey: [...pulseKey(org), 'open'],
    queryFn: () => api<PulseFormView[]>('GET', `/api/orgs/${org}/pulse/open`),
  });

export const pulseSurveysQuery = (org: string) =>
  queryOptions({
    queryKey: [...pulseKey(org), 'surveys'],
    queryFn: () => api<PulseSurveyView[]>('GET', `/api/orgs/${org}/pulse/surveys`),
  });

export const pulseLeadsQuery = (org: string) =>
  queryOptions({
    queryKey: [...pulseKey(org), 'leads'],
    queryFn: () => api<PulseLead[]>('GET', `/api/orgs/${org}/pulse/leads`),
  });

export const pulseResultsQuery = (org: string, surveyId: string, group: string | undefined) =>
  queryOptions({
    queryKey: [...pulseKey(org), 'results', surveyId, group ?? ''],
    queryFn: () =>
      api<PulseResultsView>('GET', `/api/orgs/${org}/pulse/surveys/${surveyId}/results`, {
        query: { group },
      }),
  });

/** The form behind a mailed link: the token is the only credential, so it is public. */
export const pulseFormQuery = (token: string) =>
  queryOptions({
    queryKey: ['pulse-link', token],
    queryFn: () => api<PulseFormView>('GET', `/api/pulse/${token}`),
    retry: false,
  });

export function schedulePulse(org: string, input: PulseSurveyDraft) {
  return api<PulseSurveyView>('POST', `/api/orgs/${org}/pulse/surveys`, { body: input });
}

export function updatePulse(org: string, surveyId: string, change: { title?: string; isActive?: boolean }) {
  return api<PulseSurveyView>('PATCH', `/api/orgs/${org}/pulse/surveys/${surveyId}`, { body: change });
}

export function closePulseRound(org: string, roundId: string) {
  return api<null>('POST', `/api/orgs/${org}/pulse/rounds/${roundId}/close`);
}

export function answerPulseInApp(org: string, roundId: string, answers: PulseAnswers) {
  return api<null>('POST', `/api/orgs/${org}/pulse/rounds/${roundId}/answer`, { body: { answers } });
}

export function answerPulseByLink(token: string, answers: PulseAnswers) {
  return api<null>('POST', `/api/pulse/${token}`, { body: { answers } });
}
