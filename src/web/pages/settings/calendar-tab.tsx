import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  List,
  Modal,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCalendarShare, IconCheck, IconCopy } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { calendarFeedQuery, createCalendarFeed, revokeCalendarFeed } from '../../api/preferences.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDate } from '../../lib/format.ts';
import { notifyDone, notifyFailed } from '../../lib/notify.ts';
import { useCurrentOrg } from '../../lib/use-org.ts';
import { SettingsSection } from './settings-section.tsx';

function NewFeed({ url }: { url: string }) {
  return (
    <Stack gap="md" data-testid="calendar-feed-url">
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} aria-hidden="true" />}>
        Copy it now: you won’t see this address again. Anyone who has it can read the times and names of your
        1:1s, so keep it to your own calendar.
      </Alert>
      <Code
        block
        className="tandem-token"
        aria-label="Your calendar feed address"
        // Wrapped rather than scrolled sideways, so the whole address shows without a scrollbar.
        style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
      >
        {url}
      </Code>
      <Group>
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Button
              variant={copied ? 'light' : 'filled'}
              color={copied ? 'teal' : undefined}
              leftSection={
                copied ? (
                  <IconCheck size={16} aria-hidden="true" />
                ) : (
                  <IconCopy size={16} aria-hidden="true" />
                )
              }
              onClick={copy}
            >
              {copied ? 'Copied' : 'Copy address'}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}

function HowToSubscribe() {
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        Google Calendar
      </Title>
      <List type="ordered" fz="sm" spacing={4}>
        <List.Item>Open Google Calendar on a computer; beside “Other calendars” choose +.</List.Item>
        <List.Item>Choose “From URL”, paste the address and choose “Add calendar”.</List.Item>
      </List>
      <Title order={3} size="h5">
        Outlook
      </Title>
      <List type="ordered" fz="sm" spacing={4}>
        <List.Item>In Outlook on the web, open the calendar and choose “Add calendar”.</List.Item>
        <List.Item>Choose “Subscribe from web”, paste the address, name it and import.</List.Item>
      </List>
      <Text fz="sm" c="dimmed">
        Calendars refresh subscribed feeds on their own schedule, often every few hours.
      </Text>
    </Stack>
  );
}

export function CalendarTab() {
  const { slug } = useCurrentOrg();
  const queryClient = useQueryClient();
  const feed = useQuery(calendarFeedQuery(slug));
  const [url, setUrl] = useState<string | null>(null);
  const [isConfirmingRevoke, setConfirmingRevoke] = useState(false);
  const create = useMutation({
    mutationFn: () => createCalendarFeed(slug),
    onSuccess: async (created) => {
      setUrl(created.url);
      await queryClient.invalidateQueries({ queryKey: calendarFeedQuery(slug).queryKey });
    },
  });
  const revoke = useMutation({
    mutationFn: () => revokeCalendarFeed(slug),
    onSuccess: async () => {
      setUrl(null);
      setConfirmingRevoke(false);
      await queryClient.invalidateQueries({ queryKey: calendarFeedQuery(slug).queryKey });
      notifyDone('Your calendar feed no longer works anywhere it was added.');
    },
    onError: (error) => notifyFailed('Could not revoke the feed', error),
  });
  const hasFeed = feed.data?.hasFeed ?? false;

  return (
    <Stack gap="md">
      <SettingsSection
        title="Calendar feed"
        description="A private iCalendar address that keeps your 1:1s in Google Calendar, Outlook or Apple Calendar: the last 30 days and the next 180."
      >
        {feed.isPending ? (
          <Skeleton h={80} />
        ) : feed.isError ? (
          <ErrorAlert error={feed.error} />
        ) : (
          <Stack gap="md">
            <ErrorAlert error={create.error} />
            {url ? (
              <NewFeed url={url} />
            ) : (
              <Text fz="sm">
                {hasFeed && feed.data.createdAt
                  ? `You have a feed, created ${formatDate(feed.data.createdAt)}. Its address was shown once; make a new one if you lost it.`
                  : 'You have no calendar feed.'}
              </Text>
            )}
            <Group gap="sm">
              <Button
                variant={hasFeed ? 'default' : 'filled'}
                loading={create.isPending}
                leftSection={<IconCalendarShare size={16} aria-hidden="true" />}
                onClick={() => create.mutate()}
              >
                {hasFeed ? 'Replace with a new address' : 'Create my calendar feed'}
              </Button>
              {hasFeed ? (
                <Button variant="subtle" color="red" onClick={() => setConfirmingRevoke(true)}>
                  Revoke feed
                </Button>
              ) : null}
            </Group>
            {hasFeed ? (
              <Text fz="xs" c="dimmed">
                A new address stops the old one at once.
              </Text>
            ) : null}
          </Stack>
        )}
      </SettingsSection>
      <SettingsSection
        title="How to subscribe"
        description="Paste the address once; new 1:1s appear by themselves."
      >
        <HowToSubscribe />
      </SettingsSection>
      <Modal
        opened={isConfirmingRevoke}
        onClose={() => setConfirmingRevoke(false)}
        title="Revoke your calendar feed?"
      >
        <Stack gap="md">
          <Text fz="sm">Calendars that subscribed to it stop getting your 1:1s.</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirmingRevoke(false)}>
              Keep it
            </Button>
            <Button color="red.9" loading={revoke.isPending} onClick={() => revoke.mutate()}>
              Revoke feed
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
