import { AppShell, Box, Burger, Group, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconChartBar,
  IconChecklist,
  IconHeartbeat,
  IconHierarchy2,
  IconHome,
  IconMessages,
  IconPlant2,
  IconSchool,
  IconSettings,
  IconUsers,
} from '@tabler/icons-react';
import { createLazyRoute, Outlet, useRouterState } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useMyPerson } from '../lib/use-my-person.ts';
import { useCurrentOrg } from '../lib/use-org.ts';
import { NavLinkLink } from './links.tsx';
import { Logo } from './logo.tsx';
import { OrgSwitcher } from './org-switcher.tsx';
import { UserMenu } from './user-menu.tsx';

export const Route = createLazyRoute('/o/$org')({ component: AppLayout });

const navItems = [
  { label: 'Home', to: '/o/$org', icon: IconHome, exact: true },
  { label: 'My 1:1s', to: '/o/$org/meetings', icon: IconMessages, exact: false },
  { label: 'Next steps', to: '/o/$org/next-steps', icon: IconChecklist, exact: false },
  { label: 'Growth', to: '/o/$org/growth', icon: IconPlant2, exact: false },
  { label: 'Academy', to: '/o/$org/academy', icon: IconSchool, exact: false },
  { label: 'Pulse', to: '/o/$org/pulse', icon: IconHeartbeat, exact: false },
  { label: 'Insights', to: '/o/$org/insights', icon: IconChartBar, exact: false, forLeaders: true },
  { label: 'People', to: '/o/$org/people', icon: IconUsers, exact: false },
  { label: 'Org chart', to: '/o/$org/org-chart', icon: IconHierarchy2, exact: false },
  { label: 'Settings', to: '/o/$org/settings', icon: IconSettings, exact: false },
] as const;

function AppLayout() {
  const [isNavOpen, nav] = useDisclosure(false);
  const { slug, membership, canManage } = useCurrentOrg();
  const { person } = useMyPerson();
  // The executive view is for people who lead someone; admins and owners see it to find their way.
  const isLeader = canManage || (person?.directReportCount ?? 0) > 0;
  const pathname = useRouterState({ select: (state) => state.location.pathname });

  // On a phone the navigation is a drawer: close it once a link has been followed.
  useEffect(() => {
    if (pathname) nav.close();
  }, [pathname, nav.close]);

  const base = `/o/${slug}`;
  const isActive = (to: string, exact: boolean) => {
    const path = to.replace('/o/$org', base);
    return exact ? pathname === path || pathname === `${path}/` : pathname.startsWith(path);
  };

  return (
    <AppShell
      header={{ height: { base: 56, sm: 0 } }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !isNavOpen } }}
      padding={0}
    >
      <a href="#main" className="tandem-skip-link">
        Skip to content
      </a>
      <AppShell.Header hiddenFrom="sm" px="md">
        <Group h="100%" justify="space-between" wrap="nowrap" w="100%">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={isNavOpen}
              onClick={nav.toggle}
              size="sm"
              aria-label={isNavOpen ? 'Close navigation' : 'Open navigation'}
              aria-expanded={isNavOpen}
              aria-controls="tandem-navbar"
            />
            <Logo size={24} />
          </Group>
          <Text fz="sm" c="dimmed" truncate maw="45%">
            {membership.name}
          </Text>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar id="tandem-navbar" aria-label="Main" p="sm">
        <AppShell.Section>
          <Box visibleFrom="sm" px={6} pt={4} pb="md">
            <Logo size={26} />
          </Box>
          <OrgSwitcher />
        </AppShell.Section>
        <AppShell.Section grow component={ScrollArea} mt="md">
          <Stack gap={2}>
            {navItems.map((item) => {
              if ('forLeaders' in item && !isLeader) return null;
              const active = isActive(item.to, item.exact);
              return (
                <NavLinkLink
                  key={item.label}
                  to={item.to}
                  params={{ org: slug }}
                  label={item.label}
                  leftSection={<item.icon size={18} stroke={1.7} aria-hidden="true" />}
                  active={active}
                  activeOptions={{ exact: item.exact, includeSearch: false }}
                  variant="light"
                  styles={{ root: { borderRadius: 'var(--mantine-radius-md)' }, label: { fontWeight: 500 } }}
                />
              );
            })}
          </Stack>
        </AppShell.Section>
        <AppShell.Section>
          <UserMenu />
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1} style={{ outline: 'none' }}>
        <Box px={{ base: 'md', sm: 'xl' }} py={{ base: 'lg', sm: 'xl' }} maw={1180}>
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
