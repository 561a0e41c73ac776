import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconTimeline } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { PersonRef } from '../../../contracts/meetings.ts';
import { seriesQuery } from '../../api/meetings.ts';
import { AnchorLink } from '../../components/links.tsx';
import { PersonAvatar } from '../../components/person-avatar.tsx';
import { useMyPerson } from '../../lib/use-my-person.ts';

/** The people I have 1:1 series with, each linking to our history together. */
export function HistoryCard({ org }: { org: string }) {
  const { person: me } = useMyPerson();
  const series = useQuery(seriesQuery(org));
  const people = new Map<string, PersonRef>();
  for (const s of series.data ?? []) {
    const counterpart = s.leader.id === me?.id ? s.report : s.leader;
    if (me) people.set(counterpart.id, counterpart);
  }
  if (people.size === 0) return null;
  return (
    <Card padding="lg" component="section" aria-labelledby="history-title">
      <Group gap={8} mb="xs" wrap="nowrap">
        <IconTimeline size={18} aria-hidden="true" color="var(--mantine-color-dimmed)" />
        <Title order={2} size="h4" id="history-title">
          History
        </Title>
      </Group>
      <Text fz="sm" c="dimmed" mb="sm">
        What you talked about and committed to, 1:1 after 1:1.
      </Text>
      <Stack gap={8}>
        {[...people.values()].map((person) => (
          <Group key={person.id} gap="sm" wrap="nowrap">
            <PersonAvatar name={person.name} seed={person.id} size="sm" />
            <AnchorLink to="/o/$org/history/$personId" params={{ org, personId: person.id }} fz="sm">
              History with {person.name}
            </AnchorLink>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
