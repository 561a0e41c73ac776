import { Card, Divider, Grid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A titled block of settings: explanation on the left, controls on the right (stacked on phones).
 * `isWide` puts the explanation above instead, for a table that needs the card's whole width.
 */
export function SettingsSection({
  title,
  description,
  isWide = false,
  children,
}: {
  title: string;
  description?: ReactNode;
  isWide?: boolean;
  children: ReactNode;
}) {
  const heading = (
    <Stack gap={4} maw={isWide ? 720 : undefined}>
      <Title order={2} size="h4">
        {title}
      </Title>
      {description ? (
        <Text fz="sm" c="dimmed">
          {description}
        </Text>
      ) : null}
    </Stack>
  );
  return (
    <Card padding="lg">
      {isWide ? (
        <Stack gap="md">
          {heading}
          {children}
        </Stack>
      ) : (
        <Grid gap={{ base: 'md', md: 'xl' }}>
          <Grid.Col span={{ base: 12, md: 4 }}>{heading}</Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>{children}</Grid.Col>
        </Grid>
      )}
    </Card>
  );
}

export function SectionDivider() {
  return <Divider my="xs" />;
}
