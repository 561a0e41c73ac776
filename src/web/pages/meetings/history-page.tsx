import { Badge, Button, Card, Group, List, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed, IconCircleX } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { createLazyRoute } from '@tanstack/react-router';
import type { TimelineEntry } from '../../../contracts/timeline.ts';
import { timelineQuery } from '../../api/memory.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PersonAvatar } from '../../components/person-avatar.tsx';
import { formatDate, plural } from '../../lib/format.ts';
import { agendaTypeLabels, meetingStatusLabels } from '../../lib/meeting-labels.ts';
import { useCurrentOrg } from '../../lib/use-org.ts';

export const Route = createLazyRoute('/o/$org/history/$personId')({ component: HistoryPage });

const stepIcons = {
  open: IconCircleDashed,
  done: IconCircleCheck,
  dropped: IconCircleX,
} as const;

function Entry({ org, entry }: { org: string; entry: TimelineEntry }) {
  const status = meetingStatusLabels[entry.status];
  return (
    <Card padding="lg" component="article" aria-labelledby={`entry-${entry.meetingId}`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <Title order={2} size="h4" id={`entry-${entry.meetingId}`}>
              <AnchorLink
                to="/o/$org/meetings/$meetingId"
                params={{ org, meetingId: entry.meetingId }}
                inherit
              >
                {formatDate(entry.startsAt)}
              </AnchorLink>
            </Title>
            <Badge color={status.color}>{status.label}</Badge>
          </Group>
          <Text fz="xs" c="dimmed">
            {entry.myRole === 'leader' ? 'You led' : 'You were the report'}
          </Text>
        </Group>
        {entry.agenda.length > 0 ? (
          <Stack gap={4}>
            <Text fz="xs" fw={600} c="dimmed" tt="uppercase">
              Talked about
            </Text>
            <Group gap={6} wrap="wrap">
              {entry.agenda.map((item) => (
                <Badge key={item.id} color={agendaTypeLabels[item.type].color} variant="light">
                  {item.title}
                </Badge>
              ))}
            </Group>
          </Stack>
        ) : null}
        {entry.statusUpdate?.blocked ? (
          <Text fz="sm">
            <Text span fw={600} fz="sm">
              Blocked:{' '}
            </Text>
            {entry.statusUpdate.blocked}
          </Text>
        ) : null}
        {entry.notesExcerpt ? (
          <Text fz="sm" c="dimmed" lineClamp={3}>
            {entry.notesExcerpt}
          </Text>
        ) : null}
        {entry.nextSteps.length > 0 ? (
          <Stack gap={4}>
            <Text fz="xs" fw={600} c="dimmed" tt="uppercase">
              Next steps
            </Text>
            <List spacing={4} fz="sm" listStyleType="none">
              {entry.nextSteps.map((step) => {
                const Icon = stepIcons[step.status];
                return (
                  <List.Item
                    key={step.id}
                    icon={
                      <Icon
                        size={16}
                        aria-hidden="true"
                        color={
                          step.status === 'done'
                            ? 'var(--mantine-color-success)'
                            : 'var(--mantine-color-dimmed)'
                        }
                      />
                    }
                  >
                    {step.title}
                    <Text span fz="xs" c={step.isOverdue ? 'var(--mantine-color-error)' : 'dimmed'}>
                      {' '}
                      · {step.status === 'open' ? (step.isOverdue ? 'overdue' : 'open') : step.status}
                      {step.owner ? `, ${step.owner.name}` : ''}
                    </Text>
                  </List.Item>
                );
              })}
            </List>
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}

function HistoryPage() {
  const { slug } = useCurrentOrg();
  const { personId } = Route.useParams();
  const timeline = useInfiniteQuery(timelineQuery(slug, personId));
  const person = timeline.data?.pages[0]?.person;
  const entries = timeline.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <PageHeader
        eyebrow={
          <AnchorLink to="/o/$org/meetings" params={{ org: slug }} fz="sm" c="dimmed" w="fit-content">
            ← My 1:1s
          </AnchorLink>
        }
        title={
          person ? (
            <Group gap="sm" component="span" wrap="nowrap">
              <PersonAvatar name={person.name} seed={person.id} />
              <span>History with {person.name}</span>
            </Group>
          ) : (
            'History'
          )
        }
        description="Your past 1:1s together, latest first: what you talked about and what you committed to."
      />
      {timeline.isPending ? (
        <Stack gap="md">
          <Skeleton h={160} radius="lg" />
          <Skeleton h={160} radius="lg" />
        </Stack>
      ) : timeline.isError ? (
        <ErrorAlert error={timeline.error} />
      ) : entries.length === 0 ? (
        <Text c="dimmed" fz="sm">
          No past 1:1s together yet.
        </Text>
      ) : (
        <Stack gap="md" maw={820}>
          <Text fz="sm" c="dimmed">
            {plural(entries.length, 'past 1:1')}
            {timeline.hasNextPage ? ' so far' : ''}
          </Text>
          {entries.map((entry) => (
            <Entry key={entry.meetingId} org={slug} entry={entry} />
          ))}
          {timeline.hasNextPage ? (
            <Group>
              <Button
                variant="default"
                loading={timeline.isFetchingNextPage}
                onClick={() => void timeline.fetchNextPage()}
              >
                Show older 1:1s
              </Button>
            </Group>
          ) : null}
        </Stack>
      )}
    </>
  );
}
