import {
  ActionIcon,
  Badge,
  Button,
  Group,
  List,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { MeetingTemplateInput, type TemplateView } from '../../../contracts/questions.ts';
import {
  addTemplate,
  removeTemplate,
  type TemplateInput,
  templatesKey,
  templatesQuery,
} from '../../api/question-bank.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { slugify } from '../../lib/format.ts';
import { showFieldErrors, zodValidate } from '../../lib/forms.ts';
import { notifyDone, notifyFailed } from '../../lib/notify.ts';
import { useCurrentOrg } from '../../lib/use-org.ts';
import { SettingsSection } from './settings-section.tsx';

interface StepValues {
  key: string;
  title: string;
  prompt: string;
}
interface Values {
  key: string;
  name: string;
  description: string;
  steps: StepValues[];
}

const emptyStep = (): StepValues => ({ key: '', title: '', prompt: '' });

function toInput(values: Values): TemplateInput {
  return {
    key: values.key.trim() || slugify(values.name),
    name: values.name.trim(),
    description: values.description.trim(),
    steps: values.steps.map((step, index) => ({
      key: step.key || slugify(step.title) || `step-${index + 1}`,
      title: step.title.trim(),
      prompt: step.prompt.trim(),
    })),
  };
}

function AddTemplateForm() {
  const { slug } = useCurrentOrg();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { key: '', name: '', description: '', steps: [emptyStep(), emptyStep()] },
    validate: (values) => zodValidate(MeetingTemplateInput)(toInput(values)),
  });
  const mutation = useMutation({
    mutationFn: (values: Values) => addTemplate(slug, toInput(values)),
    onSuccess: async (template) => {
      form.reset();
      await queryClient.invalidateQueries({ queryKey: templatesKey(slug) });
      notifyDone(`“${template.name}” can now be chosen for a 1:1.`);
    },
    onError: (error) => showFieldErrors(form, error, ['key', 'name', 'description']),
  });
  return (
    <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
      <Stack gap="md" maw={560}>
        <ErrorAlert error={form.errors.key || form.errors.name ? null : mutation.error} />
        <Group grow align="flex-start">
          <TextInput
            label="Name"
            placeholder="Quarterly career check-in"
            required
            {...form.getInputProps('name')}
          />
          <TextInput
            label="Key"
            description="Lowercase letters, digits and dashes."
            placeholder={slugify(form.values.name) || 'career-check-in'}
            {...form.getInputProps('key')}
          />
        </Group>
        <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
        <Stack gap="sm" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
          <Text component="legend" fz="sm" fw={500} mb={4}>
            Steps, in the order the 1:1 follows them
          </Text>
          {form.values.steps.map((_, index) => (
            <Group key={form.key(`steps.${index}`)} align="flex-start" wrap="nowrap" gap="xs">
              <Stack gap={6} style={{ flex: 1 }}>
                <TextInput
                  label={`Step ${index + 1}`}
                  placeholder="e.g. Where do you want to be in a year?"
                  required
                  {...form.getInputProps(`steps.${index}.title`)}
                />
                <TextInput
                  label={`Prompt for step ${index + 1}`}
                  placeholder="A question or a hint for the leader"
                  {...form.getInputProps(`steps.${index}.prompt`)}
                />
              </Stack>
              <ActionIcon
                variant="subtle"
                color="red"
                mt={26}
                disabled={form.values.steps.length === 1}
                aria-label={`Remove step ${index + 1}`}
                onClick={() => form.removeListItem('steps', index)}
              >
                <IconTrash size={16} aria-hidden="true" />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="default"
              size="xs"
              disabled={form.values.steps.length >= 12}
              leftSection={<IconPlus size={14} aria-hidden="true" />}
              onClick={() => form.insertListItem('steps', emptyStep())}
            >
              Add a step
            </Button>
          </Group>
        </Stack>
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            Add template
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TemplateRow({ template }: { template: TemplateView }) {
  const { slug } = useCurrentOrg();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => removeTemplate(slug, template.key),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: templatesKey(slug) });
      notifyDone(`“${template.name}” is removed; 1:1s already using it keep their flow.`);
    },
    onError: (error) => notifyFailed('Could not remove the template', error),
  });
  return (
    <Stack gap={6} className="tandem-list-row" py="sm">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="xs">
          <Title order={3} size="h5">
            {template.name}
          </Title>
          <Badge color={template.isCustom ? 'tandem' : 'gray'}>
            {template.isCustom ? 'Ours' : 'Built in'}
          </Badge>
        </Group>
        {template.isCustom ? (
          <Button
            variant="subtle"
            color="red"
            size="compact-sm"
            loading={remove.isPending}
            onClick={() => remove.mutate()}
          >
            Remove<span className="tandem-sr-only"> {template.name}</span>
          </Button>
        ) : null}
      </Group>
      {template.description ? (
        <Text fz="sm" c="dimmed">
          {template.description}
        </Text>
      ) : null}
      <List type="ordered" fz="sm" spacing={2}>
        {template.steps.map((step) => (
          <List.Item key={step.key}>{step.title}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

export function TemplatesTab() {
  const { slug } = useCurrentOrg();
  const templates = useQuery(templatesQuery(slug));
  return (
    <Stack gap="md">
      <SettingsSection
        title="Meeting templates"
        description="The flows a 1:1 can follow. Pick one when you start a series."
      >
        {templates.isPending ? (
          <Skeleton h={160} />
        ) : templates.isError ? (
          <ErrorAlert error={templates.error} />
        ) : (
          <Stack gap={0}>
            {templates.data.map((template) => (
              <TemplateRow key={template.key} template={template} />
            ))}
          </Stack>
        )}
      </SettingsSection>
      <SettingsSection
        title="Add a template"
        description="A flow of your own: a few steps, each with an optional prompt."
      >
        <AddTemplateForm />
      </SettingsSection>
    </Stack>
  );
}
