import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight, IconCircleCheck, IconCircleDashed } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { MeetingSummary } from '../../../contracts/meetings.ts';
import { ButtonLink } from '../../components/links.tsx';
import { PersonAvatar } from '../../components/person-avatar.tsx';
import { firstName, formatRelative, plural } from '../../lib/format.ts';
import { formatMeetingDay } from '../../lib/meeting-time.ts';
import { MeetingTime, meAndOther } from './meeting-groups.tsx';

function Check({ isDone, children }: { isDone: boolean; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" component="li">
      {isDone ? (
        <IconCircleCheck size={18} aria-hidden="true" color="var(--mantine-color-success)" />
      ) : (
        <IconCircleDashed size={18} aria-hidden="true" color="var(--mantine-color-dimmed)" />
      )}
      <Text fz="sm" c={isDone ? undefined : 'dimmed'}>
        {children}
        <span className="tandem-sr-only">{isDone ? ' (done)' : ' (not yet)'}</span>
      </Text>
    </Group>
  );
}

/** The soonest 1:1 and what is left to prepare for it. */
export function NextUpCard({ org, meeting }: { org: string; meeting: MeetingSummary }) {
  const { me, other } = meAndOther(meeting);
  const isReport = meeting.myRole === 'report';
  return (
    <Card padding="lg" component="section" aria-labelledby="next-up-title" className="tandem-next-up">
      <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
        <Group gap="md" wrap="nowrap" align="flex-start" style={{ minWidth: 0, flex: '1 1 18rem' }}>
          <PersonAvatar name={other.name} size={44} />
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Group gap={8}>
              <Badge size="sm">Next up</Badge>
              <Text fz="xs" c="dimmed">
                {formatRelative(meeting.startsAt)}
              </Text>
            </Group>
            <Title order={2} size="h3" id="next-up-title">
              1:1 with {other.name}
            </Title>
            <Group gap={6} wrap="wrap">
              <Text fz="sm" fw={500}>
                {formatMeetingDay(meeting.startsAt, me.timeZone)},
              </Text>
              <MeetingTime meeting={meeting} />
            </Group>
          </Stack>
        </Group>
        <Stack gap="sm" style={{ flex: '0 1 16rem' }}>
          <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Preparation">
            <Check isDone={meeting.agendaCount > 0}>
              {meeting.agendaCount > 0
                ? `${plural(meeting.agendaCount, 'topic')} on the agenda`
                : 'No topics yet'}
            </Check>
            <Check isDone={meeting.hasStatusUpdate}>
              {meeting.hasStatusUpdate
                ? 'Status update posted'
                : isReport
                  ? 'Post your status update'
                  : `${firstName(other.name)}’s status update`}
            </Check>
            {meeting.openNextSteps > 0 ? (
              <Check isDone={false}>{plural(meeting.openNextSteps, 'open step')} to review</Check>
            ) : null}
          </Stack>
          <ButtonLink
            to="/o/$org/meetings/$meetingId"
            params={{ org, meetingId: meeting.id }}
            rightSection={<IconArrowRight size={16} aria-hidden="true" />}
          >
            Prepare<span className="tandem-sr-only"> the 1:1 with {other.name}</span>
          </ButtonLink>
        </Stack>
      </Group>
    </Card>
  );
}
