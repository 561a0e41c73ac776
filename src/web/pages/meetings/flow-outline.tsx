import { Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconRoute } from '@tabler/icons-react';
import type { MeetingPage } from '../../../contracts/meetings.ts';

/** The template's flow as a numbered outline, so both know where the conversation is heading. */
export function FlowOutline({ template }: { template: MeetingPage['template'] }) {
  return (
    <Card padding="lg" component="section" aria-labelledby="flow-title">
      <Group gap={8} mb={4} wrap="nowrap">
        <IconRoute size={18} aria-hidden="true" color="var(--mantine-color-dimmed)" />
        <Title order={2} size="h4" id="flow-title">
          The flow
        </Title>
      </Group>
      <Text fz="xs" c="dimmed" mb="md">
        {template.name}
      </Text>
      <Stack gap="sm" component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
        {template.steps.map((step, index) => (
          <Group key={step.key} component="li" gap="sm" wrap="nowrap" align="flex-start">
            <ThemeIcon size={24} radius="xl" variant="light" aria-hidden="true">
              <Text fz="xs" fw={700} c="inherit">
                {index + 1}
              </Text>
            </ThemeIcon>
            <div style={{ minWidth: 0 }}>
              <Text fz="sm" fw={600}>
                {step.title}
              </Text>
              {step.prompt ? (
                <Text fz="xs" c="dimmed">
                  {step.prompt}
                </Text>
              ) : null}
            </div>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
