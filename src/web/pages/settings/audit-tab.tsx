import {
  Badge,
  Button,
  Code,
  EmptyState,
  Group,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconListSearch } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type AuditEventView, knownAuditActions } from '../../../contracts/audit.ts';
import { auditEventsQuery } from '../../api/audit.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useCurrentOrg } from '../../lib/use-org.ts';
import { SettingsSection } from './settings-section.tsx';

const actionLabels: Record<(typeof knownAuditActions)[number], string> = {
  'auth.sign_in': 'Signed in',
  'auth.sign_in_failed': 'Sign-in failed',
  'auth.sign_out': 'Signed out',
  'token.created': 'API token created',
  'token.revoked': 'API token revoked',
  'token.used': 'API token used',
  'export.meetings': '1:1s exported',
  'export.dashboard_csv': 'Dashboard CSV downloaded',
  'export.dashboard_report': 'Dashboard report opened',
  'export.pulse': 'Pulse exported',
  'export.calendar': '1:1 downloaded as .ics',
  'export.calendar_feed': 'Calendar feed created',
  'member.role_changed': 'Role changed',
  'member.invited': 'Invited',
  'member.joined': 'Joined',
  'member.removed': 'Member removed',
  'invitation.revoked': 'Invitation revoked',
  'admin.read_person_data': 'Admin read another person’s data',
  'export.personal_data': 'Own data downloaded',
  'retention.changed': 'Transcript retention changed',
  'person.erased': 'Person deleted',
};

function labelOf(action: string): string {
  return (actionLabels as Record<string, string>)[action] ?? action;
}

function DetailText({ event }: { event: AuditEventView }) {
  const facts = Object.entries(event.detail).map(([key, value]) => `${key}: ${String(value)}`);
  if (event.subjectType) facts.unshift(`${event.subjectType} ${event.subjectId ?? ''}`.trim());
  return facts.length === 0 ? null : (
    <Text fz="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
      {facts.join(' · ')}
    </Text>
  );
}

/** Owners only: who signed in, used a token, exported, changed a role or read another's data. */
export function AuditTab() {
  const { slug } = useCurrentOrg();
  const [action, setAction] = useState<string | null>(null);
  const [actorInput, setActorInput] = useState('');
  const [actor] = useDebouncedValue(actorInput, 400);
  const events = useInfiniteQuery(auditEventsQuery(slug, { action, actor }));
  const rows = events.data?.pages.flatMap((page) => page.events) ?? [];

  return (
    <SettingsSection
      isWide
      title="Audit log"
      description="Sign-ins and API token use of your members, exports, role changes, invitations, and every time an admin or owner read someone’s data by their role. Only owners see this; it never holds what was said in a 1:1."
    >
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label="Action"
            placeholder="All actions"
            clearable
            data={knownAuditActions.map((value) => ({ value, label: labelOf(value) }))}
            value={action}
            onChange={setAction}
            w={260}
          />
          <TextInput
            label="Who"
            placeholder="name@company.com"
            value={actorInput}
            onChange={(event) => setActorInput(event.currentTarget.value)}
            w={260}
          />
        </Group>
        {events.isPending ? (
          <Skeleton h={160} />
        ) : events.isError ? (
          <ErrorAlert error={events.error} />
        ) : rows.length === 0 ? (
          <EmptyState
            size="sm"
            align="left"
            icon={<IconListSearch size={22} stroke={1.6} aria-hidden="true" />}
            withIndicatorBackground
            title="Nothing recorded"
            description={
              action || actor ? 'No event matches these filters.' : 'Events appear here as they happen.'
            }
          />
        ) : (
          <Table.ScrollContainer
            minWidth={640}
            type="native"
            tabIndex={0}
            role="region"
            aria-label="Audit events"
          >
            <Table verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Who</Table.Th>
                  <Table.Th>What</Table.Th>
                  <Table.Th>From</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((event) => (
                  <Table.Tr key={event.id}>
                    <Table.Td>
                      <Text fz="sm">{formatDateTime(event.at)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm">{event.actor.email ?? 'An operator (command line)'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        <Group gap={6}>
                          <Text fz="sm" fw={500}>
                            {labelOf(event.action)}
                          </Text>
                          {event.isOrganizationEvent ? null : (
                            <Badge size="xs" variant="light" color="gray">
                              account
                            </Badge>
                          )}
                        </Group>
                        <DetailText event={event} />
                      </Stack>
                    </Table.Td>
                    <Table.Td>{event.ip ? <Code>{event.ip}</Code> : null}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {events.hasNextPage ? (
          <Group>
            <Button
              variant="default"
              loading={events.isFetchingNextPage}
              onClick={() => void events.fetchNextPage()}
            >
              Show older events
            </Button>
          </Group>
        ) : null}
      </Stack>
    </SettingsSection>
  );
}
