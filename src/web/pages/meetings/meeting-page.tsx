import './meetings.css';
import { Grid, Group, Skeleton, Stack, Tabs } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChartBar, IconMessages } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { createLazyRoute, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { MeetingPage as MeetingPageView } from '../../../contracts/meetings.ts';
import { isApiError } from '../../api/client.ts';
import { meetingQuery } from '../../api/meetings.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useCurrentOrg } from '../../lib/use-org.ts';
import { NotFoundPage } from '../not-found.tsx';
import { AgendaCard } from './agenda-card.tsx';
import { CoachingPanel } from './coaching/coaching-panel.tsx';
import { CommitmentsCard } from './commitments-card.tsx';
import { FlowOutline } from './flow-outline.tsx';
import { MeetingHeader } from './meeting-header.tsx';
import { NextStepsCard } from './next-steps-card.tsx';
import { PrivateNoteCard } from './private-note-card.tsx';
import { SharedNotesCard } from './shared-notes-card.tsx';
import { StatusCard } from './status-card.tsx';
import { SuggestedQuestions } from './suggested-questions.tsx';
import { useMeetingEvents } from './use-meeting-events.ts';

export const Route = createLazyRoute('/o/$org/meetings/$meetingId')({ component: MeetingRoutePage });

/** The topic whose questions show first: the first one still to talk about that is not status. */
function defaultTopic(page: MeetingPageView): string | null {
  const open = page.agenda.filter((item) => !item.isCovered);
  return (open.find((item) => item.type !== 'status') ?? open[0] ?? page.agenda[0])?.id ?? null;
}

function MeetingWorkspace({ org, page }: { org: string; page: MeetingPageView }) {
  const [chosen, setChosen] = useState<string | null>(null);
  // Beside the agenda on a wide screen; right under it on a narrow one, where the side column
  // would come last.
  const isWide = useMediaQuery('(min-width: 75em)', undefined, { getInitialValueInEffect: false });
  const selectedId = page.agenda.some((item) => item.id === chosen) ? chosen : defaultTopic(page);
  const selected = page.agenda.find((item) => item.id === selectedId) ?? null;
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <Stack gap="lg">
          <CommitmentsCard org={org} page={page} />
          <AgendaCard org={org} page={page} selectedId={selectedId} onSelect={setChosen} />
          {selected && !isWide ? <SuggestedQuestions org={org} item={selected} /> : null}
          <SharedNotesCard key={page.meeting.id} org={org} page={page} />
          <NextStepsCard key={`steps-${page.meeting.id}`} org={org} page={page} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Stack gap="lg">
          <StatusCard key={page.meeting.id} org={org} page={page} />
          {selected && isWide ? <SuggestedQuestions org={org} item={selected} /> : null}
          <PrivateNoteCard key={`private-${page.meeting.id}`} org={org} page={page} />
          <FlowOutline template={page.template} />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

function MeetingRoutePage() {
  const { meetingId } = Route.useParams();
  const { view } = Route.useSearch();
  const { slug } = useCurrentOrg();
  const navigate = useNavigate({ from: '/o/$org/meetings/$meetingId' });
  const meeting = useQuery(meetingQuery(slug, meetingId));
  useMeetingEvents(slug, meetingId);

  if (meeting.isPending) {
    return (
      <Stack gap="lg">
        <Skeleton h={16} w={90} />
        <Group gap="md">
          <Skeleton circle h={48} />
          <Stack gap={8}>
            <Skeleton h={26} w={280} />
            <Skeleton h={14} w={200} />
          </Stack>
        </Group>
        <Skeleton h={200} radius="lg" />
        <Skeleton h={240} radius="lg" />
      </Stack>
    );
  }
  if (meeting.isError) {
    return isApiError(meeting.error, 'NOT_FOUND') ? <NotFoundPage /> : <ErrorAlert error={meeting.error} />;
  }
  const page = meeting.data;
  return (
    <>
      <MeetingHeader org={slug} page={page} />
      <Tabs
        value={view ?? 'meeting'}
        onChange={(value) =>
          void navigate({ search: { view: value === 'coaching' ? 'coaching' : undefined }, replace: true })
        }
      >
        <Tabs.List mb="lg">
          <Tabs.Tab value="meeting" leftSection={<IconMessages size={16} aria-hidden="true" />}>
            1:1
          </Tabs.Tab>
          <Tabs.Tab value="coaching" leftSection={<IconChartBar size={16} aria-hidden="true" />}>
            Coaching
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="meeting">
          <MeetingWorkspace org={slug} page={page} />
        </Tabs.Panel>
        <Tabs.Panel value="coaching">
          {view === 'coaching' ? <CoachingPanel org={slug} page={page} /> : null}
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
