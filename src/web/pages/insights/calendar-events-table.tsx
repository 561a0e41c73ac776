import { Badge, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type CalendarAuditEvent,
  type CalendarEventClass,
  calendarAuditsKey,
  reclassifyCalendarEvent,
} from '../../api/calendar-audits.ts';
import { verdictLabels } from '../../lib/meeting-labels.ts';
import { notifyDone, notifyFailed } from '../../lib/notify.ts';
import { eventClassLabels, eventClassOrder } from './calendar-labels.ts';

const classOptions = eventClassOrder.map((value) => ({ value, label: eventClassLabels[value].label }));

function whenIn(timeZone: string, event: CalendarAuditEvent): string {
  const start = new Date(event.startsAt);
  const end = new Date(event.endsAt);
  const day = start.toLocaleDateString(undefined, {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
  });
  const time = (date: Date) =>
    date.toLocaleTimeString(undefined, { timeZone, hour: '2-digit', minute: '2-digit' });
  return `${day}, ${time(start)}–${time(end)}`;
}

interface CalendarEventsTableProps {
  org: string;
  auditId: string;
  timeZone: string;
  events: readonly CalendarAuditEvent[];
}

/** Every audited occurrence with its class and the rule behind it; the class can be set by hand. */
export function CalendarEventsTable({ org, auditId, timeZone, events }: CalendarEventsTableProps) {
  const queryClient = useQueryClient();
  const reclassify = useMutation({
    mutationFn: ({ eventId, eventClass }: { eventId: string; eventClass: CalendarEventClass }) =>
      reclassifyCalendarEvent(org, auditId, eventId, eventClass),
    onSuccess: async (event) => {
      notifyDone(`“${event.title}” is now counted as ${eventClassLabels[event.eventClass].label}.`);
      await queryClient.invalidateQueries({ queryKey: [...calendarAuditsKey(org), auditId] });
    },
    onError: (error) => notifyFailed('The class could not be changed', error),
  });
  if (events.length === 0)
    return (
      <Text fz="sm" c="dimmed">
        No timed event fell in this period.
      </Text>
    );
  return (
    <Table.ScrollContainer
      minWidth={760}
      type="native"
      tabIndex={0}
      role="region"
      aria-label="Audited events"
    >
      <Table verticalSpacing="xs" fz="sm">
        <Table.Caption>
          Times in {timeZone}. Change a class when a rule got it wrong; the figures follow.
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">When</Table.Th>
            <Table.Th scope="col">Event</Table.Th>
            <Table.Th scope="col">Class</Table.Th>
            <Table.Th scope="col">Why</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.id}>
              <Table.Td className="tandem-tabular" style={{ whiteSpace: 'nowrap' }}>
                {whenIn(timeZone, event)}
              </Table.Td>
              <Table.Th scope="row" fw={500}>
                <Stack gap={2}>
                  <Text fz="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {event.title || '(no title)'}
                  </Text>
                  <Group gap={6}>
                    <Text fz="xs" c="dimmed">
                      {event.attendeeCount === 0 ? 'Only you' : `${event.attendeeCount} invited`}
                      {event.hasExternalAttendees ? ' · outside guests' : ''}
                      {event.isRecurring ? ' · recurring' : ''}
                    </Text>
                    {event.meetingId ? (
                      <Badge color={event.verdict ? verdictLabels[event.verdict].color : 'gray'} size="sm">
                        {event.verdict
                          ? `Tandem 1:1: ${verdictLabels[event.verdict].label}`
                          : 'Tandem 1:1: not analysed'}
                      </Badge>
                    ) : null}
                  </Group>
                </Stack>
              </Table.Th>
              <Table.Td>
                <NativeSelect
                  aria-label={`Class of ${event.title || 'this event'} on ${whenIn(timeZone, event)}`}
                  data={classOptions}
                  value={event.eventClass}
                  size="xs"
                  w={120}
                  disabled={reclassify.isPending && reclassify.variables?.eventId === event.id}
                  onChange={(change) =>
                    reclassify.mutate({
                      eventId: event.id,
                      eventClass: change.currentTarget.value as CalendarEventClass,
                    })
                  }
                />
              </Table.Td>
              <Table.Td>
                <Text fz="xs" c={event.isClassSetByHand ? undefined : 'dimmed'}>
                  {event.isClassSetByHand ? 'Set by you' : (event.rule ?? '')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
