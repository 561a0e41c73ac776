import { Badge, Card, Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight } from '@tabler/icons-react';
import type { PersonGrowth } from '../../../contracts/growth.ts';
import { gapLabels, ratingLabels } from '../../lib/growth-labels.ts';

type SkillRow = PersonGrowth['skills'][number];

function Rating({ value, change, who }: { value: number | null; change: number | null; who: string }) {
  if (value === null) {
    return (
      <Text fz="sm" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <Group gap={4} wrap="nowrap">
      <Text
        fz="sm"
        fw={600}
        className="tandem-tabular"
        aria-label={`${who}: ${value}, ${ratingLabels[value]}`}
      >
        {value}
      </Text>
      <Text fz="xs" c="dimmed" visibleFrom="sm">
        {ratingLabels[value]}
      </Text>
      {change ? (
        <Tooltip label={`${change > 0 ? 'Up' : 'Down'} ${Math.abs(change)} since the assessment before`}>
          {change > 0 ? (
            <IconArrowUpRight size={14} color="var(--mantine-color-success)" aria-label={`up ${change}`} />
          ) : (
            <IconArrowDownRight size={14} color="var(--mantine-color-error)" aria-label={`down ${-change}`} />
          )}
        </Tooltip>
      ) : null}
    </Group>
  );
}

function Evidence({ row }: { row: SkillRow }) {
  if (!row.evidence)
    return (
      <Text fz="xs" c="dimmed">
        No 1:1 figure for this skill
      </Text>
    );
  const reading = row.evidence.reading;
  return (
    <Stack gap={2}>
      {reading ? (
        <Badge
          color={reading === 'strong' ? 'teal' : reading === 'weak' ? 'orange' : 'yellow'}
          w="fit-content"
        >
          {reading === 'strong' ? 'Strong' : reading === 'weak' ? 'Weak' : 'Middling'} in 1:1s
        </Badge>
      ) : null}
      <Text fz="xs" c="dimmed">
        {row.evidence.description}
      </Text>
    </Stack>
  );
}

/** Self and manager ratings side by side, with what their own 1:1s show. */
export function SkillsCard({ growth }: { growth: PersonGrowth }) {
  return (
    <Card padding="lg" component="section" aria-labelledby="skills-title">
      <Title order={2} size="h4" id="skills-title" mb="sm">
        Skills: self and manager
      </Title>
      {/* Focusable, so a keyboard can scroll the table sideways on a phone. */}
      <Table.ScrollContainer
        minWidth={640}
        type="native"
        tabIndex={0}
        role="region"
        aria-label="Skills table"
      >
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Skill</Table.Th>
              <Table.Th>Self</Table.Th>
              <Table.Th>Manager</Table.Th>
              <Table.Th>Evidence from 1:1s</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {growth.skills.map((row) => (
              <Table.Tr key={row.skillId}>
                <Table.Td fz="sm" fw={500}>
                  {row.name}
                </Table.Td>
                <Table.Td>
                  <Rating value={row.self} change={row.selfChange} who="Self" />
                </Table.Td>
                <Table.Td>
                  <Rating value={row.manager} change={row.managerChange} who="Manager" />
                </Table.Td>
                <Table.Td maw={320}>
                  <Evidence row={row} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

export function GapsCard({ growth }: { growth: PersonGrowth }) {
  const gaps = growth.gaps.filter((gap) => gap.kind !== 'agreed-strength').slice(0, 5);
  return (
    <Card padding="lg" component="section" aria-labelledby="gaps-title">
      <Title order={2} size="h4" id="gaps-title" mb="sm">
        Gaps
      </Title>
      {gaps.length === 0 ? (
        <Text fz="sm" c="dimmed">
          Once a self and a manager assessment are submitted, the largest disagreements and the lowest levels
          show here.
        </Text>
      ) : (
        <Stack gap="sm">
          {gaps.map((gap) => {
            const label = gapLabels[gap.kind];
            return (
              <Stack key={gap.skillId} gap={2} className="tandem-list-row" pt="xs">
                <Group gap="xs" justify="space-between" wrap="wrap">
                  <Text fz="sm" fw={600}>
                    {gap.name}
                  </Text>
                  <Badge color={label.color}>{label.label}</Badge>
                </Group>
                <Text fz="xs" c="dimmed">
                  Self {gap.self ?? '—'} · manager {gap.manager ?? '—'}. {label.sentence}
                </Text>
              </Stack>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}
