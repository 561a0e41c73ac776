import {
  Badge,
  Card,
  Group,
  Progress,
  RingProgress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { Act } from '../../../../core/coaching/labels.ts';
import type { Analysis } from '../../../api/analysis.ts';
import { firstName } from '../../../lib/format.ts';
import { actLabels, percent, topicLabel, verdictLabels } from '../../../lib/meeting-labels.ts';

type Result = Analysis['result'];

function Swatch({ color }: { color: string }) {
  return (
    <span
      aria-hidden="true"
      style={{
        display: 'inline-block',
        width: 10,
        height: 10,
        borderRadius: 3,
        background: `var(--mantine-color-${color}-filled)`,
        flexShrink: 0,
      }}
    />
  );
}

function Legend({ items }: { items: { key: string; color: string; text: string }[] }) {
  return (
    <Group gap="md" mt="xs" component="ul" p={0} style={{ listStyle: 'none', rowGap: 4 }}>
      {items.map((item) => (
        <Group key={item.key} gap={6} wrap="nowrap" component="li">
          <Swatch color={item.color} />
          <Text fz="xs" className="tandem-tabular">
            {item.text}
          </Text>
        </Group>
      ))}
    </Group>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
      <Text fz="lg" fw={650} className="tandem-tabular">
        {value}
      </Text>
    </div>
  );
}

/** The few numbers a leader remembers: how much they talked, how they asked, how it ended. */
function KeyFigures({ result }: { result: Result }) {
  const leader = result.leader;
  const questions = result.questions;
  if (!leader && !questions) return null;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" mt="lg" pt="md" className="tandem-card-footer">
      <Figure label={`${firstName(leader?.name ?? 'Leader')} talked`} value={percent(leader?.talkShare)} />
      <Figure
        label="Questions asked"
        value={questions ? `${questions.asked} (${questions.open} open)` : '—'}
      />
      <Figure
        label="Ask : tell"
        value={
          questions?.askTellRatio === null || questions?.askTellRatio === undefined
            ? questions && questions.asked > 0
              ? 'no telling'
              : '—'
            : `${Math.round(questions.askTellRatio * 10) / 10} : 1`
        }
      />
      <Figure label="Ended with action" value={result.endedWithAction ? 'Yes' : 'No'} />
    </SimpleGrid>
  );
}

export function ScoreHero({ analysis }: { analysis: Analysis }) {
  const { score, verdict } = analysis.result;
  const label = verdict ? verdictLabels[verdict] : null;
  return (
    <Card padding="lg">
      <Group gap="lg" wrap="nowrap" align="center">
        <RingProgress
          size={112}
          thickness={10}
          roundCaps
          sections={[{ value: score ?? 0, color: label?.color ?? 'gray' }]}
          label={
            <Stack gap={0} align="center">
              <Text fz={30} fw={700} lh={1} className="tandem-tabular" data-testid="coaching-score">
                {score ?? '—'}
              </Text>
              <Text fz="xs" c="dimmed">
                of 100
              </Text>
            </Stack>
          }
          aria-label={`Coaching score ${score ?? 'not measured'} of 100`}
        />
        <Stack gap={6} style={{ minWidth: 0 }}>
          {label ? (
            <Badge size="lg" color={label.color} data-testid="coaching-verdict">
              {label.label}
            </Badge>
          ) : (
            <Badge size="lg" color="gray">
              No verdict
            </Badge>
          )}
          <Text fz="sm">{label?.sentence ?? 'This input could not be scored.'}</Text>
        </Stack>
      </Group>
      <KeyFigures result={analysis.result} />
    </Card>
  );
}

