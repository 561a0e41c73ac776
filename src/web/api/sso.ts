import { queryOptions } from '@tanstack/react-query';
import type { SsoConfigInput, SsoSettingsView, SsoStartView } from '../../contracts/sso.ts';
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

/** Where to send the browser to sign in with the organization's provider (or back, with the reason). */
export function startSsoSignIn(login: string, returnTo: string | undefined) {
  return api<SsoStartView>('POST', '/api/sso/start', {
    body: { login: login.trim(), ...(returnTo ? { returnTo } : {}) },
  });
}
