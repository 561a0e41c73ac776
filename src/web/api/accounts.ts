import type { SessionView, UserView } from '../../contracts/accounts.ts';
import { api } from './client.ts';

export function signUp(input: { name: string; email: string; password: string }) {
  return api<SessionView>('POST', '/api/auth/sign-up', { body: input });
}

export function signIn(input: { email: string; password: string }) {
  return api<SessionView>('POST', '/api/auth/sign-in', { body: input });
}

export function requestPasswordReset(email: string) {
  return api<unknown>('POST', '/api/auth/password-reset/request', { body: { email } });
}

export function confirmPasswordReset(token: string, password: string) {
  return api<null>('POST', '/api/auth/password-reset/confirm', { body: { token, password } });
}

export function requestEmailChange(newEmail: string) {
  return api<unknown>('POST', '/api/auth/email-change', { body: { newEmail } });
}

export function updateProfile(name: string) {
  return api<UserView>('PATCH', '/api/auth/profile', { body: { name } });
}

export function acceptInvitation(token: string) {
  return api<SessionView>('POST', `/api/invitations/${encodeURIComponent(token)}/accept`);
}
