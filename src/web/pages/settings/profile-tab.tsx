import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconMailForward } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SessionView } from '../../../contracts/accounts.ts';
import { EmailChangeInput, ProfileUpdateInput } from '../../../contracts/accounts.ts';
import { requestEmailChange, updateProfile } from '../../api/accounts.ts';
import { sessionKey } from '../../api/session.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ColorSchemeControl } from '../../components/user-menu.tsx';
import { showFieldErrors, zodValidate } from '../../lib/forms.ts';
import { useCurrentOrg } from '../../lib/use-org.ts';
import { SettingsSection } from './settings-section.tsx';

function NameForm() {
  const { session } = useCurrentOrg();
  const queryClient = useQueryClient();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { name: session.user.name },
    validate: zodValidate(ProfileUpdateInput),
  });
  const mutation = useMutation({
    mutationFn: (values: { name: string }) => updateProfile(values.name),
    onSuccess: (user) => {
      queryClient.setQueryData<SessionView | null>(sessionKey, (old) => (old ? { ...old, user } : old));
      form.resetDirty({ name: user.name });
      notifications.show({ color: 'teal', message: 'Your name is saved.' });
    },
    onError: (error) => showFieldErrors(form, error, ['name']),
  });
  return (
    <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
      <Stack gap="md" maw={420}>
        <ErrorAlert error={mutation.error} />
        <TextInput
          label="Full name"
          autoComplete="name"
          required
          key={form.key('name')}
          {...form.getInputProps('name')}
        />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            Save name
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EmailForm() {
  const { session } = useCurrentOrg();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { newEmail: '' },
    validate: zodValidate(EmailChangeInput),
  });
  const mutation = useMutation({
    mutationFn: (values: { newEmail: string }) => requestEmailChange(values.newEmail.trim()),
    onSuccess: () => form.reset(),
    onError: (error) => showFieldErrors(form, error, ['newEmail']),
  });
  return (
    <Stack gap="md" maw={420}>
      <Text fz="sm">
        You sign in with <strong>{session.user.email}</strong>.
      </Text>
      {mutation.isSuccess ? (
        <Alert
          color="teal"
          variant="light"
          icon={<IconMailForward size={18} aria-hidden="true" />}
          title="Confirm the new address"
          role="status"
        >
          We sent a link to {mutation.variables.newEmail}. Your email changes when you open it; until then,
          keep signing in with {session.user.email}.
        </Alert>
      ) : null}
      <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
        <Stack gap="md">
          <ErrorAlert
            error={mutation.error instanceof Error && form.errors.newEmail ? null : mutation.error}
          />
          <TextInput
            label="New email address"
            type="email"
            autoComplete="email"
            required
            key={form.key('newEmail')}
            {...form.getInputProps('newEmail')}
          />
          <Group>
            <Button type="submit" variant="default" loading={mutation.isPending}>
              Send confirmation link
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

export function ProfileTab() {
  return (
    <Stack gap="md">
      <SettingsSection
        title="Name"
        description="How you appear to your organization, in 1:1s and in the directory."
      >
        <NameForm />
      </SettingsSection>
      <SettingsSection
        title="Email"
        description="We confirm a new address before it takes effect, so a typo cannot lock you out."
      >
        <EmailForm />
      </SettingsSection>
      <SettingsSection title="Appearance" description="Follow your system, or pick a theme for this browser.">
        <Stack maw={420}>
          <ColorSchemeControl />
        </Stack>
      </SettingsSection>
    </Stack>
  );
}
