import { Anchor, Box, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { formatWeek } from './insight-figures.ts';

// Chart colours are Mantine's CSS variables, so the charts follow the light and dark themes.
// Every colour is printed with its words in the legend and the table: colour never carries meaning alone.
export const chartColors = {
  coaching: 'var(--mantine-color-teal-filled)',
  mixed: 'var(--mantine-color-yellow-filled)',
  checkIn: 'var(--mantine-color-red-filled)',
  unscored: 'var(--mantine-color-gray-6)',
  planned: 'var(--mantine-color-gray-5)',
  held: 'var(--mantine-primary-color-filled)',
} as const;

export const seriesPalette = [
  'var(--mantine-color-tandem-filled)',
  'var(--mantine-color-teal-filled)',
  'var(--mantine-color-orange-filled)',
  'var(--mantine-color-grape-filled)',
  'var(--mantine-color-cyan-filled)',
  'var(--mantine-color-pink-filled)',
  'var(--mantine-color-lime-filled)',
  'var(--mantine-color-gray-filled)',
];

const axisTick = { fill: 'var(--mantine-color-dimmed)', fontSize: 11 };
const gridStroke = 'var(--tandem-border)';
const tooltipProps = {
  contentStyle: {
    background: 'var(--mantine-color-body)',
    border: '1px solid var(--tandem-border)',
    borderRadius: 'var(--mantine-radius-md)',
    fontSize: 'var(--mantine-font-size-sm)',
  },
  labelStyle: { color: 'var(--mantine-color-text)', fontWeight: 600 },
  cursor: { fill: 'var(--mantine-color-default-hover)' },
} as const;

export interface LegendEntry {
  label: string;
  color: string;
}

/** The chart's key, as text beside coloured marks (recharts' own legend is hidden from readers with the chart). */
export function ChartLegend({ entries }: { entries: readonly LegendEntry[] }) {
  return (
    <Group gap="md" component="ul" style={{ rowGap: 4 }} className="tandem-chart-legend" aria-hidden="true">
      {entries.map((entry) => (
        <Group key={entry.label} gap={6} component="li" wrap="nowrap">
          <Box className="tandem-chart-swatch" style={{ background: entry.color }} />
          <Text fz="xs">{entry.label}</Text>
        </Group>
      ))}
    </Group>
  );
}

/**
 * The picture itself, hidden from screen readers: the same figures are in the summary sentence
 * and the table of the card. A fixed height keeps recharts from measuring an empty box.
 */
export function ChartFrame({ height = 240, children }: { height?: number; children: ReactNode }) {
  return (
    <Box className="tandem-chart" h={height} aria-hidden="true">
      {children}
    </Box>
  );
}

/** The figures behind a chart, folded away by default; a native details element works with any reader. */
export function FiguresTable({
  caption,
  minWidth = 420,
  children,
}: {
  caption: string;
  minWidth?: number;
  children: ReactNode;
}) {
  return (
    <details className="tandem-figures">
      <summary>Show the figures as a table</summary>
      <Table.ScrollContainer
        minWidth={minWidth}
        type="native"
        tabIndex={0}
        role="region"
        aria-label={caption}
      >
        <Table verticalSpacing={6} fz="sm" className="tandem-tabular">
          <Table.Caption>{caption}</Table.Caption>
          {children}
        </Table>
      </Table.ScrollContainer>
    </details>
  );
}

interface SectionCardProps {
  id: string;
  title: string;
  /** A sentence on what the figures mean. */
  description?: ReactNode;
  /** Where the section's figures download as CSV. */
  csvHref?: string;
  children: ReactNode;
}

export function SectionCard({ id, title, description, csvHref, children }: SectionCardProps) {
  return (
    <Card padding="lg" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <Stack gap={2} style={{ flex: '1 1 16rem', minWidth: 0 }}>
            <Title order={2} size="h3" id={id}>
              {title}
            </Title>
            {description ? (
              <Text fz="sm" c="dimmed">
                {description}
              </Text>
            ) : null}
          </Stack>
          {csvHref ? (
            <Anchor
              href={csvHref}
              download
              fz="sm"
              className="tandem-csv-link"
              aria-label={`Download CSV: ${title}`}
            >
              <IconDownload size={16} aria-hidden="true" /> Download CSV
            </Anchor>
          ) : null}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}

export const chartMargin = { top: 8, right: 12, bottom: 0, left: -16 };

interface AxesOptions {
  yDomain?: [number, number];
  format?: (value: number) => string;
  allowDecimals?: boolean;
}

/**
 * The grid, the week or round axis, the value axis and the tooltip every chart here shares, as
 * children to put inside a recharts chart whose rows carry a `label`.
 */
export function chartAxes({ yDomain, format, allowDecimals = true }: AxesOptions = {}) {
  return [
    <CartesianGrid key="grid" stroke={gridStroke} strokeDasharray="3 3" vertical={false} />,
    <XAxis
      key="x"
      dataKey="label"
      tick={axisTick}
      tickLine={false}
      axisLine={{ stroke: gridStroke }}
      minTickGap={8}
    />,
    <YAxis
      key="y"
      domain={yDomain}
      allowDecimals={allowDecimals}
      tick={axisTick}
      tickLine={false}
      axisLine={false}
      tickFormatter={format}
    />,
    <Tooltip
      key="tooltip"
      {...tooltipProps}
      formatter={format ? (value) => (typeof value === 'number' ? format(value) : value) : undefined}
    />,
  ];
}

/** One column of a week-by-week table: its heading and what each week shows in it. */
export interface WeekColumn<W> {
  header: ReactNode;
  cell: (week: W) => ReactNode;
  fw?: number;
}

/**
 * The head and rows of a week-by-week table, for inside a `Table`: "Week of" as each row's
 * heading, then the columns. Every chart's table of weeks has this shape.
 */
export function WeekRows<W>({
  weeks,
  weekOf,
  columns,
}: {
  weeks: readonly W[];
  weekOf: (week: W) => string;
  columns: readonly WeekColumn<W>[];
}) {
  return (
    <>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Week of</Table.Th>
          {columns.map((column, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed for the table's life
            <Table.Th key={index} scope="col">
              {column.header}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {weeks.map((week) => (
          <Table.Tr key={weekOf(week)}>
            <Table.Th scope="row" fw={500}>
              {formatWeek(weekOf(week))}
            </Table.Th>
            {columns.map((column, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed for the table's life
              <Table.Td key={index} fw={column.fw}>
                {column.cell(week)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </>
  );
}
