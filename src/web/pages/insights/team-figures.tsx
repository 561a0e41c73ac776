import { Group, Progress, Stack, Table, Text } from '@mantine/core';
import type { DashboardView } from '../../../contracts/insights.ts';
import { plural } from '../../lib/format.ts';

/** Open and overdue next steps of each team, the most overdue first. */
export function OverdueByTeam({ rows }: { rows: DashboardView['overdueByTeam'] }) {
  if (rows.length === 0)
    return (
      <Text fz="sm" c="dimmed">
        No team has an open next step.
      </Text>
    );
  const sorted = [...rows].sort((a, b) => b.overdue - a.overdue || b.open - a.open);
  const most = Math.max(1, ...sorted.map((row) => row.open));
  return (
    <Table.ScrollContainer
      minWidth={360}
      type="native"
      tabIndex={0}
      role="region"
      aria-label="Next steps by team"
    >
      <Table verticalSpacing={6} fz="sm" className="tandem-tabular">
        <Table.Caption>
          Next steps still open from each team’s 1:1s, and how many are past their due date.
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Team of</Table.Th>
            <Table.Th scope="col">Overdue</Table.Th>
            <Table.Th scope="col">Open</Table.Th>
            <Table.Th scope="col" w="35%">
              <span className="tandem-visually-hidden">Overdue of open, as a bar</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((row) => (
            <Table.Tr key={row.team.id}>
              <Table.Th scope="row" fw={500}>
                {row.team.name}
              </Table.Th>
              <Table.Td fw={row.overdue > 0 ? 600 : undefined}>{row.overdue}</Table.Td>
              <Table.Td>{row.open}</Table.Td>
              <Table.Td>
                <Progress.Root size="md" w={`${Math.max(8, (row.open / most) * 100)}%`} aria-hidden="true">
                  <Progress.Section value={row.open === 0 ? 0 : (row.overdue / row.open) * 100} color="red" />
                  <Progress.Section
                    value={row.open === 0 ? 0 : ((row.open - row.overdue) / row.open) * 100}
                    color="gray.5"
                  />
                </Progress.Root>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** How far each person of the tree has come through the Academy's modules. */
export function AcademyProgress({ academy }: { academy: DashboardView['academy'] }) {
  if (academy.people.length === 0)
    return (
      <Text fz="sm" c="dimmed">
        No one in this tree has finished an Academy module yet.
      </Text>
    );
  const certified = academy.people.filter((entry) => entry.completed >= academy.modules).length;
  return (
    <Stack gap="sm">
      <Text fz="sm" fw={600}>
        {plural(academy.people.length, 'person has', 'people have')} finished at least one of the{' '}
        {academy.modules} modules; {certified} finished all of them.
      </Text>
      <Stack gap={6} component="ul" className="tandem-flag-list">
        {academy.people.map((entry) => (
          <Stack key={entry.person.id} gap={2} component="li">
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text fz="sm" truncate>
                {entry.person.name}
              </Text>
              <Text fz="xs" c="dimmed" className="tandem-tabular" style={{ flex: 'none' }}>
                {entry.completed} of {academy.modules}
              </Text>
            </Group>
            <Progress
              value={(entry.completed / Math.max(1, academy.modules)) * 100}
              size="sm"
              aria-hidden="true"
            />
          </Stack>
        ))}
      </Stack>
    </Stack>
  );
}
