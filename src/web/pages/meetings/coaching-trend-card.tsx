import { Badge, Card, Group, Progress, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconChartLine } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { trendQuery } from '../../api/analysis.ts';
import { AnchorLink } from '../../components/links.tsx';
import { firstName } from '../../lib/format.ts';
import { verdictLabels } from '../../lib/meeting-labels.ts';
import { browserTimeZone, formatMeetingDay } from '../../lib/meeting-time.ts';

function direction(scores: number[]): string | null {
  if (scores.length < 4) return null;
  const half = Math.floor(scores.length / 2);
  const mean = (list: number[]) => list.reduce((sum, n) => sum + n, 0) / list.length;
  const change = mean(scores.slice(half)) - mean(scores.slice(0, half));
  if (change >= 5) return `Up ${Math.round(change)} points on your earlier 1:1s.`;
  if (change <= -5) return `Down ${Math.round(-change)} points on your earlier 1:1s.`;
  return 'Steady compared with your earlier 1:1s.';
}

/** A leader's scores over their last analysed 1:1s; hidden for people who lead none. */
export function CoachingTrendCard({ org }: { org: string }) {
  const trend = useQuery(trendQuery(org));
  if (trend.isPending) return <Skeleton h={220} radius="lg" />;
  if (trend.isError || trend.data.points.length === 0) return null;
  const points = [...trend.data.points].sort((a, b) => a.startsAt.localeCompare(b.startsAt)).slice(-6);
  const scores = points.flatMap((p) => (p.score === null ? [] : [p.score]));
  const average = trend.data.averageScore;
  return (
    <Card padding="lg" component="section" aria-labelledby="trend-title">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Group gap={8} wrap="nowrap">
          <IconChartLine size={18} aria-hidden="true" color="var(--mantine-color-dimmed)" />
          <Title order={2} size="h4" id="trend-title">
            Your coaching trend
          </Title>
        </Group>
        {average !== null ? (
          <Text fz="sm" c="dimmed" className="tandem-tabular tandem-nowrap">
            avg <b>{Math.round(average)}</b>
          </Text>
        ) : null}
      </Group>
      <Text fz="xs" c="dimmed" mb="md">
        {direction(scores) ?? 'Scores of your last analysed 1:1s, out of 100.'}
      </Text>
      <Stack gap="sm" component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
        {points.map((point) => {
          const verdict = point.verdict ? verdictLabels[point.verdict] : null;
          return (
            <li key={point.meetingId}>
              <Group justify="space-between" gap="xs" wrap="nowrap" mb={4}>
                <AnchorLink
                  to="/o/$org/meetings/$meetingId"
                  params={{ org, meetingId: point.meetingId }}
                  search={{ view: 'coaching' }}
                  fz="sm"
                  c="inherit"
                  style={{ minWidth: 0 }}
                  truncate
                >
                  {firstName(point.withName)}{' '}
                  <Text span fz="xs" c="dimmed">
                    {formatMeetingDay(point.startsAt, browserTimeZone())}
                  </Text>
                </AnchorLink>
                <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
                  <Text fz="sm" fw={600} className="tandem-tabular">
                    {point.score ?? '—'}
                  </Text>
                  {verdict ? (
                    <Badge size="sm" color={verdict.color} style={{ flexShrink: 0 }}>
                      {verdict.label}
                    </Badge>
                  ) : null}
                </Group>
              </Group>
              <Progress
                value={point.score ?? 0}
                color={verdict?.color ?? 'gray'}
                size="sm"
                aria-label={`Score ${point.score ?? 'not measured'} of 100`}
              />
            </li>
          );
        })}
      </Stack>
    </Card>
  );
}
