import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconFlag } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import type { MeetingPage } from '../../../contracts/meetings.ts';
import { meetingKey, nextStepsKey } from '../../api/meetings.ts';
import { NextStepItem } from '../../components/next-step-item.tsx';
import { formatDate, plural } from '../../lib/format.ts';

/** "What did we commit to?": the open next steps of earlier 1:1s, reviewed first. */
export function CommitmentsCard({ org, page }: { org: string; page: MeetingPage }) {
  const queryClient = useQueryClient();
  const steps = page.carriedOver;
  const overdue = steps.filter((step) => step.isOverdue).length;
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: meetingKey(org, page.meeting.id) });
    await queryClient.invalidateQueries({ queryKey: nextStepsKey(org) });
  };
  return (
    <Card padding="lg" component="section" aria-labelledby="commitments-title" className="tandem-commitments">
      <Group justify="space-between" gap="xs" mb={steps.length ? 'sm' : 0} wrap="wrap">
        <Group gap={8} wrap="nowrap">
          <IconFlag size={18} aria-hidden="true" color="var(--mantine-primary-color-filled)" />
          <Title order={2} size="h3" id="commitments-title">
            What did we commit to?
          </Title>
        </Group>
        {steps.length > 0 ? (
          <Text fz="sm" c="dimmed">
            {plural(steps.length, 'open step')}
            {overdue > 0 ? `, ${overdue} overdue` : ''}
          </Text>
        ) : null}
      </Group>
      {steps.length === 0 ? (
        <Text fz="sm" c="dimmed" mt={4}>
          Nothing open from earlier 1:1s. Next steps you agree today will open the next one.
        </Text>
      ) : (
        <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {steps.map((step) => (
            <li key={step.id} className="tandem-list-row tandem-step-row">
              <NextStepItem
                org={org}
                step={step}
                onChanged={refresh}
                context={
                  <Text fz="xs" c="dimmed">
                    · agreed {formatDate(step.createdAt)}
                  </Text>
                }
              />
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}
