import './meetings.css';
import {
  Button,
  Card,
  EmptyState,
  Grid,
  Group,
  List,
  Skeleton,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendarPlus, IconChecklist, IconHistory, IconPlus, IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { createLazyRoute, useNavigate } from '@tanstack/react-router';
import { meetingsQuery, myNextStepsQuery } from '../../api/meetings.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { plural } from '../../lib/format.ts';
import { useCurrentOrg } from '../../lib/use-org.ts';
import { CoachingTrendCard } from './coaching-trend-card.tsx';
import { HandoverOffers } from './handover-offers.tsx';
import { HistoryCard } from './history-card.tsx';
import { PastList, UpcomingByPerson } from './meeting-groups.tsx';
import { NextUpCard } from './next-up-card.tsx';
import { OneOffDialog } from './one-off-dialog.tsx';
import { MeetingSearchBox } from './search-box.tsx';
import { StartSeriesDialog } from './start-series-dialog.tsx';

export const Route = createLazyRoute('/o/$org/meetings')({ component: MyMeetingsPage });

function FirstSteps({ onStart }: { onStart: () => void }) {
  return (
    <Card padding="xl">
      <EmptyState
        icon={<IconUsers size={28} stroke={1.6} aria-hidden="true" />}
        variant="light"
        title="No 1:1s yet"
        description="Start a recurring 1:1 with each person who reports to you: every week or every two weeks, 30 minutes is plenty."
      >
        <List fz="sm" spacing={6} maw={460} mx="auto" ta="left" mt="xs" c="dimmed">
          <List.Item>Before each 1:1 they add their topics and post a short status update.</List.Item>
          <List.Item>You spend the time together on goals, challenges and decisions, not updates.</List.Item>
          <List.Item>Every 1:1 ends with next steps, and the next one opens with them.</List.Item>
        </List>
        <EmptyState.Actions>
          <Button onClick={onStart} leftSection={<IconCalendarPlus size={16} aria-hidden="true" />}>
            Start your first 1:1 series
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Card>
  );
}

function NextStepsCard({ org }: { org: string }) {
  const mine = useQuery(myNextStepsQuery(org));
  if (mine.isPending) return <Skeleton h={120} radius="lg" />;
  if (mine.isError) return null;
  const open = mine.data.items.length;
  const overdue = mine.data.items.filter((step) => step.isOverdue).length;
  const rate = mine.data.followThrough.rate;
  return (
    <Card padding="lg" component="section" aria-labelledby="my-steps-title">
      <Group gap={8} mb="xs" wrap="nowrap">
        <IconChecklist size={18} aria-hidden="true" color="var(--mantine-color-dimmed)" />
        <Title order={2} size="h4" id="my-steps-title">
          Your next steps
        </Title>
      </Group>
      <Text fz="sm">
        {open === 0 ? 'Nothing open. ' : `${plural(open, 'open step')}`}
        {overdue > 0 ? (
          <Text span fz="sm" c="var(--mantine-color-error)" fw={600}>
            , {overdue} overdue
          </Text>
        ) : null}
        {open > 0 ? '.' : null}
      </Text>
      <Text fz="sm" c="dimmed" mt={4}>
        {rate === null
          ? 'No step was due yet.'
          : `You finished ${Math.round(rate * 100)}% of your steps on time.`}
      </Text>
      <AnchorLink to="/o/$org/next-steps" params={{ org }} fz="sm" mt="sm" display="inline-block">
        Open my next steps
      </AnchorLink>
    </Card>
  );
}

function MyMeetingsPage() {
  const { slug } = useCurrentOrg();
  const search = Route.useSearch();
  const navigate = useNavigate({ from: '/o/$org/meetings' });
  const tab = search.tab ?? 'upcoming';
  const [isSeriesOpen, seriesDialog] = useDisclosure(false);
  const [isOneOffOpen, oneOffDialog] = useDisclosure(false);
  const upcoming = useQuery(meetingsQuery(slug, 'upcoming', 200));
  const past = useQuery({ ...meetingsQuery(slug, 'past', 100), enabled: tab === 'past' });
  const isNewcomer = upcoming.isSuccess && upcoming.data.length === 0 && tab === 'upcoming';

  return (
    <>
      <PageHeader
        title="My 1:1s"
        description="Your upcoming 1:1s, soonest first. Add topics before you meet: status goes in the async update, so the time together can go to coaching."
        actions={
          <>
            <MeetingSearchBox org={slug} />
            <Button
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden="true" />}
              onClick={oneOffDialog.open}
            >
              Add a one-off 1:1
            </Button>
            <Button
              leftSection={<IconCalendarPlus size={16} aria-hidden="true" />}
              onClick={seriesDialog.open}
            >
              Start a 1:1 series
            </Button>
          </>
        }
      />
      <HandoverOffers org={slug} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Tabs
            value={tab}
            onChange={(value) =>
              void navigate({ search: { tab: value === 'past' ? 'past' : undefined }, replace: true })
            }
          >
            <Tabs.List mb="md">
              <Tabs.Tab value="upcoming" leftSection={<IconCalendarPlus size={16} aria-hidden="true" />}>
                Upcoming
              </Tabs.Tab>
              <Tabs.Tab value="past" leftSection={<IconHistory size={16} aria-hidden="true" />}>
                Past
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="upcoming">
              <ErrorAlert error={upcoming.error} />
              {upcoming.isPending ? (
                <Stack gap="md">
                  <Skeleton h={180} radius="lg" />
                  <Skeleton h={180} radius="lg" />
                </Stack>
              ) : isNewcomer ? (
                <FirstSteps onStart={seriesDialog.open} />
              ) : upcoming.data?.[0] ? (
                <Stack gap="md">
                  <NextUpCard org={slug} meeting={upcoming.data[0]} />
                  <UpcomingByPerson org={slug} meetings={upcoming.data} />
                </Stack>
              ) : null}
            </Tabs.Panel>
            <Tabs.Panel value="past">
              <ErrorAlert error={past.error} />
              {past.isPending ? (
                <Skeleton h={240} radius="lg" />
              ) : past.data && past.data.length > 0 ? (
                <PastList org={slug} meetings={past.data} />
              ) : past.data ? (
                <Text c="dimmed" fz="sm" p="md">
                  No past 1:1s yet. Once a 1:1 has happened it is listed here, latest first.
                </Text>
              ) : null}
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <NextStepsCard org={slug} />
            <CoachingTrendCard org={slug} />
            <HistoryCard org={slug} />
          </Stack>
        </Grid.Col>
      </Grid>
      <StartSeriesDialog opened={isSeriesOpen} onClose={seriesDialog.close} />
      <OneOffDialog opened={isOneOffOpen} onClose={oneOffDialog.close} />
    </>
  );
}
