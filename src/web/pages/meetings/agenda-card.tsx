import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import {
  IconArrowDown,
  IconArrowUp,
  IconBulb,
  IconListDetails,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { AgendaItemView, MeetingPage } from '../../../contracts/meetings.ts';
import {
  type AgendaItemType,
  addAgendaItem,
  deleteAgendaItem,
  meetingKey,
  reorderAgenda,
  saveStatusUpdate,
  updateAgendaItem,
} from '../../api/meetings.ts';
import { moveItem } from '../../lib/agenda-order.ts';
import { firstName } from '../../lib/format.ts';
import { agendaTypeLabels, agendaTypeOptions } from '../../lib/meeting-labels.ts';
import { notifyDone, notifyFailed } from '../../lib/notify.ts';
import { meAndOther } from './meeting-groups.tsx';

interface AgendaCardProps {
  org: string;
  page: MeetingPage;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

function TypeDot({ type }: { type: AgendaItemType }) {
  return (
    <span
      aria-hidden="true"
      style={{
        width: 8,
        height: 8,
        borderRadius: 99,
        background: `var(--mantine-color-${agendaTypeLabels[type].color}-filled)`,
      }}
    />
  );
}

export function AgendaCard({ org, page, selectedId, onSelect }: AgendaCardProps) {
  const queryClient = useQueryClient();
  const key = meetingKey(org, page.meeting.id);
  const meetingId = page.meeting.id;
  const { other } = meAndOther(page.meeting);
  const isReport = page.meeting.myRole === 'report';
  const [title, setTitle] = useState('');
  const [type, setType] = useState<AgendaItemType | ''>('');
  const [titleError, setTitleError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const onError = (error: unknown) => notifyFailed('The agenda did not change', error);

  const add = useMutation({
    mutationFn: () => addAgendaItem(org, meetingId, { title: title.trim(), type: type || undefined }),
    onSuccess: async (item) => {
      setTitle('');
      setType('');
      onSelect(item.id);
      await refresh();
    },
    onError,
  });
  const update = useMutation({
    mutationFn: (input: { item: AgendaItemView; type?: AgendaItemType; isCovered?: boolean }) =>
      updateAgendaItem(org, meetingId, input.item.id, { type: input.type, isCovered: input.isCovered }),
    onSuccess: refresh,
    onError,
  });
  const remove = useMutation({
    mutationFn: (item: AgendaItemView) => deleteAgendaItem(org, meetingId, item.id),
    onSuccess: refresh,
    onError,
  });
  const reorder = useMutation({
    mutationFn: (ids: string[]) => reorderAgenda(org, meetingId, ids),
    onMutate: async (ids) => {
      await queryClient.cancelQueries({ queryKey: key });
      queryClient.setQueryData<MeetingPage>(key, (current) =>
        current
          ? {
              ...current,
              agenda: ids.flatMap((id) => current.agenda.filter((item) => item.id === id)),
            }
          : current,
      );
    },
    onError: async (error) => {
      onError(error);
      await refresh();
    },
    onSettled: refresh,
  });
  const moveToStatus = useMutation({
    mutationFn: async (item: AgendaItemView) => {
      const current = page.statusUpdate;
      const line = item.details ? `${item.title}: ${item.details}` : item.title;
      await saveStatusUpdate(org, meetingId, {
        wins: current?.wins ?? '',
        inProgress: current?.inProgress ? `${current.inProgress}\n${line}` : line,
        blocked: current?.blocked ?? '',
      });
      await deleteAgendaItem(org, meetingId, item.id);
    },
    onSuccess: async () => {
      await refresh();
      notifyDone('Moved to your status update, under “In progress”.');
    },
    onError,
  });

  const move = (item: AgendaItemView, step: -1 | 1) => {
    const ids = moveItem(
      page.agenda.map((i) => i.id),
      item.id,
      step,
    );
    reorder.mutate(ids);
    // The row moves in the page; keep the keyboard on the same item's button (or its twin at an edge).
    requestAnimationFrame(() => {
      const index = ids.indexOf(item.id);
      const preferred =
        step === -1 && index === 0
          ? 'down'
          : step === 1 && index === ids.length - 1
            ? 'up'
            : step === -1
              ? 'up'
              : 'down';
      document.getElementById(`agenda-${preferred}-${item.id}`)?.focus();
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setTitleError('Write the topic first');
      return;
    }
    setTitleError(null);
    add.mutate();
  };

  return (
    <Card padding="lg" component="section" aria-labelledby="agenda-title">
      <Group justify="space-between" gap="xs" mb="sm">
        <Group gap={8} wrap="nowrap">
          <IconListDetails size={18} aria-hidden="true" color="var(--mantine-color-dimmed)" />
          <Title order={2} size="h3" id="agenda-title">
            Agenda
          </Title>
        </Group>
        <Text fz="sm" c="dimmed">
          Shared with {firstName(other.name)}
        </Text>
      </Group>
      {page.agenda.length === 0 ? (
        <Text fz="sm" c="dimmed" mb="md">
          No topics yet.{' '}
          {isReport ? 'This is your time: add' : `${firstName(other.name)} leads the topics; add`} what needs
          thinking: a goal, a challenge, a decision to make.
        </Text>
      ) : (
        <Stack
          gap={0}
          component="ol"
          m={0}
          mb="md"
          p={0}
          style={{ listStyle: 'none' }}
          aria-label="Agenda topics"
        >
          {page.agenda.map((item, index) => {
            const isSelected = item.id === selectedId;
            return (
              <li key={item.id} className="tandem-agenda-row" data-selected={isSelected || undefined}>
                <Group gap="xs" wrap="wrap" align="flex-start" justify="flex-end">
                  <Group gap="sm" wrap="nowrap" align="flex-start" style={{ flex: '1 1 15rem', minWidth: 0 }}>
                    <Checkbox
                      mt={3}
                      checked={item.isCovered}
                      onChange={(event) => update.mutate({ item, isCovered: event.currentTarget.checked })}
                      aria-label={`Covered: ${item.title}`}
                    />
                    <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                      <UnstyledButton
                        onClick={() => onSelect(item.id)}
                        aria-pressed={isSelected}
                        className="tandem-agenda-title"
                      >
                        <Text fz="sm" fw={500} c={item.isCovered ? 'dimmed' : undefined}>
                          {item.title}
                        </Text>
                      </UnstyledButton>
                      <Group gap={6} wrap="wrap">
                        <Text fz="xs" c="dimmed">
                          added by {firstName(item.authorName)}
                        </Text>
                        {isSelected ? (
                          <Text fz="xs" c="var(--mantine-color-anchor)" hiddenFrom="lg">
                            · questions below
                          </Text>
                        ) : null}
                      </Group>
                      {item.isStatusNudged ? (
                        <Group gap="xs" wrap="wrap" className="tandem-status-nudge">
                          <IconBulb size={16} aria-hidden="true" />
                          <Text fz="xs" fw={500}>
                            Status belongs in the async update
                          </Text>
                          {isReport ? (
                            <Button
                              size="compact-xs"
                              variant="white"
                              color="dark"
                              loading={moveToStatus.isPending && moveToStatus.variables?.id === item.id}
                              onClick={() => moveToStatus.mutate(item)}
                            >
                              Move to status update
                            </Button>
                          ) : (
                            <Text fz="xs">so the 1:1 can go deeper.</Text>
                          )}
                        </Group>
                      ) : null}
                    </Stack>
                  </Group>
                  <Group gap={4} wrap="nowrap" align="center">
                    <NativeSelect
                      size="xs"
                      w={118}
                      aria-label={`Type of “${item.title}”`}
                      leftSection={<TypeDot type={item.type} />}
                      data={agendaTypeOptions}
                      value={item.type}
                      onChange={(event) =>
                        update.mutate({ item, type: event.currentTarget.value as AgendaItemType })
                      }
                    />
                    <ActionIcon
                      id={`agenda-up-${item.id}`}
                      variant="subtle"
                      color="gray"
                      disabled={index === 0}
                      onClick={() => move(item, -1)}
                      aria-label={`Move “${item.title}” up`}
                    >
                      <IconArrowUp size={16} aria-hidden="true" />
                    </ActionIcon>
                    <ActionIcon
                      id={`agenda-down-${item.id}`}
                      variant="subtle"
                      color="gray"
                      disabled={index === page.agenda.length - 1}
                      onClick={() => move(item, 1)}
                      aria-label={`Move “${item.title}” down`}
                    >
                      <IconArrowDown size={16} aria-hidden="true" />
                    </ActionIcon>
                    <Tooltip label="Remove topic">
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        onClick={() => remove.mutate(item)}
                        aria-label={`Remove “${item.title}”`}
                      >
                        <IconTrash size={16} aria-hidden="true" />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Group>
              </li>
            );
          })}
        </Stack>
      )}
      <form onSubmit={submit} noValidate>
        <Group gap="xs" align="flex-start" wrap="wrap">
          <TextInput
            label="New topic"
            labelProps={{ className: 'tandem-sr-only' }}
            placeholder="What do you want to talk about?"
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={titleError}
            style={{ flex: '1 1 16rem' }}
          />
          <NativeSelect
            label="Type"
            labelProps={{ className: 'tandem-sr-only' }}
            data={[{ value: '', label: 'Guess the type' }, ...agendaTypeOptions]}
            value={type}
            onChange={(event) => setType(event.currentTarget.value as AgendaItemType | '')}
            w={150}
          />
          <Button
            type="submit"
            loading={add.isPending}
            leftSection={<IconPlus size={16} aria-hidden="true" />}
          >
            Add topic
          </Button>
        </Group>
      </form>
    </Card>
  );
}
