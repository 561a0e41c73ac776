import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { GoalView } from '../../../contracts/growth.ts';
import { growthKey, linkGoal } from '../../api/growth.ts';
import { myNextStepsQuery } from '../../api/meetings.ts';
import { timelineQuery } from '../../api/memory.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDate } from '../../lib/format.ts';

interface Target {
  value: string;
  label: string;
  kind: 'agenda-item' | 'next-step';
}

// A link must point into a 1:1 both the caller and the goal's owner take part in: for my own goals
// that is any of my open next steps; for a report's goal, the topics and steps of our 1:1s.
function useTargets(org: string, goal: GoalView, isMine: boolean, opened: boolean): Target[] {
  const mine = useQuery({ ...myNextStepsQuery(org), enabled: opened && isMine });
  const shared = useInfiniteQuery({ ...timelineQuery(org, goal.owner.id), enabled: opened && !isMine });
  const linked = new Set(goal.links.map((link) => link.targetId));
  if (isMine) {
    return (mine.data?.items ?? [])
      .filter((step) => !linked.has(step.id))
      .map((step) => ({
        value: step.id,
        kind: 'next-step',
        label: `Next step: ${step.title} (with ${step.withPerson.name})`,
      }));
  }
  const targets: Target[] = [];
  for (const entry of shared.data?.pages.flatMap((page) => page.items) ?? []) {
    const day = formatDate(entry.startsAt);
    for (const item of entry.agenda) {
      if (!linked.has(item.id))
        targets.push({ value: item.id, kind: 'agenda-item', label: `Topic: ${item.title} (${day})` });
    }
    for (const step of entry.nextSteps) {
      if (!linked.has(step.id))
        targets.push({ value: step.id, kind: 'next-step', label: `Next step: ${step.title} (${day})` });
    }
  }
  return targets;
}

export function GoalLinkDialog({
  org,
  goal,
  isMine,
  opened,
  onClose,
}: {
  org: string;
  goal: GoalView;
  isMine: boolean;
  opened: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const targets = useTargets(org, goal, isMine, opened);
  const [chosen, setChosen] = useState<string | null>(null);
  const link = useMutation({
    mutationFn: () => {
      const target = targets.find((t) => t.value === chosen);
      if (!target) throw new Error('Choose a topic or a next step first.');
      return linkGoal(org, goal.id, target.kind, target.value);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: growthKey(org) });
      setChosen(null);
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={`Link “${goal.title}”`}>
      <Stack gap="md">
        <Text fz="sm" c="dimmed">
          Linked next steps count toward the goal’s suggested progress.
        </Text>
        <ErrorAlert error={link.error} />
        <Select
          label="Topic or next step"
          placeholder={targets.length === 0 ? 'Nothing to link yet' : 'Choose one'}
          data={targets.map(({ value, label }) => ({ value, label }))}
          value={chosen}
          onChange={setChosen}
          searchable
          nothingFoundMessage="Nothing matches"
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button disabled={!chosen} loading={link.isPending} onClick={() => link.mutate()}>
            Link
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
