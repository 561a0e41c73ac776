import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconCheck, IconPlus, IconSelector } from '@tabler/icons-react';
import { initials } from '../lib/format.ts';
import { useCurrentOrg } from '../lib/use-org.ts';
import { MenuItemLink } from './links.tsx';
import { roleLabels } from './role-badge.tsx';

/** The organization in view; a menu to switch when the person belongs to several. */
export function OrgSwitcher() {
  const { session, membership } = useCurrentOrg();
  return (
    <Menu position="bottom-start" width="target" shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton
          w="100%"
          p={6}
          style={{ borderRadius: 'var(--mantine-radius-md)', border: '1px solid var(--tandem-border)' }}
        >
          <Group gap="sm" wrap="nowrap">
            <Avatar radius="md" size={32} color="tandem" variant="filled" aria-hidden="true">
              {initials(membership.name)}
            </Avatar>
            <div style={{ flex: 1, minWidth: 0 }}>
              <Text fz="sm" fw={600} truncate>
                {membership.name}
              </Text>
              <Text fz="xs" c="dimmed" truncate>
                {roleLabels[membership.role]}
              </Text>
            </div>
            <span className="tandem-sr-only">, switch organization</span>
            <IconSelector size={16} aria-hidden="true" style={{ flexShrink: 0 }} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Your organizations</Menu.Label>
        {session.memberships.map((m) => (
          <MenuItemLink
            key={m.organizationId}
            to="/o/$org"
            params={{ org: m.slug }}
            leftSection={
              <Avatar radius="sm" size={22} color="tandem" variant="light" aria-hidden="true">
                {initials(m.name)}
              </Avatar>
            }
            rightSection={m.slug === membership.slug ? <IconCheck size={16} aria-label="Current" /> : null}
          >
            {m.name}
          </MenuItemLink>
        ))}
        <Menu.Divider />
        <MenuItemLink to="/welcome" leftSection={<IconPlus size={16} aria-hidden="true" />}>
          Create an organization
        </MenuItemLink>
      </Menu.Dropdown>
    </Menu>
  );
}
