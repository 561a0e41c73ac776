import { Button, Card, Group, Modal, Stack, Switch, Text } from '@mantine/core';
import { IconFileUpload, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { MeetingPage } from '../../../../contracts/meetings.ts';
import { type Analysis, analysisKey, deleteTranscript, shareAnalysis } from '../../../api/analysis.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { firstName, formatDateTime } from '../../../lib/format.ts';
import { notifyDone, notifyFailed } from '../../../lib/notify.ts';
import { meAndOther } from '../meeting-groups.tsx';

function DeleteTranscriptButton({ org, meetingId }: { org: string; meetingId: string }) {
  const queryClient = useQueryClient();
  const [isConfirming, setConfirming] = useState(false);
  const mutation = useMutation({
    mutationFn: () => deleteTranscript(org, meetingId),
    onSuccess: async () => {
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: analysisKey(org, meetingId) });
      notifyDone('The transcript and every quote from it are deleted.');
    },
  });
  return (
    <>
      <Button
        variant="subtle"
        color="red"
        size="compact-sm"
        leftSection={<IconTrash size={14} aria-hidden="true" />}
        onClick={() => setConfirming(true)}
      >
        Delete transcript
      </Button>
      <Modal opened={isConfirming} onClose={() => setConfirming(false)} title="Delete the transcript?">
        <Stack gap="md">
          <Text fz="sm">
            The transcript and every quote taken from it are deleted for both of you. The figures stay: the
            score, the talk share and the topic shares.
          </Text>
          <ErrorAlert error={mutation.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
            <Button color="red.9" loading={mutation.isPending} onClick={() => mutation.mutate()}>
              Delete transcript
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** Where the report comes from, the leader's share switch, and replacing or deleting the transcript. */
export function ReportBar({
  org,
  page,
  analysis,
  onReplace,
}: {
  org: string;
  page: MeetingPage;
  analysis: Analysis;
  onReplace: () => void;
}) {
  const queryClient = useQueryClient();
  const { other } = meAndOther(page.meeting);
  const isLeader = page.meeting.myRole === 'leader';
  const share = useMutation({
    mutationFn: (isShared: boolean) => shareAnalysis(org, page.meeting.id, isShared),
    onSuccess: (updated) => queryClient.setQueryData(analysisKey(org, page.meeting.id), updated),
    onError: (error) => notifyFailed('Could not change sharing', error),
  });
  const source =
    analysis.source === 'transcript'
      ? analysis.hasTranscript
        ? `From the transcript uploaded by ${analysis.transcriptUploadedByName ?? 'one of you'}`
        : 'From a transcript that has since been deleted (figures kept, quotes gone)'
      : 'From the agenda, notes and next steps (no transcript)';
  return (
    <Card padding="md">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <div style={{ minWidth: 0 }}>
          <Text fz="sm" fw={500}>
            {source}
          </Text>
          <Text fz="xs" c="dimmed">
            Analysed {formatDateTime(analysis.analyzedAt)} on this server
          </Text>
        </div>
        <Group gap="sm" wrap="wrap">
          {isLeader ? (
            <Switch
              label={`Share the score with ${firstName(other.name)}`}
              checked={analysis.isSharedWithReport}
              disabled={share.isPending}
              onChange={(event) => share.mutate(event.currentTarget.checked)}
            />
          ) : null}
          {isLeader ? (
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconFileUpload size={14} aria-hidden="true" />}
              onClick={onReplace}
            >
              {analysis.hasTranscript ? 'Replace transcript' : 'Upload a transcript'}
            </Button>
          ) : null}
          {analysis.hasTranscript ? <DeleteTranscriptButton org={org} meetingId={page.meeting.id} /> : null}
        </Group>
      </Group>
    </Card>
  );
}
