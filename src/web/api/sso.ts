import { queryOptions } from '@tanstack/react-query';
import type { SsoConfigInput, SsoSettingsView } from '../../contracts/sso.ts';
import { api } from './client.ts';

export const ssoSettingsQuery = (slug: string) =>
  queryOptions({
    queryKey: ['orgs', slug, 'sso'],
    queryFn: () => api<SsoSettingsView>('GET', `/api/orgs/${slug}/sso`),
  });

export function saveSsoSettings(slug: string, input: SsoConfigInput) {
  return api<SsoSettingsView>('PUT', `/api/orgs/${slug}/sso`, { body: input });
}

export function removeSsoSettings(slug: string) {
  return api<null>('DELETE', `/api/orgs/${slug}/sso`);
}

/** Where the sign-in page sends the browser: the server redirects on to the organization's provider. */
export function ssoStartUrl(login: string, returnTo: string | undefined): string {
  const params = new URLSearchParams({ login: login.trim() });
  if (returnTo) params.set('returnTo', returnTo);
  return `/api/sso/start?${params}`;
}
