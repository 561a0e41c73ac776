import { Center, Stack, Text, Title } from '@mantine/core';
import { ButtonLink } from '../components/links.tsx';

export function NotFoundPage() {
  return (
    <Center mih="60vh" p="md">
      <Stack align="center" gap="xs" maw={420} ta="center">
        <Text fw={600} c="dimmed" fz="sm">
          404
        </Text>
        <Title order={1} size="h2">
          There is nothing here
        </Title>
        <Text c="dimmed">
          The link may be old, or this belongs to an organization you are not a member of.
        </Text>
        <ButtonLink to="/" variant="light" mt="sm">
          Go to your home page
        </ButtonLink>
      </Stack>
    </Center>
  );
}
