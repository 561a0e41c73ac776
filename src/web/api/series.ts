import type { SeriesView } from '../../contracts/meetings.ts';
import { api } from './client.ts';

export function handOverSeries(org: string, seriesId: string, leaderId: string) {
  return api<SeriesView>('PATCH', `/api/orgs/${org}/series/${seriesId}`, { body: { leaderId } });
}

/** Downloads one 1:1 as an .ics file through the browser, with the session cookie. */
export function meetingIcsUrl(org: string, meetingId: string): string {
  return `/api/orgs/${org}/meetings/${meetingId}/ics`;
}
