import { TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';

/** Full-text search across my own 1:1s; the results open on their own page. */
export function MeetingSearchBox({ org, initial = '' }: { org: string; initial?: string }) {
  const navigate = useNavigate();
  const [text, setText] = useState(initial);
  return (
    <form
      aria-label="Search my 1:1s"
      onSubmit={(event) => {
        event.preventDefault();
        const q = text.trim();
        if (q) void navigate({ to: '/o/$org/search', params: { org }, search: { q } });
      }}
    >
      <TextInput
        aria-label="Search my 1:1s"
        placeholder="Search my 1:1s"
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        type="search"
        w={{ base: '100%', xs: 240 }}
      />
    </form>
  );
}
