import {
  ActionIcon,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Radio,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { type PulseLead, pulseKey, schedulePulse } from '../../api/pulse.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { sentence } from '../../lib/forms.ts';
import { useCurrentOrg } from '../../lib/use-org.ts';

type Kind = 'scale' | 'choice' | 'text';
interface DraftQuestion {
  key: number;
  text: string;
  kind: Kind;
  options: string;
}

const MINIMUM_GROUP = 5;

function optionsOf(question: DraftQuestion): string[] {
  return question.options
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

function fieldError(error: unknown, path: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const found = error.fields.find(
    (field) => field.path === `body.${path}` || field.path.startsWith(`body.${path}.`),
  );
  return found ? sentence(found.message) : undefined;
}

interface ScheduleDialogProps {
  opened: boolean;
  onClose: () => void;
  leads: PulseLead[];
}

/** Schedules a pulse for a team the caller may ask; the server refuses scopes under five people. */
export function ScheduleDialog({ opened, onClose, leads }: ScheduleDialogProps) {
  const { slug } = useCurrentOrg();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [leadId, setLeadId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [scope, setScope] = useState<'tree' | 'direct'>('tree');
  const [cadence, setCadence] = useState<'once' | 'monthly' | 'quarterly'>('monthly');
  const [openDays, setOpenDays] = useState<number>(7);
  const [includesSafety, setIncludesSafety] = useState(true);
  const [includesEnps, setIncludesEnps] = useState(true);
  const [questions, setQuestions] = useState<DraftQuestion[]>([]);
  const [isChecked, setIsChecked] = useState(false);
  const lead = leads.find((candidate) => candidate.id === leadId);
  const size = lead ? (scope === 'tree' ? lead.treeSize : lead.directSize) : null;
  // Checked here first so the common mistakes get plain words; the server checks all again.
  const hasLocalErrors =
    !leadId ||
    (size !== null && size < MINIMUM_GROUP) ||
    questions.some(
      (question) =>
        question.text.trim() === '' || (question.kind === 'choice' && optionsOf(question).length < 2),
    );
  const schedule = useMutation({
    mutationFn: () =>
      schedulePulse(slug, {
        title: title.trim() || (lead ? `${lead.name}’s team pulse` : ''),
        teamLeadId: leadId ?? '',
        scope,
        cadence,
        openDays,
        includesSafety,
        includesEnps,
        customQuestions: questions.map((question) => ({
          text: question.text,
          kind: question.kind,
          options: question.kind === 'choice' ? optionsOf(question) : undefined,
        })),
      }),
    onSuccess: async (survey) => {
      await queryClient.invalidateQueries({ queryKey: pulseKey(slug) });
      onClose();
      await navigate({ to: '/o/$org/pulse/surveys/$surveyId', params: { org: slug, surveyId: survey.id } });
    },
  });
  const change = (key: number, patch: Partial<DraftQuestion>) =>
    setQuestions((current) =>
      current.map((question) => (question.key === key ? { ...question, ...patch } : question)),
    );
  const hasFieldErrors = schedule.error instanceof ApiError && schedule.error.fields.length > 0;
  return (
    <Modal opened={opened} onClose={onClose} title="Schedule a pulse" size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setIsChecked(true);
          if (!hasLocalErrors) schedule.mutate();
        }}
        noValidate
      >
        <Stack gap="md">
          {hasFieldErrors ? null : <ErrorAlert error={schedule.error} />}
          <Select
            label="Whose team?"
            description="The lead is never asked about their own team."
            placeholder="Choose a leader"
            searchable
            required
            data={leads.map((candidate) => ({
              value: candidate.id,
              label: `${candidate.name}${candidate.title ? ` · ${candidate.title}` : ''}`,
            }))}
            value={leadId}
            onChange={setLeadId}
            error={
              isChecked && !leadId
                ? 'Choose whose team is asked'
                : isChecked && size !== null && size < MINIMUM_GROUP
                  ? `This scope asks ${size}: choose a team of ${MINIMUM_GROUP} or more`
                  : fieldError(schedule.error, 'teamLeadId')
            }
            nothingFoundMessage="Nobody by that name"
          />
          <Radio.Group
            label="Who is asked"
            value={scope}
            onChange={(value) => setScope(value === 'direct' ? 'direct' : 'tree')}
            description={
              size === null
                ? undefined
                : size < MINIMUM_GROUP
                  ? `${size} people: a pulse needs at least ${MINIMUM_GROUP}, so that nobody can be singled out.`
                  : `${size} people will be asked.`
            }
          >
            <Group gap="lg" mt="xs">
              <Radio value="tree" label={`Everyone below them${lead ? ` (${lead.treeSize})` : ''}`} />
              <Radio value="direct" label={`Their direct reports${lead ? ` (${lead.directSize})` : ''}`} />
            </Group>
          </Radio.Group>
          <TextInput
            label="Title"
            description="Shown to the people asked, in the mail and on the form."
            placeholder={lead ? `${lead.name}’s team pulse` : 'Platform team pulse'}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={fieldError(schedule.error, 'title')}
          />
          <Group grow align="flex-start">
            <Select
              label="How often"
              data={[
                { value: 'once', label: 'Once' },
                { value: 'monthly', label: 'Every month' },
                { value: 'quarterly', label: 'Every quarter' },
              ]}
              value={cadence}
              onChange={(value) => setCadence(value === 'once' || value === 'quarterly' ? value : 'monthly')}
              allowDeselect={false}
            />
            <NumberInput
              label="Days each round stays open"
              min={1}
              max={28}
              value={openDays}
              onChange={(value) => setOpenDays(typeof value === 'number' ? value : 7)}
              error={fieldError(schedule.error, 'openDays')}
            />
          </Group>
          <Switch
            label="Psychological safety (seven statements)"
            checked={includesSafety}
            onChange={(event) => setIncludesSafety(event.currentTarget.checked)}
          />
          <Switch
            label="Would you recommend this team (eNPS)"
            checked={includesEnps}
            onChange={(event) => setIncludesEnps(event.currentTarget.checked)}
          />
          <Stack gap="sm">
            <Text fw={600} fz="sm">
              Your own questions
            </Text>
            {questions.length === 0 ? (
              <Text fz="sm" c="dimmed">
                Optional: up to ten, rated 1–5, a choice, or free text.
              </Text>
            ) : null}
            {questions.map((question, index) => (
              <Card key={question.key} padding="sm">
                <Stack gap="xs">
                  <Group align="flex-end" gap="xs" wrap="wrap">
                    <TextInput
                      label={`Question ${index + 1}`}
                      style={{ flex: '1 1 14rem' }}
                      value={question.text}
                      onChange={(event) => change(question.key, { text: event.currentTarget.value })}
                      error={
                        isChecked && question.text.trim() === ''
                          ? 'Write the question, or remove it'
                          : fieldError(schedule.error, `customQuestions.${index}.text`)
                      }
                    />
                    <Select
                      label="Answered as"
                      w={130}
                      data={[
                        { value: 'scale', label: 'Rating 1–5' },
                        { value: 'choice', label: 'A choice' },
                        { value: 'text', label: 'Free text' },
                      ]}
                      value={question.kind}
                      onChange={(value) => change(question.key, { kind: (value ?? 'scale') as Kind })}
                      allowDeselect={false}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="lg"
                      aria-label={`Remove question ${index + 1}`}
                      onClick={() => setQuestions((current) => current.filter((q) => q.key !== question.key))}
                    >
                      <IconTrash size={16} aria-hidden="true" />
                    </ActionIcon>
                  </Group>
                  {question.kind === 'choice' ? (
                    <Textarea
                      label="Options, one a line"
                      autosize
                      minRows={2}
                      value={question.options}
                      onChange={(event) => change(question.key, { options: event.currentTarget.value })}
                      error={
                        isChecked && optionsOf(question).length < 2
                          ? 'Give two to ten options, one a line'
                          : fieldError(schedule.error, `customQuestions.${index}.options`)
                      }
                    />
                  ) : null}
                </Stack>
              </Card>
            ))}
            {questions.length < 10 ? (
              <Button
                variant="default"
                w="fit-content"
                leftSection={<IconPlus size={16} aria-hidden="true" />}
                onClick={() =>
                  setQuestions((current) => [
                    ...current,
                    { key: Date.now(), text: '', kind: 'scale', options: '' },
                  ])
                }
              >
                Add a question
              </Button>
            ) : null}
          </Stack>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={schedule.isPending}>
              Schedule pulse
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
