import {
  Badge,
  Button,
  EmptyState,
  Group,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../../contracts/common.ts';
import type { InvitationView } from '../../../contracts/organizations.ts';
import { describeError } from '../../api/client.ts';
import {
  createInvitation,
  invitationsQuery,
  outboxQuery,
  revokeInvitation,
} from '../../api/organizations.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { roleLabels } from '../../components/role-badge.tsx';
import { formatDate, formatRelative } from '../../lib/format.ts';
import { showFieldErrors } from '../../lib/forms.ts';
import { useCurrentOrg } from '../../lib/use-org.ts';
import { SettingsSection } from './settings-section.tsx';

const statusColour: Record<InvitationView['status'], string> = {
  pending: 'tandem',
  accepted: 'teal',
  revoked: 'gray',
  expired: 'gray',
};

function InviteForm() {
  const { slug, membership } = useCurrentOrg();
  const queryClient = useQueryClient();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { email: '', role: 'member' as Role },
    validate: { email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Must be an email address') },
  });
  const mutation = useMutation({
    mutationFn: (values: { email: string; role: Role }) =>
      createInvitation(slug, { ...values, email: values.email.trim() }),
    onSuccess: async (invitation) => {
      form.reset();
      await queryClient.invalidateQueries({ queryKey: invitationsQuery(slug).queryKey });
      await queryClient.invalidateQueries({ queryKey: outboxQuery(slug).queryKey });
      notifications.show({
        color: 'teal',
        title: 'Invitation sent',
        message: `${invitation.email} can now join ${membership.name}.`,
      });
    },
    onError: (error) => showFieldErrors(form, error, ['email', 'role']),
  });
  return (
    <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
      <Stack gap="md">
        <ErrorAlert error={form.errors.email ? null : mutation.error} />
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label="Email"
            type="email"
            placeholder="name@company.com"
            required
            style={{ flex: '1 1 16rem' }}
            key={form.key('email')}
            {...form.getInputProps('email')}
          />
          <Select
            label="Role"
            data={(['member', 'admin', 'owner'] as Role[])
              .filter((role) => role !== 'owner' || membership.role === 'owner')
              .map((role) => ({ value: role, label: roleLabels[role] }))}
            allowDeselect={false}
            w={140}
            key={form.key('role')}
            {...form.getInputProps('role')}
          />
        </Group>
        <Group>
          <Button
            type="submit"
            loading={mutation.isPending}
            leftSection={<IconSend size={16} aria-hidden="true" />}
          >
            Send invitation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RevokeInvitation({ invitation }: { invitation: InvitationView }) {
  const { slug } = useCurrentOrg();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => revokeInvitation(slug, invitation.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsQuery(slug).queryKey }),
    onError: (error) =>
      notifications.show({ color: 'red', title: 'Not revoked', message: describeError(error) }),
  });
  return (
    <Button
      variant="subtle"
      color="red"
      size="compact-sm"
      loading={mutation.isPending}
      onClick={() => mutation.mutate()}
    >
      Revoke<span className="tandem-sr-only"> the invitation of {invitation.email}</span>
    </Button>
  );
}

export function InvitationsTab() {
  const { slug } = useCurrentOrg();
  const invitations = useQuery(invitationsQuery(slug));
  return (
    <Stack gap="md">
      <SettingsSection
        title="Invite someone"
        description={
          <>
            They get an email with a link to join. Without a mail server configured, the email waits in the{' '}
            <AnchorLink
              to="/o/$org/settings/$tab"
              params={{ org: slug, tab: 'outbox' }}
              fz="sm"
              underline="always"
            >
              outbox
            </AnchorLink>
            , where you can copy the link.
          </>
        }
      >
        <InviteForm />
      </SettingsSection>
      <SettingsSection
        title="Sent invitations"
        description="A pending invitation can be revoked until it is accepted."
      >
        {invitations.isPending ? (
          <Skeleton h={100} />
        ) : invitations.isError ? (
          <ErrorAlert error={invitations.error} />
        ) : invitations.data.length === 0 ? (
          <EmptyState
            size="sm"
            align="left"
            icon={<IconSend size={22} stroke={1.6} aria-hidden="true" />}
            withIndicatorBackground
            title="No invitations yet"
            description="Start with your leaders: the people who run 1:1s with their teams."
          />
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Email</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Sent</Table.Th>
                  <Table.Th>
                    <span className="tandem-sr-only">Actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {invitations.data.map((invitation) => (
                  <Table.Tr key={invitation.id}>
                    <Table.Td fz="sm" fw={500}>
                      {invitation.email}
                    </Table.Td>
                    <Table.Td fz="sm">{roleLabels[invitation.role]}</Table.Td>
                    <Table.Td>
                      <Badge color={statusColour[invitation.status]} tt="capitalize">
                        {invitation.status}
                      </Badge>
                      {invitation.status === 'pending' ? (
                        <Text fz="xs" c="dimmed" mt={2}>
                          expires {formatRelative(invitation.expiresAt)}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td fz="sm" className="tandem-nowrap">
                      {formatDate(invitation.createdAt)}
                    </Table.Td>
                    <Table.Td ta="right">
                      {invitation.status === 'pending' ? <RevokeInvitation invitation={invitation} /> : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </SettingsSection>
    </Stack>
  );
}
