import { createRoute } from '@tanstack/react-router';
import type { orgRoute as appOrgRoute } from './router.tsx';

type OrgRoute = typeof appOrgRoute;
type RootRoute = OrgRoute['parentRoute'];

export interface PulseResultsSearch {
  group?: string;
}

/** The culture pulse's pages: the public answer link and, inside an organization, the pulse and its results. */
export function pulseRoutes({ rootRoute, orgRoute }: { rootRoute: RootRoute; orgRoute: OrgRoute }) {
  const answerRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/pulse/$token',
  }).lazy(() => import('./pages/pulse/answer-page.tsx').then((m) => m.Route));

  const pulseRoute = createRoute({ getParentRoute: () => orgRoute, path: '/pulse' }).lazy(() =>
    import('./pages/pulse/pulse-page.tsx').then((m) => m.Route),
  );

  const resultsRoute = createRoute({
    getParentRoute: () => orgRoute,
    path: '/pulse/surveys/$surveyId',
    validateSearch: (search: Record<string, unknown>): PulseResultsSearch => ({
      group: typeof search.group === 'string' && search.group !== '' ? search.group : undefined,
    }),
  }).lazy(() => import('./pages/pulse/results-page.tsx').then((m) => m.Route));

  return { answerRoute, pulseRoute, resultsRoute };
}
