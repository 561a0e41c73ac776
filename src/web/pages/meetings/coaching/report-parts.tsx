import { Badge, Card, Group, List, Progress, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBulb, IconInfoCircle, IconQuote } from '@tabler/icons-react';
import type { Quote, ScorePart, Suggestion } from '../../../../core/coaching/analysis-types.ts';
import { formatOffset } from '../../../lib/transcript-file.ts';

function partColor(part: ScorePart): string {
  if (part.points === null) return 'gray';
  const share = part.max > 0 ? part.points / part.max : 0;
  return share >= 0.7 ? 'teal' : share >= 0.4 ? 'yellow' : 'red';
}

function formatPoints(points: number): string {
  return Number.isInteger(points) ? String(points) : points.toFixed(1);
}

function QuoteBlock({ quote }: { quote: Quote }) {
  return (
    <figure className="tandem-quote">
      <blockquote>
        <Text fz="sm">“{quote.text}”</Text>
      </blockquote>
      <Text component="figcaption" fz="xs" c="dimmed">
        {/^[0-9a-f-]{36}$/i.test(quote.speaker) ? 'From the next steps' : quote.speaker}
        {quote.start !== null ? ` · ${formatOffset(quote.start)}` : ''}
      </Text>
    </figure>
  );
}

/** Each part of the score with its points, why, and the lines that show it. */
export function ScoreParts({ parts }: { parts: ScorePart[] }) {
  return (
    <Card padding="lg" component="section" aria-labelledby="parts-title">
      <Title order={3} size="h4" id="parts-title" mb={4}>
        How the score is made
      </Title>
      <Text fz="xs" c="dimmed" mb="md">
        Each part earns points; parts this input could not measure count toward neither points nor maximum.
      </Text>
      <Stack gap="lg" component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
        {parts.map((part) => (
          <li key={part.id}>
            <Group justify="space-between" gap="xs" wrap="nowrap" mb={4}>
              <Text fz="sm" fw={600}>
                {part.label}
              </Text>
              {part.points === null ? (
                <Badge color="gray" size="sm">
                  Not measured
                </Badge>
              ) : (
                <Text fz="sm" fw={600} className="tandem-tabular">
                  {formatPoints(part.points)} / {part.max} points
                </Text>
              )}
            </Group>
            <Progress
              value={part.points === null || part.max === 0 ? 0 : (part.points / part.max) * 100}
              color={partColor(part)}
              size="sm"
              aria-label={`${part.label}: ${part.points === null ? 'not measured' : `${formatPoints(part.points)} of ${part.max} points`}`}
            />
            <Text fz="sm" c="dimmed" mt={6}>
              {part.explanation}
            </Text>
            {part.evidence.length > 0 ? (
              <Stack gap={6} mt="xs">
                <Group gap={4}>
                  <IconQuote size={14} aria-hidden="true" color="var(--mantine-color-dimmed)" />
                  <Text fz="xs" fw={600} c="dimmed">
                    Evidence
                  </Text>
                </Group>
                {part.evidence.slice(0, 3).map((quote) => (
                  <QuoteBlock key={`${quote.start}-${quote.text}`} quote={quote} />
                ))}
              </Stack>
            ) : null}
          </li>
        ))}
      </Stack>
    </Card>
  );
}

export function Suggestions({ suggestions }: { suggestions: Suggestion[] }) {
  if (suggestions.length === 0) return null;
  return (
    <Card padding="lg" component="section" aria-labelledby="suggestions-title" className="tandem-suggestions">
      <Group gap={8} mb="md" wrap="nowrap">
        <ThemeIcon variant="light" radius="xl" size={28} aria-hidden="true">
          <IconBulb size={16} />
        </ThemeIcon>
        <Title order={3} size="h4" id="suggestions-title">
          For your next 1:1
        </Title>
      </Group>
      <Stack gap="md" component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
        {suggestions.map((suggestion) => (
          <li key={`${suggestion.about}-${suggestion.message}`}>
            <Text fz="sm">{suggestion.message}</Text>
            {suggestion.questions.length > 0 ? (
              <List fz="sm" mt={6} spacing={4} withPadding>
                {suggestion.questions.map((question) => (
                  <List.Item key={question}>
                    <Text span fz="sm" fw={500}>
                      {question}
                    </Text>
                  </List.Item>
                ))}
              </List>
            ) : null}
          </li>
        ))}
      </Stack>
    </Card>
  );
}

export function Unmeasured({ items }: { items: string[] }) {
  if (items.length === 0) return null;
  return (
    <Card padding="lg" component="section" aria-labelledby="unmeasured-title">
      <Group gap={8} mb="xs" wrap="nowrap">
        <IconInfoCircle size={18} aria-hidden="true" color="var(--mantine-color-dimmed)" />
        <Title order={3} size="h4" id="unmeasured-title">
          What could not be measured
        </Title>
      </Group>
      <List fz="sm" spacing={4} c="dimmed">
        {items.map((item) => (
          <List.Item key={item}>{item}</List.Item>
        ))}
      </List>
    </Card>
  );
}
