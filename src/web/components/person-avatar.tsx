import { Avatar, type MantineSize } from '@mantine/core';
import { initials } from '../lib/format.ts';

// Stable, calm colours per person; every one keeps its initials legible in both schemes.
const palette = ['tandem', 'teal', 'grape', 'orange', 'cyan', 'pink', 'indigo', 'lime'] as const;

function colourFor(seed: string): (typeof palette)[number] {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return palette[hash % palette.length] ?? 'tandem';
}

export function PersonAvatar({
  name,
  size = 'md',
  seed,
}: {
  name: string;
  size?: MantineSize | number;
  seed?: string;
}) {
  return (
    <Avatar size={size} color={colourFor(seed ?? name)} variant="light" radius="xl" aria-hidden="true">
      {initials(name)}
    </Avatar>
  );
}
