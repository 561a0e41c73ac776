import { Alert, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconClipboardText, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { MeetingPage } from '../../../contracts/meetings.ts';
import { meetingKey, meetingsKey, saveStatusUpdate } from '../../api/meetings.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { firstName, formatRelative } from '../../lib/format.ts';
import { notifyDone } from '../../lib/notify.ts';
import { meAndOther } from './meeting-groups.tsx';

const sections = [
  { key: 'wins', label: 'Wins', placeholder: 'What went well since the last 1:1' },
  { key: 'inProgress', label: 'In progress', placeholder: 'What you are working on now' },
  { key: 'blocked', label: 'Blocked', placeholder: 'Where you are stuck or waiting' },
] as const;

type StatusValues = Record<(typeof sections)[number]['key'], string>;

function ReadOnlyStatus({ status }: { status: NonNullable<MeetingPage['statusUpdate']> }) {
  return (
    <Stack gap="sm">
      {sections.map((section) => (
        <div key={section.key}>
          <Text fz="xs" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.04em' }}>
            {section.label}
          </Text>
          <Text fz="sm" className="tandem-pre" c={status[section.key] ? undefined : 'dimmed'}>
            {status[section.key] || 'Nothing here'}
          </Text>
        </div>
      ))}
    </Stack>
  );
}

/** The report's async status update: written before the 1:1, so the meeting can go deeper. */
export function StatusCard({ org, page }: { org: string; page: MeetingPage }) {
  const queryClient = useQueryClient();
  const status = page.statusUpdate;
  const isReport = page.meeting.myRole === 'report';
  const { other } = meAndOther(page.meeting);
  const isUpcoming = page.meeting.status === 'scheduled';
  const fromServer: StatusValues = {
    wins: status?.wins ?? '',
    inProgress: status?.inProgress ?? '',
    blocked: status?.blocked ?? '',
  };
  const [values, setValues] = useState<StatusValues>(fromServer);
  const [isDirty, setDirty] = useState(false);
  const serverStamp = status?.updatedAt ?? '';

  // A save from another tab (or a topic moved here) updates the fields unless the report is typing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the stamp stands for the server values
  useEffect(() => {
    if (!isDirty) setValues(fromServer);
  }, [serverStamp]);

  const save = useMutation({
    mutationFn: () => saveStatusUpdate(org, page.meeting.id, values),
    onSuccess: async () => {
      setDirty(false);
      await queryClient.invalidateQueries({ queryKey: meetingKey(org, page.meeting.id) });
      await queryClient.invalidateQueries({ queryKey: [...meetingsKey(org), 'list'] });
      notifyDone(`${firstName(other.name)} can read your status update now.`);
    },
  });

  return (
    <Card padding="lg" component="section" aria-labelledby="status-title">
      <Group gap={8} mb={4} wrap="nowrap">
        <IconClipboardText size={18} aria-hidden="true" color="var(--mantine-color-dimmed)" />
        <Title order={2} size="h4" id="status-title">
          Status update
        </Title>
      </Group>
      <Text fz="xs" c="dimmed" mb="md">
        {status
          ? `Posted by ${firstName(status.authorName)} ${formatRelative(status.updatedAt)}`
          : isReport
            ? 'Async, before the 1:1: so the time together goes to what needs thinking.'
            : `Written by ${firstName(other.name)} before the 1:1.`}
      </Text>
      {isReport ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <Stack gap="sm">
            {!status && isUpcoming ? (
              <Alert
                color="tandem"
                variant="light"
                icon={<IconInfoCircle size={18} aria-hidden="true" />}
                p="sm"
              >
                <Text fz="sm">
                  Post your update before the 1:1. Then {firstName(other.name)} can read it ahead and you can
                  spend the meeting on your topics.
                </Text>
              </Alert>
            ) : null}
            <ErrorAlert error={save.error} />
            {sections.map((section) => (
              <Textarea
                key={section.key}
                label={section.label}
                placeholder={section.placeholder}
                autosize
                minRows={2}
                maxRows={8}
                value={values[section.key]}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  setValues((current) => ({ ...current, [section.key]: value }));
                  setDirty(true);
                }}
              />
            ))}
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending} disabled={!isDirty && status !== null}>
                {status ? 'Update status' : 'Post status update'}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : status ? (
        <ReadOnlyStatus status={status} />
      ) : (
        <Text fz="sm" c="dimmed">
          {firstName(other.name)} has not posted a status update yet.
          {isUpcoming ? ' It usually arrives before the 1:1.' : ''}
        </Text>
      )}
    </Card>
  );
}
