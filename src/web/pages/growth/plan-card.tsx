import { ActionIcon, Button, Card, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { DevelopmentPlanView } from '../../../contracts/growth.ts';
import { developmentPlanQuery, growthKey, saveDevelopmentPlan, skillsQuery } from '../../api/growth.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { notifyDone } from '../../lib/notify.ts';

interface Item {
  skillId: string;
  actions: string;
}

function PlanEditor({
  org,
  personId,
  plan,
  onDone,
}: {
  org: string;
  personId: string;
  plan: DevelopmentPlanView;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const skills = useQuery(skillsQuery(org));
  const initial: Item[] =
    plan.items.length > 0
      ? plan.items.map((item) => ({ skillId: item.skillId, actions: item.actions }))
      : plan.suggestions.slice(0, 3).map((s) => ({ skillId: s.skillId, actions: '' }));
  const [items, setItems] = useState<Item[]>(initial);
  const save = useMutation({
    mutationFn: () => saveDevelopmentPlan(org, personId, { items }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: growthKey(org) });
      notifyDone('The development plan is saved.');
      onDone();
    },
  });
  const options = (skills.data ?? []).map((skill) => ({ value: skill.id, label: skill.name }));
  return (
    <Stack gap="md">
      <ErrorAlert error={save.error} />
      {items.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a row is its position in the plan
        <Stack key={`${index}-${item.skillId}`} gap={6}>
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <Select
              style={{ flex: 1 }}
              label={`Skill ${index + 1}`}
              data={options.filter(
                (o) => o.value === item.skillId || !items.some((i) => i.skillId === o.value),
              )}
              value={item.skillId}
              allowDeselect={false}
              searchable
              onChange={(value) =>
                value && setItems(items.map((it, i) => (i === index ? { ...it, skillId: value } : it)))
              }
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={`Remove skill ${index + 1}`}
              onClick={() => setItems(items.filter((_, i) => i !== index))}
            >
              <IconTrash size={16} aria-hidden="true" />
            </ActionIcon>
          </Group>
          <Textarea
            label={`What you will do for skill ${index + 1}`}
            autosize
            minRows={2}
            value={item.actions}
            onChange={(e) => {
              const actions = e.currentTarget.value;
              setItems(items.map((it, i) => (i === index ? { ...it, actions } : it)));
            }}
          />
        </Stack>
      ))}
      <Group gap="sm">
        <Button
          variant="default"
          size="xs"
          disabled={items.length >= 3}
          leftSection={<IconPlus size={14} aria-hidden="true" />}
          onClick={() => {
            const free = options.find((o) => !items.some((i) => i.skillId === o.value));
            if (free) setItems([...items, { skillId: free.value, actions: '' }]);
          }}
        >
          Add a skill
        </Button>
        <Text fz="xs" c="dimmed">
          Three at most: focus beats breadth.
        </Text>
      </Group>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button loading={save.isPending} onClick={() => save.mutate()}>
          Save plan
        </Button>
      </Group>
    </Stack>
  );
}

export function PlanCard({ org, personId, canEdit }: { org: string; personId: string; canEdit: boolean }) {
  const plan = useQuery(developmentPlanQuery(org, personId));
  const [isEditing, setEditing] = useState(false);
  return (
    <Card padding="lg" component="section" aria-labelledby="plan-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="plan-title">
          Development plan
        </Title>
        {canEdit && !isEditing && plan.data ? (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPencil size={14} aria-hidden="true" />}
            onClick={() => setEditing(true)}
          >
            {plan.data.items.length > 0 ? 'Edit plan' : 'Make a plan'}
          </Button>
        ) : null}
      </Group>
      {plan.isError ? (
        <ErrorAlert error={plan.error} />
      ) : !plan.data ? null : isEditing ? (
        <PlanEditor org={org} personId={personId} plan={plan.data} onDone={() => setEditing(false)} />
      ) : plan.data.items.length === 0 ? (
        <Text fz="sm" c="dimmed">
          No plan yet.
          {plan.data.suggestions.length > 0
            ? ` The assessments point to ${plan.data.suggestions.map((s) => s.name).join(', ')}.`
            : ' Up to three skills to work on, each with what you will do and an Academy module.'}
        </Text>
      ) : (
        <Stack gap="sm">
          {plan.data.items.map((item, index) => (
            <Stack key={item.skillId} gap={2} className="tandem-list-row" pt="xs">
              <Text fz="sm" fw={600}>
                {index + 1}. {item.skillName}
              </Text>
              {item.actions ? <Text fz="sm">{item.actions}</Text> : null}
              {item.moduleId ? (
                <AnchorLink to="/o/$org/academy/$moduleId" params={{ org, moduleId: item.moduleId }} fz="xs">
                  Academy: {item.moduleTitle ?? 'the module'}
                </AnchorLink>
              ) : null}
            </Stack>
          ))}
        </Stack>
      )}
    </Card>
  );
}
