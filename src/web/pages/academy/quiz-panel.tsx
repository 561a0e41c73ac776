import { Alert, Badge, Button, Card, Group, Radio, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { academyKey, type ModuleView, type QuizResultView, submitQuiz } from '../../api/academy.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

export function QuizPanel({ org, module, onNext }: { org: string; module: ModuleView; onNext: () => void }) {
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<(number | null)[]>(() => module.quiz.map(() => null));
  const [result, setResult] = useState<QuizResultView | null>(null);
  const submit = useMutation({
    mutationFn: () =>
      submitQuiz(
        org,
        module.id,
        answers.map((answer) => answer ?? 0),
      ),
    onSuccess: async (marked) => {
      setResult(marked);
      await queryClient.invalidateQueries({ queryKey: academyKey(org) });
    },
  });
  const isComplete = answers.every((answer) => answer !== null);
  const best = module.progress.quizScore;

  return (
    <Stack gap="md">
      {best !== null && !result ? (
        <Text fz="sm" c="dimmed">
          Your best score so far: {Math.round(best * 100)}%.{' '}
          {module.progress.quizPassedAt ? 'Passed.' : 'You pass at 80%.'}
        </Text>
      ) : null}
      {module.quiz.map((question) => {
        const marked = result?.questions.find((q) => q.index === question.index);
        return (
          <Card key={question.index} padding="lg">
            <Radio.Group
              label={`${question.index + 1}. ${question.question}`}
              value={answers[question.index] === null ? null : String(answers[question.index])}
              onChange={(value) => {
                setResult(null);
                setAnswers((current) => current.map((a, i) => (i === question.index ? Number(value) : a)));
              }}
              styles={{ label: { fontWeight: 600, marginBottom: 8, lineHeight: 1.45 } }}
            >
              <Stack gap="xs">
                {question.options.map((option, index) => (
                  <Radio key={option} value={String(index)} label={option} />
                ))}
              </Stack>
            </Radio.Group>
            {marked ? (
              <Alert
                mt="md"
                color={marked.isCorrect ? 'teal' : 'orange'}
                variant="light"
                icon={
                  marked.isCorrect ? (
                    <IconCircleCheck size={18} aria-hidden="true" />
                  ) : (
                    <IconCircleX size={18} aria-hidden="true" />
                  )
                }
                title={
                  marked.isCorrect ? 'Right' : `Not quite: the answer is “${question.options[marked.answer]}”`
                }
              >
                {marked.explanation}
              </Alert>
            ) : null}
          </Card>
        );
      })}
      <ErrorAlert error={submit.error} />
      {result ? (
        <Alert color={result.isPassed ? 'teal' : 'orange'} variant="light" role="status">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Group gap="xs">
              <Badge color={result.isPassed ? 'teal' : 'orange'}>
                {result.isPassed ? 'Passed' : 'Not passed'}
              </Badge>
              <Text fz="sm">
                {result.correct} of {result.total} right ({Math.round(result.score * 100)}%).
                {result.isPassed ? '' : ' Read the explanations and try again: you pass at 80%.'}
              </Text>
            </Group>
            {result.isPassed ? (
              <Button size="xs" variant="default" onClick={onNext}>
                On to the role-play
              </Button>
            ) : null}
          </Group>
        </Alert>
      ) : null}
      <Group>
        <Button disabled={!isComplete} loading={submit.isPending} onClick={() => submit.mutate()}>
          {result ? 'Check my answers again' : 'Check my answers'}
        </Button>
        {!isComplete ? (
          <Text fz="sm" c="dimmed">
            Answer every question to check them.
          </Text>
        ) : null}
      </Group>
    </Stack>
  );
}
