import {
  Alert,
  Button,
  Code,
  CopyButton,
  EmptyState,
  Group,
  Modal,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiTokenView } from '../../../contracts/accounts.ts';
import { ApiTokenCreateInput } from '../../../contracts/accounts.ts';
import { describeError } from '../../api/client.ts';
import { type CreatedToken, createToken, deleteToken, tokensQuery } from '../../api/tokens.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDate, formatRelative } from '../../lib/format.ts';
import { showFieldErrors, zodValidate } from '../../lib/forms.ts';
import { SettingsSection } from './settings-section.tsx';

function NewTokenModal({ token, onClose }: { token: CreatedToken | null; onClose: () => void }) {
  return (
    <Modal
      opened={token !== null}
      onClose={onClose}
      title="Your new API token"
      closeOnClickOutside={false}
      size="lg"
    >
      {token ? (
        <Stack gap="md">
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} aria-hidden="true" />}>
            Copy it now. You won’t see it again: Tandem keeps only a fingerprint of it.
          </Alert>
          <Stack gap={6}>
            <Text fz="sm" fw={500} id="new-token-label">
              {token.name}
            </Text>
            <Code block className="tandem-token" aria-labelledby="new-token-label" data-testid="new-token">
              {token.token}
            </Code>
          </Stack>
          <Text fz="sm" c="dimmed">
            Send it as <Code>Authorization: Bearer …</Code> with each request. It acts as you, with your
            access.
          </Text>
          <Group justify="flex-end" gap="sm">
            <CopyButton value={token.token}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'light' : 'filled'}
                  color={copied ? 'teal' : undefined}
                  leftSection={
                    copied ? (
                      <IconCheck size={16} aria-hidden="true" />
                    ) : (
                      <IconCopy size={16} aria-hidden="true" />
                    )
                  }
                  onClick={copy}
                >
                  {copied ? 'Copied' : 'Copy token'}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={onClose}>
              Done
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}

function RevokeButton({ token }: { token: ApiTokenView }) {
  const queryClient = useQueryClient();
  const [isConfirming, setConfirming] = useState(false);
  const mutation = useMutation({
    mutationFn: () => deleteToken(token.id),
    onSuccess: async () => {
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: tokensQuery.queryKey });
      notifications.show({ color: 'teal', message: `“${token.name}” no longer works.` });
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: 'Could not revoke', message: describeError(error) }),
  });
  return (
    <>
      <Button variant="subtle" color="red" size="compact-sm" onClick={() => setConfirming(true)}>
        Revoke<span className="tandem-sr-only"> {token.name}</span>
      </Button>
      <Modal opened={isConfirming} onClose={() => setConfirming(false)} title={`Revoke “${token.name}”?`}>
        <Stack gap="md">
          <Text fz="sm">
            Scripts and integrations that use this token stop working at once. This cannot be undone.
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
            <Button color="red.9" loading={mutation.isPending} onClick={() => mutation.mutate()}>
              Revoke token
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

export function TokensTab() {
  const queryClient = useQueryClient();
  const tokens = useQuery(tokensQuery);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { name: '' },
    validate: zodValidate(ApiTokenCreateInput),
  });
  const mutation = useMutation({
    mutationFn: (values: { name: string }) => createToken(values.name.trim()),
    onSuccess: async (token) => {
      setCreated(token);
      form.reset();
      await queryClient.invalidateQueries({ queryKey: tokensQuery.queryKey });
    },
    onError: (error) => showFieldErrors(form, error, ['name']),
  });

  return (
    <Stack gap="md">
      <SettingsSection
        title="Create a token"
        description="Personal API tokens let scripts, the tandem command and integrations call the API as you."
      >
        <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
          <Stack gap="md" maw={420}>
            <ErrorAlert error={form.errors.name ? null : mutation.error} />
            <TextInput
              label="Token name"
              description="Say where it will be used, so you know what breaks if you revoke it."
              placeholder="e.g. Calendar sync on my laptop"
              required
              key={form.key('name')}
              {...form.getInputProps('name')}
            />
            <Group>
              <Button
                type="submit"
                loading={mutation.isPending}
                leftSection={<IconKey size={16} aria-hidden="true" />}
              >
                Create token
              </Button>
            </Group>
          </Stack>
        </form>
      </SettingsSection>

      <SettingsSection
        title="Your tokens"
        description="Revoke a token you no longer use, or one that may have leaked."
      >
        {tokens.isPending ? (
          <Skeleton h={80} />
        ) : tokens.isError ? (
          <ErrorAlert error={tokens.error} />
        ) : tokens.data.length === 0 ? (
          <EmptyState
            size="sm"
            align="left"
            icon={<IconKey size={22} stroke={1.6} aria-hidden="true" />}
            withIndicatorBackground
            title="No tokens yet"
            description="Create one when a script or an integration needs to reach Tandem."
          />
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Token</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th>Last used</Table.Th>
                  <Table.Th>
                    <span className="tandem-sr-only">Actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.data.map((token) => (
                  <Table.Tr key={token.id}>
                    <Table.Td fw={500}>{token.name}</Table.Td>
                    <Table.Td>
                      <Code>{token.displayPrefix}…</Code>
                    </Table.Td>
                    <Table.Td fz="sm" className="tandem-nowrap">
                      {formatDate(token.createdAt)}
                    </Table.Td>
                    <Table.Td fz="sm" c={token.lastUsedAt ? undefined : 'dimmed'}>
                      {token.lastUsedAt ? formatRelative(token.lastUsedAt) : 'Never'}
                    </Table.Td>
                    <Table.Td ta="right">
                      <RevokeButton token={token} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </SettingsSection>
      <NewTokenModal token={created} onClose={() => setCreated(null)} />
    </Stack>
  );
}
