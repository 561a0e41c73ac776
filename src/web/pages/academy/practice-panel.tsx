import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconMessageCircle, IconSend } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { PracticeSessionView } from '../../../contracts/academy.ts';
import { academyKey, type ModuleView, practiceQuery, sayLine, startPractice } from '../../api/academy.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PersonAvatar } from '../../components/person-avatar.tsx';
import { firstName } from '../../lib/format.ts';
import { actLabels, verdictLabels } from '../../lib/meeting-labels.ts';

type Line = PracticeSessionView['lines'][number];

function ChatLine({ line, persona }: { line: Line; persona: string }) {
  const isLearner = line.speaker === 'learner';
  return (
    <Stack gap={4} className="tandem-chat-line" data-speaker={line.speaker}>
      <Text fz="xs" fw={600} c="dimmed">
        {isLearner ? 'You' : persona}
      </Text>
      <Text fz="sm">{line.text}</Text>
      {isLearner && (line.act || line.feedback) ? (
        <Group gap={6} align="flex-start" wrap="nowrap" data-testid="line-feedback">
          {line.act ? (
            <Badge color={actLabels[line.act].color} style={{ flexShrink: 0 }}>
              {actLabels[line.act].single}
            </Badge>
          ) : null}
          {line.feedback ? <Text fz="xs">{line.feedback}</Text> : null}
        </Group>
      ) : null}
    </Stack>
  );
}

function Result({ session }: { session: PracticeSessionView }) {
  const result = session.result;
  if (!result) return null;
  const verdict = result.verdict ? verdictLabels[result.verdict] : null;
  return (
    <Alert color={verdict?.color ?? 'gray'} variant="light" title="The role-play is over" role="status">
      <Stack gap={4}>
        <Text fz="sm">
          Score:{' '}
          <Text span fw={700} fz="sm">
            {result.score === null ? 'not measured' : `${Math.round(result.score)} / 100`}
          </Text>
          {verdict ? ` · ${verdict.label}` : ''}
        </Text>
        {verdict ? <Text fz="sm">{verdict.sentence}</Text> : null}
        <Text fz="xs" c="dimmed">
          The transcript above is yours alone: your manager and cohort owners see only the score.
        </Text>
      </Stack>
    </Alert>
  );
}

function Conversation({
  org,
  sessionId,
  onRestart,
}: {
  org: string;
  sessionId: string;
  onRestart: () => void;
}) {
  const queryClient = useQueryClient();
  const session = useQuery(practiceQuery(org, sessionId));
  const [text, setText] = useState('');
  const end = useRef<HTMLDivElement>(null);
  const say = useMutation({
    mutationFn: (line: string) => sayLine(org, sessionId, line),
    onSuccess: async (turn) => {
      setText('');
      queryClient.setQueryData(practiceQuery(org, sessionId).queryKey, turn.session);
      if (turn.isFinished) await queryClient.invalidateQueries({ queryKey: academyKey(org) });
    },
  });
  const lineCount = session.data?.lines.length ?? 0;
  useEffect(() => {
    if (lineCount > 0) end.current?.scrollIntoView({ block: 'nearest' });
  }, [lineCount]);
  if (session.isPending) return null;
  if (session.isError) return <ErrorAlert error={session.error} />;
  const data = session.data;
  const persona = firstName(data.persona.name);
  return (
    <Stack gap="md">
      <Card padding="md">
        <Stack gap="sm" className="tandem-chat" aria-label={`Role-play with ${data.persona.name}`} role="log">
          {data.lines.map((line, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a transcript only grows at its end
            <ChatLine key={index} line={line} persona={persona} />
          ))}
          <div ref={end} />
        </Stack>
      </Card>
      {data.isFinished ? (
        <>
          <Result session={data} />
          <Group>
            <Button variant="default" onClick={onRestart}>
              Practise again
            </Button>
          </Group>
        </>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (text.trim()) say.mutate(text.trim());
          }}
        >
          <Stack gap="xs">
            <ErrorAlert error={say.error} />
            <Textarea
              label={`What do you say to ${persona}?`}
              description="Each line is read at once: you see how it landed and what they answer."
              autosize
              minRows={2}
              maxLength={1000}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && !event.shiftKey) {
                  event.preventDefault();
                  if (text.trim()) say.mutate(text.trim());
                }
              }}
            />
            <Group>
              <Button
                type="submit"
                loading={say.isPending}
                leftSection={<IconSend size={16} aria-hidden="true" />}
              >
                Say it
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

export function PracticePanel({ org, module }: { org: string; module: ModuleView }) {
  const queryClient = useQueryClient();
  const latest = module.practice.sessions[0];
  const [sessionId, setSessionId] = useState<string | null>(latest && !latest.finishedAt ? latest.id : null);
  const start = useMutation({
    mutationFn: () => startPractice(org, module.id),
    onSuccess: async (session) => {
      queryClient.setQueryData(practiceQuery(org, session.id).queryKey, session);
      setSessionId(session.id);
      await queryClient.invalidateQueries({ queryKey: [...academyKey(org), 'module', module.id] });
    },
  });
  const { persona } = module.practice;
  return (
    <Stack gap="md">
      <Card padding="lg">
        <Group gap="md" wrap="nowrap" align="flex-start">
          <PersonAvatar name={persona.name} size="lg" />
          <Stack gap={4}>
            <Title order={2} size="h4">
              {persona.name}
            </Title>
            <Text fz="sm" c="dimmed">
              {persona.role}
            </Text>
            <Text fz="sm">{persona.situation}</Text>
          </Stack>
        </Group>
        <Text fz="sm" mt="md" fw={500}>
          {module.practice.brief}
        </Text>
        {module.progress.practiceScore !== null ? (
          <Text fz="sm" c="dimmed" mt="xs">
            Your best score: {Math.round(module.progress.practiceScore)} / 100.
          </Text>
        ) : null}
      </Card>
      <ErrorAlert error={start.error} />
      {sessionId ? (
        <Conversation key={sessionId} org={org} sessionId={sessionId} onRestart={() => start.mutate()} />
      ) : (
        <Group>
          <Button
            loading={start.isPending}
            leftSection={<IconMessageCircle size={16} aria-hidden="true" />}
            onClick={() => start.mutate()}
          >
            Start the role-play
          </Button>
        </Group>
      )}
    </Stack>
  );
}
