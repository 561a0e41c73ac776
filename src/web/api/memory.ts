import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SearchResults, Timeline } from '../../contracts/timeline.ts';
import { api } from './client.ts';
import { orgKey } from './organizations.ts';

export const searchQuery = (org: string, q: string) =>
  queryOptions({
    queryKey: [...orgKey(org), 'search', q],
    queryFn: ({ signal }) =>
      api<z.infer<typeof SearchResults>>('GET', `/api/orgs/${org}/search`, {
        query: { q, limit: 50 },
        signal,
      }),
    enabled: q.trim() !== '',
  });

export const timelineQuery = (org: string, personId: string) =>
  infiniteQueryOptions({
    queryKey: [...orgKey(org), 'timeline', personId],
    queryFn: ({ pageParam, signal }) =>
      api<Timeline>('GET', `/api/orgs/${org}/timeline/${personId}`, {
        query: { before: pageParam, limit: 10 },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
