import { Group, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { PersonView } from '../../contracts/people.ts';
import { peopleQuery } from '../api/people.ts';
import { PersonAvatar } from './person-avatar.tsx';

interface PersonPickerProps {
  org: string;
  label: string;
  description?: string;
  value: string | null;
  onChange: (person: PersonView | null) => void;
  /** Left out of the choices, e.g. the signed-in person. */
  excludeEmail?: string;
  error?: string;
  required?: boolean;
}

/** Finds a person in the directory as you type; the search runs on the server. */
export function PersonPicker({
  org,
  label,
  description,
  value,
  onChange,
  excludeEmail,
  error,
  required,
}: PersonPickerProps) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [chosen, setChosen] = useState<PersonView | null>(null);
  const people = useQuery(peopleQuery(org, { q: debounced.trim() || undefined, limit: 20, offset: 0 }));
  const found = useMemo(() => {
    const list = (people.data?.items ?? []).filter((p) => p.email !== excludeEmail);
    // The chosen person stays among the options, so the field keeps showing their name.
    if (chosen && !list.some((p) => p.id === chosen.id)) list.unshift(chosen);
    return list;
  }, [people.data, excludeEmail, chosen]);
  const byId = useMemo(() => new Map(found.map((p) => [p.id, p])), [found]);

  return (
    <Select
      label={label}
      description={description}
      placeholder="Search by name, email or title"
      leftSection={<IconSearch size={16} aria-hidden="true" />}
      searchable
      clearable
      required={required}
      error={error}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      // The server already matched names, emails and titles; the list shows what it found.
      filter={({ options }) => options}
      nothingFoundMessage={people.isFetching ? 'Searching…' : 'Nobody by that name'}
      data={found.map((p) => ({ value: p.id, label: p.name }))}
      renderOption={({ option }) => {
        const person = byId.get(option.value);
        return (
          <Group gap="sm" wrap="nowrap">
            <PersonAvatar name={option.label} seed={person?.email} size={28} />
            <div style={{ minWidth: 0 }}>
              <Text fz="sm" fw={500} truncate>
                {option.label}
              </Text>
              {person?.title ? (
                <Text fz="xs" c="dimmed" truncate>
                  {person.title}
                </Text>
              ) : null}
            </div>
          </Group>
        );
      }}
      onChange={(id) => {
        const person = id ? (byId.get(id) ?? null) : null;
        setChosen(person);
        onChange(person);
      }}
    />
  );
}
