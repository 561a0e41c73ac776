import { Button, Group, Skeleton, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationPreferencesView } from '../../../contracts/notifications.ts';
import { WebhookUrl } from '../../../contracts/notifications.ts';
import { notificationPreferencesQuery, saveNotificationPreferences } from '../../api/preferences.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { sentence, showFieldErrors } from '../../lib/forms.ts';
import { notifyDone } from '../../lib/notify.ts';
import { useCurrentOrg } from '../../lib/use-org.ts';
import { SettingsSection } from './settings-section.tsx';

interface Values {
  isReminderEnabled: boolean;
  isDigestEnabled: boolean;
  webhookUrl: string;
}

function PreferencesForm({ initial }: { initial: NotificationPreferencesView }) {
  const { slug } = useCurrentOrg();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    mode: 'uncontrolled',
    initialValues: {
      isReminderEnabled: initial.isReminderEnabled,
      isDigestEnabled: initial.isDigestEnabled,
      webhookUrl: initial.webhookUrl ?? '',
    },
    validate: {
      webhookUrl: (value) => {
        if (value.trim() === '') return null;
        const result = WebhookUrl.safeParse(value);
        return result.success ? null : sentence(result.error.issues[0]?.message ?? 'is not valid');
      },
    },
  });
  const mutation = useMutation({
    mutationFn: (values: Values) =>
      saveNotificationPreferences(slug, {
        isReminderEnabled: values.isReminderEnabled,
        isDigestEnabled: values.isDigestEnabled,
        webhookUrl: values.webhookUrl.trim() === '' ? null : values.webhookUrl.trim(),
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(notificationPreferencesQuery(slug).queryKey, saved);
      notifyDone('Your notification settings are saved.');
    },
    onError: (error) => showFieldErrors(form, error, ['webhookUrl']),
  });
  return (
    <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
      <Stack gap="lg">
        <SettingsSection
          title="Email"
          description="Tandem mails you from this organization's server; nothing else gets a copy."
        >
          <Stack gap="md">
            <ErrorAlert error={form.errors.webhookUrl ? null : mutation.error} />
            <Switch
              label="Remind me the day before each 1:1"
              description="With the agenda so far, so you can add your topics in time."
              key={form.key('isReminderEnabled')}
              {...form.getInputProps('isReminderEnabled', { type: 'checkbox' })}
            />
            <Switch
              label="Send me a Monday digest"
              description="My open next steps, overdue ones first."
              key={form.key('isDigestEnabled')}
              {...form.getInputProps('isDigestEnabled', { type: 'checkbox' })}
            />
          </Stack>
        </SettingsSection>
        <SettingsSection
          title="Chat webhook"
          description="Reminders can also go to Slack, Mattermost or any tool that accepts a Slack-compatible incoming webhook."
        >
          <Stack gap="md" maw={520}>
            <TextInput
              label="Incoming webhook URL"
              description="Leave empty for email only. It must start with https://."
              placeholder="https://hooks.slack.com/services/…"
              autoComplete="off"
              key={form.key('webhookUrl')}
              {...form.getInputProps('webhookUrl')}
            />
            <Group>
              <Button type="submit" loading={mutation.isPending}>
                Save notification settings
              </Button>
            </Group>
          </Stack>
        </SettingsSection>
      </Stack>
    </form>
  );
}

export function NotificationsTab() {
  const { slug } = useCurrentOrg();
  const preferences = useQuery(notificationPreferencesQuery(slug));
  if (preferences.isPending) return <Skeleton h={240} radius="lg" />;
  if (preferences.isError) return <ErrorAlert error={preferences.error} />;
  return <PreferencesForm initial={preferences.data} />;
}
