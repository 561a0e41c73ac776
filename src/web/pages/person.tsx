import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconCalendar, IconClock, IconMail, IconPencil, IconUser } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createLazyRoute } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { type PersonInput, peopleKey, peopleQuery, personQuery, updatePerson } from '../api/people.ts';
import { ErrorAlert } from '../components/error-alert.tsx';
import { AnchorLink, CardLink } from '../components/links.tsx';
import { PersonAvatar } from '../components/person-avatar.tsx';
import { PersonForm } from '../components/person-form.tsx';
import { formatCalendarDate, localTimeIn, plural } from '../lib/format.ts';
import { useCurrentOrg } from '../lib/use-org.ts';
import { PersonDangerZone } from './person-danger-zone.tsx';

export const Route = createLazyRoute('/o/$org/people/$personId')({ component: PersonPage });

function Fact({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <Text c="dimmed" mt={2} aria-hidden="true" component="span">
        {icon}
      </Text>
      <div style={{ minWidth: 0 }}>
        <Text fz="xs" c="dimmed" fw={500}>
          {label}
        </Text>
        <Text fz="sm" component="div">
          {children}
        </Text>
      </div>
    </Group>
  );
}

function PersonPage() {
  const { personId } = Route.useParams();
  const { slug, canManage, session } = useCurrentOrg();
  const queryClient = useQueryClient();
  const [isEditing, editor] = useDisclosure(false);
  const person = useQuery(personQuery(slug, personId));
  const reports = useQuery(peopleQuery(slug, { managerId: personId, limit: 200, offset: 0 }));
  const update = useMutation({
    mutationFn: (input: PersonInput) => updatePerson(slug, personId, input),
    onSuccess: async (updated) => {
      queryClient.setQueryData(personQuery(slug, personId).queryKey, updated);
      await queryClient.invalidateQueries({ queryKey: peopleKey(slug) });
      editor.close();
      notifications.show({ color: 'teal', message: `${updated.name} is up to date.` });
    },
  });

  const back = (
    <AnchorLink to="/o/$org/people" params={{ org: slug }} fz="sm" c="dimmed">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden="true" />
        People
      </Group>
    </AnchorLink>
  );

  if (person.isPending) {
    return (
      <Stack gap="lg">
        {back}
        <Group gap="md">
          <Skeleton circle h={64} />
          <Stack gap={8}>
            <Skeleton h={24} w={220} />
            <Skeleton h={14} w={160} />
          </Stack>
        </Group>
        <Skeleton h={160} />
      </Stack>
    );
  }
  if (person.isError) {
    return (
      <Stack gap="lg">
        {back}
        <ErrorAlert error={person.error} />
      </Stack>
    );
  }

  const p = person.data;
  const localTime = localTimeIn(p.timeZone);
  // Nobody deletes themself: the server refuses, so the page does not offer it.
  const isSelf = p.email.toLowerCase() === session.user.email.toLowerCase();

  return (
    <Stack gap="xl">
      <Stack gap="md">
        {back}
        <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
          <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
            <PersonAvatar name={p.name} seed={p.email} size={64} />
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Title order={1}>{p.name}</Title>
              <Text c="dimmed">{p.title || 'No title yet'}</Text>
              <Group gap={6} mt={4}>
                {p.hasAccount ? (
                  <Badge color="teal">Uses Tandem</Badge>
                ) : (
                  <Badge color="gray">Not invited yet</Badge>
                )}
                {p.directReportCount > 0 ? (
                  <Badge>{plural(p.directReportCount, 'direct report')}</Badge>
                ) : null}
              </Group>
            </Stack>
          </Group>
          {canManage ? (
            <Button
              variant="default"
              leftSection={<IconPencil size={16} aria-hidden="true" />}
              onClick={editor.open}
            >
              Edit
            </Button>
          ) : null}
        </Group>
      </Stack>

      <Card padding="lg">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="lg">
          <Fact icon={<IconUser size={18} />} label="Manager">
            {p.managerId && p.managerName ? (
              <AnchorLink to="/o/$org/people/$personId" params={{ org: slug, personId: p.managerId }}>
                {p.managerName}
              </AnchorLink>
            ) : (
              'Reports to nobody'
            )}
          </Fact>
          <Fact icon={<IconMail size={18} />} label="Email">
            <Anchor href={`mailto:${p.email}`} style={{ wordBreak: 'break-all' }}>
              {p.email}
            </Anchor>
          </Fact>
          <Fact icon={<IconCalendar size={18} />} label="Start date">
            {p.startDate ? formatCalendarDate(p.startDate) : 'Not recorded'}
          </Fact>
          <Fact icon={<IconClock size={18} />} label="Time zone">
            {p.timeZone.replaceAll('_', ' ')}
            {localTime ? (
              <Text span c="dimmed" fz="sm">
                {' '}
                · {localTime} there now
              </Text>
            ) : null}
          </Fact>
        </SimpleGrid>
      </Card>

      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3">
            Direct reports
          </Title>
          {p.directReportCount > 0 ? (
            <AnchorLink to="/o/$org/org-chart" params={{ org: slug }} search={{ focus: p.id }} fz="sm">
              Show in org chart
            </AnchorLink>
          ) : null}
        </Group>
        {reports.isPending ? (
          <Skeleton h={64} />
        ) : reports.data && reports.data.items.length > 0 ? (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            {reports.data.items.map((report) => (
              <CardLink
                key={report.id}
                to="/o/$org/people/$personId"
                params={{ org: slug, personId: report.id }}
                padding="md"
                className="tandem-stat"
              >
                <Group gap="sm" wrap="nowrap">
                  <PersonAvatar name={report.name} seed={report.email} size={36} />
                  <div style={{ minWidth: 0 }}>
                    <Text fz="sm" fw={600} truncate>
                      {report.name}
                    </Text>
                    <Text fz="xs" c="dimmed" truncate>
                      {report.title || 'No title'}
                    </Text>
                  </div>
                </Group>
              </CardLink>
            ))}
          </SimpleGrid>
        ) : (
          <Text c="dimmed" fz="sm">
            Nobody reports to {p.name.split(' ')[0]}.{' '}
            {canManage ? 'Set a manager on someone’s profile, or import a CSV with manager_email.' : null}
          </Text>
        )}
      </Stack>

      {canManage && !isSelf ? <PersonDangerZone org={slug} person={p} /> : null}

      <Modal opened={isEditing} onClose={editor.close} title={`Edit ${p.name}`} size="lg">
        <Stack gap="md">
          <ErrorAlert error={update.error} />
          <PersonForm
            org={slug}
            person={p}
            submitLabel="Save changes"
            isSubmitting={update.isPending}
            onSubmit={(input) => update.mutateAsync(input)}
            onCancel={editor.close}
          />
        </Stack>
      </Modal>
    </Stack>
  );
}
