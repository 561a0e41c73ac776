import './academy.css';
import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  MultiSelect,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createLazyRoute } from '@tanstack/react-router';
import { useState } from 'react';
import { academyKey, cohortsQuery, createCohort } from '../../api/academy.ts';
import { peopleQuery } from '../../api/people.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink, CardLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatCalendarDate, plural } from '../../lib/format.ts';
import { useCurrentOrg } from '../../lib/use-org.ts';

export const Route = createLazyRoute('/o/$org/academy/cohorts')({ component: CohortsPage });

function NewCohortDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { slug } = useCurrentOrg();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [personIds, setPersonIds] = useState<string[]>([]);
  const people = useQuery({ ...peopleQuery(slug, { limit: 500, offset: 0 }), enabled: opened });
  const create = useMutation({
    mutationFn: () => createCohort(slug, { name: name.trim(), startsOn: startsOn || undefined, personIds }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: academyKey(slug) });
      setName('');
      setPersonIds([]);
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title="Start a cohort" size="lg">
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
            label="Name"
            placeholder="Spring managers"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <TextInput
            label="Starts on"
            type="date"
            value={startsOn}
            onChange={(e) => setStartsOn(e.currentTarget.value)}
          />
          <MultiSelect
            label="Members"
            description="They see that they belong; you see their completion and scores, never their practice or 1:1s."
            searchable
            data={(people.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${p.name}${p.title ? ` · ${p.title}` : ''}`,
            }))}
            value={personIds}
            onChange={setPersonIds}
            nothingFoundMessage="Nobody by that name"
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Start cohort
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function CohortsPage() {
  const { slug } = useCurrentOrg();
  const cohorts = useQuery(cohortsQuery(slug));
  const [isCreating, dialog] = useDisclosure(false);
  return (
    <>
      <PageHeader
        eyebrow={
          <AnchorLink to="/o/$org/academy" params={{ org: slug }} fz="sm" c="dimmed" w="fit-content">
            ← Leader Academy
          </AnchorLink>
        }
        title="Cohorts"
        description="Groups of leaders taking the Academy together. Admins and executives start them; the owner follows completion and scores."
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={dialog.open}>
            Start a cohort
          </Button>
        }
      />
      {cohorts.isPending ? (
        <Skeleton h={160} radius="lg" />
      ) : cohorts.isError ? (
        <ErrorAlert error={cohorts.error} />
      ) : cohorts.data.length === 0 ? (
        <Text c="dimmed" fz="sm">
          You neither run nor belong to a cohort.
        </Text>
      ) : (
        <Stack gap="md">
          {cohorts.data.map((cohort) =>
            cohort.access === 'manage' ? (
              <CardLink
                key={cohort.id}
                to="/o/$org/academy/cohorts/$cohortId"
                params={{ org: slug, cohortId: cohort.id }}
                padding="lg"
                className="tandem-stat"
              >
                <CohortLine cohort={cohort} />
              </CardLink>
            ) : (
              <Card key={cohort.id} padding="lg">
                <CohortLine cohort={cohort} />
              </Card>
            ),
          )}
        </Stack>
      )}
      <NewCohortDialog opened={isCreating} onClose={dialog.close} />
    </>
  );
}

function CohortLine({ cohort }: { cohort: import('../../api/academy.ts').Cohort }) {
  return (
    <Group justify="space-between" wrap="wrap" gap="xs">
      <Group gap="sm" wrap="nowrap">
        <IconUsersGroup size={20} aria-hidden="true" color="var(--mantine-color-dimmed)" />
        <Stack gap={0}>
          <Title order={2} size="h4">
            {cohort.name}
          </Title>
          <Text fz="sm" c="dimmed">
            Run by {cohort.owner.name} · {plural(cohort.memberCount, 'member')}
            {cohort.startsOn ? ` · from ${formatCalendarDate(cohort.startsOn)}` : ''}
          </Text>
        </Stack>
      </Group>
      <Badge color={cohort.access === 'manage' ? 'tandem' : 'gray'}>
        {cohort.access === 'manage' ? 'You run it' : 'You are a member'}
      </Badge>
    </Group>
  );
}
