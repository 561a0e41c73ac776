import {
  Group,
  type MantineColorScheme,
  Menu,
  SegmentedControl,
  Stack,
  Text,
  UnstyledButton,
  useMantineColorScheme,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconCheck,
  IconChevronUp,
  IconDeviceDesktop,
  IconKey,
  IconLogout,
  IconMoon,
  IconSun,
  IconUser,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { describeError } from '../api/client.ts';
import { signOut } from '../api/session.ts';
import { useCurrentOrg } from '../lib/use-org.ts';
import { MenuItemLink } from './links.tsx';
import { PersonAvatar } from './person-avatar.tsx';

export function ColorSchemeControl() {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <Stack gap={6}>
      <Text fz="xs" c="dimmed" fw={500} id="theme-label">
        Theme
      </Text>
      <SegmentedControl
        size="xs"
        fullWidth
        aria-labelledby="theme-label"
        value={colorScheme}
        onChange={(value) => setColorScheme(value as MantineColorScheme)}
        data={[
          { value: 'light', label: 'Light' },
          { value: 'dark', label: 'Dark' },
          { value: 'auto', label: 'System' },
        ]}
      />
    </Stack>
  );
}

const schemeOptions: { value: MantineColorScheme; label: string; icon: typeof IconSun }[] = [
  { value: 'light', label: 'Light', icon: IconSun },
  { value: 'dark', label: 'Dark', icon: IconMoon },
  { value: 'auto', label: 'Match system', icon: IconDeviceDesktop },
];

export function UserMenu() {
  const { session, slug } = useCurrentOrg();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOutMutation = useMutation({
    mutationFn: signOut,
    onSuccess: async () => {
      queryClient.clear();
      await navigate({ to: '/sign-in', search: { redirect: undefined } });
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: 'Could not sign out', message: describeError(error) }),
  });

  return (
    <Menu position="top-start" width={248} shadow="md" closeOnItemClick>
      <Menu.Target>
        <UnstyledButton
          w="100%"
          p={6}
          style={{ borderRadius: 'var(--mantine-radius-md)' }}
          className="tandem-user-button"
        >
          <Group gap="sm" wrap="nowrap">
            <PersonAvatar name={session.user.name} seed={session.user.email} size={32} />
            <div style={{ flex: 1, minWidth: 0 }}>
              <Text fz="sm" fw={600} truncate>
                {session.user.name}
              </Text>
              <Text fz="xs" c="dimmed" truncate>
                {session.user.email}
              </Text>
            </div>
            <span className="tandem-sr-only">, account menu</span>
            <IconChevronUp size={16} aria-hidden="true" style={{ flexShrink: 0 }} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <MenuItemLink
          to="/o/$org/settings/$tab"
          params={{ org: slug, tab: 'profile' }}
          leftSection={<IconUser size={16} aria-hidden="true" />}
        >
          Your profile
        </MenuItemLink>
        <MenuItemLink
          to="/o/$org/settings/$tab"
          params={{ org: slug, tab: 'tokens' }}
          leftSection={<IconKey size={16} aria-hidden="true" />}
        >
          API tokens
        </MenuItemLink>
        <Menu.Divider />
        <Menu.Label>Theme</Menu.Label>
        {schemeOptions.map((option) => (
          <Menu.Item
            key={option.value}
            role="menuitemradio"
            aria-checked={colorScheme === option.value}
            leftSection={<option.icon size={16} aria-hidden="true" />}
            rightSection={colorScheme === option.value ? <IconCheck size={14} aria-hidden="true" /> : null}
            onClick={() => setColorScheme(option.value)}
          >
            {option.label}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={16} aria-hidden="true" />}
          onClick={() => signOutMutation.mutate()}
          disabled={signOutMutation.isPending}
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