export function TalkShare({ result }: { result: Result }) {
  const leader = result.leader;
  if (!leader) return null;
  const report = result.speakers?.find((speaker) => speaker.speaker !== leader.name);
  const leaderShare = leader.talkShare;
  const reportShare = report?.talkShare ?? Math.max(0, 1 - leaderShare);
  const reportName = firstName(report?.speaker ?? result.report ?? 'Report');
  const leaderName = firstName(leader.name);
  return (
    <Card padding="lg" component="section" aria-labelledby="talk-title">
      <Title order={3} size="h4" id="talk-title" mb={4}>
        Who talked
      </Title>
      <Text fz="xs" c="dimmed" mb="sm">
        Share of the words spoken. In a coaching 1:1 the report talks most.
      </Text>
      <Progress.Root size={22} aria-label="Talk share">
        <Progress.Section
          value={leaderShare * 100}
          color="tandem"
          aria-label={`${leaderName} ${percent(leaderShare)}`}
        >
          <Progress.Label>{leaderShare >= 0.15 ? percent(leaderShare) : ''}</Progress.Label>
        </Progress.Section>
        <Progress.Section
          value={reportShare * 100}
          color="teal"
          aria-label={`${reportName} ${percent(reportShare)}`}
        >
          <Progress.Label>{reportShare >= 0.15 ? percent(reportShare) : ''}</Progress.Label>
        </Progress.Section>
      </Progress.Root>
      <Legend
        items={[
          { key: 'leader', color: 'tandem', text: `${leaderName} (leader) ${percent(leaderShare)}` },
          { key: 'report', color: 'teal', text: `${reportName} ${percent(reportShare)}` },
        ]}
      />
    </Card>
  );
}

const actOrder: Act[] = ['open_question', 'closed_question', 'reflection', 'telling', 'other'];

export function ActMix({ result }: { result: Result }) {
  const acts = result.leader?.acts;
  const questions = result.questions;
  if (!acts) return null;
  const total = actOrder.reduce((sum, act) => sum + acts[act], 0) || 1;
  const ratio = questions?.askTellRatio;
  return (
    <Card padding="lg" component="section" aria-labelledby="acts-title">
      <Title order={3} size="h4" id="acts-title" mb={4}>
        Ask, tell, reflect
      </Title>
      <Text fz="xs" c="dimmed" mb="sm">
        What the leader’s turns did.{' '}
        {ratio === null || ratio === undefined
          ? 'No telling at all.'
          : `${ratio >= 1 ? `${Math.round(ratio * 10) / 10} questions per instruction` : `${Math.round((1 / Math.max(ratio, 0.01)) * 10) / 10} instructions per question`}.`}
      </Text>
      <Progress.Root size={22} aria-label="Leader turns by kind">
        {actOrder
          .filter((act) => acts[act] > 0)
          .map((act) => (
            <Progress.Section
              key={act}
              value={(acts[act] / total) * 100}
              color={actLabels[act].color}
              aria-label={`${actLabels[act].label}: ${acts[act]}`}
            >
              <Progress.Label>{acts[act] / total >= 0.12 ? acts[act] : ''}</Progress.Label>
            </Progress.Section>
          ))}
      </Progress.Root>
      <Legend
        items={actOrder.map((act) => ({
          key: act,
          color: actLabels[act].color,
          text: `${actLabels[act].label} ${acts[act]}`,
        }))}
      />
    </Card>
  );
}

export function TopicShares({
  topics,
  title = 'What the 1:1 was about',
}: {
  topics: Result['topics'];
  title?: string;
}) {
  if (!topics) return null;
  const rows = Object.entries(topics).sort((a, b) => b[1] - a[1]);
  return (
    <Card padding="lg" component="section" aria-labelledby="topics-title">
      <Title order={3} size="h4" id="topics-title" mb={4}>
        {title}
      </Title>
      <Text fz="xs" c="dimmed" mb="sm">
        Share of the words per topic. Less status, more strategy, mindset and growth.
      </Text>
      <Table verticalSpacing={6} horizontalSpacing="xs" aria-labelledby="topics-title">
        <Table.Thead className="tandem-sr-only">
          <Table.Tr>
            <Table.Th>Topic</Table.Th>
            <Table.Th>Bar</Table.Th>
            <Table.Th>Share</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([topic, share]) => {
            const label = topicLabel(topic);
            return (
              <Table.Tr key={topic}>
                <Table.Td w={110}>
                  <Group gap={6} wrap="nowrap">
                    <Swatch color={label.color} />
                    <Text fz="sm">{label.label}</Text>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Progress value={share * 100} color={label.color} size="md" aria-hidden="true" />
                </Table.Td>
                <Table.Td w={56} ta="right">
                  <Text fz="sm" className="tandem-tabular">
                    {percent(share)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

export function FigureGrid({ result }: { result: Result }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <TalkShare result={result} />
      <ActMix result={result} />
    </SimpleGrid>
  );
}
