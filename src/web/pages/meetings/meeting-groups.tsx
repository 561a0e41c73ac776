import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconChevronRight,
  IconCircleCheck,
  IconCircleDashed,
  IconListDetails,
} from '@tabler/icons-react';
import { useState } from 'react';
import type { MeetingSummary, PersonRef } from '../../../contracts/meetings.ts';
import { AnchorLink, UnstyledLink } from '../../components/links.tsx';
import { PersonAvatar } from '../../components/person-avatar.tsx';
import { firstName, plural } from '../../lib/format.ts';
import { meetingStatusLabels } from '../../lib/meeting-labels.ts';
import {
  formatClock,
  formatMeetingDay,
  formatTimeRange,
  isDifferentClock,
  zoneCity,
} from '../../lib/meeting-time.ts';

export function meAndOther(meeting: MeetingSummary): { me: PersonRef; other: PersonRef } {
  return meeting.myRole === 'leader'
    ? { me: meeting.leader, other: meeting.report }
    : { me: meeting.report, other: meeting.leader };
}

/** "13:00–13:30", and the other person's clock when theirs differs. */
export function MeetingTime({ meeting, withDay }: { meeting: MeetingSummary; withDay?: boolean }) {
  const { me, other } = meAndOther(meeting);
  const differs = isDifferentClock(meeting.startsAt, me.timeZone, other.timeZone);
  return (
    <Stack gap={0}>
      <Text fz="sm" fw={500} className="tandem-tabular tandem-nowrap">
        {withDay ? `${formatMeetingDay(meeting.startsAt, me.timeZone)}, ` : null}
        {formatTimeRange(meeting.startsAt, meeting.endsAt, me.timeZone)}
      </Text>
      {differs ? (
        <Text fz="xs" c="dimmed" className="tandem-tabular">
          {formatClock(meeting.startsAt, other.timeZone)} for {firstName(other.name)} (
          {zoneCity(other.timeZone)})
        </Text>
      ) : null}
    </Stack>
  );
}

function MeetingRow({ org, meeting, isNext }: { org: string; meeting: MeetingSummary; isNext: boolean }) {
  const { me } = meAndOther(meeting);
  return (
    <UnstyledLink
      to="/o/$org/meetings/$meetingId"
      params={{ org, meetingId: meeting.id }}
      className="tandem-meeting-row"
      px="lg"
      py="sm"
    >
      <Group gap="md" wrap="nowrap" justify="space-between">
        <Group gap="md" wrap="wrap" style={{ flex: 1, minWidth: 0, rowGap: 4 }}>
          <Group gap={8} wrap="nowrap" miw={150}>
            <Text fz="sm" fw={600} className="tandem-nowrap">
              {formatMeetingDay(meeting.startsAt, me.timeZone)}
            </Text>
            {isNext ? <Badge size="sm">Next</Badge> : null}
          </Group>
          <div style={{ minWidth: 140 }}>
            <MeetingTime meeting={meeting} />
          </div>
          <Group gap="md" wrap="wrap" style={{ rowGap: 4 }}>
            <Group gap={6} wrap="nowrap">
              <IconListDetails size={16} aria-hidden="true" color="var(--mantine-color-dimmed)" />
              <Text fz="sm" c={meeting.agendaCount ? undefined : 'dimmed'}>
                {meeting.agendaCount ? plural(meeting.agendaCount, 'topic') : 'No topics yet'}
              </Text>
            </Group>
            {meeting.hasStatusUpdate ? (
              <Group gap={6} wrap="nowrap">
                <IconCircleCheck size={16} aria-hidden="true" color="var(--mantine-color-success)" />
                <Text fz="sm">Status posted</Text>
              </Group>
            ) : (
              <Group gap={6} wrap="nowrap">
                <IconCircleDashed size={16} aria-hidden="true" color="var(--mantine-color-dimmed)" />
                <Text fz="sm" c="dimmed">
                  No status yet
                </Text>
              </Group>
            )}
            {meeting.status === 'skipped' ? <Badge color="gray">Skipped</Badge> : null}
            {meeting.isMoved && meeting.status !== 'skipped' ? <Badge color="gray">Moved</Badge> : null}
          </Group>
        </Group>
        <IconChevronRight size={18} aria-hidden="true" color="var(--mantine-color-dimmed)" />
      </Group>
    </UnstyledLink>
  );
}

interface PersonGroup {
  key: string;
  other: PersonRef;
  myRole: MeetingSummary['myRole'];
  meetings: MeetingSummary[];
}

