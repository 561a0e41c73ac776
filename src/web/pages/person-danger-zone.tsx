import { Button, Card, Group, List, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { PersonView } from '../../contracts/people.ts';
import { deletePerson, peopleKey, personQuery } from '../api/people.ts';
import { ErrorAlert } from '../components/error-alert.tsx';
import { notifyDone } from '../lib/notify.ts';

function reportingLineOf(person: PersonView): string {
  const count = person.directReportCount;
  if (count === 0) return 'Nobody reports to them, so no reporting line changes.';
  const reports = count === 1 ? 'Their report moves' : `Their ${count} reports move`;
  return person.managerName
    ? `${reports} up to their manager, ${person.managerName}.`
    : `${reports} to the top of the org chart: they had no manager.`;
}

function consequencesOf(person: PersonView): string[] {
  return [
    'The private notes they wrote and the transcripts of their 1:1s are deleted, with the quotes analyses took from them; so are their goals, development plan and assessment comments.',
    `Their name becomes “Former member” and their email address is erased; they leave the directory, search and org chart${person.hasAccount ? ', and lose access to this organization' : ''}.`,
    reportingLineOf(person),
    'Their 1:1 series end; upcoming 1:1s nobody has prepared are removed.',
    'Anonymous figures stay: meetings held, scores and verdicts, next steps, Academy progress and pulse answers, so dashboards still add up.',
  ];
}

/** Admins and owners, on someone else's page: delete the person for good, after typing their name. */
export function PersonDangerZone({ org, person }: { org: string; person: PersonView }) {
  const [isOpen, modal] = useDisclosure(false);
  const [typed, setTyped] = useState('');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const erase = useMutation({
    mutationFn: () => deletePerson(org, person.id),
    onSuccess: async () => {
      modal.close();
      queryClient.removeQueries({ queryKey: personQuery(org, person.id).queryKey });
      await navigate({ to: '/o/$org/people', params: { org } });
      await queryClient.invalidateQueries({ queryKey: peopleKey(org) });
      notifyDone(`${person.name} was deleted. Their private notes and transcripts are gone.`);
    },
  });
  const isNameTyped = typed.trim() === person.name.trim();
  const close = () => {
    modal.close();
    setTyped('');
    erase.reset();
  };

  return (
    <Card
      padding="lg"
      withBorder
      style={{ borderColor: 'var(--mantine-color-red-outline)' }}
      component="section"
      aria-labelledby="danger-zone-title"
    >
      <Group justify="space-between" align="center" gap="md">
        <Stack gap={4} style={{ flex: '1 1 280px' }}>
          <Title order={2} size="h4" id="danger-zone-title">
            Delete {person.name}
          </Title>
          <Text fz="sm" c="dimmed">
            For someone who left, or who asks to be forgotten: their own data goes for good, the anonymous
            figures stay.
          </Text>
        </Stack>
        <Button color="red.9" leftSection={<IconTrash size={16} aria-hidden="true" />} onClick={modal.open}>
          Delete person
        </Button>
      </Group>
      <Modal opened={isOpen} onClose={close} title={`Delete ${person.name}?`} size="lg">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (isNameTyped) erase.mutate();
          }}
        >
          <Stack gap="md">
            <List fz="sm" spacing={6}>
              {consequencesOf(person).map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
            <Text fz="sm" fw={600}>
              This cannot be undone.
              {person.hasAccount
                ? ` Ask ${person.name.split(' ')[0]} to download their data first (Settings → Your data) if they may want it.`
                : null}
            </Text>
            <ErrorAlert error={erase.error} title="Not deleted" />
            <TextInput
              label={`Type ${person.name} to confirm`}
              value={typed}
              onChange={(event) => setTyped(event.currentTarget.value)}
              autoComplete="off"
              data-autofocus
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" color="red.9" disabled={!isNameTyped} loading={erase.isPending}>
                Delete {person.name}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Card>
  );
}
