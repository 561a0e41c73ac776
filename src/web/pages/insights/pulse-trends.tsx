import { Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { Line, LineChart, ResponsiveContainer } from 'recharts';
import type { DashboardView } from '../../../contracts/insights.ts';
import { AnchorLink } from '../../components/links.tsx';
import { formatEnps, formatRoundDate, formatSafety } from '../pulse/pulse-figures.ts';
import {
  ChartFrame,
  ChartLegend,
  chartAxes,
  chartMargin,
  FiguresTable,
  seriesPalette,
} from './chart-parts.tsx';

type Trend = DashboardView['pulse'][number];
type Round = Trend['rounds'][number];

interface Figure {
  title: string;
  value: (round: Round) => number | null;
  format: (value: number) => string;
  domain: [number, number];
}

const figures: Figure[] = [
  {
    title: 'Psychological safety (1–7)',
    value: (round) => round.safetyScore,
    format: formatSafety,
    domain: [1, 7],
  },
  { title: 'eNPS', value: (round) => round.enps, format: formatEnps, domain: [-100, 100] },
];

const monthOf = (iso: string) => iso.slice(0, 7);
const teamName = (trend: Trend) => `${trend.team.name}’s team`;

function shownRounds(trend: Trend, figure: Figure) {
  return trend.rounds.flatMap((round) => {
    const value = round.visibility === 'shown' ? figure.value(round) : null;
    return value === null ? [] : [{ ...round, value }];
  });
}

/** "Claire Dubois’s team: from 4.8 in May 2026 to 4.1 in Oct 2026." */
export function trendSentence(trend: Trend, figure: Figure): string {
  const shown = shownRounds(trend, figure);
  const first = shown[0];
  const last = shown.at(-1);
  if (!first || !last) return `${teamName(trend)}: no round with figures yet.`;
  if (first === last)
    return `${teamName(trend)}: ${figure.format(last.value)} in ${formatRoundDate(last.closesAt)}.`;
  return `${teamName(trend)}: from ${figure.format(first.value)} in ${formatRoundDate(first.closesAt)} to ${figure.format(last.value)} in ${formatRoundDate(last.closesAt)}.`;
}

function TrendLines({ trends, figure }: { trends: readonly Trend[]; figure: Figure }) {
  const months = [
    ...new Set(trends.flatMap((trend) => trend.rounds.map((round) => monthOf(round.closesAt)))),
  ].sort();
  const data = months.map((month) => {
    const row: Record<string, number | string | null> = { label: formatRoundDate(`${month}-15T12:00:00Z`) };
    for (const trend of trends) {
      const round = trend.rounds.find((candidate) => monthOf(candidate.closesAt) === month);
      row[trend.surveyId] = round && round.visibility === 'shown' ? figure.value(round) : null;
    }
    return row;
  });
  const colorOf = (index: number) =>
    seriesPalette[index % seriesPalette.length] ?? 'var(--mantine-color-gray-filled)';
  return (
    <Stack gap="xs">
      <Text fz="sm" fw={600}>
        {figure.title}
      </Text>
      <Stack gap={2} component="ul" className="tandem-flag-list">
        {trends.map((trend) => (
          <Text key={trend.surveyId} component="li" fz="sm">
            {trendSentence(trend, figure)}
          </Text>
        ))}
      </Stack>
      <ChartLegend
        entries={trends.map((trend, index) => ({ label: teamName(trend), color: colorOf(index) }))}
      />
      <ChartFrame height={220}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} accessibilityLayer={false} margin={chartMargin}>
            {chartAxes({ yDomain: figure.domain, format: figure.format })}
            {trends.map((trend, index) => (
              <Line
                key={trend.surveyId}
                dataKey={trend.surveyId}
                name={teamName(trend)}
                stroke={colorOf(index)}
                strokeWidth={2.5}
                dot={{ r: 3, fill: colorOf(index) }}
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </ChartFrame>
      <FiguresTable
        caption={`${figure.title} by round; a dash where a round was open or had too few answers`}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Round</Table.Th>
            {trends.map((trend) => (
              <Table.Th key={trend.surveyId} scope="col">
                {teamName(trend)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.map((row) => (
            <Table.Tr key={String(row.label)}>
              <Table.Th scope="row" fw={500}>
                {row.label}
              </Table.Th>
              {trends.map((trend) => {
                const value = row[trend.surveyId];
                return (
                  <Table.Td key={trend.surveyId}>
                    {typeof value === 'number' ? figure.format(value) : '—'}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </FiguresTable>
    </Stack>
  );
}

/** Safety and eNPS of every pulse in the tree, with a link to each pulse's own results. */
export function PulseTrends({ org, trends }: { org: string; trends: readonly Trend[] }) {
  if (trends.length === 0)
    return (
      <Text fz="sm" c="dimmed">
        No culture pulse runs in this tree yet. Schedule one on the Pulse page to follow psychological safety
        and eNPS here.
      </Text>
    );
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        {figures.map((figure) => (
          <TrendLines key={figure.title} trends={trends} figure={figure} />
        ))}
      </SimpleGrid>
      <Group gap="md">
        {trends.map((trend) => (
          <AnchorLink
            key={trend.surveyId}
            to="/o/$org/pulse/surveys/$surveyId"
            params={{ org, surveyId: trend.surveyId }}
            fz="sm"
          >
            {trend.title} results
          </AnchorLink>
        ))}
      </Group>
    </Stack>
  );
}
