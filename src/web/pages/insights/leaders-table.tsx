import { Box, Stack, Table, Text } from '@mantine/core';
import type { LeaderFigures, VerdictCounts } from '../../api/insights.ts';
import { AnchorLink } from '../../components/links.tsx';
import { DEFAULT_WEEKS } from '../../insights-routes.tsx';
import { chartColors } from './chart-parts.tsx';
import { formatAskTell, formatScore, formatShare, ratio, verdictTotal } from './insight-figures.ts';

/** A thin stacked bar of one leader's verdicts, with the counts in words beside it for every reader. */
export function MixBar({ verdicts }: { verdicts: VerdictCounts }) {
  const total = verdictTotal(verdicts);
  const words =
    total === 0
      ? 'None analysed'
      : `${verdicts.coaching} coaching · ${verdicts.mixed} mixed · ${verdicts.checkIn} check-in`;
  return (
    <Stack gap={4} miw={200}>
      {total > 0 ? (
        <Box className="tandem-mix-bar" aria-hidden="true">
          <Box style={{ flex: verdicts.coaching, background: chartColors.coaching }} />
          <Box style={{ flex: verdicts.mixed, background: chartColors.mixed }} />
          <Box style={{ flex: verdicts.checkIn, background: chartColors.checkIn }} />
        </Box>
      ) : null}
      <Text fz="xs" c={total === 0 ? 'dimmed' : undefined} style={{ whiteSpace: 'nowrap' }}>
        {words}
      </Text>
    </Stack>
  );
}

interface LeadersTableProps {
  org: string;
  leaders: readonly LeaderFigures[];
  weeks: number;
}

/** Every leader of the tree with their figures; the name opens that leader's own page. */
export function LeadersTable({ org, leaders, weeks }: LeadersTableProps) {
  if (leaders.length === 0)
    return (
      <Text fz="sm" c="dimmed">
        No one in this tree leads a team yet.
      </Text>
    );
  return (
    <Table.ScrollContainer
      minWidth={880}
      type="native"
      tabIndex={0}
      role="region"
      aria-label="Leaders’ figures"
    >
      <Table verticalSpacing="xs" fz="sm" className="tandem-tabular" highlightOnHover>
        <Table.Caption>
          Figures of the last {weeks} weeks. Scores, ask:tell and talk share are averages of the analysed
          1:1s.
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Leader</Table.Th>
            <Table.Th scope="col">1:1s held</Table.Th>
            <Table.Th scope="col">Coaching mix</Table.Th>
            <Table.Th scope="col">Score</Table.Th>
            <Table.Th scope="col">Ask:tell</Table.Th>
            <Table.Th scope="col">Talk share</Table.Th>
            <Table.Th scope="col">Follow-through</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {leaders.map((figures) => (
            <Table.Tr key={figures.leader.id}>
              <Table.Th scope="row" fw={500}>
                <Stack gap={0}>
                  <AnchorLink
                    to="/o/$org/insights/leaders/$personId"
                    params={{ org, personId: figures.leader.id }}
                    search={{ weeks: weeks === DEFAULT_WEEKS ? undefined : weeks }}
                    fw={600}
                    fz="sm"
                  >
                    {figures.leader.name}
                  </AnchorLink>
                  <Text fz="xs" c="dimmed" lineClamp={1}>
                    {figures.leader.title ? `${figures.leader.title} · ` : ''}
                    {figures.teamSize} {figures.teamSize === 1 ? 'report' : 'reports'}
                  </Text>
                </Stack>
              </Table.Th>
              <Table.Td>
                <Text fz="sm">{formatShare(ratio(figures.held, figures.planned))}</Text>
                <Text fz="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {figures.held} of {figures.planned}
                </Text>
              </Table.Td>
              <Table.Td>
                <MixBar verdicts={figures.verdicts} />
              </Table.Td>
              <Table.Td>{formatScore(figures.averageScore)}</Table.Td>
              <Table.Td>{formatAskTell(figures.averageAskTell)}</Table.Td>
              <Table.Td>{formatShare(figures.averageTalkShare)}</Table.Td>
              <Table.Td>
                {formatShare(figures.followThrough)}
                {figures.stepsDue > 0 ? (
                  <Text fz="xs" c="dimmed" component="span">
                    {' '}
                    ({figures.stepsDoneOnTime} of {figures.stepsDue})
                  </Text>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
