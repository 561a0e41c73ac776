import { Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { MeetingPage } from '../../../contracts/meetings.ts';
import { meetingKey, savePrivateNote } from '../../api/meetings.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { firstName, formatRelative } from '../../lib/format.ts';
import { meAndOther } from './meeting-groups.tsx';

/** A note to self about this 1:1, sealed on the server and read by its author alone. */
export function PrivateNoteCard({ org, page }: { org: string; page: MeetingPage }) {
  const queryClient = useQueryClient();
  const { other } = meAndOther(page.meeting);
  const [body, setBody] = useState(page.privateNote.body);
  const [isDirty, setDirty] = useState(false);
  useEffect(() => {
    if (!isDirty) setBody(page.privateNote.body);
  }, [page.privateNote.body, isDirty]);
  const save = useMutation({
    mutationFn: () => savePrivateNote(org, page.meeting.id, body),
    onSuccess: (saved) => {
      setDirty(false);
      queryClient.setQueryData<MeetingPage>(meetingKey(org, page.meeting.id), (current) =>
        current ? { ...current, privateNote: saved } : current,
      );
    },
  });
  return (
    <Card padding="lg" component="section" aria-labelledby="private-title" className="tandem-private-note">
      <Group justify="space-between" gap="xs" mb={4} wrap="nowrap">
        <Group gap={8} wrap="nowrap">
          <IconLock size={18} aria-hidden="true" />
          <Title order={2} size="h4" id="private-title">
            Private note
          </Title>
        </Group>
        <Badge color="gray" variant="outline" leftSection={<IconLock size={11} aria-hidden="true" />}>
          Only you
        </Badge>
      </Group>
      <Text fz="xs" c="dimmed" mb="sm">
        Only you can see this. {firstName(other.name)} never does, and neither do admins.
      </Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <ErrorAlert error={save.error} />
          <Textarea
            label="Private note (only you can see this)"
            labelProps={{ className: 'tandem-sr-only' }}
            placeholder="Things to remember, patterns you notice, how to support them…"
            autosize
            minRows={3}
            maxRows={12}
            value={body}
            onChange={(event) => {
              setBody(event.currentTarget.value);
              setDirty(true);
            }}
          />
          <Group justify="space-between" gap="sm">
            <Text fz="xs" c="dimmed">
              {isDirty
                ? 'Unsaved changes'
                : page.privateNote.updatedAt
                  ? `Saved ${formatRelative(page.privateNote.updatedAt)}`
                  : 'Encrypted when saved'}
            </Text>
            <Button type="submit" variant="default" loading={save.isPending} disabled={!isDirty}>
              Save private note
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
