import { Card, Text } from '@mantine/core';

/** One headline figure with what it counts. */
export function Stat({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <Card padding="md" className="tandem-stat">
      <Text fz="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text fz={26} fw={700} className="tandem-tabular" lh={1.3}>
        {value}
      </Text>
      <Text fz="xs" c="dimmed">
        {detail}
      </Text>
    </Card>
  );
}
