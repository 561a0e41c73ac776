import { Accordion, Anchor, Badge, EmptyState, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconMail } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { OutboxMessageView } from '../../../contracts/organizations.ts';
import { outboxQuery } from '../../api/organizations.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useCurrentOrg } from '../../lib/use-org.ts';
import { SettingsSection } from './settings-section.tsx';

const deliveryLabel: Record<OutboxMessageView['delivery'], { label: string; colour: string }> = {
  outbox: { label: 'Not sent', colour: 'gray' },
  sent: { label: 'Sent', colour: 'teal' },
  failed: { label: 'Failed', colour: 'red' },
};

/** Message text with its links clickable, so an admin can pass on an invitation by hand. */
function MessageText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return (
    <pre className="tandem-pre">
      {parts.map((part, index) =>
        /^https?:\/\//.test(part) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text
          <Anchor key={index} href={part} style={{ wordBreak: 'break-all' }}>
            {part}
          </Anchor>
        ) : (
          part
        ),
      )}
    </pre>
  );
}

export function OutboxTab() {
  const { slug } = useCurrentOrg();
  const outbox = useQuery(outboxQuery(slug));
  return (
    <SettingsSection
      title="Outbox"
      description="Every email Tandem wrote for this organization. With no mail server configured, messages stay here: copy a link from one to pass it on yourself."
    >
      {outbox.isPending ? (
        <Skeleton h={120} />
      ) : outbox.isError ? (
        <ErrorAlert error={outbox.error} />
      ) : outbox.data.length === 0 ? (
        <EmptyState
          size="sm"
          align="left"
          icon={<IconMail size={22} stroke={1.6} aria-hidden="true" />}
          withIndicatorBackground
          title="No emails yet"
          description="Invitations and password resets appear here as they are written."
        />
      ) : (
        <Accordion variant="separated" chevronPosition="right">
          {outbox.data.map((message) => (
            <Accordion.Item key={message.id} value={message.id}>
              <Accordion.Control>
                <Stack gap={2}>
                  <Group gap="xs" wrap="wrap">
                    <Text fz="sm" fw={600}>
                      {message.subject}
                    </Text>
                    <Badge size="xs" color={deliveryLabel[message.delivery].colour}>
                      {deliveryLabel[message.delivery].label}
                    </Badge>
                  </Group>
                  <Text fz="xs" c="dimmed">
                    To {message.to} · {formatDateTime(message.createdAt)}
                  </Text>
                </Stack>
              </Accordion.Control>
              <Accordion.Panel>
                <MessageText text={message.text} />
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </SettingsSection>
  );
}
