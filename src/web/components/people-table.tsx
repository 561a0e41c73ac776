import { Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { PersonView } from '../../contracts/people.ts';
import { formatCalendarDate } from '../lib/format.ts';
import { AnchorLink, UnstyledLink } from './links.tsx';
import { PersonAvatar } from './person-avatar.tsx';

interface PeopleTableProps {
  org: string;
  people: PersonView[] | undefined;
  isLoading: boolean;
}

function NameCell({ org, person }: { org: string; person: PersonView }) {
  return (
    <Link to="/o/$org/people/$personId" params={{ org, personId: person.id }} className="tandem-row-link">
      <Group gap="sm" wrap="nowrap">
        <PersonAvatar name={person.name} seed={person.email} size={32} />
        <div style={{ minWidth: 0 }}>
          <Text fz="sm" fw={600} className="tandem-row-name" truncate>
            {person.name}
          </Text>
          <Text fz="xs" c="dimmed" truncate>
            {person.email}
          </Text>
        </div>
      </Group>
    </Link>
  );
}

/** A phone has no room for five columns: one line per person, the title and manager beneath. */
function PeopleList({ org, people }: { org: string; people: PersonView[] }) {
  return (
    <Stack gap={0} hiddenFrom="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {people.map((person) => (
        <li key={person.id} className="tandem-list-row">
          <UnstyledLink to="/o/$org/people/$personId" params={{ org, personId: person.id }} p="sm" w="100%">
            <Group gap="sm" wrap="nowrap">
              <PersonAvatar name={person.name} seed={person.email} size={36} />
              <div style={{ minWidth: 0, flex: 1 }}>
                <Text fz="sm" fw={600} truncate>
                  {person.name}
                </Text>
                <Text fz="xs" c="dimmed" truncate>
                  {[person.title, person.managerName ? `reports to ${person.managerName}` : null]
                    .filter(Boolean)
                    .join(' · ') || person.email}
                </Text>
              </div>
            </Group>
          </UnstyledLink>
        </li>
      ))}
    </Stack>
  );
}

export function PeopleTable({ org, people, isLoading }: PeopleTableProps) {
  if (isLoading || !people) {
    return (
      <Stack gap="xs" p="md">
        {Array.from({ length: 6 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
          <Skeleton key={i} h={32} />
        ))}
      </Stack>
    );
  }
  return (
    <>
      <PeopleList org={org} people={people} />
      <Table.ScrollContainer minWidth={680} visibleFrom="sm">
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Title</Table.Th>
              <Table.Th>Manager</Table.Th>
              <Table.Th>Start date</Table.Th>
              <Table.Th ta="right">Direct reports</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {people.map((person) => (
              <Table.Tr key={person.id}>
                <Table.Td>
                  <NameCell org={org} person={person} />
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{person.title || '—'}</Text>
                </Table.Td>
                <Table.Td>
                  {person.managerId && person.managerName ? (
                    <AnchorLink
                      to="/o/$org/people/$personId"
                      params={{ org, personId: person.managerId }}
                      fz="sm"
                      c="inherit"
                    >
                      {person.managerName}
                    </AnchorLink>
                  ) : (
                    <Text fz="sm" c="dimmed">
                      No manager
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" className="tandem-tabular">
                    {person.startDate ? formatCalendarDate(person.startDate) : '—'}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text fz="sm" className="tandem-tabular">
                    {person.directReportCount}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
