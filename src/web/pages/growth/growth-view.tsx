import { Button, Card, Grid, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconClipboardCheck } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { PersonGrowth } from '../../../contracts/growth.ts';
import { personGrowthQuery, startAssessment } from '../../api/growth.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDate } from '../../lib/format.ts';
import { GoalsCard } from './goals-card.tsx';
import { PlanCard } from './plan-card.tsx';
import { GapsCard, SkillsCard } from './skills-card.tsx';

function HistoryCard({ growth }: { growth: PersonGrowth }) {
  return (
    <Card padding="lg" component="section" aria-labelledby="assessments-title">
      <Title order={2} size="h4" id="assessments-title" mb="xs">
        Assessment history
      </Title>
      {growth.history.length === 0 ? (
        <Text fz="sm" c="dimmed">
          No assessment submitted yet.
        </Text>
      ) : (
        <Table verticalSpacing="xs" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>By</Table.Th>
              <Table.Th>Average</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...growth.history].reverse().map((a) => {
              const values = Object.values(a.ratings);
              const average = values.length ? values.reduce((s, v) => s + v, 0) / values.length : null;
              return (
                <Table.Tr key={a.id}>
                  <Table.Td className="tandem-nowrap">{formatDate(a.submittedAt)}</Table.Td>
                  <Table.Td>{a.kind === 'self' ? 'Self' : 'Manager'}</Table.Td>
                  <Table.Td>{a.assessor.name}</Table.Td>
                  <Table.Td className="tandem-tabular">
                    {average === null ? '—' : average.toFixed(1)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

/** One person's growth: ratings, gaps, goals, plan and history. `isMe` decides the assessment kind. */
export function GrowthView({ org, personId, isMe }: { org: string; personId: string; isMe: boolean }) {
  const navigate = useNavigate();
  const growth = useQuery(personGrowthQuery(org, personId));
  const start = useMutation({
    mutationFn: () => startAssessment(org, personId, isMe ? 'self' : 'manager'),
    onSuccess: (assessment) =>
      navigate({
        to: '/o/$org/growth/assessments/$assessmentId',
        params: { org, assessmentId: assessment.id },
      }),
  });
  if (growth.isPending) return <Skeleton h={420} radius="lg" />;
  if (growth.isError) return <ErrorAlert error={growth.error} />;
  const data = growth.data;
  const latest = isMe ? data.latestSelf : data.latestManager;
  const name = data.person.name.split(' ')[0] ?? data.person.name;
  return (
    <Stack gap="lg">
      <Card padding="lg">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Stack gap={2}>
            <Text fw={600}>{isMe ? 'Your self-assessment' : `Your assessment of ${name}`}</Text>
            <Text fz="sm" c="dimmed">
              {latest
                ? `Last submitted ${formatDate(latest.submittedAt)}.`
                : 'Rate the twelve skills from 1 (beginning) to 4 (role model), with a comment where it helps.'}
              {data.manager && isMe ? ` ${data.manager.name} sees it once you submit.` : ''}
            </Text>
          </Stack>
          <Button
            leftSection={<IconClipboardCheck size={16} aria-hidden="true" />}
            loading={start.isPending}
            onClick={() => start.mutate()}
          >
            {data.myDraftId ? 'Continue assessment' : isMe ? 'Assess myself' : `Assess ${name}`}
          </Button>
        </Group>
        <ErrorAlert error={start.error} />
      </Card>
      <SkillsCard growth={data} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <GoalsCard org={org} personId={personId} canEdit isMine={isMe} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <GapsCard growth={data} />
            <PlanCard org={org} personId={personId} canEdit />
          </Stack>
        </Grid.Col>
      </Grid>
      <HistoryCard growth={data} />
    </Stack>
  );
}
