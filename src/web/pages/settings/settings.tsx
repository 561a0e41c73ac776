import { Alert, Tabs } from '@mantine/core';
import {
  IconBell,
  IconCalendarShare,
  IconClockHour4,
  IconDatabaseExport,
  IconFileImport,
  IconKey,
  IconListDetails,
  IconListSearch,
  IconLock,
  IconMail,
  IconMessageQuestion,
  IconSend,
  IconShieldLock,
  IconUser,
  IconUsersGroup,
} from '@tabler/icons-react';
import { createLazyRoute, useNavigate } from '@tanstack/react-router';
import type { ComponentType } from 'react';
import { PageHeader } from '../../components/page-header.tsx';
import { useCurrentOrg } from '../../lib/use-org.ts';
import type { SettingsTab } from '../../router.tsx';
import { AuditTab } from './audit-tab.tsx';
import { CalendarTab } from './calendar-tab.tsx';
import { ImportTab } from './import-tab.tsx';
import { InvitationsTab } from './invitations-tab.tsx';
import { MembersTab } from './members-tab.tsx';
import { NotificationsTab } from './notifications-tab.tsx';
import { OutboxTab } from './outbox-tab.tsx';
import { ProfileTab } from './profile-tab.tsx';
import { QuestionsTab } from './questions-tab.tsx';
import { RetentionTab } from './retention-tab.tsx';
import { SsoTab } from './sso-tab.tsx';
import { TemplatesTab } from './templates-tab.tsx';
import { TokensTab } from './tokens-tab.tsx';
import { YourDataTab } from './your-data-tab.tsx';

export const Route = createLazyRoute('/o/$org/settings/$tab')({ component: SettingsPage });

interface TabDefinition {
  value: SettingsTab;
  label: string;
  icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean }>;
  isForManagers: boolean;
  /** Owners only: admins do not read the log of what admins did. */
  isForOwners?: boolean;
  panel: ComponentType;
}

const tabs: TabDefinition[] = [
  { value: 'profile', label: 'Profile', icon: IconUser, isForManagers: false, panel: ProfileTab },
  {
    value: 'notifications',
    label: 'Notifications',
    icon: IconBell,
    isForManagers: false,
    panel: NotificationsTab,
  },
  { value: 'calendar', label: 'Calendar', icon: IconCalendarShare, isForManagers: false, panel: CalendarTab },
  { value: 'tokens', label: 'API tokens', icon: IconKey, isForManagers: false, panel: TokensTab },
  { value: 'data', label: 'Your data', icon: IconDatabaseExport, isForManagers: false, panel: YourDataTab },
  { value: 'members', label: 'Members', icon: IconUsersGroup, isForManagers: true, panel: MembersTab },
  { value: 'invitations', label: 'Invitations', icon: IconSend, isForManagers: true, panel: InvitationsTab },
  { value: 'import', label: 'Import people', icon: IconFileImport, isForManagers: true, panel: ImportTab },
  {
    value: 'questions',
    label: 'Questions',
    icon: IconMessageQuestion,
    isForManagers: true,
    panel: QuestionsTab,
  },
  {
    value: 'templates',
    label: 'Meeting templates',
    icon: IconListDetails,
    isForManagers: true,
    panel: TemplatesTab,
  },
  { value: 'outbox', label: 'Outbox', icon: IconMail, isForManagers: true, panel: OutboxTab },
  {
    value: 'audit',
    label: 'Audit log',
    icon: IconListSearch,
    isForManagers: true,
    isForOwners: true,
    panel: AuditTab,
  },
  {
    value: 'retention',
    label: 'Retention',
    icon: IconClockHour4,
    isForManagers: true,
    isForOwners: true,
    panel: RetentionTab,
  },
  { value: 'sso', label: 'Single sign-on', icon: IconShieldLock, isForManagers: true, panel: SsoTab },
];

function SettingsPage() {
  const { tab } = Route.useParams();
  const { slug, canManage, membership } = useCurrentOrg();
  const navigate = useNavigate();
  const isOwner = membership.role === 'owner';
  const mayOpen = (t: TabDefinition) => (canManage || !t.isForManagers) && (isOwner || !t.isForOwners);
  const visible = tabs.filter(mayOpen);
  const current = tabs.find((t) => t.value === tab);

  return (
    <>
      <PageHeader
        title="Settings"
        description={
          canManage
            ? `Your account, and how ${membership.name} is set up.`
            : 'Your account, notifications, calendar, API tokens and data.'
        }
      />
      <Tabs
        value={tab}
        onChange={(value) => {
          if (value) void navigate({ to: '/o/$org/settings/$tab', params: { org: slug, tab: value } });
        }}
        keepMounted={false}
        variant="default"
      >
        <Tabs.List mb="lg" className="tandem-tabs-list">
          {visible.map((t) => (
            <Tabs.Tab key={t.value} value={t.value} leftSection={<t.icon size={16} aria-hidden={true} />}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {current && mayOpen(current) ? (
          <Tabs.Panel value={current.value}>
            <current.panel />
          </Tabs.Panel>
        ) : (
          <Alert
            color="gray"
            variant="light"
            icon={<IconLock size={18} aria-hidden="true" />}
            title={current?.isForOwners ? 'Only owners' : 'Only owners and admins'}
          >
            Ask an owner of {membership.name} if you need access to this part of the settings.
          </Alert>
        )}
      </Tabs>
    </>
  );
}
