import { Badge, Button, Card, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck, IconListCheck, IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { MeetingPage } from '../../../contracts/meetings.ts';
import { addNextStep, meetingKey, nextStepsKey } from '../../api/meetings.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { NextStepItem } from '../../components/next-step-item.tsx';
import { firstName, formatDate } from '../../lib/format.ts';
import { showFieldErrors } from '../../lib/forms.ts';
import { CloseMeetingDialog } from './close-meeting-dialog.tsx';
import { meAndOther } from './meeting-groups.tsx';

interface StepValues {
  title: string;
  ownerId: string;
  dueDate: string;
}

/** What happens after the 1:1: each step with an owner and a due date; then the 1:1 closes. */
export function NextStepsCard({ org, page }: { org: string; page: MeetingPage }) {
  const queryClient = useQueryClient();
  const [isClosing, setClosing] = useState(false);
  const { me, other } = meAndOther(page.meeting);
  const isClosed = page.meeting.status === 'completed';
  // The report owning the step is the point of the exercise, so the report comes first.
  const owners = [page.meeting.report, page.meeting.leader].map((person) => ({
    value: person.id,
    label: person.id === me.id ? `Me (${firstName(me.name)})` : person.name,
  }));
  const form = useForm<StepValues>({
    initialValues: { title: '', ownerId: page.meeting.report.id, dueDate: '' },
    validate: {
      title: (value) => (value.trim() ? null : 'Say what will happen'),
      dueDate: (value) => (value ? null : 'Pick a due date: a step without one tends to drift'),
    },
  });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: meetingKey(org, page.meeting.id) });
    await queryClient.invalidateQueries({ queryKey: nextStepsKey(org) });
  };
  const add = useMutation({
    mutationFn: (values: StepValues) =>
      addNextStep(org, page.meeting.id, {
        title: values.title.trim(),
        ownerId: values.ownerId || null,
        dueDate: values.dueDate || null,
      }),
    onSuccess: async () => {
      form.setValues({ title: '', dueDate: '' });
      await refresh();
    },
    onError: (error) => showFieldErrors(form, error, ['title', 'ownerId', 'dueDate']),
  });

  return (
    <Card padding="lg" component="section" aria-labelledby="next-steps-title">
      <Group justify="space-between" gap="xs" mb="sm" wrap="wrap">
        <Group gap={8} wrap="nowrap">
          <IconListCheck size={18} aria-hidden="true" color="var(--mantine-color-dimmed)" />
          <Title order={2} size="h3" id="next-steps-title">
            Next steps
          </Title>
        </Group>
        {isClosed ? (
          <Badge color="teal" leftSection={<IconCircleCheck size={12} aria-hidden="true" />}>
            Closed {page.meeting.closedAt ? formatDate(page.meeting.closedAt) : ''}
          </Badge>
        ) : null}
      </Group>
      {page.nextSteps.length === 0 ? (
        <Text fz="sm" c="dimmed" mb="md">
          End with action: who does what, by when. Steps {firstName(other.name)} owns build ownership.
        </Text>
      ) : (
        <Stack gap={0} component="ul" m={0} mb="md" p={0} style={{ listStyle: 'none' }}>
          {page.nextSteps.map((step) => (
            <li key={step.id} className="tandem-list-row tandem-step-row">
              <NextStepItem org={org} step={step} onChanged={refresh} />
            </li>
          ))}
        </Stack>
      )}
      {isClosed && page.meeting.noNextStepsReason ? (
        <Text fz="sm" c="dimmed" mb="md">
          Closed without next steps: {page.meeting.noNextStepsReason}
        </Text>
      ) : null}
      <form onSubmit={form.onSubmit((values) => add.mutate(values))} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={Object.keys(form.errors).length > 0 ? null : add.error} />
          <TextInput
            label="Next step"
            placeholder="e.g. Draft the launch plan and share it with the team"
            {...form.getInputProps('title')}
          />
          <Group gap="sm" align="flex-start" wrap="wrap">
            <NativeSelect
              label="Owner"
              data={owners}
              w={{ base: '100%', xs: 220 }}
              {...form.getInputProps('ownerId')}
            />
            <TextInput
              label="Due date"
              type="date"
              w={{ base: '100%', xs: 180 }}
              {...form.getInputProps('dueDate')}
            />
            <Button
              type="submit"
              variant="light"
              mt={{ base: 0, xs: 25 }}
              loading={add.isPending}
              leftSection={<IconPlus size={16} aria-hidden="true" />}
            >
              Add step
            </Button>
          </Group>
        </Stack>
      </form>
      {isClosed ? null : (
        <Group justify="flex-end" mt="lg" pt="md" className="tandem-card-footer">
          <Button
            onClick={() => setClosing(true)}
            leftSection={<IconCircleCheck size={16} aria-hidden="true" />}
          >
            Close 1:1
          </Button>
        </Group>
      )}
      {isClosing ? (
        <CloseMeetingDialog org={org} page={page} opened={isClosing} onClose={() => setClosing(false)} />
      ) : null}
    </Card>
  );
}
