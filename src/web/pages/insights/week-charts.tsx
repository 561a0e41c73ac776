import { Stack, Table, Text } from '@mantine/core';
import { Bar, BarChart, ResponsiveContainer } from 'recharts';
import type { VerdictCounts } from '../../api/insights.ts';
import { plural } from '../../lib/format.ts';
import {
  ChartFrame,
  ChartLegend,
  chartAxes,
  chartColors,
  chartMargin,
  FiguresTable,
} from './chart-parts.tsx';
import {
  coachingShareOf,
  formatShare,
  formatWeek,
  ratio,
  sumVerdicts,
  verdictTotal,
} from './insight-figures.ts';

type VerdictWeek = VerdictCounts & { week: string };
type CadenceWeek = { week: string; planned: number; held: number };

const verdictSeries = [
  { key: 'coaching', label: 'Coaching', color: chartColors.coaching },
  { key: 'mixed', label: 'Mixed', color: chartColors.mixed },
  { key: 'checkIn', label: 'Check-in', color: chartColors.checkIn },
] as const;

/** One sentence a reader takes away from the mix: how many analysed, how many coaching, and the trend. */
export function mixSummary(weeks: readonly VerdictWeek[]): string {
  const total = sumVerdicts(weeks);
  const analysed = verdictTotal(total);
  if (analysed === 0)
    return 'No 1:1 in this period has been analysed yet, so there is no coaching mix to show.';
  const withData = weeks.filter((week) => verdictTotal(week) > 0);
  const first = withData[0];
  const last = withData.at(-1);
  const trend =
    first && last && first !== last
      ? ` Coaching was ${formatShare(coachingShareOf(first))} in the week of ${formatWeek(first.week)} and ${formatShare(coachingShareOf(last))} in the week of ${formatWeek(last.week)}.`
      : '';
  return `${plural(analysed, 'analysed 1:1')}: ${formatShare(coachingShareOf(total))} coaching, ${formatShare(ratio(total.mixed, analysed))} mixed, ${formatShare(ratio(total.checkIn, analysed))} check-in.${trend}`;
}

/** Analysed 1:1s per week, stacked by verdict. */
export function VerdictMixChart({ weeks, caption }: { weeks: readonly VerdictWeek[]; caption: string }) {
  const data = weeks.map((week) => ({ ...week, label: formatWeek(week.week) }));
  return (
    <Stack gap="xs">
      <Text fz="sm" fw={600}>
        {mixSummary(weeks)}
      </Text>
      <ChartLegend entries={verdictSeries} />
      <ChartFrame>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} accessibilityLayer={false} margin={chartMargin}>
            {chartAxes({ allowDecimals: false })}
            {verdictSeries.map((series) => (
              <Bar
                key={series.key}
                dataKey={series.key}
                name={series.label}
                stackId="mix"
                fill={series.color}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
      <FiguresTable caption={caption}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Week of</Table.Th>
            <Table.Th scope="col">Coaching</Table.Th>
            <Table.Th scope="col">Mixed</Table.Th>
            <Table.Th scope="col">Check-in</Table.Th>
            <Table.Th scope="col">Not analysed</Table.Th>
            <Table.Th scope="col">Coaching share</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {weeks.map((week) => (
            <Table.Tr key={week.week}>
              <Table.Th scope="row" fw={500}>
                {formatWeek(week.week)}
              </Table.Th>
              <Table.Td>{week.coaching}</Table.Td>
              <Table.Td>{week.mixed}</Table.Td>
              <Table.Td>{week.checkIn}</Table.Td>
              <Table.Td>{week.unscored}</Table.Td>
              <Table.Td>{formatShare(coachingShareOf(week))}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </FiguresTable>
    </Stack>
  );
}

export function cadenceSummary(weeks: readonly CadenceWeek[]): string {
  const planned = weeks.reduce((sum, week) => sum + week.planned, 0);
  const held = weeks.reduce((sum, week) => sum + week.held, 0);
  if (planned === 0) return 'No 1:1 was planned in this period.';
  return `${held} of ${plural(planned, '1:1')} planned were held (${formatShare(held / planned)}).`;
}

/** 1:1s planned and held per week, side by side. */
export function CadenceChart({ weeks, caption }: { weeks: readonly CadenceWeek[]; caption: string }) {
  const data = weeks.map((week) => ({ ...week, label: formatWeek(week.week) }));
  return (
    <Stack gap="xs">
      <Text fz="sm" fw={600}>
        {cadenceSummary(weeks)}
      </Text>
      <ChartLegend
        entries={[
          { label: 'Planned', color: chartColors.planned },
          { label: 'Held', color: chartColors.held },
        ]}
      />
      <ChartFrame height={200}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} accessibilityLayer={false} margin={chartMargin}>
            {chartAxes({ allowDecimals: false })}
            <Bar dataKey="planned" name="Planned" fill={chartColors.planned} />
            <Bar dataKey="held" name="Held" fill={chartColors.held} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
      <FiguresTable caption={caption} minWidth={320}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Week of</Table.Th>
            <Table.Th scope="col">Planned</Table.Th>
            <Table.Th scope="col">Held</Table.Th>
            <Table.Th scope="col">Kept</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {weeks.map((week) => (
            <Table.Tr key={week.week}>
              <Table.Th scope="row" fw={500}>
                {formatWeek(week.week)}
              </Table.Th>
              <Table.Td>{week.planned}</Table.Td>
              <Table.Td>{week.held}</Table.Td>
              <Table.Td>{formatShare(ratio(week.held, week.planned))}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </FiguresTable>
    </Stack>
  );
}
