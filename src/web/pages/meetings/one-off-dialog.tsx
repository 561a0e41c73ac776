import { Button, Group, Modal, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { isKnownTimeZone } from '../../../contracts/common.ts';
import { createOneOff, meetingsKey } from '../../api/meetings.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PersonPicker } from '../../components/person-picker.tsx';
import { showFieldErrors } from '../../lib/forms.ts';
import { browserTimeZone, knownTimeZones, tomorrow, zonedToIso } from '../../lib/meeting-time.ts';
import { useCurrentOrg } from '../../lib/use-org.ts';
import { durationOptions } from './start-series-dialog.tsx';

interface Values {
  withPersonId: string | null;
  callerIsReport: boolean;
  date: string;
  time: string;
  durationMinutes: string;
  timeZone: string;
}

/** One 1:1 outside any series, e.g. a skip-level or a catch-up after a hard week. */
export function OneOffDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { slug, session } = useCurrentOrg();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const zones = useMemo(knownTimeZones, []);
  const form = useForm<Values>({
    initialValues: {
      withPersonId: null,
      callerIsReport: false,
      date: tomorrow(),
      time: '10:00',
      durationMinutes: '30',
      timeZone: browserTimeZone(),
    },
    validate: {
      withPersonId: (value) => (value ? null : 'Pick the person you meet'),
      date: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? null : 'Pick a date'),
      time: (value) => (/^\d{2}:\d{2}$/.test(value) ? null : 'Pick a time'),
      timeZone: (value) => (isKnownTimeZone(value) ? null : 'Pick a time zone from the list'),
    },
  });
  const mutation = useMutation({
    mutationFn: (values: Values) =>
      createOneOff(slug, {
        withPersonId: values.withPersonId ?? '',
        callerIsReport: values.callerIsReport,
        startsAt: zonedToIso(values.date, values.time, values.timeZone),
        durationMinutes: Number(values.durationMinutes),
      }),
    onSuccess: async (meeting) => {
      await queryClient.invalidateQueries({ queryKey: meetingsKey(slug) });
      form.reset();
      onClose();
      await navigate({ to: '/o/$org/meetings/$meetingId', params: { org: slug, meetingId: meeting.id } });
    },
    onError: (error) =>
      showFieldErrors(form, error, ['withPersonId', 'date', 'durationMinutes'], { startsAt: 'date' }),
  });

  return (
    <Modal opened={opened} onClose={onClose} title="Add a one-off 1:1" size="lg">
      <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
        <Stack gap="md">
          <ErrorAlert error={Object.keys(form.errors).length > 0 ? null : mutation.error} />
          <PersonPicker
            org={slug}
            label="Who do you meet?"
            value={form.values.withPersonId}
            excludeEmail={session.user.email}
            required
            error={form.errors.withPersonId as string | undefined}
            onChange={(person) => form.setFieldValue('withPersonId', person?.id ?? null)}
          />
          <Switch
            label="I am the report in this 1:1"
            description="Turn it on when the other person leads, e.g. your own manager."
            {...form.getInputProps('callerIsReport', { type: 'checkbox' })}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <TextInput label="Date" type="date" required {...form.getInputProps('date')} />
            <TextInput label="Time" type="time" required {...form.getInputProps('time')} />
            <Select
              label="Length"
              data={durationOptions}
              allowDeselect={false}
              {...form.getInputProps('durationMinutes')}
            />
            <Select
              label="Time zone"
              data={zones}
              searchable
              required
              allowDeselect={false}
              {...form.getInputProps('timeZone')}
            />
          </SimpleGrid>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              Add 1:1
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
