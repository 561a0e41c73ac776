import { queryOptions } from '@tanstack/react-query';
import type { DashboardView, dashboardSections, LeaderInsightsView } from '../../contracts/insights.ts';
import { api } from './client.ts';
import { orgKey } from './organizations.ts';

export type DashboardSection = (typeof dashboardSections)[number];
export type LeaderFigures = DashboardView['leaders'][number];
export type VerdictCounts = Pick<LeaderFigures['verdicts'], 'coaching' | 'mixed' | 'checkIn' | 'unscored'>;

export interface DashboardScope {
  weeks: number;
  /** Whose reporting tree; the signed-in person's own when absent. */
  rootId?: string;
}

export const insightsKey = (org: string) => [...orgKey(org), 'insights'] as const;

export const dashboardQuery = (org: string, scope: DashboardScope) =>
  queryOptions({
    queryKey: [...insightsKey(org), 'dashboard', scope.weeks, scope.rootId ?? ''],
    queryFn: ({ signal }) =>
      api<DashboardView>('GET', `/api/orgs/${org}/insights/dashboard`, {
        query: { weeks: scope.weeks, rootId: scope.rootId },
        signal,
      }),
    // The figures move slowly and the query is heavy: a minute old is fresh enough.
    staleTime: 60_000,
  });

export const leaderInsightsQuery = (org: string, personId: string, weeks: number) =>
  queryOptions({
    queryKey: [...insightsKey(org), 'leader', personId, weeks],
    queryFn: ({ signal }) =>
      api<LeaderInsightsView>('GET', `/api/orgs/${org}/insights/leaders/${personId}`, {
        query: { weeks },
        signal,
      }),
    staleTime: 60_000,
  });

function scopeSearch(scope: DashboardScope, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ weeks: String(scope.weeks), ...extra });
  if (scope.rootId) params.set('rootId', scope.rootId);
  return params.toString();
}

/** A plain link the browser downloads with the session cookie: one chart's figures as CSV. */
export function dashboardCsvHref(org: string, scope: DashboardScope, section: DashboardSection): string {
  return `/api/orgs/${org}/insights/dashboard.csv?${scopeSearch(scope, { section })}`;
}

/** The printable one-page report of the same figures, opened as its own page. */
export function dashboardReportHref(org: string, scope: DashboardScope): string {
  return `/api/orgs/${org}/insights/report?${scopeSearch(scope)}`;
}
