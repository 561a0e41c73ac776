import './meetings.css';
import { Card, EmptyState, Grid, Group, RingProgress, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconChecklist } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createLazyRoute } from '@tanstack/react-router';
import type { NextStepView } from '../../../contracts/meetings.ts';
import { meetingsKey, myNextStepsQuery, nextStepsKey } from '../../api/meetings.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { NextStepItem } from '../../components/next-step-item.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { firstName, plural } from '../../lib/format.ts';
import { useCurrentOrg } from '../../lib/use-org.ts';

export const Route = createLazyRoute('/o/$org/next-steps')({ component: MyNextStepsPage });

function StepList({
  org,
  title,
  steps,
  tone,
  onChanged,
}: {
  org: string;
  title: string;
  steps: NextStepView[];
  tone?: 'overdue';
  onChanged: () => Promise<void>;
}) {
  if (steps.length === 0) return null;
  const id = `steps-${title.toLowerCase().replaceAll(' ', '-')}`;
  return (
    <Card
      padding="lg"
      component="section"
      aria-labelledby={id}
      className={tone === 'overdue' ? 'tandem-overdue-card' : undefined}
    >
      <Group gap={8} mb="sm" wrap="nowrap">
        {tone === 'overdue' ? (
          <IconAlertTriangle size={18} aria-hidden="true" color="var(--mantine-color-error)" />
        ) : (
          <IconChecklist size={18} aria-hidden="true" color="var(--mantine-color-dimmed)" />
        )}
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        <Text fz="sm" c="dimmed">
          {steps.length}
        </Text>
      </Group>
      <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {steps.map((step) => (
          <li key={step.id} className="tandem-list-row tandem-step-row">
            <NextStepItem
              org={org}
              step={step}
              onChanged={onChanged}
              context={
                <Text fz="xs" c="dimmed">
                  · from your 1:1 with{' '}
                  <AnchorLink
                    to="/o/$org/meetings/$meetingId"
                    params={{ org, meetingId: step.meetingId }}
                    fz="xs"
                    underline="always"
                  >
                    {firstName(step.withPerson.name)}
                  </AnchorLink>
                </Text>
              }
            />
          </li>
        ))}
      </Stack>
    </Card>
  );
}

function FollowThrough({ due, doneOnTime, rate }: { due: number; doneOnTime: number; rate: number | null }) {
  const color = rate === null ? 'gray' : rate >= 0.8 ? 'teal' : rate >= 0.5 ? 'yellow' : 'red';
  return (
    <Card padding="lg" component="section" aria-labelledby="follow-title">
      <Title order={2} size="h4" id="follow-title" mb="sm">
        Your follow-through
      </Title>
      <Group gap="md" wrap="nowrap">
        <RingProgress
          size={96}
          thickness={9}
          roundCaps
          sections={[{ value: (rate ?? 0) * 100, color }]}
          label={
            <Text ta="center" fz="lg" fw={700} className="tandem-tabular">
              {rate === null ? '—' : `${Math.round(rate * 100)}%`}
            </Text>
          }
          aria-label={rate === null ? 'No follow-through yet' : `Follow-through ${Math.round(rate * 100)}%`}
        />
        <Text fz="sm">
          {rate === null
            ? 'None of your steps was due yet. Once one is, this shows how many you finish on time.'
            : `${doneOnTime} of ${plural(due, 'step')} that came due were done on time.`}
        </Text>
      </Group>
      <Text fz="xs" c="dimmed" mt="sm">
        Done on time ÷ due. Steps you drop with a reason do not count against you.
      </Text>
    </Card>
  );
}

function MyNextStepsPage() {
  const { slug } = useCurrentOrg();
  const queryClient = useQueryClient();
  const mine = useQuery(myNextStepsQuery(slug));
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: nextStepsKey(slug) });
    await queryClient.invalidateQueries({ queryKey: meetingsKey(slug) });
  };
  const overdue = mine.data?.items.filter((step) => step.isOverdue) ?? [];
  const upcoming = mine.data?.items.filter((step) => !step.isOverdue) ?? [];

  return (
    <>
      <PageHeader
        title="My next steps"
        description="What you took on in your 1:1s, overdue first. Each step also opens your next 1:1 with that person, under “What did we commit to?”."
      />
      <ErrorAlert error={mine.error} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }} order={{ base: 2, lg: 1 }}>
          {mine.isPending ? (
            <Skeleton h={240} radius="lg" />
          ) : mine.data && mine.data.items.length === 0 ? (
            <Card padding="xl">
              <EmptyState
                icon={<IconChecklist size={28} stroke={1.6} aria-hidden="true" />}
                variant="light"
                title="Nothing open"
                description="Every 1:1 ends with next steps that have an owner and a due date. The ones you own appear here."
              >
                <EmptyState.Actions>
                  <ButtonLink to="/o/$org/meetings" params={{ org: slug }} variant="light">
                    Go to my 1:1s
                  </ButtonLink>
                </EmptyState.Actions>
              </EmptyState>
            </Card>
          ) : (
            <Stack gap="lg">
              <StepList org={slug} title="Overdue" tone="overdue" steps={overdue} onChanged={refresh} />
              <StepList org={slug} title="Open" steps={upcoming} onChanged={refresh} />
            </Stack>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }} order={{ base: 1, lg: 2 }}>
          {mine.data ? <FollowThrough {...mine.data.followThrough} /> : <Skeleton h={160} radius="lg" />}
        </Grid.Col>
      </Grid>
    </>
  );
}
