import { Button, Group, Modal, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { isKnownTimeZone } from '../../../contracts/common.ts';
import type { MeetingSummary } from '../../../contracts/meetings.ts';
import { api } from '../../api/client.ts';
import { createSeries, meetingsKey, type SeriesInput } from '../../api/meetings.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PersonPicker } from '../../components/person-picker.tsx';
import { firstName } from '../../lib/format.ts';
import { showFieldErrors } from '../../lib/forms.ts';
import { browserTimeZone, knownTimeZones, tomorrow, weekdayOf } from '../../lib/meeting-time.ts';
import { useCurrentOrg } from '../../lib/use-org.ts';

export const durationOptions = ['15', '20', '25', '30', '45', '50', '60', '90'].map((value) => ({
  value,
  label: `${value} minutes`,
}));

const cadenceOptions = [
  { value: 'weekly', label: 'Every week' },
  { value: 'biweekly', label: 'Every two weeks' },
  { value: 'monthly', label: 'Every month' },
  { value: 'custom', label: 'Custom rule (RRULE)' },
];

interface Values {
  withPersonId: string | null;
  withName: string;
  callerIsReport: boolean;
  cadence: SeriesInput['cadence'];
  rrule: string;
  startDate: string;
  startTime: string;
  durationMinutes: string;
  timeZone: string;
}

const fields = ['withPersonId', 'cadence', 'rrule', 'startDate', 'startTime', 'durationMinutes', 'timeZone'];

function preview(values: Values): string {
  const weekday = weekdayOf(values.startDate);
  const when = `at ${values.startTime || '…'}`;
  switch (values.cadence) {
    case 'weekly':
      return `Every ${weekday || 'week'} ${when}`;
    case 'biweekly':
      return `Every other ${weekday || 'week'} ${when}`;
    case 'monthly':
      return `Once a month, starting ${weekday || 'on the first date'}, ${when}`;
    default:
      return `On the days your rule gives, ${when}`;
  }
}

/** Starts a recurring 1:1 and opens its first meeting. */
export function StartSeriesDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { slug, session } = useCurrentOrg();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const zones = useMemo(knownTimeZones, []);
  const form = useForm<Values>({
    initialValues: {
      withPersonId: null,
      withName: '',
      callerIsReport: false,
      cadence: 'weekly',
      rrule: '',
      startDate: tomorrow(),
      startTime: '10:00',
      durationMinutes: '30',
      timeZone: browserTimeZone(),
    },
    validate: {
      withPersonId: (value) => (value ? null : 'Pick the person you meet'),
      startDate: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? null : 'Pick the date of the first 1:1'),
      startTime: (value) => (/^\d{2}:\d{2}$/.test(value) ? null : 'Pick a time'),
      timeZone: (value) => (isKnownTimeZone(value) ? null : 'Pick a time zone from the list'),
      rrule: (value, values) =>
        values.cadence === 'custom' && !value.trim() ? 'Write the rule, e.g. FREQ=WEEKLY;BYDAY=MO,TH' : null,
    },
  });
  const mutation = useMutation({
    mutationFn: async (values: Values) => {
      const series = await createSeries(slug, {
        withPersonId: values.withPersonId ?? '',
        callerIsReport: values.callerIsReport,
        cadence: values.cadence,
        rrule: values.cadence === 'custom' ? values.rrule.trim() : undefined,
        startDate: values.startDate,
        startTime: values.startTime,
        durationMinutes: Number(values.durationMinutes),
        timeZone: values.timeZone,
      });
      const [first] = await api<MeetingSummary[]>('GET', `/api/orgs/${slug}/meetings`, {
        query: { scope: 'upcoming', withPersonId: values.withPersonId, limit: 1 },
      });
      return { series, first };
    },
    onSuccess: async ({ first }) => {
      await queryClient.invalidateQueries({ queryKey: meetingsKey(slug) });
      form.reset();
      onClose();
      if (first) {
        await navigate({
          to: '/o/$org/meetings/$meetingId',
          params: { org: slug, meetingId: first.id },
        });
      }
    },
    onError: (error) => showFieldErrors(form, error, fields),
  });
  const other = firstName(form.values.withName);

  return (
    <Modal opened={opened} onClose={onClose} title="Start a 1:1 series" size="lg">
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
            onChange={(person) => {
              form.setFieldValue('withPersonId', person?.id ?? null);
              form.setFieldValue('withName', person?.name ?? '');
            }}
          />
          <Switch
            label="I am the report in this 1:1"
            description={
              form.values.withName
                ? `Leave it off when you lead the 1:1 with ${other}. Turn it on when ${other} is your manager.`
                : 'Leave it off when you lead the 1:1. Turn it on when the other person is your manager.'
            }
            {...form.getInputProps('callerIsReport', { type: 'checkbox' })}
          />
          <Select
            label="How often"
            data={cadenceOptions}
            allowDeselect={false}
            {...form.getInputProps('cadence')}
          />
          {form.values.cadence === 'custom' ? (
            <TextInput
              label="Recurrence rule"
              description="An iCalendar RRULE, e.g. FREQ=WEEKLY;INTERVAL=3;BYDAY=TU for every third Tuesday."
              placeholder="FREQ=WEEKLY;BYDAY=MO,TH"
              className="tandem-token"
              {...form.getInputProps('rrule')}
            />
          ) : null}
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <TextInput label="First 1:1" type="date" required {...form.getInputProps('startDate')} />
            <TextInput label="Time" type="time" required {...form.getInputProps('startTime')} />
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
          <Text fz="sm" c="dimmed" aria-live="polite">
            {preview(form.values)} ({form.values.timeZone.replaceAll('_', ' ')}),{' '}
            {form.values.durationMinutes} minutes. Tandem plans the next meetings at once.
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              Start series
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
