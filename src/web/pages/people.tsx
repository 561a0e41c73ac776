import { Card, EmptyState, Group, Pagination, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFileImport, IconSearch, IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { createLazyRoute, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { peopleQuery } from '../api/people.ts';
import { ErrorAlert } from '../components/error-alert.tsx';
import { ButtonLink } from '../components/links.tsx';
import { PageHeader } from '../components/page-header.tsx';
import { PeopleTable } from '../components/people-table.tsx';
import { useCurrentOrg } from '../lib/use-org.ts';

export const Route = createLazyRoute('/o/$org/people')({ component: PeoplePage });

const pageSize = 25;

function PeoplePage() {
  const { slug, canManage } = useCurrentOrg();
  const search = Route.useSearch();
  const navigate = useNavigate({ from: '/o/$org/people' });
  const [draft, setDraft] = useState(search.q ?? '');
  const page = search.page ?? 1;
  const people = useQuery(peopleQuery(slug, { q: search.q, limit: pageSize, offset: (page - 1) * pageSize }));

  // The search runs on the server, so wait for a pause in typing before asking it.
  const applySearch = useDebouncedCallback((q: string) => {
    void navigate({ search: { q: q.trim() || undefined, page: undefined }, replace: true });
  }, 300);

  const total = people.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const isEmptyDirectory = people.isSuccess && total === 0 && !search.q;

  return (
    <>
      <PageHeader
        title="People"
        description="Everyone in your organization, with their manager, start date and time zone."
        actions={
          canManage ? (
            <ButtonLink
              to="/o/$org/settings/$tab"
              params={{ org: slug, tab: 'import' }}
              variant="default"
              leftSection={<IconFileImport size={16} aria-hidden="true" />}
            >
              Import CSV
            </ButtonLink>
          ) : null
        }
      />

      {isEmptyDirectory ? (
        <Card padding="xl">
          <EmptyState
            icon={<IconUsers size={28} stroke={1.6} aria-hidden="true" />}
            variant="light"
            title="Your directory is empty"
            description={
              canManage
                ? 'Import a CSV of your org chart: one row per person with their email, name, title and manager. Reporting lines follow from it.'
                : 'An admin of your organization has not imported anyone yet.'
            }
          >
            {canManage ? (
              <EmptyState.Actions>
                <ButtonLink to="/o/$org/settings/$tab" params={{ org: slug, tab: 'import' }}>
                  Import your org chart
                </ButtonLink>
              </EmptyState.Actions>
            ) : null}
          </EmptyState>
        </Card>
      ) : (
        <Stack gap="md">
          <Group justify="space-between" gap="sm" wrap="wrap">
            <TextInput
              label="Search people"
              labelProps={{ className: 'tandem-sr-only' }}
              placeholder="Search by name, email or title"
              leftSection={<IconSearch size={16} aria-hidden="true" />}
              value={draft}
              onChange={(event) => {
                setDraft(event.currentTarget.value);
                applySearch(event.currentTarget.value);
              }}
              type="search"
              w={{ base: '100%', xs: 340 }}
            />
            <Text fz="sm" c="dimmed" aria-live="polite" className="tandem-tabular">
              {people.isSuccess ? (total === 0 ? 'No matches' : `${first}–${last} of ${total}`) : ' '}
            </Text>
          </Group>

          <ErrorAlert error={people.error} />

          <Card padding={0}>
            <PeopleTable org={slug} people={people.data?.items} isLoading={people.isPending} />
            {people.isSuccess && total === 0 ? (
              <Text ta="center" c="dimmed" fz="sm" p="xl">
                Nobody matches “{search.q}”. Try part of a name, an email or a title.
              </Text>
            ) : null}
          </Card>

          {pages > 1 ? (
            <Group justify="center">
              <Pagination
                total={pages}
                value={page}
                onChange={(next) =>
                  void navigate({ search: (prev) => ({ ...prev, page: next > 1 ? next : undefined }) })
                }
                getControlProps={(control) => ({
                  'aria-label':
                    control === 'previous' ? 'Previous page' : control === 'next' ? 'Next page' : control,
                })}
                getItemProps={(item) => ({ 'aria-label': `Page ${item}` })}
              />
            </Group>
          ) : null}
        </Stack>
      )}
    </>
  );
}
