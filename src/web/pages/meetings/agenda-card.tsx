import { Button, Card, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconListDetails, IconPlus } from '@tabler/icons-react';
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
import { agendaTypeOptions } from '../../lib/meeting-labels.ts';
import { notifyDone, notifyFailed } from '../../lib/notify.ts';
import { AgendaRow } from './agenda-row.tsx';
import { meAndOther } from './meeting-groups.tsx';

interface AgendaCardProps {
  org: string;
  page: MeetingPage;
  selectedId: string | null;
  onSelect: (id: string) => void;
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
          {page.agenda.map((item, index) => (
            <AgendaRow
              key={item.id}
              item={item}
              isSelected={item.id === selectedId}
              isFirst={index === 0}
              isLast={index === page.agenda.length - 1}
              isReport={isReport}
              isMovingToStatus={moveToStatus.isPending && moveToStatus.variables?.id === item.id}
              onSelect={() => onSelect(item.id)}
              onCovered={(isCovered) => update.mutate({ item, isCovered })}
              onType={(type) => update.mutate({ item, type })}
              onMove={(step) => move(item, step)}
              onRemove={() => remove.mutate(item)}
              onMoveToStatus={() => moveToStatus.mutate(item)}
            />
          ))}
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
