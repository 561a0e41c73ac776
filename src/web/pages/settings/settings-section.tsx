import { Card, Divider, Grid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled block of settings: explanation on the left, controls on the right (stacked on phones). */
export function SettingsSection({
  title,
  description,
  children,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card padding="lg">
      <Grid gap={{ base: 'md', md: 'xl' }}>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap={4}>
            <Title order={2} size="h4">
              {title}
            </Title>
            {description ? (
              <Text fz="sm" c="dimmed">
                {description}
              </Text>
            ) : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>{children}</Grid.Col>
      </Grid>
    </Card>
  );
}

export function SectionDivider() {
  return <Divider my="xs" />;
}
