import { Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { TimelineEntry } from '../../../../core/coaching/analysis-types.ts';
import { firstName } from '../../../lib/format.ts';
import { actLabels, topicLabel } from '../../../lib/meeting-labels.ts';
import { formatOffset } from '../../../lib/transcript-file.ts';

function weightOf(entry: TimelineEntry): number {
  if (entry.start !== null && entry.end !== null && entry.end > entry.start) return entry.end - entry.start;
  return Math.max(1, entry.words);
}

function Strip({
  label,
  entries,
  colorOf,
  titleOf,
}: {
  label: string;
  entries: TimelineEntry[];
  colorOf: (entry: TimelineEntry) => string | null;
  titleOf: (entry: TimelineEntry) => string;
}) {
  return (
    <Group gap="sm" wrap="nowrap" align="center">
      <Text fz="xs" c="dimmed" w={84} style={{ flexShrink: 0 }} aria-hidden="true">
        {label}
      </Text>
      <div className="tandem-timeline-strip" aria-hidden="true">
        {entries.map((entry, index) => {
          const color = colorOf(entry);
          return (
            <span
              // Turns have no id; their position is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: the timeline never reorders
              key={index}
              title={titleOf(entry)}
              style={{
                flexGrow: weightOf(entry),
                background: color ? `var(--mantine-color-${color}-filled)` : 'var(--tandem-timeline-empty)',
              }}
            />
          );
        })}
      </div>
    </Group>
  );
}

/** The meeting from start to end: what each turn was about, and what the leader's turns did. */
export function ReportTimeline({ timeline, leaderName }: { timeline: TimelineEntry[]; leaderName: string }) {
  if (timeline.length === 0) return null;
  const last = timeline[timeline.length - 1];
  const end = last?.end ?? null;
  const topicsSeen = [...new Set(timeline.flatMap((entry) => (entry.topic ? [entry.topic] : [])))];
  const actsSeen = [...new Set(timeline.flatMap((entry) => (entry.act ? [entry.act] : [])))];
  const describe = (entry: TimelineEntry) =>
    `${entry.start !== null ? `${formatOffset(entry.start)} ` : ''}${firstName(entry.speaker)}: ${
      entry.act ? `${actLabels[entry.act].single.toLowerCase()}, ` : ''
    }${entry.topic ? topicLabel(entry.topic).label.toLowerCase() : 'no topic'} (${entry.words} words)`;

  return (
    <Card padding="lg" component="section" aria-labelledby="timeline-title">
      <Title order={3} size="h4" id="timeline-title" mb={4}>
        The meeting, start to end
      </Title>
      <Text fz="xs" c="dimmed" mb="md">
        Each block is one turn, as wide as it was long. The top row shows the topic; the bottom row what{' '}
        {firstName(leaderName)}’s turns did (the report’s turns are blank).
      </Text>
      <Stack gap={6}>
        <Strip
          label="Topic"
          entries={timeline}
          colorOf={(entry) => (entry.topic ? topicLabel(entry.topic).color : null)}
          titleOf={describe}
        />
        <Strip
          label="Leader turns"
          entries={timeline}
          colorOf={(entry) => (entry.act ? actLabels[entry.act].color : null)}
          titleOf={describe}
        />
        <Group justify="space-between" pl={92} aria-hidden="true">
          <Text fz="xs" c="dimmed" className="tandem-tabular">
            {timeline[0]?.start !== null && timeline[0]?.start !== undefined
              ? formatOffset(timeline[0].start)
              : 'start'}
          </Text>
          <Text fz="xs" c="dimmed" className="tandem-tabular">
            {end !== null ? formatOffset(end) : 'end'}
          </Text>
        </Group>
      </Stack>
      <Stack gap={4} mt="sm" aria-hidden="true">
        <Group gap="md" style={{ rowGap: 4 }}>
          <Text fz="xs" c="dimmed" w={84}>
            Topics
          </Text>
          {topicsSeen.map((topic) => (
            <Group key={topic} gap={6} wrap="nowrap">
              <span
                className="tandem-swatch"
                style={{ background: `var(--mantine-color-${topicLabel(topic).color}-filled)` }}
              />
              <Text fz="xs">{topicLabel(topic).label}</Text>
            </Group>
          ))}
        </Group>
        <Group gap="md" style={{ rowGap: 4 }}>
          <Text fz="xs" c="dimmed" w={84}>
            Leader turns
          </Text>
          {actsSeen.map((act) => (
            <Group key={act} gap={6} wrap="nowrap">
              <span
                className="tandem-swatch tandem-swatch-round"
                style={{ background: `var(--mantine-color-${actLabels[act].color}-filled)` }}
              />
              <Text fz="xs">{actLabels[act].single}</Text>
            </Group>
          ))}
        </Group>
      </Stack>
      <details className="tandem-details">
        <summary>
          <Text span fz="sm" fw={500}>
            Show the {timeline.length} turns as a table
          </Text>
        </summary>
        <Table.ScrollContainer minWidth={420} mt="sm">
          <Table verticalSpacing={4} fz="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Time</Table.Th>
                <Table.Th>Speaker</Table.Th>
                <Table.Th>Topic</Table.Th>
                <Table.Th>Leader’s turn</Table.Th>
                <Table.Th ta="right">Words</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {timeline.map((entry, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the timeline never reorders
                <Table.Tr key={index}>
                  <Table.Td className="tandem-tabular">
                    {entry.start !== null ? formatOffset(entry.start) : '—'}
                  </Table.Td>
                  <Table.Td>{entry.speaker}</Table.Td>
                  <Table.Td>{entry.topic ? topicLabel(entry.topic).label : '—'}</Table.Td>
                  <Table.Td>{entry.act ? actLabels[entry.act].single : '—'}</Table.Td>
                  <Table.Td ta="right" className="tandem-tabular">
                    {entry.words}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </details>
    </Card>
  );
}
