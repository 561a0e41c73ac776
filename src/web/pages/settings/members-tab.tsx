import { Badge, Button, Group, Modal, Select, Skeleton, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Role } from '../../../contracts/common.ts';
import type { MemberView } from '../../../contracts/organizations.ts';
import { describeError } from '../../api/client.ts';
import { changeMemberRole, membersQuery, removeMember } from '../../api/organizations.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PersonAvatar } from '../../components/person-avatar.tsx';
import { roleDescriptions, roleLabels } from '../../components/role-badge.tsx';
import { formatDate } from '../../lib/format.ts';
import { useCurrentOrg } from '../../lib/use-org.ts';
import { SettingsSection } from './settings-section.tsx';

const roles: Role[] = ['owner', 'admin', 'member'];

function MemberRow({
  member,
  isSelf,
  canGrantOwner,
}: {
  member: MemberView;
  isSelf: boolean;
  canGrantOwner: boolean;
}) {
  const { slug } = useCurrentOrg();
  const queryClient = useQueryClient();
  const [isConfirming, setConfirming] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: membersQuery(slug).queryKey });
  const roleMutation = useMutation({
    mutationFn: (role: Role) => changeMemberRole(slug, member.userId, role),
    onSuccess: async (_, role) => {
      await refresh();
      notifications.show({
        color: 'teal',
        message: `${member.name} is now ${roleLabels[role].toLowerCase()}.`,
      });
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: 'Role not changed', message: describeError(error) }),
  });
  const removeMutation = useMutation({
    mutationFn: () => removeMember(slug, member.userId),
    onSuccess: async () => {
      setConfirming(false);
      await refresh();
      notifications.show({ color: 'teal', message: `${member.name} was removed.` });
    },
  });
  const isLocked = isSelf || (member.role === 'owner' && !canGrantOwner);

  return (
    <Table.Tr>
      <Table.Td>
        <Group gap="sm" wrap="nowrap">
          <PersonAvatar name={member.name} seed={member.email} size={32} />
          <div style={{ minWidth: 0 }}>
            <Group gap={6} wrap="nowrap">
              <Text fz="sm" fw={600} truncate>
                {member.name}
              </Text>
              {isSelf ? (
                <Badge size="xs" color="gray">
                  You
                </Badge>
              ) : null}
            </Group>
            <Text fz="xs" c="dimmed" truncate>
              {member.email}
            </Text>
          </div>
        </Group>
      </Table.Td>
      <Table.Td w={170}>
        <Select
          aria-label={`Role of ${member.name}`}
          size="xs"
          value={member.role}
          data={roles.map((role) => ({
            value: role,
            label: roleLabels[role],
            disabled: role === 'owner' && !canGrantOwner,
          }))}
          allowDeselect={false}
          disabled={isLocked || roleMutation.isPending}
          onChange={(value) => value && value !== member.role && roleMutation.mutate(value as Role)}
        />
      </Table.Td>
      <Table.Td fz="sm" className="tandem-tabular tandem-nowrap">
        {formatDate(member.joinedAt)}
      </Table.Td>
      <Table.Td ta="right">
        {isLocked ? null : (
          <Button variant="subtle" color="red" size="compact-sm" onClick={() => setConfirming(true)}>
            Remove<span className="tandem-sr-only"> {member.name}</span>
          </Button>
        )}
        <Modal opened={isConfirming} onClose={() => setConfirming(false)} title={`Remove ${member.name}?`}>
          <Stack gap="md">
            <Text fz="sm">
              {member.name} loses access to this organization at once. Their entry in the directory and their
              1:1 history stay.
            </Text>
            <ErrorAlert error={removeMutation.error} />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
              <Button
                color="red.9"
                loading={removeMutation.isPending}
                onClick={() => removeMutation.mutate()}
              >
                Remove member
              </Button>
            </Group>
          </Stack>
        </Modal>
      </Table.Td>
    </Table.Tr>
  );
}

export function MembersTab() {
  const { slug, session, membership } = useCurrentOrg();
  const members = useQuery(membersQuery(slug));
  return (
    <SettingsSection
      title="Members"
      description={
        <>
          People who can sign in to this organization.
          <br />
          {roles.map((role) => (
            <span key={role} style={{ display: 'block', marginTop: 6 }}>
              <strong>{roleLabels[role]}</strong>: {roleDescriptions[role].toLowerCase()}.
            </span>
          ))}
        </>
      }
    >
      {members.isPending ? (
        <Skeleton h={120} />
      ) : members.isError ? (
        <ErrorAlert error={members.error} />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Member</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Joined</Table.Th>
                <Table.Th>
                  <span className="tandem-sr-only">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.data.map((member) => (
                <MemberRow
                  key={member.userId}
                  member={member}
                  isSelf={member.userId === session.user.id}
                  canGrantOwner={membership.role === 'owner'}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SettingsSection>
  );
}