/** Groups meetings by the other person, keeping the order of each group's soonest meeting. */
export function groupByPerson(meetings: MeetingSummary[]): PersonGroup[] {
  const groups = new Map<string, PersonGroup>();
  for (const meeting of meetings) {
    const { other } = meAndOther(meeting);
    const key = `${other.id}:${meeting.myRole}`;
    const group = groups.get(key) ?? { key, other, myRole: meeting.myRole, meetings: [] };
    group.meetings.push(meeting);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function LaterDates({
  org,
  meetings,
  onShowAll,
}: {
  org: string;
  meetings: MeetingSummary[];
  onShowAll: () => void;
}) {
  const shown = meetings.slice(0, 3);
  const more = meetings.length - shown.length;
  return (
    <Group gap={6} px="lg" py={8} className="tandem-meeting-more" wrap="wrap">
      <Text fz="xs" c="dimmed" fw={500}>
        Later:
      </Text>
      {shown.map((meeting) => {
        const { me } = meAndOther(meeting);
        return (
          <AnchorLink
            key={meeting.id}
            to="/o/$org/meetings/$meetingId"
            params={{ org, meetingId: meeting.id }}
            fz="xs"
            className="tandem-date-chip"
          >
            {formatMeetingDay(meeting.startsAt, me.timeZone)}
            {meeting.agendaCount > 0 ? ` · ${plural(meeting.agendaCount, 'topic')}` : ''}
          </AnchorLink>
        );
      })}
      {more > 0 ? (
        <Button variant="subtle" size="compact-xs" onClick={onShowAll}>
          {more} more<span className="tandem-sr-only"> dates</span>
        </Button>
      ) : null}
    </Group>
  );
}

function PersonCard({ org, group }: { org: string; group: PersonGroup }) {
  const [isExpanded, setExpanded] = useState(false);
  const first = group.meetings[0];
  const open = first?.openNextSteps ?? 0;
  const shown = isExpanded ? group.meetings : group.meetings.slice(0, 1);
  const headingId = `person-${group.key.replace(':', '-')}`;
  return (
    <Card padding={0} component="section" aria-labelledby={headingId}>
      <Group justify="space-between" px="lg" py="md" gap="sm" wrap="wrap">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <PersonAvatar name={group.other.name} size={40} />
          <div style={{ minWidth: 0 }}>
            <Text fw={650} id={headingId} component="h3" fz="md" m={0} truncate>
              {group.other.name}
            </Text>
            <Text fz="sm" c="dimmed" truncate>
              {group.other.title || 'No title'}
            </Text>
          </div>
        </Group>
        <Group gap={6}>
          <Badge color={group.myRole === 'leader' ? 'tandem' : 'grape'}>
            {group.myRole === 'leader' ? 'You lead' : `${firstName(group.other.name)} leads`}
          </Badge>
          {open > 0 ? (
            <Badge color="orange" leftSection={<IconAlertTriangle size={12} aria-hidden="true" />}>
              {plural(open, 'open next step')}
            </Badge>
          ) : null}
        </Group>
      </Group>
      <Stack gap={0}>
        {shown.map((meeting, index) => (
          <MeetingRow key={meeting.id} org={org} meeting={meeting} isNext={index === 0} />
        ))}
      </Stack>
      {isExpanded ? (
        <Group px="lg" py={6} className="tandem-meeting-more">
          <Button variant="subtle" size="compact-sm" onClick={() => setExpanded(false)}>
            Show fewer<span className="tandem-sr-only"> dates with {group.other.name}</span>
          </Button>
        </Group>
      ) : group.meetings.length > 1 ? (
        <LaterDates org={org} meetings={group.meetings.slice(1)} onShowAll={() => setExpanded(true)} />
      ) : null}
    </Card>
  );
}

export function UpcomingByPerson({ org, meetings }: { org: string; meetings: MeetingSummary[] }) {
  return (
    <Stack gap="md">
      {groupByPerson(meetings).map((group) => (
        <PersonCard key={group.key} org={org} group={group} />
      ))}
    </Stack>
  );
}

export function PastList({ org, meetings }: { org: string; meetings: MeetingSummary[] }) {
  return (
    <Card padding={0}>
      <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {meetings.map((meeting) => {
          const { me, other } = meAndOther(meeting);
          const status =
            meeting.status === 'scheduled'
              ? { label: 'Not closed', color: 'orange' }
              : meetingStatusLabels[meeting.status];
          return (
            <li key={meeting.id} className="tandem-list-row">
              <UnstyledLink
                to="/o/$org/meetings/$meetingId"
                params={{ org, meetingId: meeting.id }}
                className="tandem-meeting-row"
                px="lg"
                py="sm"
              >
                <Group gap="md" wrap="nowrap" justify="space-between">
                  <Group gap="sm" wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
                    <PersonAvatar name={other.name} size={32} />
                    <div style={{ minWidth: 0 }}>
                      <Text fz="sm" fw={600} truncate>
                        {other.name}
                      </Text>
                      <Text fz="xs" c="dimmed" className="tandem-tabular">
                        {formatMeetingDay(meeting.startsAt, me.timeZone)} ·{' '}
                        {formatClock(meeting.startsAt, me.timeZone)} ·{' '}
                        {meeting.myRole === 'leader' ? 'you led' : `${firstName(other.name)} led`}
                      </Text>
                    </div>
                  </Group>
                  <Badge color={status.color}>{status.label}</Badge>
                </Group>
              </UnstyledLink>
            </li>
          );
        })}
      </Stack>
    </Card>
  );
}
