import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ApiTokenCreated, ApiTokenView } from '../../contracts/accounts.ts';
import { api } from './client.ts';

export type CreatedToken = z.infer<typeof ApiTokenCreated>;

export const tokensQuery = queryOptions({
  queryKey: ['tokens'],
  queryFn: () => api<ApiTokenView[]>('GET', '/api/tokens'),
});

export function createToken(name: string) {
  return api<CreatedToken>('POST', '/api/tokens', { body: { name } });
}

export function deleteToken(tokenId: string) {
  return api<null>('DELETE', `/api/tokens/${tokenId}`);
}
