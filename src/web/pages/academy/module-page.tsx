import './academy.css';
import { Badge, Group, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { IconBook, IconBulb, IconCheck, IconListCheck, IconMessages, IconTarget } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { createLazyRoute, useNavigate } from '@tanstack/react-router';
import type { ModuleProgress } from '../../../contracts/academy.ts';
import { moduleQuery } from '../../api/academy.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useCurrentOrg } from '../../lib/use-org.ts';
import type { ModulePart } from '../../router.tsx';
import { AssignmentPanel } from './assignment-panel.tsx';
import { ExamplePanel, LessonPanel } from './lesson-panel.tsx';
import { ModuleProgressBar } from './module-progress.tsx';
import { PracticePanel } from './practice-panel.tsx';
import { QuizPanel } from './quiz-panel.tsx';

export const Route = createLazyRoute('/o/$org/academy/$moduleId')({ component: ModulePage });

const parts: {
  value: ModulePart;
  label: string;
  icon: typeof IconBook;
  isDone: (p: ModuleProgress) => boolean;
}[] = [
  { value: 'lesson', label: 'Lesson', icon: IconBook, isDone: (p) => p.lessonReadAt !== null },
  { value: 'example', label: 'Worked example', icon: IconBulb, isDone: () => false },
  { value: 'quiz', label: 'Quiz', icon: IconListCheck, isDone: (p) => p.quizPassedAt !== null },
  {
    value: 'practice',
    label: 'Role-play',
    icon: IconMessages,
    isDone: (p) => p.practiceCompletedAt !== null,
  },
  {
    value: 'assignment',
    label: 'Assignment',
    icon: IconTarget,
    isDone: (p) => p.assignment.status === 'met',
  },
];

function ModulePage() {
  const { slug } = useCurrentOrg();
  const { moduleId } = Route.useParams();
  const { part = 'lesson' } = Route.useSearch();
  const navigate = useNavigate({ from: '/o/$org/academy/$moduleId' });
  const module = useQuery(moduleQuery(slug, moduleId));
  const go = (next: ModulePart) => {
    void navigate({ search: { part: next === 'lesson' ? undefined : next } });
    window.scrollTo({ top: 0 });
  };

  if (module.isPending) return <Skeleton h={420} radius="lg" />;
  if (module.isError) return <ErrorAlert error={module.error} />;
  const data = module.data;
  return (
    <>
      <PageHeader
        eyebrow={
          <AnchorLink to="/o/$org/academy" params={{ org: slug }} fz="sm" c="dimmed" w="fit-content">
            ← Leader Academy
          </AnchorLink>
        }
        title={data.title}
        description={data.summary}
        actions={
          <Stack gap={6} w={{ base: '100%', xs: 220 }}>
            <Group gap="xs">
              <Badge color="gray">Module {data.order}</Badge>
              <Text fz="xs" c="dimmed">
                {data.minutes} min
              </Text>
            </Group>
            <ModuleProgressBar progress={data.progress} label="Your progress" />
          </Stack>
        }
      />
      <Tabs value={part} onChange={(value) => value && go(value as ModulePart)} keepMounted={false}>
        <Tabs.List mb="lg" className="tandem-tabs-list">
          {parts.map((p) => (
            <Tabs.Tab
              key={p.value}
              value={p.value}
              leftSection={
                p.isDone(data.progress) ? (
                  <IconCheck size={16} aria-hidden="true" color="var(--mantine-color-success)" />
                ) : (
                  <p.icon size={16} aria-hidden="true" />
                )
              }
            >
              {p.label}
              {p.isDone(data.progress) ? <span className="tandem-sr-only"> (done)</span> : null}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="lesson">
          <LessonPanel org={slug} module={data} onNext={() => go('example')} />
        </Tabs.Panel>
        <Tabs.Panel value="example">
          <ExamplePanel module={data} onNext={() => go('quiz')} />
        </Tabs.Panel>
        <Tabs.Panel value="quiz">
          <QuizPanel key={data.id} org={slug} module={data} onNext={() => go('practice')} />
        </Tabs.Panel>
        <Tabs.Panel value="practice">
          <PracticePanel key={data.id} org={slug} module={data} />
        </Tabs.Panel>
        <Tabs.Panel value="assignment">
          <AssignmentPanel org={slug} module={data} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
