import { Badge, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconMessageQuestion } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { AgendaItemView } from '../../../contracts/meetings.ts';
import { suggestionsQuery } from '../../api/meetings.ts';
import { agendaTypeLabels } from '../../lib/meeting-labels.ts';

const growLabels: Record<string, string> = {
  goal: 'Goal',
  reality: 'Reality',
  options: 'Options',
  will: 'Will',
};

/** Coaching questions for the agenda topic in focus; left out when the server offers none. */
export function SuggestedQuestions({ org, item }: { org: string; item: AgendaItemView }) {
  const text = item.details ? `${item.title} ${item.details}` : item.title;
  const suggestions = useQuery(suggestionsQuery(org, item.type, text));
  if (suggestions.isError || suggestions.data === null) return null;
  return (
    <Card padding="lg" component="section" aria-labelledby="questions-title" className="tandem-questions">
      <Group gap={8} mb={4} wrap="nowrap">
        <IconMessageQuestion size={18} aria-hidden="true" color="var(--mantine-primary-color-filled)" />
        <Title order={2} size="h4" id="questions-title">
          Questions to ask
        </Title>
      </Group>
      <Text fz="xs" c="dimmed" mb="md">
        For “{item.title}” ({agendaTypeLabels[item.type].label.toLowerCase()}). Ask, then listen.
      </Text>
      {suggestions.isPending ? (
        <Stack gap="xs">
          <Skeleton h={18} />
          <Skeleton h={18} />
          <Skeleton h={18} w="70%" />
        </Stack>
      ) : suggestions.data.length === 0 ? (
        <Text fz="sm" c="dimmed">
          No question fits this topic yet. Try “What would make this a good outcome for you?”
        </Text>
      ) : (
        <Stack gap="md" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {suggestions.data.map((question) => (
            <li key={question.id}>
              <Group gap={6} mb={2}>
                <Badge size="xs" color="gray" variant="outline">
                  {growLabels[question.grow] ?? question.grow}
                </Badge>
              </Group>
              <Text fz="sm" fw={500}>
                {question.text}
              </Text>
              {question.followUp ? (
                <Text fz="xs" c="dimmed" mt={2}>
                  Then: {question.followUp}
                </Text>
              ) : null}
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}
