import { Group, Text } from '@mantine/core';

/** Two overlapping rings: two people, one conversation. */
export function LogoMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="var(--mantine-primary-color-filled)" />
      <circle cx="12.5" cy="16" r="6.5" fill="none" stroke="white" strokeWidth="2.6" />
      <circle cx="19.5" cy="16" r="6.5" fill="none" stroke="white" strokeWidth="2.6" opacity="0.75" />
    </svg>
  );
}

export function Logo({ size = 28 }: { size?: number }) {
  return (
    <Group gap={8} wrap="nowrap">
      <LogoMark size={size} />
      <Text
        component="span"
        fw={700}
        fz={size > 30 ? 'xl' : 'lg'}
        lh={1}
        style={{ letterSpacing: '-0.01em' }}
      >
        Tandem
      </Text>
    </Group>
  );
}
