import { Badge } from '@mantine/core';
import type { Role } from '../../contracts/common.ts';

export const roleLabels: Record<Role, string> = { owner: 'Owner', admin: 'Admin', member: 'Member' };
export const roleDescriptions: Record<Role, string> = {
  owner: 'Everything, including other owners',
  admin: 'People, members, invitations and imports',
  member: 'Their own 1:1s and the directory',
};

export function RoleBadge({ role }: { role: Role }) {
  return (
    <Badge color={role === 'member' ? 'gray' : 'tandem'} variant="light">
      {roleLabels[role]}
    </Badge>
  );
}
