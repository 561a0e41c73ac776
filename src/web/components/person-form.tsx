import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { isKnownTimeZone } from '../../contracts/common.ts';
import type { PersonView } from '../../contracts/people.ts';
import { type PersonInput, peopleQuery } from '../api/people.ts';
import { showFieldErrors } from '../lib/forms.ts';

export interface PersonFormValues {
  name: string;
  email: string;
  title: string;
  managerId: string | null;
  startDate: string;
  timeZone: string;
}

const timeZones = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
})();

const fields = ['name', 'email', 'title', 'managerId', 'startDate', 'timeZone'] as const;

interface PersonFormProps {
  org: string;
  person?: PersonView;
  submitLabel: string;
  isSubmitting: boolean;
  onSubmit: (input: PersonInput) => Promise<unknown>;
  onCancel: () => void;
}

/** The fields of a person in the directory, for adding one or correcting one. */
export function PersonForm({ org, person, submitLabel, isSubmitting, onSubmit, onCancel }: PersonFormProps) {
  const everyone = useQuery(peopleQuery(org, { limit: 500, offset: 0 }));
  const form = useForm<PersonFormValues>({
    initialValues: {
      name: person?.name ?? '',
      email: person?.email ?? '',
      title: person?.title ?? '',
      managerId: person?.managerId ?? null,
      startDate: person?.startDate ?? '',
      timeZone: person?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC',
    },
    validate: {
      name: (value) => (value.trim() ? null : 'Name is required'),
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Must be an email address'),
      timeZone: (value) => (isKnownTimeZone(value) ? null : 'Pick a time zone from the list'),
      managerId: (value) => (person && value === person.id ? 'A person cannot manage themselves' : null),
    },
  });
  const managerOptions = useMemo(
    () =>
      (everyone.data?.items ?? [])
        .filter((p) => p.id !== person?.id)
        .map((p) => ({ value: p.id, label: p.title ? `${p.name} · ${p.title}` : p.name })),
    [everyone.data, person?.id],
  );

  const submit = form.onSubmit(async (values) => {
    try {
      await onSubmit({
        name: values.name.trim(),
        email: values.email.trim(),
        title: values.title.trim(),
        managerId: values.managerId,
        startDate: values.startDate || null,
        timeZone: values.timeZone,
      });
    } catch (error) {
      // The caller's mutation shows the error as a whole; here it lands beside its inputs.
      showFieldErrors(form, error, fields);
    }
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <TextInput label="Full name" required {...form.getInputProps('name')} />
        <TextInput label="Email" type="email" required {...form.getInputProps('email')} />
        <TextInput
          label="Title"
          placeholder="e.g. Head of Customer Success"
          {...form.getInputProps('title')}
        />
        <Select
          label="Manager"
          placeholder={everyone.isPending ? 'Loading people…' : 'No manager'}
          data={managerOptions}
          searchable
          clearable
          nothingFoundMessage="Nobody by that name"
          {...form.getInputProps('managerId')}
        />
        <Group grow align="flex-start" wrap="wrap">
          <TextInput label="Start date" type="date" {...form.getInputProps('startDate')} />
          <Select
            label="Time zone"
            data={timeZones}
            searchable
            required
            {...form.getInputProps('timeZone')}
          />
        </Group>
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
