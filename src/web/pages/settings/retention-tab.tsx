import { Button, Group, NumberInput, Radio, Skeleton, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RetentionSettingsView } from '../../../contracts/retention.ts';
import { retentionQuery, saveRetention } from '../../api/data-rights.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { showFieldErrors } from '../../lib/forms.ts';
import { notifyDone } from '../../lib/notify.ts';
import { useCurrentOrg } from '../../lib/use-org.ts';
import { SettingsSection } from './settings-section.tsx';

type Mode = 'forever' | 'days';

interface Values {
  mode: Mode;
  transcriptDays: number | string;
}

const SUGGESTED_DAYS = 90;

function RetentionForm({ initial }: { initial: RetentionSettingsView }) {
  const { slug } = useCurrentOrg();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      mode: initial.transcriptDays === null ? 'forever' : 'days',
      transcriptDays: initial.transcriptDays ?? SUGGESTED_DAYS,
    },
    // Only what the server cannot say about an empty field; the range is the server's to judge,
    // and its message lands on the field.
    validate: {
      transcriptDays: (value, values) =>
        values.mode === 'days' && (value === '' || value === null) ? 'Enter a number of days' : null,
    },
  });
  const mutation = useMutation({
    mutationFn: (values: Values) =>
      saveRetention(slug, {
        transcriptDays: values.mode === 'forever' ? null : Number(values.transcriptDays),
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(retentionQuery(slug).queryKey, saved);
      form.resetDirty();
      notifyDone(
        saved.transcriptDays === null
          ? 'Transcripts are kept.'
          : `Transcripts older than ${saved.transcriptDays} days will be deleted.`,
      );
    },
    onError: (error) => showFieldErrors(form, error, ['transcriptDays']),
  });
  const isDays = form.values.mode === 'days';
  const hasFieldError = Boolean(form.errors.transcriptDays);

  return (
    <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
      <Stack gap="md" maw={560}>
        <ErrorAlert error={hasFieldError ? null : mutation.error} />
        <Radio.Group label="Transcripts of 1:1s" {...form.getInputProps('mode')}>
          <Stack gap="sm" mt="xs">
            <Radio
              value="forever"
              label="Keep them"
              description="Until one of the two people of the 1:1 deletes it."
            />
            <Radio
              value="days"
              label="Delete them after a number of days"
              description="By the date of the 1:1, not the day its transcript was added."
            />
          </Stack>
        </Radio.Group>
        {isDays ? (
          <NumberInput
            label="Delete transcripts older than"
            suffix=" days"
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            maw={320}
            {...form.getInputProps('transcriptDays')}
          />
        ) : null}
        <Text fz="sm" c="dimmed">
          Tandem deletes older transcripts in its regular sweep (every few minutes, unless your operator
          changed that). The scores and verdicts of their coaching analyses stay, so dashboards still add up;
          the quotes taken from them go. A deleted transcript cannot be brought back.
        </Text>
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            Save retention
          </Button>
          {initial.updatedAt ? (
            <Text fz="xs" c="dimmed">
              Last changed {formatDateTime(initial.updatedAt)}
            </Text>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}

/** Owners only: how long the organization keeps transcripts. */
export function RetentionTab() {
  const { slug } = useCurrentOrg();
  const retention = useQuery(retentionQuery(slug));
  return (
    <SettingsSection
      title="Retention"
      description="Transcripts hold every word of a 1:1. Keep them only as long as your organization needs them."
    >
      {retention.isPending ? (
        <Skeleton h={200} />
      ) : retention.isError ? (
        <ErrorAlert error={retention.error} />
      ) : (
        <RetentionForm initial={retention.data} />
      )}
    </SettingsSection>
  );
}
