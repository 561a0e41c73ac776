import { Alert, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconBook, IconCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { academyKey, type ModuleView, markLessonRead } from '../../api/academy.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { MarkdownView } from '../../components/markdown-view.tsx';
import { formatDate } from '../../lib/format.ts';

export function LessonPanel({
  org,
  module,
  onNext,
}: {
  org: string;
  module: ModuleView;
  onNext: () => void;
}) {
  const queryClient = useQueryClient();
  const read = useMutation({
    mutationFn: () => markLessonRead(org, module.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: academyKey(org) });
      onNext();
    },
  });
  const readAt = module.progress.lessonReadAt;
  return (
    <Stack gap="md">
      <Card padding="lg">
        <Title order={2} size="h4" mb="xs">
          What you will be able to do
        </Title>
        <List fz="sm" spacing={4}>
          {module.objectives.map((objective) => (
            <List.Item key={objective}>{objective}</List.Item>
          ))}
        </List>
      </Card>
      <Card padding="lg" component="article" aria-label="Lesson">
        <MarkdownView>{module.lesson}</MarkdownView>
      </Card>
      <ErrorAlert error={read.error} />
      {readAt ? (
        <Alert color="teal" variant="light" icon={<IconCheck size={18} aria-hidden="true" />}>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text fz="sm">You read this lesson on {formatDate(readAt)}.</Text>
            <Button size="xs" variant="default" onClick={onNext}>
              On to the worked example
            </Button>
          </Group>
        </Alert>
      ) : (
        <Group>
          <Button
            loading={read.isPending}
            leftSection={<IconBook size={16} aria-hidden="true" />}
            onClick={() => read.mutate()}
          >
            I have read the lesson
          </Button>
        </Group>
      )}
    </Stack>
  );
}

export function ExamplePanel({ module, onNext }: { module: ModuleView; onNext: () => void }) {
  return (
    <Stack gap="md">
      <Card padding="lg" component="article" aria-label="Worked example">
        <MarkdownView>{module.workedExample}</MarkdownView>
      </Card>
      <Group>
        <Button variant="default" onClick={onNext}>
          On to the quiz
        </Button>
      </Group>
    </Stack>
  );
}
