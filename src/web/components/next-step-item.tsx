import { Badge, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconCheck, IconCircleX, IconRotate } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import type { NextStepView } from '../../contracts/meetings.ts';
import { isApiError } from '../api/client.ts';
import { updateNextStep } from '../api/meetings.ts';
import { firstName, formatCalendarDate } from '../lib/format.ts';
import { sentence } from '../lib/forms.ts';
import { notifyFailed } from '../lib/notify.ts';

function DropDialog({
  step,
  opened,
  onClose,
  onDrop,
  isPending,
  error,
}: {
  step: NextStepView;
  opened: boolean;
  onClose: () => void;
  onDrop: (reason: string) => void;
  isPending: boolean;
  error: unknown;
}) {
  const [reason, setReason] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const serverError =
    isApiError(error) && error.fields.find((field) => field.path.endsWith('droppedReason'))?.message;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setLocalError('Say why, so you both remember what changed');
      return;
    }
    setLocalError(null);
    onDrop(reason.trim());
  };
  return (
    <Modal opened={opened} onClose={onClose} title={`Drop “${step.title}”?`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Textarea
            label="Why is it dropped?"
            description="A dropped step stays in the history with its reason."
            placeholder="e.g. The launch moved to next quarter, so the plan is no longer needed."
            autosize
            minRows={2}
            required
            data-autofocus
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={localError ?? (serverError ? sentence(serverError) : undefined)}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Keep it
            </Button>
            <Button type="submit" color="red.9" loading={isPending}>
              Drop step
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

interface NextStepItemProps {
  org: string;
  step: NextStepView;
  /** Called with the updated step after a change, to refresh what shows it. */
  onChanged: (step: NextStepView) => void | Promise<void>;
  /** Extra words under the title, e.g. which 1:1 it came from. */
  context?: ReactNode;
}

/** One next step with its owner and due date, marked done or dropped (with a reason) in place. */
export function NextStepItem({ org, step, onChanged, context }: NextStepItemProps) {
  const [isDropping, setDropping] = useState(false);
  const mutation = useMutation({
    mutationFn: (change: { status: 'open' | 'done' | 'dropped'; droppedReason?: string }) =>
      updateNextStep(org, step.id, change),
    onSuccess: async (updated) => {
      setDropping(false);
      await onChanged(updated);
    },
    onError: (error) => {
      if (!isDropping) notifyFailed('Could not change the step', error);
    },
  });
  const isOpen = step.status === 'open';
  return (
    <Group justify="space-between" gap="sm" wrap="wrap" align="flex-start" className="tandem-next-step">
      <Stack gap={2} style={{ flex: '1 1 16rem', minWidth: 0 }}>
        <Text
          fz="sm"
          fw={500}
          td={step.status === 'dropped' ? 'line-through' : undefined}
          c={isOpen ? undefined : 'dimmed'}
        >
          {step.title}
        </Text>
        <Group gap={6} wrap="wrap">
          <Text fz="xs" c="dimmed">
            {step.owner ? firstName(step.owner.name) : 'No owner'}
          </Text>
          <Text fz="xs" c="dimmed" aria-hidden="true">
            ·
          </Text>
          {step.dueDate ? (
            <Text
              fz="xs"
              c={step.isOverdue && isOpen ? 'var(--mantine-color-error)' : 'dimmed'}
              fw={step.isOverdue && isOpen ? 600 : undefined}
            >
              due {formatCalendarDate(step.dueDate)}
            </Text>
          ) : (
            <Text fz="xs" c="dimmed">
              no due date
            </Text>
          )}
          {step.isOverdue && isOpen ? (
            <Badge size="xs" color="red">
              Overdue
            </Badge>
          ) : null}
          {step.status === 'done' ? (
            <Badge size="xs" color="teal">
              Done
            </Badge>
          ) : null}
          {step.status === 'dropped' ? (
            <Badge size="xs" color="gray">
              Dropped
            </Badge>
          ) : null}
          {context}
        </Group>
        {step.status === 'dropped' && step.droppedReason ? (
          <Text fz="xs" c="dimmed" fs="italic">
            Why: {step.droppedReason}
          </Text>
        ) : null}
      </Stack>
      <Group gap={6} wrap="nowrap">
        {isOpen ? (
          <>
            <Button
              size="compact-sm"
              variant="light"
              color="teal"
              leftSection={<IconCheck size={14} aria-hidden="true" />}
              loading={mutation.isPending && mutation.variables?.status === 'done'}
              onClick={() => mutation.mutate({ status: 'done' })}
            >
              Done<span className="tandem-sr-only">: {step.title}</span>
            </Button>
            <Button
              size="compact-sm"
              variant="subtle"
              color="gray"
              leftSection={<IconCircleX size={14} aria-hidden="true" />}
              onClick={() => setDropping(true)}
            >
              Drop<span className="tandem-sr-only">: {step.title}</span>
            </Button>
          </>
        ) : (
          <Button
            size="compact-sm"
            variant="subtle"
            color="gray"
            leftSection={<IconRotate size={14} aria-hidden="true" />}
            loading={mutation.isPending}
            onClick={() => mutation.mutate({ status: 'open' })}
          >
            Reopen<span className="tandem-sr-only">: {step.title}</span>
          </Button>
        )}
      </Group>
      <DropDialog
        step={step}
        opened={isDropping}
        onClose={() => setDropping(false)}
        onDrop={(reason) => mutation.mutate({ status: 'dropped', droppedReason: reason })}
        isPending={mutation.isPending}
        error={mutation.error}
      />
    </Group>
  );
}
