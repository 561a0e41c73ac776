import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { MeetingPage } from '../../../contracts/meetings.ts';
import { isApiError } from '../../api/client.ts';
import { closeMeeting, meetingsKey } from '../../api/meetings.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { sentence } from '../../lib/forms.ts';
import { notifyDone } from '../../lib/notify.ts';

/** Closing asks for a next step with an owner and a date, or a reason why there is none. */
export function CloseMeetingDialog({
  org,
  page,
  opened,
  onClose,
}: {
  org: string;
  page: MeetingPage;
  opened: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const hasActionableStep = page.nextSteps.some(
    (step) => step.status !== 'dropped' && step.owner !== null && step.dueDate !== null,
  );
  const mutation = useMutation({
    mutationFn: () =>
      closeMeeting(org, page.meeting.id, hasActionableStep ? undefined : reason.trim() || undefined),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: meetingsKey(org) });
      onClose();
      notifyDone('The 1:1 is closed. Its open next steps open the next one.');
    },
  });
  const fieldError =
    isApiError(mutation.error) &&
    mutation.error.fields.find((field) => field.path.endsWith('noNextStepsReason'));
  const stepCount = page.nextSteps.filter((step) => step.status !== 'dropped').length;

  return (
    <Modal opened={opened} onClose={onClose} title="Close this 1:1">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          mutation.mutate();
        }}
        noValidate
      >
        <Stack gap="md">
          {hasActionableStep ? (
            <Text fz="sm">
              {stepCount === 1 ? 'The next step' : `The ${stepCount} next steps`} will open your next 1:1
              under “What did we commit to?”.
            </Text>
          ) : (
            <>
              <Alert
                color="yellow"
                variant="light"
                icon={<IconInfoCircle size={18} aria-hidden="true" />}
                p="sm"
              >
                A 1:1 ends with action: add a next step with an owner and a due date. If there truly is none,
                say why.
              </Alert>
              <Textarea
                label="Why are there no next steps?"
                placeholder="e.g. We used the time to get to know each other."
                autosize
                minRows={2}
                value={reason}
                onChange={(event) => setReason(event.currentTarget.value)}
                error={fieldError ? sentence(fieldError.message) : undefined}
              />
            </>
          )}
          {fieldError ? null : <ErrorAlert error={mutation.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {hasActionableStep ? 'Not yet' : 'Add a next step instead'}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              Close 1:1
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
