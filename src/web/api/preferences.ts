import { queryOptions } from '@tanstack/react-query';
import type { CalendarFeedCreated, CalendarFeedView } from '../../contracts/calendar.ts';
import type {
  NotificationPreferencesInput,
  NotificationPreferencesView,
} from '../../contracts/notifications.ts';
import { api } from './client.ts';
import { orgKey } from './organizations.ts';

export const notificationPreferencesQuery = (org: string) =>
  queryOptions({
    queryKey: [...orgKey(org), 'notification-preferences'],
    queryFn: () => api<NotificationPreferencesView>('GET', `/api/orgs/${org}/notification-preferences`),
  });

export function saveNotificationPreferences(org: string, input: NotificationPreferencesInput) {
  return api<NotificationPreferencesView>('PUT', `/api/orgs/${org}/notification-preferences`, {
    body: input,
  });
}

export const calendarFeedQuery = (org: string) =>
  queryOptions({
    queryKey: [...orgKey(org), 'calendar-feed'],
    queryFn: () => api<CalendarFeedView>('GET', `/api/orgs/${org}/calendar-feed`),
  });

/** Creates a feed, revoking the one before: its URL is in the answer and nowhere else, ever. */
export function createCalendarFeed(org: string) {
  return api<CalendarFeedCreated>('POST', `/api/orgs/${org}/calendar-feed`);
}

export function revokeCalendarFeed(org: string) {
  return api<null>('DELETE', `/api/orgs/${org}/calendar-feed`);
}
