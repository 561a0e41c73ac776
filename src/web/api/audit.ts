import { infiniteQueryOptions } from '@tanstack/react-query';
import type { AuditEventsPage } from '../../contracts/audit.ts';
import { api } from './client.ts';

export interface AuditFilter {
  action: string | null;
  actor: string;
}

export const auditEventsQuery = (org: string, filter: AuditFilter) =>
  infiniteQueryOptions({
    queryKey: ['org', org, 'audit-events', filter],
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ limit: '50' });
      if (filter.action) query.set('action', filter.action);
      if (filter.actor.trim()) query.set('actor', filter.actor.trim());
      if (pageParam) query.set('cursor', pageParam);
      return api<AuditEventsPage>('GET', `/api/orgs/${org}/audit-events?${query}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
