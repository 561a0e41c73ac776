import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { isApiError } from './api/client.ts';
import { sessionKey } from './api/session.ts';
import { createAppRouter } from './router.tsx';
import { colorSchemeManager, cssVariablesResolver, theme } from './theme.ts';

function onUnauthenticated(error: unknown) {
  // A session that expires mid-use sends the person to sign in, then back where they were.
  if (!isApiError(error, 'UNAUTHENTICATED')) return;
  queryClient.setQueryData(sessionKey, null);
  const here = window.location.pathname + window.location.search;
  if (!here.startsWith('/sign-in')) void router.navigate({ to: '/sign-in', search: { redirect: here } });
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onUnauthenticated }),
  mutationCache: new MutationCache({ onError: onUnauthenticated }),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      retry: (failures, error) =>
        !(isApiError(error) && error.status > 0 && error.status < 500) && failures < 2,
    },
  },
});
const router = createAppRouter(queryClient);

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');

createRoot(container).render(
  <StrictMode>
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      colorSchemeManager={colorSchemeManager}
      defaultColorScheme="auto"
    >
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
