import { createRoute } from '@tanstack/react-router';
import type { orgRoute as appOrgRoute } from './router.tsx';

type OrgRoute = typeof appOrgRoute;

export const periodChoices = [4, 8, 12, 26, 52] as const;
export const DEFAULT_WEEKS = 12;

export interface InsightsSearch {
  weeks?: number;
  root?: string;
}

export interface CalendarAuditSearch {
  audit?: string;
}

function readWeeks(value: unknown): number | undefined {
  const weeks = Number(value);
  return Number.isInteger(weeks) && weeks >= 1 && weeks <= 104 && weeks !== DEFAULT_WEEKS ? weeks : undefined;
}

const isUuid = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** The executive view's pages: the dashboard of a reporting tree, one leader's figures, my calendar audit. */
export function insightsRoutes({ orgRoute }: { orgRoute: OrgRoute }) {
  const dashboardRoute = createRoute({
    getParentRoute: () => orgRoute,
    path: '/insights',
    validateSearch: (search: Record<string, unknown>): InsightsSearch => ({
      weeks: readWeeks(search.weeks),
      root: isUuid(search.root) ? search.root : undefined,
    }),
  }).lazy(() => import('./pages/insights/dashboard-page.tsx').then((m) => m.Route));

  const leaderRoute = createRoute({
    getParentRoute: () => orgRoute,
    path: '/insights/leaders/$personId',
    validateSearch: (search: Record<string, unknown>): Pick<InsightsSearch, 'weeks'> => ({
      weeks: readWeeks(search.weeks),
    }),
  }).lazy(() => import('./pages/insights/leader-page.tsx').then((m) => m.Route));

  const calendarRoute = createRoute({
    getParentRoute: () => orgRoute,
    path: '/insights/calendar',
    validateSearch: (search: Record<string, unknown>): CalendarAuditSearch => ({
      audit: isUuid(search.audit) ? search.audit : undefined,
    }),
  }).lazy(() => import('./pages/insights/calendar-audit-page.tsx').then((m) => m.Route));

  return { dashboardRoute, leaderRoute, calendarRoute };
}
