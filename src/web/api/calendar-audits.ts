import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CalendarAuditEventView,
  CalendarAuditImported,
  CalendarAuditInput,
  CalendarAuditListItem,
  CalendarAuditSummary,
  EventClass,
} from '../../contracts/calendar-audit.ts';
import { api } from './client.ts';
import { orgKey } from './organizations.ts';

export type CalendarAuditItem = z.infer<typeof CalendarAuditListItem>;
export type CalendarAuditEvent = z.infer<typeof CalendarAuditEventView>;
export type CalendarAuditResult = z.infer<typeof CalendarAuditImported>;
export type CalendarEventClass = z.infer<typeof EventClass>;
export type CalendarAuditWeek = CalendarAuditSummary['weeks'][number];
export type { CalendarAuditInput, CalendarAuditSummary };

// Only the signed-in leader's own audits exist for this client: the API lists no one else's.
export const calendarAuditsKey = (org: string) => [...orgKey(org), 'calendar-audits'] as const;

export const myCalendarAuditsQuery = (org: string) =>
  queryOptions({
    queryKey: [...calendarAuditsKey(org), 'list'],
    queryFn: ({ signal }) => api<CalendarAuditItem[]>('GET', `/api/orgs/${org}/calendar-audits`, { signal }),
  });

export const calendarAuditQuery = (org: string, auditId: string) =>
  queryOptions({
    queryKey: [...calendarAuditsKey(org), auditId, 'summary'],
    queryFn: ({ signal }) =>
      api<CalendarAuditSummary>('GET', `/api/orgs/${org}/calendar-audits/${auditId}`, { signal }),
  });

export const calendarAuditEventsQuery = (org: string, auditId: string) =>
  queryOptions({
    queryKey: [...calendarAuditsKey(org), auditId, 'events'],
    queryFn: ({ signal }) =>
      api<CalendarAuditEvent[]>('GET', `/api/orgs/${org}/calendar-audits/${auditId}/events`, { signal }),
  });

export function importCalendarAudit(org: string, input: CalendarAuditInput) {
  return api<CalendarAuditResult>('POST', `/api/orgs/${org}/calendar-audits`, { body: input });
}

export function reclassifyCalendarEvent(
  org: string,
  auditId: string,
  eventId: string,
  eventClass: CalendarEventClass,
) {
  return api<CalendarAuditEvent>('PATCH', `/api/orgs/${org}/calendar-audits/${auditId}/events/${eventId}`, {
    body: { eventClass },
  });
}

export function deleteCalendarAudit(org: string, auditId: string) {
  return api<null>('DELETE', `/api/orgs/${org}/calendar-audits/${auditId}`);
}
