import {
  Avatar,
  Badge,
  Button,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import {
  IconArrowLeft,
  IconCalendarEvent,
  IconChevronLeft,
  IconChevronRight,
  IconClock,
  IconDownload,
  IconPlayerSkipForward,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { MeetingPage } from '../../../contracts/meetings.ts';
import { meetingKey, meetingsKey, updateMeeting } from '../../api/meetings.ts';
import { meetingIcsUrl } from '../../api/series.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { PersonAvatar } from '../../components/person-avatar.tsx';
import { firstName } from '../../lib/format.ts';
import { meetingStatusLabels } from '../../lib/meeting-labels.ts';
import {
  durationMinutes,
  formatClock,
  formatMeetingLongDay,
  formatTimeRange,
  isDifferentClock,
  isoToZoned,
  zoneAbbreviation,
  zoneCity,
  zonedToIso,
} from '../../lib/meeting-time.ts';
import { notifyDone, notifyFailed } from '../../lib/notify.ts';
import { meAndOther } from './meeting-groups.tsx';

function MoveDialog({
  org,
  page,
  opened,
  onClose,
}: {
  org: string;
  page: MeetingPage;
  opened: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const { me } = meAndOther(page.meeting);
  const start = isoToZoned(page.meeting.startsAt, me.timeZone);
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(start.time);
  const mutation = useMutation({
    mutationFn: () => updateMeeting(org, page.meeting.id, { startsAt: zonedToIso(date, time, me.timeZone) }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: meetingsKey(org) });
      onClose();
      notifyDone('The 1:1 has moved. The other person sees the new time.');
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title="Move this 1:1">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          mutation.mutate();
        }}
        noValidate
      >
        <Stack gap="md">
          <ErrorAlert error={mutation.error} />
          <SimpleGrid cols={2} spacing="md">
            <TextInput
              label="Date"
              type="date"
              required
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
            />
            <TextInput
              label="Time"
              type="time"
              required
              value={time}
              onChange={(e) => setTime(e.currentTarget.value)}
            />
          </SimpleGrid>
          <Text fz="xs" c="dimmed">
            In your time zone, {zoneCity(me.timeZone)}. Only this 1:1 moves; the series keeps its rhythm.
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              Move 1:1
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function MeetingHeader({ org, page }: { org: string; page: MeetingPage }) {
  const queryClient = useQueryClient();
  const [isMoving, setMoving] = useState(false);
  const { meeting } = page;
  const { me, other } = meAndOther(meeting);
  const status = meetingStatusLabels[meeting.status];
  const isClosed = meeting.status === 'completed';
  const skip = useMutation({
    mutationFn: (next: 'skipped' | 'scheduled') => updateMeeting(org, meeting.id, { status: next }),
    onSuccess: async (updated) => {
      await queryClient.invalidateQueries({ queryKey: meetingKey(org, meeting.id) });
      await queryClient.invalidateQueries({ queryKey: [...meetingsKey(org), 'list'] });
      notifyDone(updated.status === 'skipped' ? 'This 1:1 is skipped.' : 'This 1:1 is back on.');
    },
    onError: (error) => notifyFailed('Could not change it', error),
  });
  const differs = isDifferentClock(meeting.startsAt, me.timeZone, other.timeZone);

  return (
    <Stack gap="md" mb="lg">
      <AnchorLink to="/o/$org/meetings" params={{ org }} fz="sm" c="dimmed" w="fit-content">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden="true" />
          My 1:1s
        </Group>
      </AnchorLink>
      <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
        <Group gap="md" wrap="nowrap" align="flex-start" style={{ minWidth: 0, flex: '1 1 20rem' }}>
          <Avatar.Group spacing="sm" visibleFrom="xs">
            <PersonAvatar name={meeting.leader.name} size={48} />
            <PersonAvatar name={meeting.report.name} size={48} />
          </Avatar.Group>
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Title order={1}>1:1 with {other.name}</Title>
            <Text fz="sm" c="dimmed">
              {meeting.leader.name} leads · {meeting.report.name} reports
              {meeting.myRole === 'leader' ? ' · you lead' : ''}
            </Text>
            <Group gap="xs" mt={4} wrap="wrap">
              <Group gap={6} wrap="nowrap">
                <IconCalendarEvent size={16} aria-hidden="true" color="var(--mantine-color-dimmed)" />
                <Text fz="sm" fw={500}>
                  {formatMeetingLongDay(meeting.startsAt, me.timeZone)}
                </Text>
              </Group>
              <Group gap={6} wrap="nowrap">
                <IconClock size={16} aria-hidden="true" color="var(--mantine-color-dimmed)" />
                <Text fz="sm" className="tandem-tabular">
                  {formatTimeRange(meeting.startsAt, meeting.endsAt, me.timeZone)}{' '}
                  {zoneAbbreviation(meeting.startsAt, me.timeZone)} ·{' '}
                  {durationMinutes(meeting.startsAt, meeting.endsAt)} min
                </Text>
              </Group>
              {differs ? (
                <Text fz="sm" c="dimmed" className="tandem-tabular">
                  ({formatClock(meeting.startsAt, other.timeZone)} for {firstName(other.name)} in{' '}
                  {zoneCity(other.timeZone)})
                </Text>
              ) : null}
              <Badge color={status.color}>{status.label}</Badge>
              {meeting.isMoved ? <Badge color="gray">Moved</Badge> : null}
            </Group>
          </Stack>
        </Group>
        <Group gap="xs" wrap="wrap">
          {!isClosed ? (
            <>
              <Button
                variant="default"
                size="sm"
                onClick={() => setMoving(true)}
                leftSection={<IconCalendarEvent size={16} aria-hidden="true" />}
              >
                Move
              </Button>
              <Button
                variant="default"
                size="sm"
                loading={skip.isPending}
                leftSection={<IconPlayerSkipForward size={16} aria-hidden="true" />}
                onClick={() => skip.mutate(meeting.status === 'skipped' ? 'scheduled' : 'skipped')}
              >
                {meeting.status === 'skipped' ? 'Undo skip' : 'Skip'}
              </Button>
            </>
          ) : null}
          <Button
            component="a"
            href={meetingIcsUrl(org, meeting.id)}
            download
            variant="default"
            size="sm"
            leftSection={<IconDownload size={16} aria-hidden="true" />}
          >
            Download .ics
          </Button>
          <Button.Group>
            {page.previousMeetingId ? (
              <ButtonLink
                variant="default"
                size="sm"
                to="/o/$org/meetings/$meetingId"
                params={{ org, meetingId: page.previousMeetingId }}
                leftSection={<IconChevronLeft size={16} aria-hidden="true" />}
              >
                Previous<span className="tandem-sr-only"> 1:1</span>
              </ButtonLink>
            ) : (
              <Button
                variant="default"
                size="sm"
                disabled
                leftSection={<IconChevronLeft size={16} aria-hidden="true" />}
              >
                Previous<span className="tandem-sr-only"> 1:1</span>
              </Button>
            )}
            {page.nextMeetingId ? (
              <ButtonLink
                variant="default"
                size="sm"
                to="/o/$org/meetings/$meetingId"
                params={{ org, meetingId: page.nextMeetingId }}
                rightSection={<IconChevronRight size={16} aria-hidden="true" />}
              >
                Next<span className="tandem-sr-only"> 1:1</span>
              </ButtonLink>
            ) : (
              <Button
                variant="default"
                size="sm"
                disabled
                rightSection={<IconChevronRight size={16} aria-hidden="true" />}
              >
                Next<span className="tandem-sr-only"> 1:1</span>
              </Button>
            )}
          </Button.Group>
        </Group>
      </Group>
      {isMoving ? (
        <MoveDialog org={org} page={page} opened={isMoving} onClose={() => setMoving(false)} />
      ) : null}
    </Stack>
  );
}
