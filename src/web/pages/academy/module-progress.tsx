import { Group, Progress, Text, ThemeIcon } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import type { ModuleProgress } from '../../../contracts/academy.ts';

/** The four parts of a module that count toward completing it, in the order they are taken. */
export function progressParts(progress: ModuleProgress): { label: string; isDone: boolean }[] {
  return [
    { label: 'Lesson read', isDone: progress.lessonReadAt !== null },
    { label: 'Quiz passed', isDone: progress.quizPassedAt !== null },
    { label: 'Role-play done', isDone: progress.practiceCompletedAt !== null },
    { label: 'Assignment met', isDone: progress.assignment.status === 'met' },
  ];
}

export function ModuleProgressBar({ progress, label }: { progress: ModuleProgress; label: string }) {
  const parts = progressParts(progress);
  const done = parts.filter((part) => part.isDone).length;
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress
        value={(done / parts.length) * 100}
        size="sm"
        style={{ flex: 1 }}
        aria-label={`${label}: ${done} of ${parts.length} parts done`}
        color={progress.isComplete ? 'teal' : undefined}
      />
      {progress.isComplete ? (
        <ThemeIcon size="sm" radius="xl" color="teal" variant="light" aria-hidden="true">
          <IconCheck size={12} />
        </ThemeIcon>
      ) : (
        <Text fz="xs" c="dimmed" className="tandem-tabular tandem-nowrap">
          {done}/{parts.length}
        </Text>
      )}
    </Group>
  );
}
