import { Badge, Card, Group, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconArrowRight,
  IconCircleCheckFilled,
  IconFileImport,
  IconHierarchy2,
  IconKey,
  IconUserPlus,
  IconUsers,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { createLazyRoute, type LinkProps } from '@tanstack/react-router';
import type { ComponentType } from 'react';
import { invitationsQuery, organizationQuery } from '../api/organizations.ts';
import { CardLink, UnstyledLink } from '../components/links.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { firstName, plural } from '../lib/format.ts';
import { useCurrentOrg } from '../lib/use-org.ts';

export const Route = createLazyRoute('/o/$org/')({ component: HomePage });

interface Step {
  title: string;
  description: string;
  icon: ComponentType<{ size?: number; stroke?: number; 'aria-hidden'?: boolean }>;
  link: LinkProps;
  isDone: boolean;
  action: string;
}

function StepRow({ step, index }: { step: Step; index: number }) {
  return (
    <UnstyledLink {...step.link} p="md" className="tandem-step" data-step={index + 1}>
      <Group wrap="nowrap" gap="md" align="flex-start">
        {step.isDone ? (
          <ThemeIcon variant="light" color="teal" radius="xl" size={36} aria-hidden="true">
            <IconCircleCheckFilled size={20} />
          </ThemeIcon>
        ) : (
          <ThemeIcon variant="light" radius="xl" size={36} aria-hidden="true">
            <step.icon size={18} stroke={1.8} />
          </ThemeIcon>
        )}
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={600}>{step.title}</Text>
            {step.isDone ? (
              <Badge color="teal" size="sm">
                Done
              </Badge>
            ) : null}
          </Group>
          <Text fz="sm" c="dimmed">
            {step.description}
          </Text>
        </Stack>
        <Group
          gap={4}
          visibleFrom="xs"
          wrap="nowrap"
          c="var(--mantine-color-anchor)"
          style={{ alignSelf: 'center' }}
        >
          <Text fz="sm" fw={500} c="inherit">
            {step.action}
          </Text>
          <IconArrowRight size={16} aria-hidden="true" />
        </Group>
      </Group>
    </UnstyledLink>
  );
}

function HomePage() {
  const { slug, session, canManage, membership } = useCurrentOrg();
  const organization = useQuery(organizationQuery(slug));
  const invitations = useQuery({ ...invitationsQuery(slug), enabled: canManage });
  const peopleCount = organization.data?.peopleCount ?? 0;
  const invitationCount = invitations.data?.length ?? 0;

  const managerSteps: Step[] = [
    {
      title: 'Import your org chart',
      description:
        'Upload a CSV with each person, their title and their manager. Tandem builds the reporting lines from it.',
      icon: IconFileImport,
      link: { to: '/o/$org/settings/$tab', params: { org: slug, tab: 'import' } },
      isDone: peopleCount > 1,
      action: 'Import',
    },
    {
      title: 'Invite your leaders',
      description: 'Leaders prepare and run their 1:1s here. Start with the people who manage others.',
      icon: IconUserPlus,
      link: { to: '/o/$org/settings/$tab', params: { org: slug, tab: 'invitations' } },
      isDone: invitationCount > 0,
      action: 'Invite',
    },
    {
      title: 'Check the org chart',
      description: 'See who reports to whom, and correct a reporting line where the file was out of date.',
      icon: IconHierarchy2,
      link: { to: '/o/$org/org-chart', params: { org: slug } },
      isDone: false,
      action: 'Open',
    },
  ];
  const memberSteps: Step[] = [
    {
      title: 'Find your people',
      description: 'The directory lists everyone with their manager, start date and time zone.',
      icon: IconUsers,
      link: { to: '/o/$org/people', params: { org: slug } },
      isDone: false,
      action: 'Open',
    },
    {
      title: 'See where you fit',
      description: 'The org chart shows reporting lines across the whole organization.',
      icon: IconHierarchy2,
      link: { to: '/o/$org/org-chart', params: { org: slug } },
      isDone: false,
      action: 'Open',
    },
    {
      title: 'Connect your tools',
      description: 'A personal API token lets scripts and integrations act on your behalf.',
      icon: IconKey,
      link: { to: '/o/$org/settings/$tab', params: { org: slug, tab: 'tokens' } },
      isDone: false,
      action: 'Create',
    },
  ];
  const steps = canManage ? managerSteps : memberSteps;
  const remaining = steps.filter((s) => !s.isDone).length;

  return (
    <>
      <PageHeader
        title={`Welcome, ${firstName(session.user.name)}`}
        description={
          canManage
            ? `Set up ${membership.name} in three steps. Then every leader can prepare coaching 1:1s, not status check-ins.`
            : `You are a member of ${membership.name}. Here is where to start.`
        }
      />
      <Stack gap="lg">
        <Card padding={0}>
          <Group justify="space-between" px="lg" pt="lg" pb="sm" wrap="wrap" gap="xs">
            <Title order={2} size="h3">
              {canManage ? 'Get your organization ready' : 'Get started'}
            </Title>
            <Text fz="sm" c="dimmed">
              {remaining === 0 ? 'All done' : `${plural(remaining, 'step')} left`}
            </Text>
          </Group>
          <Stack gap={0} className="tandem-steps">
            {steps.map((step, index) => (
              <StepRow key={step.title} step={step} index={index} />
            ))}
          </Stack>
        </Card>
        <SimpleGrid cols={{ base: 2, md: 3 }} spacing={{ base: 'sm', sm: 'md' }}>
          <CardLink to="/o/$org/people" params={{ org: slug }} className="tandem-stat" padding="lg">
            <Text fz="sm" c="dimmed" fw={500}>
              People
            </Text>
            {organization.isPending ? (
              <Skeleton h={32} w={60} mt={6} />
            ) : (
              <Text fz={32} fw={650} className="tandem-tabular" lh={1.2} mt={4}>
                {peopleCount}
              </Text>
            )}
            <Text fz="xs" c="dimmed">
              in the directory
            </Text>
          </CardLink>
          {canManage ? (
            <CardLink
              to="/o/$org/settings/$tab"
              params={{ org: slug, tab: 'invitations' }}
              className="tandem-stat"
              padding="lg"
            >
              <Text fz="sm" c="dimmed" fw={500}>
                Invitations
              </Text>
              {invitations.isPending ? (
                <Skeleton h={32} w={60} mt={6} />
              ) : (
                <Text fz={32} fw={650} className="tandem-tabular" lh={1.2} mt={4}>
                  {invitations.data?.filter((i) => i.status === 'pending').length ?? 0}
                </Text>
              )}
              <Text fz="xs" c="dimmed">
                waiting for an answer
              </Text>
            </CardLink>
          ) : null}
          <Card padding="lg">
            <Text fz="sm" c="dimmed" fw={500}>
              Your role
            </Text>
            <Text fz={24} fw={650} lh={1.35} mt={4} tt="capitalize">
              {membership.role}
            </Text>
            <Text fz="xs" c="dimmed">
              {canManage ? 'You can manage people and members' : 'Ask an admin to change reporting lines'}
            </Text>
          </Card>
        </SimpleGrid>
      </Stack>
    </>
  );
}
