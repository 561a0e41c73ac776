import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  notFound,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import type { SessionView } from '../contracts/accounts.ts';
import { sessionQuery } from './api/session.ts';
import { PageError } from './components/page-error.tsx';
import { PageLoader } from './components/page-loader.tsx';
import { insightsRoutes } from './insights-routes.tsx';
import { NotFoundPage } from './pages/not-found.tsx';
import { pulseRoutes } from './pulse-routes.tsx';

export interface RouterContext {
  queryClient: QueryClient;
}

const settingsTabs = [
  'profile',
  'notifications',
  'calendar',
  'tokens',
  'data',
  'members',
  'invitations',
  'import',
  'questions',
  'templates',
  'outbox',
  'audit',
  'retention',
  'sso',
] as const;
export type SettingsTab = (typeof settingsTabs)[number];

function safeRedirect(value: unknown): string | undefined {
  // Only same-site paths: an open redirect would let a link send people elsewhere after sign-in.
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : undefined;
}

async function requireSession(queryClient: QueryClient, href: string): Promise<SessionView> {
  const session = await queryClient.ensureQueryData(sessionQuery);
  if (!session) throw redirect({ to: '/sign-in', search: { redirect: href } });
  return session;
}

async function redirectIfSignedIn(queryClient: QueryClient, target: string | undefined) {
  const session = await queryClient.ensureQueryData(sessionQuery);
  if (session) throw redirect({ to: target ?? '/' });
}

function StandaloneNotFound() {
  return (
    <main>
      <NotFoundPage />
    </main>
  );
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: StandaloneNotFound,
  errorComponent: PageError,
});

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: async ({ context, location }) => {
    const session = await requireSession(context.queryClient, location.href);
    const first = session.memberships[0];
    if (!first) throw redirect({ to: '/welcome' });
    const remembered = window.localStorage.getItem('tandem-last-org');
    const chosen = session.memberships.find((m) => m.slug === remembered) ?? first;
    throw redirect({ to: '/o/$org', params: { org: chosen.slug } });
  },
});

const redirectSearch = (search: Record<string, unknown>): { redirect?: string } => ({
  redirect: safeRedirect(search.redirect),
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): { redirect?: string; ssoError?: string } => ({
    ...redirectSearch(search),
    ssoError: typeof search.ssoError === 'string' ? search.ssoError.slice(0, 40) : undefined,
  }),
  beforeLoad: ({ context, search }) => redirectIfSignedIn(context.queryClient, search.redirect),
}).lazy(() => import('./pages/sign-in.tsx').then((m) => m.Route));

const signUpRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-up',
  validateSearch: (search: Record<string, unknown>): { invitation?: string; email?: string } => ({
    invitation: typeof search.invitation === 'string' ? search.invitation : undefined,
    email: typeof search.email === 'string' ? search.email : undefined,
  }),
  beforeLoad: ({ context, search }) =>
    search.invitation ? undefined : redirectIfSignedIn(context.queryClient, undefined),
}).lazy(() => import('./pages/sign-up.tsx').then((m) => m.Route));

const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
}).lazy(() => import('./pages/forgot-password.tsx').then((m) => m.Route));

const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  validateSearch: (search: Record<string, unknown>) => ({
    token: typeof search.token === 'string' ? search.token : '',
  }),
}).lazy(() => import('./pages/reset-password.tsx').then((m) => m.Route));

const invitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invitations/$token',
}).lazy(() => import('./pages/accept-invitation.tsx').then((m) => m.Route));

const verifyCertificateRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/certificates/$certificateId',
}).lazy(() => import('./pages/academy/verify-certificate.tsx').then((m) => m.Route));

const welcomeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/welcome',
  beforeLoad: async ({ context, location }) => ({
    session: await requireSession(context.queryClient, location.href),
  }),
}).lazy(() => import('./pages/create-organization.tsx').then((m) => m.Route));

export const orgRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/o/$org',
  beforeLoad: async ({ context, location, params }) => {
    const session = await requireSession(context.queryClient, location.href);
    const membership = session.memberships.find((m) => m.slug === params.org);
    if (!membership) throw notFound();
    window.localStorage.setItem('tandem-last-org', membership.slug);
    return { session, membership };
  },
  pendingComponent: PageLoader,
}).lazy(() => import('./components/app-layout.tsx').then((m) => m.Route));

const homeRoute = createRoute({ getParentRoute: () => orgRoute, path: '/' }).lazy(() =>
  import('./pages/home.tsx').then((m) => m.Route),
);

export interface PeopleSearch {
  q?: string;
  page?: number;
}

const peopleRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: '/people',
  validateSearch: (search: Record<string, unknown>): PeopleSearch => {
    const page = Number(search.page);
    return {
      q: typeof search.q === 'string' && search.q !== '' ? search.q : undefined,
      page: Number.isInteger(page) && page > 1 ? page : undefined,
    };
  },
}).lazy(() => import('./pages/people.tsx').then((m) => m.Route));

const personRoute = createRoute({ getParentRoute: () => orgRoute, path: '/people/$personId' }).lazy(() =>
  import('./pages/person.tsx').then((m) => m.Route),
);

const orgChartRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: '/org-chart',
  validateSearch: (search: Record<string, unknown>): { focus?: string } => ({
    focus: typeof search.focus === 'string' ? search.focus : undefined,
  }),
}).lazy(() => import('./pages/org-chart.tsx').then((m) => m.Route));

export interface MeetingsSearch {
  tab?: 'past';
}

const meetingsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: '/meetings',
  validateSearch: (search: Record<string, unknown>): MeetingsSearch => ({
    tab: search.tab === 'past' ? 'past' : undefined,
  }),
}).lazy(() => import('./pages/meetings/my-meetings.tsx').then((m) => m.Route));

export interface MeetingSearch {
  view?: 'coaching';
}

const meetingRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: '/meetings/$meetingId',
  validateSearch: (search: Record<string, unknown>): MeetingSearch => ({
    view: search.view === 'coaching' ? 'coaching' : undefined,
  }),
}).lazy(() => import('./pages/meetings/meeting-page.tsx').then((m) => m.Route));

const nextStepsRoute = createRoute({ getParentRoute: () => orgRoute, path: '/next-steps' }).lazy(() =>
  import('./pages/meetings/my-next-steps.tsx').then((m) => m.Route),
);

const searchRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: '/search',
  validateSearch: (search: Record<string, unknown>): { q?: string } => ({
    q: typeof search.q === 'string' && search.q.trim() !== '' ? search.q : undefined,
  }),
}).lazy(() => import('./pages/meetings/search-page.tsx').then((m) => m.Route));

const historyRoute = createRoute({ getParentRoute: () => orgRoute, path: '/history/$personId' }).lazy(() =>
  import('./pages/meetings/history-page.tsx').then((m) => m.Route),
);

const academyRoute = createRoute({ getParentRoute: () => orgRoute, path: '/academy' }).lazy(() =>
  import('./pages/academy/catalogue-page.tsx').then((m) => m.Route),
);

const moduleParts = ['lesson', 'example', 'quiz', 'practice', 'assignment'] as const;
export type ModulePart = (typeof moduleParts)[number];

const academyModuleRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: '/academy/$moduleId',
  validateSearch: (search: Record<string, unknown>): { part?: ModulePart } => ({
    part: moduleParts.includes(search.part as ModulePart) ? (search.part as ModulePart) : undefined,
  }),
}).lazy(() => import('./pages/academy/module-page.tsx').then((m) => m.Route));

const certificateRoute = createRoute({ getParentRoute: () => orgRoute, path: '/academy/certificate' }).lazy(
  () => import('./pages/academy/certificate-page.tsx').then((m) => m.Route),
);

const cohortsRoute = createRoute({ getParentRoute: () => orgRoute, path: '/academy/cohorts' }).lazy(() =>
  import('./pages/academy/cohorts-page.tsx').then((m) => m.Route),
);

const cohortRoute = createRoute({ getParentRoute: () => orgRoute, path: '/academy/cohorts/$cohortId' }).lazy(
  () => import('./pages/academy/cohort-report-page.tsx').then((m) => m.Route),
);

const skillsRoute = createRoute({ getParentRoute: () => orgRoute, path: '/skills' }).lazy(() =>
  import('./pages/growth/skills-page.tsx').then((m) => m.Route),
);

const myGrowthRoute = createRoute({ getParentRoute: () => orgRoute, path: '/growth' }).lazy(() =>
  import('./pages/growth/my-growth-page.tsx').then((m) => m.Route),
);

const personGrowthRoute = createRoute({ getParentRoute: () => orgRoute, path: '/growth/$personId' }).lazy(
  () => import('./pages/growth/person-growth-page.tsx').then((m) => m.Route),
);

const assessmentRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: '/growth/assessments/$assessmentId',
}).lazy(() => import('./pages/growth/assessment-page.tsx').then((m) => m.Route));

const settingsIndexRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: '/settings',
  beforeLoad: ({ params }) => {
    throw redirect({ to: '/o/$org/settings/$tab', params: { org: params.org, tab: 'profile' } });
  },
});

const settingsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: '/settings/$tab',
  beforeLoad: ({ params }) => {
    if (!settingsTabs.includes(params.tab as SettingsTab)) throw notFound();
  },
}).lazy(() => import('./pages/settings/settings.tsx').then((m) => m.Route));

const pulse = pulseRoutes({ rootRoute, orgRoute });
const insights = insightsRoutes({ orgRoute });

const routeTree = rootRoute.addChildren([
  indexRoute,
  signInRoute,
  signUpRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  invitationRoute,
  welcomeRoute,
  verifyCertificateRoute,
  pulse.answerRoute,
  orgRoute.addChildren([
    homeRoute,
    peopleRoute,
    personRoute,
    orgChartRoute,
    meetingsRoute,
    meetingRoute,
    nextStepsRoute,
    searchRoute,
    historyRoute,
    academyRoute,
    academyModuleRoute,
    certificateRoute,
    cohortsRoute,
    cohortRoute,
    skillsRoute,
    myGrowthRoute,
    personGrowthRoute,
    assessmentRoute,
    pulse.pulseRoute,
    pulse.resultsRoute,
    insights.dashboardRoute,
    insights.leaderRoute,
    insights.calendarRoute,
    settingsIndexRoute,
    settingsRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    defaultPendingMs: 300,
    scrollRestoration: true,
    defaultNotFoundComponent: NotFoundPage,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
