import { Stack, Text } from '@mantine/core';

interface TrendPoint {
  key: string;
  label: string;
  /** A short form for the axis, where space is tight. */
  tick: string;
  value: number | null;
}

interface TrendChartProps {
  title: string;
  points: TrendPoint[];
  min: number;
  max: number;
  format: (value: number) => string;
}

const WIDTH = 400;
const HEIGHT = 150;
const PAD = { top: 12, right: 24, bottom: 26, left: 48 };

/**
 * A small line of one figure over rounds. Purely a picture: the same figures are in the table
 * beside it and in its text summary, so it is hidden from screen readers.
 */
export function TrendChart({ title, points, min, max, format }: TrendChartProps) {
  const shown = points.filter((point): point is TrendPoint & { value: number } => point.value !== null);
  const step = points.length > 1 ? (WIDTH - PAD.left - PAD.right) / (points.length - 1) : 0;
  const x = (index: number) => (points.length > 1 ? PAD.left + index * step : WIDTH / 2);
  const y = (value: number) => PAD.top + (1 - (value - min) / (max - min)) * (HEIGHT - PAD.top - PAD.bottom);
  const coordinates = points.flatMap((point, index) =>
    point.value === null ? [] : [{ x: x(index), y: y(point.value), value: point.value }],
  );
  // Counted back from the newest round, so the latest always has its label.
  const tickStep = Math.ceil(points.length / 5);
  const first = shown[0];
  const last = shown.at(-1);
  const summary =
    !first || !last
      ? `${title}: no round has shown figures yet.`
      : shown.length === 1
        ? `${title}: ${format(last.value)} in ${last.label}.`
        : `${title}: from ${format(first.value)} in ${first.label} to ${format(last.value)} in ${last.label}.`;
  return (
    <Stack gap={4}>
      <Text fw={600} fz="sm">
        {summary}
      </Text>
      <svg
        className="tandem-pulse-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        aria-hidden="true"
        focusable="false"
      >
        {[min, (min + max) / 2, max].map((tick) => (
          <g key={tick}>
            <line
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y(tick)}
              y2={y(tick)}
              stroke="var(--tandem-border)"
              strokeDasharray="3 3"
            />
            <text x={PAD.left - 8} y={y(tick) + 4} textAnchor="end">
              {format(tick)}
            </text>
          </g>
        ))}
        {points.map((point, index) =>
          (points.length - 1 - index) % tickStep === 0 ? (
            <text
              key={point.key}
              x={x(index)}
              y={HEIGHT - 8}
              textAnchor={index === 0 ? 'start' : index === points.length - 1 ? 'end' : 'middle'}
            >
              {point.tick}
            </text>
          ) : null,
        )}
        {coordinates.length > 1 ? (
          <polyline
            points={coordinates.map((point) => `${point.x},${point.y}`).join(' ')}
            fill="none"
            stroke="var(--mantine-primary-color-filled)"
            strokeWidth={2.5}
            strokeLinejoin="round"
          />
        ) : null}
        {coordinates.map((point) => (
          <circle key={point.x} cx={point.x} cy={point.y} r={4} fill="var(--mantine-primary-color-filled)" />
        ))}
      </svg>
    </Stack>
  );
}
