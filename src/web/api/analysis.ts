import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AnalysisView, TrendView } from '../../contracts/analysis.ts';
import type { MeetingAnalysis } from '../../core/coaching/analysis-types.ts';
import { api, isApiError } from './client.ts';
import { meetingsKey } from './meetings.ts';
import { orgKey } from './organizations.ts';

export type CoachingTrend = z.infer<typeof TrendView>;

/**
 * The stored analysis as the viewer may see it. With `full` visibility it is the whole analysis;
 * with `shared-basics` only the topics, agenda, commitments and what could not be measured.
 */
export type Analysis = Omit<AnalysisView, 'result'> & {
  result: Partial<MeetingAnalysis> & Pick<MeetingAnalysis, 'score' | 'verdict' | 'topics' | 'unmeasured'>;
};

export const analysisKey = (org: string, meetingId: string) =>
  [...meetingsKey(org), 'analysis', meetingId] as const;

/** The coaching report of a 1:1, or null when it has not been analysed yet. */
export const analysisQuery = (org: string, meetingId: string) =>
  queryOptions({
    queryKey: analysisKey(org, meetingId),
    queryFn: async ({ signal }): Promise<Analysis | null> => {
      try {
        return await api<Analysis>('GET', `/api/orgs/${org}/meetings/${meetingId}/analysis`, { signal });
      } catch (error) {
        if (isApiError(error, 'NOT_FOUND')) return null;
        throw error;
      }
    },
  });

export const trendQuery = (org: string) =>
  queryOptions({
    queryKey: [...orgKey(org), 'coaching-trend'],
    queryFn: () => api<CoachingTrend>('GET', `/api/orgs/${org}/coaching/trend`, { query: { limit: 8 } }),
  });

export interface TranscriptInput {
  text?: string;
  base64?: string;
  fileName?: string;
  consent: true;
}

export function uploadTranscript(org: string, meetingId: string, input: TranscriptInput) {
  return api<Analysis>('PUT', `/api/orgs/${org}/meetings/${meetingId}/transcript`, { body: input });
}

export function deleteTranscript(org: string, meetingId: string) {
  return api<null>('DELETE', `/api/orgs/${org}/meetings/${meetingId}/transcript`);
}

export function analyzeFromNotes(org: string, meetingId: string) {
  return api<Analysis>('POST', `/api/orgs/${org}/meetings/${meetingId}/analysis`);
}

export function shareAnalysis(org: string, meetingId: string, isSharedWithReport: boolean) {
  return api<Analysis>('PATCH', `/api/orgs/${org}/meetings/${meetingId}/analysis`, {
    body: { isSharedWithReport },
  });
}
