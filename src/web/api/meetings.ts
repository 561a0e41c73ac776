import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AgendaItemView,
  MeetingPage,
  MeetingSummary,
  MyNextSteps,
  NextStepView,
  PrivateNoteView,
  SeriesView,
  SharedNotesView,
  StatusUpdateView,
} from '../../contracts/meetings.ts';
import type { QuestionView } from '../../contracts/questions.ts';
import { api, isApiError } from './client.ts';
import { orgKey } from './organizations.ts';

export type AgendaItemType = AgendaItemView['type'];
export type SharedNotes = z.infer<typeof SharedNotesView>;
export type StatusUpdate = z.infer<typeof StatusUpdateView>;
export type PrivateNote = z.infer<typeof PrivateNoteView>;
export type MyNextStepsView = z.infer<typeof MyNextSteps>;
export type MeetingScope = 'upcoming' | 'past';

export const meetingsKey = (org: string) => [...orgKey(org), 'meetings'] as const;
export const meetingKey = (org: string, meetingId: string) =>
  [...meetingsKey(org), 'page', meetingId] as const;
export const nextStepsKey = (org: string) => [...orgKey(org), 'next-steps'] as const;

export const meetingsQuery = (org: string, scope: MeetingScope, limit = 100) =>
  queryOptions({
    queryKey: [...meetingsKey(org), 'list', scope, limit],
    queryFn: ({ signal }) =>
      api<MeetingSummary[]>('GET', `/api/orgs/${org}/meetings`, { query: { scope, limit }, signal }),
  });

export const meetingQuery = (org: string, meetingId: string) =>
  queryOptions({
    queryKey: meetingKey(org, meetingId),
    queryFn: ({ signal }) => api<MeetingPage>('GET', `/api/orgs/${org}/meetings/${meetingId}`, { signal }),
  });

export const seriesQuery = (org: string) =>
  queryOptions({
    queryKey: [...meetingsKey(org), 'series'],
    queryFn: () => api<SeriesView[]>('GET', `/api/orgs/${org}/series`),
  });

export const myNextStepsQuery = (org: string) =>
  queryOptions({
    queryKey: [...nextStepsKey(org), 'mine'],
    queryFn: () => api<MyNextStepsView>('GET', `/api/orgs/${org}/next-steps/mine`),
  });

/**
 * Coaching questions for one agenda item. Null when this server has no suggestions route yet,
 * so the page can leave the panel out rather than show an error.
 */
export const suggestionsQuery = (org: string, agendaType: AgendaItemType, text: string) =>
  queryOptions({
    queryKey: [...orgKey(org), 'question-suggestions', agendaType, text],
    queryFn: async ({ signal }): Promise<QuestionView[] | null> => {
      try {
        return await api<QuestionView[]>('GET', `/api/orgs/${org}/questions/suggestions`, {
          query: { agendaType, text: text.slice(0, 300), limit: 3 },
          signal,
        });
      } catch (error) {
        if (isApiError(error, 'NOT_FOUND')) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });

export interface SeriesInput {
  withPersonId: string;
  callerIsReport: boolean;
  cadence: 'weekly' | 'biweekly' | 'monthly' | 'custom';
  rrule?: string;
  startDate: string;
  startTime: string;
  durationMinutes: number;
  timeZone: string;
}

export function createSeries(org: string, input: SeriesInput) {
  return api<SeriesView>('POST', `/api/orgs/${org}/series`, { body: input });
}

export interface OneOffInput {
  withPersonId: string;
  callerIsReport: boolean;
  startsAt: string;
  durationMinutes: number;
}

export function createOneOff(org: string, input: OneOffInput) {
  return api<MeetingSummary>('POST', `/api/orgs/${org}/meetings`, { body: input });
}

export function updateMeeting(
  org: string,
  meetingId: string,
  change: { startsAt?: string; durationMinutes?: number; status?: 'scheduled' | 'skipped' },
) {
  return api<MeetingSummary>('PATCH', `/api/orgs/${org}/meetings/${meetingId}`, { body: change });
}

export function closeMeeting(org: string, meetingId: string, noNextStepsReason?: string) {
  return api<MeetingSummary>('POST', `/api/orgs/${org}/meetings/${meetingId}/close`, {
    body: noNextStepsReason ? { noNextStepsReason } : {},
  });
}

export function addAgendaItem(
  org: string,
  meetingId: string,
  input: { title: string; type?: AgendaItemType },
) {
  return api<AgendaItemView>('POST', `/api/orgs/${org}/meetings/${meetingId}/agenda`, { body: input });
}

export function updateAgendaItem(
  org: string,
  meetingId: string,
  itemId: string,
  change: { title?: string; type?: AgendaItemType; isCovered?: boolean },
) {
  return api<AgendaItemView>('PATCH', `/api/orgs/${org}/meetings/${meetingId}/agenda/${itemId}`, {
    body: change,
  });
}

export function deleteAgendaItem(org: string, meetingId: string, itemId: string) {
  return api<null>('DELETE', `/api/orgs/${org}/meetings/${meetingId}/agenda/${itemId}`);
}

export function reorderAgenda(org: string, meetingId: string, itemIds: string[]) {
  return api<AgendaItemView[]>('PUT', `/api/orgs/${org}/meetings/${meetingId}/agenda/order`, {
    body: { itemIds },
  });
}

export function saveStatusUpdate(
  org: string,
  meetingId: string,
  input: { wins: string; inProgress: string; blocked: string },
) {
  return api<StatusUpdate>('PUT', `/api/orgs/${org}/meetings/${meetingId}/status-update`, { body: input });
}

export function saveSharedNotes(org: string, meetingId: string, body: string, baseVersion: number) {
  return api<SharedNotes>('PUT', `/api/orgs/${org}/meetings/${meetingId}/notes/shared`, {
    body: { body, baseVersion },
  });
}

export function savePrivateNote(org: string, meetingId: string, body: string) {
  return api<PrivateNote>('PUT', `/api/orgs/${org}/meetings/${meetingId}/notes/private`, { body: { body } });
}

export function addNextStep(
  org: string,
  meetingId: string,
  input: { title: string; ownerId: string | null; dueDate: string | null },
) {
  return api<NextStepView>('POST', `/api/orgs/${org}/meetings/${meetingId}/next-steps`, { body: input });
}

export function updateNextStep(
  org: string,
  nextStepId: string,
  change: { status?: 'open' | 'done' | 'dropped'; droppedReason?: string; title?: string },
) {
  return api<NextStepView>('PATCH', `/api/orgs/${org}/next-steps/${nextStepId}`, { body: change });
}
