import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type {
  OrgChartView,
  PeopleImportResult,
  PeoplePage,
  PersonErasureResult,
  PersonView,
} from '../../contracts/people.ts';
import { api } from './client.ts';
import { orgKey } from './organizations.ts';

export interface PeopleFilter {
  q?: string;
  managerId?: string;
  limit: number;
  offset: number;
}

export const peopleKey = (org: string) => [...orgKey(org), 'people'] as const;

export const peopleQuery = (org: string, filter: PeopleFilter) =>
  queryOptions({
    queryKey: [...peopleKey(org), 'list', filter],
    queryFn: ({ signal }) =>
      api<PeoplePage>('GET', `/api/orgs/${org}/people`, { query: { ...filter }, signal }),
    placeholderData: keepPreviousData,
  });

export const personQuery = (org: string, personId: string) =>
  queryOptions({
    queryKey: [...peopleKey(org), 'person', personId],
    queryFn: () => api<PersonView>('GET', `/api/orgs/${org}/people/${personId}`),
  });

export const orgChartQuery = (org: string) =>
  queryOptions({
    queryKey: [...peopleKey(org), 'org-chart'],
    queryFn: () => api<OrgChartView>('GET', `/api/orgs/${org}/org-chart`),
  });

export interface PersonInput {
  email?: string;
  name?: string;
  title?: string;
  managerId?: string | null;
  startDate?: string | null;
  timeZone?: string;
}

export function updatePerson(org: string, personId: string, input: PersonInput) {
  return api<PersonView>('PATCH', `/api/orgs/${org}/people/${personId}`, { body: input });
}

export function createPerson(org: string, input: PersonInput) {
  return api<PersonView>('POST', `/api/orgs/${org}/people`, { body: input });
}

export function importPeople(org: string, csv: string, dryRun: boolean) {
  return api<PeopleImportResult>('POST', `/api/orgs/${org}/people/import`, { body: { csv, dryRun } });
}

/** Deletes a person from the organization for good: their own data goes, anonymous figures stay. */
export function deletePerson(org: string, personId: string) {
  return api<PersonErasureResult>('DELETE', `/api/orgs/${org}/people/${personId}`);
}
