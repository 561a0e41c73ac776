import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconBulb, IconTrash } from '@tabler/icons-react';
import type { AgendaItemView } from '../../../contracts/meetings.ts';
import type { AgendaItemType } from '../../api/meetings.ts';
import { firstName } from '../../lib/format.ts';
import { agendaTypeLabels, agendaTypeOptions } from '../../lib/meeting-labels.ts';

function TypeDot({ type }: { type: AgendaItemType }) {
  return (
    <span
      aria-hidden="true"
      style={{
        width: 8,
        height: 8,
        borderRadius: 99,
        background: `var(--mantine-color-${agendaTypeLabels[type].color}-filled)`,
      }}
    />
  );
}

interface AgendaRowProps {
  item: AgendaItemView;
  isSelected: boolean;
  isFirst: boolean;
  isLast: boolean;
  isReport: boolean;
  isMovingToStatus: boolean;
  onSelect: () => void;
  onCovered: (isCovered: boolean) => void;
  onType: (type: AgendaItemType) => void;
  onMove: (step: -1 | 1) => void;
  onRemove: () => void;
  onMoveToStatus: () => void;
}

/** One topic: covered or not, its type, its place in the order, and the nudge for status items. */
export function AgendaRow({
  item,
  isSelected,
  isFirst,
  isLast,
  isReport,
  isMovingToStatus,
  onSelect,
  onCovered,
  onType,
  onMove,
  onRemove,
  onMoveToStatus,
}: AgendaRowProps) {
  return (
    <li className="tandem-agenda-row" data-selected={isSelected || undefined}>
      <Group gap="xs" wrap="wrap" align="flex-start" justify="flex-end">
        <Group gap="sm" wrap="nowrap" align="flex-start" style={{ flex: '1 1 15rem', minWidth: 0 }}>
          <Checkbox
            mt={3}
            checked={item.isCovered}
            onChange={(event) => onCovered(event.currentTarget.checked)}
            aria-label={`Covered: ${item.title}`}
          />
          <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
            <UnstyledButton onClick={onSelect} aria-pressed={isSelected} className="tandem-agenda-title">
              <Text fz="sm" fw={500} c={item.isCovered ? 'dimmed' : undefined}>
                {item.title}
              </Text>
            </UnstyledButton>
            <Group gap={6} wrap="wrap">
              <Text fz="xs" c="dimmed">
                added by {firstName(item.authorName)}
              </Text>
              {isSelected ? (
                <Text fz="xs" c="var(--mantine-color-anchor)" hiddenFrom="lg">
                  · questions below
                </Text>
              ) : null}
            </Group>
            {item.isStatusNudged ? (
              <Group gap="xs" wrap="wrap" className="tandem-status-nudge">
                <IconBulb size={16} aria-hidden="true" />
                <Text fz="xs" fw={500}>
                  Status belongs in the async update
                </Text>
                {isReport ? (
                  <Button
                    size="compact-xs"
                    variant="white"
                    color="dark"
                    loading={isMovingToStatus}
                    onClick={onMoveToStatus}
                  >
                    Move to status update
                  </Button>
                ) : (
                  <Text fz="xs">so the 1:1 can go deeper.</Text>
                )}
              </Group>
            ) : null}
          </Stack>
        </Group>
        <Group gap={4} wrap="nowrap" align="center">
          <NativeSelect
            size="xs"
            w={118}
            aria-label={`Type of “${item.title}”`}
            leftSection={<TypeDot type={item.type} />}
            data={agendaTypeOptions}
            value={item.type}
            onChange={(event) => onType(event.currentTarget.value as AgendaItemType)}
          />
          <ActionIcon
            id={`agenda-up-${item.id}`}
            variant="subtle"
            color="gray"
            disabled={isFirst}
            onClick={() => onMove(-1)}
            aria-label={`Move “${item.title}” up`}
          >
            <IconArrowUp size={16} aria-hidden="true" />
          </ActionIcon>
          <ActionIcon
            id={`agenda-down-${item.id}`}
            variant="subtle"
            color="gray"
            disabled={isLast}
            onClick={() => onMove(1)}
            aria-label={`Move “${item.title}” down`}
          >
            <IconArrowDown size={16} aria-hidden="true" />
          </ActionIcon>
          <Tooltip label="Remove topic">
            <ActionIcon
              variant="subtle"
              color="gray"
              onClick={onRemove}
              aria-label={`Remove “${item.title}”`}
            >
              <IconTrash size={16} aria-hidden="true" />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
    </li>
  );
}
