import { queryOptions } from '@tanstack/react-query';
import type { RetentionSettingsInput, RetentionSettingsView } from '../../contracts/retention.ts';
import { api } from './client.ts';
import { orgKey } from './organizations.ts';

/**
 * A plain link the browser downloads with the session cookie (the server answers with a JSON
 * attachment): my data in one organization, or in every organization when `org` is null.
 */
export function personalExportHref(org: string | null): string {
  return org === null ? '/api/me/export' : `/api/orgs/${org}/me/export`;
}

export const retentionQuery = (org: string) =>
  queryOptions({
    queryKey: [...orgKey(org), 'retention'],
    queryFn: () => api<RetentionSettingsView>('GET', `/api/orgs/${org}/settings/retention`),
  });

export function saveRetention(org: string, input: RetentionSettingsInput) {
  return api<RetentionSettingsView>('PUT', `/api/orgs/${org}/settings/retention`, { body: input });
}
