import { Badge, Card, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { createLazyRoute } from '@tanstack/react-router';
import type { SearchHit } from '../../../contracts/timeline.ts';
import { searchQuery } from '../../api/memory.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink, UnstyledLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PersonAvatar } from '../../components/person-avatar.tsx';
import { formatDate, plural } from '../../lib/format.ts';
import { useCurrentOrg } from '../../lib/use-org.ts';
import { MeetingSearchBox } from './search-box.tsx';

export const Route = createLazyRoute('/o/$org/search')({ component: SearchPage });

const kindLabels: Record<SearchHit['kind'], string> = {
  'agenda-item': 'Agenda topic',
  'shared-notes': 'Shared notes',
  'status-update': 'Status update',
  'next-step': 'Next step',
};

function Hit({ org, hit }: { org: string; hit: SearchHit }) {
  return (
    <UnstyledLink
      to="/o/$org/meetings/$meetingId"
      params={{ org, meetingId: hit.meetingId }}
      className="tandem-meeting-row"
      px="lg"
      py="sm"
    >
      <Group gap="md" wrap="nowrap" align="flex-start">
        <PersonAvatar name={hit.withPerson.name} seed={hit.withPerson.id} size="md" />
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Text fz="sm" fw={600}>
              {hit.withPerson.name}
            </Text>
            <Text fz="sm" c="dimmed">
              {formatDate(hit.meetingStartsAt)}
            </Text>
            <Badge color="gray">{kindLabels[hit.kind]}</Badge>
          </Group>
          {hit.title && hit.title !== hit.snippet.map((part) => part.text).join('') ? (
            <Text fz="sm" fw={500}>
              {hit.title}
            </Text>
          ) : null}
          <Text fz="sm" c="dimmed">
            {hit.snippet.map((part, index) =>
              part.isMatch ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: parts are fixed for one answer
                <mark key={index}>{part.text}</mark>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: parts are fixed for one answer
                <span key={index}>{part.text}</span>
              ),
            )}
          </Text>
        </Stack>
      </Group>
    </UnstyledLink>
  );
}

function SearchPage() {
  const { slug } = useCurrentOrg();
  const { q = '' } = Route.useSearch();
  const results = useQuery(searchQuery(slug, q));
  return (
    <>
      <PageHeader
        eyebrow={
          <AnchorLink to="/o/$org/meetings" params={{ org: slug }} fz="sm" c="dimmed" w="fit-content">
            ← My 1:1s
          </AnchorLink>
        }
        title="Search my 1:1s"
        description='Agenda topics, shared notes, status updates and next steps of the 1:1s you take part in. Private notes are never searched. Use "a phrase" or -word to leave one out.'
        actions={<MeetingSearchBox key={q} org={slug} initial={q} />}
      />
      {q === '' ? (
        <Text c="dimmed" fz="sm">
          Type a few words to find where you talked about them.
        </Text>
      ) : results.isPending ? (
        <Skeleton h={200} radius="lg" />
      ) : results.isError ? (
        <ErrorAlert error={results.error} />
      ) : (
        <Stack gap="sm">
          <Text fz="sm" c="dimmed" role="status">
            {results.data.items.length === 0
              ? `Nothing in your 1:1s matches “${q}”.`
              : `${plural(results.data.items.length, 'result')} for “${q}”`}
          </Text>
          {results.data.items.length > 0 ? (
            <Card padding={0}>
              <Stack gap={0}>
                {results.data.items.map((hit, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a meeting may match in several places
                  <Hit key={`${hit.meetingId}-${hit.kind}-${index}`} org={slug} hit={hit} />
                ))}
              </Stack>
            </Card>
          ) : null}
        </Stack>
      )}
    </>
  );
}
