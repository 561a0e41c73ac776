import { Button, Center, Stack, Text, Title } from '@mantine/core';
import type { ErrorComponentProps } from '@tanstack/react-router';
import { ApiError, describeError } from '../api/client.ts';
import { NotFoundPage } from '../pages/not-found.tsx';
import { ButtonLink } from './links.tsx';

export function PageError({ error, reset }: ErrorComponentProps) {
  if (error instanceof ApiError && error.code === 'NOT_FOUND') return <NotFoundPage />;
  if (error instanceof ApiError && error.code === 'FORBIDDEN') {
    return (
      <Center mih="50vh" p="md">
        <Stack align="center" gap="xs" maw={420} ta="center">
          <Title order={1} size="h2">
            This page is for owners and admins
          </Title>
          <Text c="dimmed">Ask an owner of your organization if you need access.</Text>
          <ButtonLink to="/" variant="light" mt="sm">
            Go to your home page
          </ButtonLink>
        </Stack>
      </Center>
    );
  }
  return (
    <Center mih="50vh" p="md">
      <Stack align="center" gap="xs" maw={460} ta="center">
        <Title order={1} size="h2">
          This page could not load
        </Title>
        <Text c="dimmed">{describeError(error)}</Text>
        <Button onClick={reset} variant="light" mt="sm">
          Try again
        </Button>
      </Stack>
    </Center>
  );
}
