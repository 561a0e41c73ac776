import { Badge, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCalendarOff, IconHeartbeat, IconMessageCircle } from '@tabler/icons-react';
import type { DashboardView } from '../../../contracts/insights.ts';
import { AnchorLink } from '../../components/links.tsx';

type Flag = DashboardView['flags']['items'][number];

const kinds = {
  'no-recent-one-on-one': { label: 'No 1:1 in 4 weeks', color: 'orange', icon: IconCalendarOff },
  'safety-fell': { label: 'Safety fell', color: 'red', icon: IconHeartbeat },
  'check-in-streak': { label: 'Only check-ins', color: 'yellow', icon: IconMessageCircle },
} as const;

function FlagLink({ org, flag, pulse }: { org: string; flag: Flag; pulse: DashboardView['pulse'] }) {
  const person = flag.person;
  if (flag.kind === 'safety-fell') {
    const survey = pulse.find((trend) => trend.team.id === person.id);
    if (survey)
      return (
        <AnchorLink to="/o/$org/pulse/surveys/$surveyId" params={{ org, surveyId: survey.surveyId }} fz="sm">
          See {survey.title}
        </AnchorLink>
      );
  }
  if (flag.kind === 'no-recent-one-on-one')
    return (
      <AnchorLink to="/o/$org/people/$personId" params={{ org, personId: person.id }} fz="sm">
        Who leads {person.name}
      </AnchorLink>
    );
  return (
    <AnchorLink to="/o/$org/insights/leaders/$personId" params={{ org, personId: person.id }} fz="sm">
      {person.name}’s figures
    </AnchorLink>
  );
}

/** What asks for attention, each with a link to where it can be looked into. */
export function AttentionFlags({ org, view }: { org: string; view: DashboardView }) {
  const { flags } = view;
  if (flags.total === 0)
    return (
      <Text fz="sm" c="dimmed">
        Nothing asks for attention: every report had a 1:1 in the last four weeks, no team’s safety fell and
        no leader’s recent 1:1s were all check-ins.
      </Text>
    );
  return (
    <Stack gap="xs">
      {flags.total > flags.items.length ? (
        <Text fz="sm" c="dimmed">
          Showing {flags.items.length} of {flags.total}.
        </Text>
      ) : null}
      <Stack gap="xs" component="ul" className="tandem-flag-list">
        {flags.items.map((flag) => {
          const kind = kinds[flag.kind] ?? { label: flag.kind, color: 'gray', icon: IconAlertTriangle };
          return (
            <Group
              key={`${flag.kind}-${flag.person.id}`}
              component="li"
              gap="sm"
              wrap="nowrap"
              align="flex-start"
              className="tandem-flag"
            >
              <ThemeIcon variant="light" color={kind.color} size="md" radius="md" aria-hidden="true">
                <kind.icon size={16} />
              </ThemeIcon>
              <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                <Group gap="xs" wrap="wrap">
                  <Text fz="sm" fw={600}>
                    {flag.person.name}
                  </Text>
                  <Badge color={kind.color}>{kind.label}</Badge>
                </Group>
                <Text fz="sm">{flag.message}</Text>
                <FlagLink org={org} flag={flag} pulse={view.pulse} />
              </Stack>
            </Group>
          );
        })}
      </Stack>
    </Stack>
  );
}
