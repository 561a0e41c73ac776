import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Select,
  Slider,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLink, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { GoalView } from '../../../contracts/growth.ts';
import {
  createGoal,
  type GoalInput,
  goalsQuery,
  growthKey,
  unlinkGoal,
  updateGoal,
} from '../../api/growth.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { formatCalendarDate, formatDate } from '../../lib/format.ts';
import { goalStatusLabels } from '../../lib/growth-labels.ts';
import { notifyFailed } from '../../lib/notify.ts';
import { GoalLinkDialog } from './goal-link-dialog.tsx';

function NewGoalDialog({
  org,
  ownerId,
  opened,
  onClose,
}: {
  org: string;
  ownerId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<GoalInput>({
    kind: 'growth',
    title: '',
    measure: '',
    targetDate: null,
  });
  const create = useMutation({
    mutationFn: () => createGoal(org, { ...values, ownerId, title: values.title.trim() }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: growthKey(org) });
      setValues({ kind: 'growth', title: '', measure: '', targetDate: null });
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title="Set a goal">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
        noValidate
      >
        <Stack gap="md">
          <ErrorAlert error={create.error} />
          <TextInput
            label="Goal"
            placeholder="Run the quarterly planning without me in the room"
            required
            value={values.title}
            onChange={(e) => setValues({ ...values, title: e.currentTarget.value })}
          />
          <Select
            label="Kind"
            data={[
              { value: 'growth', label: 'Growth: a skill or a way of working' },
              { value: 'performance', label: 'Performance: a result' },
            ]}
            allowDeselect={false}
            value={values.kind}
            onChange={(kind) => kind && setValues({ ...values, kind: kind as GoalInput['kind'] })}
          />
          <Textarea
            label="How will we know?"
            autosize
            minRows={2}
            value={values.measure ?? ''}
            onChange={(e) => setValues({ ...values, measure: e.currentTarget.value })}
          />
          <TextInput
            label="Target date"
            type="date"
            value={values.targetDate ?? ''}
            onChange={(e) => setValues({ ...values, targetDate: e.currentTarget.value || null })}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Set goal
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function GoalItem({ org, goal, isMine }: { org: string; goal: GoalView; isMine: boolean }) {
  const queryClient = useQueryClient();
  const [isLinking, linking] = useDisclosure(false);
  const unlink = useMutation({
    mutationFn: (linkId: string) => unlinkGoal(org, goal.id, linkId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: growthKey(org) }),
    onError: (error) => notifyFailed('Could not unlink', error),
  });
  const [progress, setProgress] = useState(goal.progress);
  const update = useMutation({
    mutationFn: (change: { progress?: number; status?: GoalView['status'] }) =>
      updateGoal(org, goal.id, change),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: growthKey(org) }),
    onError: (error) => notifyFailed('Could not update the goal', error),
  });
  const status = goalStatusLabels[goal.status];
  return (
    <Stack gap="xs" className="tandem-list-row" py="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs">
          <Text fw={600} fz="sm">
            {goal.title}
          </Text>
          <Badge color={goal.kind === 'growth' ? 'teal' : 'indigo'}>
            {goal.kind === 'growth' ? 'Growth' : 'Performance'}
          </Badge>
        </Group>
        <Select
          aria-label={`Status of ${goal.title}`}
          size="xs"
          w={140}
          data={Object.entries(goalStatusLabels).map(([value, l]) => ({ value, label: l.label }))}
          value={goal.status}
          allowDeselect={false}
          onChange={(value) => value && update.mutate({ status: value as GoalView['status'] })}
        />
      </Group>
      {goal.measure ? (
        <Text fz="xs" c="dimmed">
          Measured by: {goal.measure}
        </Text>
      ) : null}
      <Group gap="sm" wrap="nowrap">
        <Slider
          style={{ flex: 1 }}
          value={progress}
          onChange={setProgress}
          onChangeEnd={(value) => update.mutate({ progress: value })}
          step={5}
          label={(value) => `${value}%`}
          thumbLabel={`Progress of ${goal.title}`}
          color={status.color === 'gray' ? undefined : status.color}
        />
        <Text fz="sm" className="tandem-tabular" w={44} ta="right">
          {progress}%
        </Text>
      </Group>
      <Text fz="xs" c="dimmed">
        {goal.targetDate ? `Target ${formatCalendarDate(goal.targetDate)}. ` : ''}
        {goal.suggestedProgress !== null
          ? `${goal.steps.done} of ${goal.steps.total - goal.steps.dropped} linked next steps done (${goal.suggestedProgress}%).`
          : ''}
      </Text>
      {goal.links.length > 0 ? (
        <Stack gap={2}>
          {goal.links.map((link) => (
            <Group key={link.id} gap={6} wrap="nowrap">
              <IconLink size={14} aria-hidden="true" color="var(--mantine-color-dimmed)" />
              {link.isVisible ? (
                <AnchorLink
                  to="/o/$org/meetings/$meetingId"
                  params={{ org, meetingId: link.meetingId }}
                  fz="xs"
                >
                  {link.title ?? (link.kind === 'next-step' ? 'Next step' : 'Topic')} (
                  {formatDate(link.meetingStartsAt)})
                </AnchorLink>
              ) : (
                <Text fz="xs" c="dimmed">
                  A {link.kind === 'next-step' ? 'next step' : 'topic'} of a 1:1 on{' '}
                  {formatDate(link.meetingStartsAt)}
                </Text>
              )}
              <Button
                variant="subtle"
                color="gray"
                size="compact-xs"
                ml="auto"
                style={{ flexShrink: 0 }}
                loading={unlink.isPending && unlink.variables === link.id}
                onClick={() => unlink.mutate(link.id)}
              >
                Unlink<span className="tandem-sr-only"> {link.title ?? 'this link'}</span>
              </Button>
            </Group>
          ))}
        </Stack>
      ) : null}
      <Group>
        <Button
          variant="subtle"
          size="compact-xs"
          leftSection={<IconLink size={12} aria-hidden="true" />}
          onClick={linking.open}
        >
          Link a topic or next step<span className="tandem-sr-only"> to {goal.title}</span>
        </Button>
      </Group>
      <GoalLinkDialog org={org} goal={goal} isMine={isMine} opened={isLinking} onClose={linking.close} />
    </Stack>
  );
}

export function GoalsCard({
  org,
  personId,
  canEdit,
  isMine,
}: {
  org: string;
  personId: string;
  canEdit: boolean;
  isMine: boolean;
}) {
  const goals = useQuery(goalsQuery(org, personId));
  const [isAdding, dialog] = useDisclosure(false);
  return (
    <Card padding="lg" component="section" aria-labelledby="goals-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="goals-title">
          Goals
        </Title>
        {canEdit ? (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlus size={14} aria-hidden="true" />}
            onClick={dialog.open}
          >
            Set a goal
          </Button>
        ) : null}
      </Group>
      {goals.isError ? (
        <ErrorAlert error={goals.error} />
      ) : goals.data && goals.data.length === 0 ? (
        <Text fz="sm" c="dimmed">
          No goals yet. Link a goal to 1:1 topics and next steps and its progress follows them.
        </Text>
      ) : (
        <Stack gap={0}>
          {(goals.data ?? []).map((goal) => (
            <GoalItem key={goal.id} org={org} goal={goal} isMine={isMine} />
          ))}
        </Stack>
      )}
      <NewGoalDialog org={org} ownerId={personId} opened={isAdding} onClose={dialog.close} />
    </Card>
  );
}
