import { Badge, Button, Group, Select, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CustomQuestionInput, type QuestionView } from '../../../contracts/questions.ts';
import { growStages, questionCategories } from '../../../core/questions/question-bank.ts';
import {
  addQuestion,
  type CustomQuestion,
  questionBankKey,
  questionBankQuery,
  removeQuestion,
} from '../../api/question-bank.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { showFieldErrors, zodValidate } from '../../lib/forms.ts';
import { notifyDone, notifyFailed } from '../../lib/notify.ts';
import { useCurrentOrg } from '../../lib/use-org.ts';
import { SettingsSection } from './settings-section.tsx';

const growLabels: Record<(typeof growStages)[number], string> = {
  goal: 'Goal',
  reality: 'Reality',
  options: 'Options',
  will: 'Will (way forward)',
};

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

function AddQuestionForm() {
  const { slug } = useCurrentOrg();
  const queryClient = useQueryClient();
  const form = useForm<CustomQuestion>({
    mode: 'uncontrolled',
    initialValues: { text: '', grow: 'reality', category: 'strategy' },
    validate: zodValidate(CustomQuestionInput),
  });
  const mutation = useMutation({
    mutationFn: (values: CustomQuestion) => addQuestion(slug, { ...values, text: values.text.trim() }),
    onSuccess: async () => {
      form.reset();
      await queryClient.invalidateQueries({ queryKey: questionBankKey(slug) });
      notifyDone('The question is in your bank and will be suggested in 1:1s.');
    },
    onError: (error) => showFieldErrors(form, error, ['text', 'grow', 'category']),
  });
  return (
    <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
      <Stack gap="md" maw={520}>
        <ErrorAlert error={form.errors.text ? null : mutation.error} />
        <TextInput
          label="Question"
          description="One breath, ending with a question mark."
          placeholder="What would make this week a win for you?"
          required
          key={form.key('text')}
          {...form.getInputProps('text')}
        />
        <Group grow align="flex-start">
          <Select
            label="GROW stage"
            data={growStages.map((value) => ({ value, label: growLabels[value] }))}
            allowDeselect={false}
            key={form.key('grow')}
            {...form.getInputProps('grow')}
          />
          <Select
            label="Theme"
            data={questionCategories.map((value) => ({ value, label: capitalised(value) }))}
            allowDeselect={false}
            key={form.key('category')}
            {...form.getInputProps('category')}
          />
        </Group>
        <Group>
          <Button
            type="submit"
            loading={mutation.isPending}
            leftSection={<IconPlus size={16} aria-hidden="true" />}
          >
            Add question
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function QuestionRow({ question }: { question: QuestionView }) {
  const { slug } = useCurrentOrg();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => removeQuestion(slug, question.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: questionBankKey(slug) });
      notifyDone('The question is no longer suggested.');
    },
    onError: (error) => notifyFailed('Could not remove the question', error),
  });
  return (
    <Group className="tandem-list-row" py="sm" justify="space-between" wrap="nowrap" align="flex-start">
      <Stack gap={4} style={{ minWidth: 0 }}>
        <Text fz="sm">{question.text}</Text>
        <Group gap={6}>
          <Badge color="gray">{growLabels[question.grow]}</Badge>
          <Badge color="gray">{capitalised(question.category)}</Badge>
          {question.isCustom ? <Badge color="tandem">Ours</Badge> : null}
        </Group>
      </Stack>
      {question.isCustom ? (
        <Button
          variant="subtle"
          color="red"
          size="compact-sm"
          loading={remove.isPending}
          onClick={() => remove.mutate()}
        >
          Remove<span className="tandem-sr-only"> “{question.text}”</span>
        </Button>
      ) : null}
    </Group>
  );
}

function QuestionSearch() {
  const { slug } = useCurrentOrg();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 250);
  const questions = useQuery(questionBankQuery(slug, q));
  return (
    <Stack gap="sm">
      <TextInput
        label="Search the bank"
        placeholder="e.g. priorities, feedback, blocked"
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
      />
      {questions.isPending ? (
        <Skeleton h={160} />
      ) : questions.isError ? (
        <ErrorAlert error={questions.error} />
      ) : questions.data.length === 0 ? (
        <Text fz="sm" c="dimmed">
          No question matches “{q}”.
        </Text>
      ) : (
        <Stack gap={0} aria-label="Questions">
          {questions.data.map((question) => (
            <QuestionRow key={question.id} question={question} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

export function QuestionsTab() {
  return (
    <Stack gap="md">
      <SettingsSection
        title="Add a question"
        description="Your organization's own coaching questions are suggested in 1:1s beside the ones Tandem ships."
      >
        <AddQuestionForm />
      </SettingsSection>
      <SettingsSection
        title="Question bank"
        description="Shipped questions stay; the ones marked “Ours” can be removed."
      >
        <QuestionSearch />
      </SettingsSection>
    </Stack>
  );
}
