import { type QueryClient, queryOptions } from '@tanstack/react-query';
import type { SessionView } from '../../contracts/accounts.ts';
import { api, isApiError } from './client.ts';

export const sessionKey = ['session'] as const;

/** The signed-in session, or null when nobody is signed in. */
export const sessionQuery = queryOptions({
  queryKey: sessionKey,
  queryFn: async (): Promise<SessionView | null> => {
    try {
      return await api<SessionView>('GET', '/api/auth/session');
    } catch (error) {
      if (isApiError(error, 'UNAUTHENTICATED')) return null;
      throw error;
    }
  },
  staleTime: 60_000,
});

/** Stores a session the API just returned, so pages need not ask for it again. */
export function rememberSession(queryClient: QueryClient, session: SessionView | null): void {
  queryClient.setQueryData(sessionKey, session);
}

export function signOut(): Promise<null> {
  return api<null>('POST', '/api/auth/sign-out');
}
