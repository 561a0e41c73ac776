import './pulse.css';
import { Alert, Button, Card, Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { type CSSProperties, type FormEvent, useState } from 'react';
import type { PulseFormView } from '../../../contracts/pulse.ts';
import type { PulseAnswers } from '../../api/pulse.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDate } from '../../lib/format.ts';

type Question = PulseFormView['questions'][number];

const agreementWords = [
  'Strongly disagree',
  'Disagree',
  'Somewhat disagree',
  'Neither agree nor disagree',
  'Somewhat agree',
  'Agree',
  'Strongly agree',
];

/** The promise shown above every pulse form, in the app and through a mailed link. */
export function AnonymityPromise() {
  return (
    <Alert
      color="teal"
      variant="light"
      icon={<IconShieldLock size={18} aria-hidden="true" />}
      title="Anonymous by design"
    >
      Your answers are anonymous: they are stored without your name, and results are shown only for groups of
      five or more. Nobody, not even an admin, can see what you answered.
    </Alert>
  );
}

function points(question: Question): { value: string; label: string }[] {
  if (question.kind === 'choice') return question.options.map((option) => ({ value: option, label: option }));
  const min = question.min ?? 1;
  const max = question.max ?? 5;
  const list: { value: string; label: string }[] = [];
  for (let value = min; value <= max; value += 1) {
    const label =
      question.kind === 'agreement'
        ? (agreementWords[value - 1] ?? String(value))
        : value === min && question.lowLabel
          ? `${value} · ${question.lowLabel}`
          : value === max && question.highLabel
            ? `${value} · ${question.highLabel}`
            : String(value);
    list.push({ value: String(value), label });
  }
  return list;
}

function QuestionField({
  question,
  number,
  value,
  error,
  onChange,
}: {
  question: Question;
  number: number;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const label = `${number}. ${question.text}`;
  if (question.kind === 'text') {
    return (
      <Textarea
        label={label}
        description="Optional. Write nothing that would tell who you are."
        autosize
        minRows={3}
        maxLength={2000}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
    );
  }
  const options = points(question);
  const isNumeric = question.kind === 'nps' || question.kind === 'scale';
  const description =
    isNumeric && question.lowLabel && question.highLabel
      ? `${question.min} means ${question.lowLabel.toLowerCase()}, ${question.max} ${question.highLabel.toLowerCase()}.`
      : undefined;
  return (
    <Radio.Group
      label={label}
      description={description}
      value={value}
      onChange={onChange}
      error={error}
      withAsterisk={question.isRequired}
    >
      <div
        className="tandem-pulse-scale"
        data-compact={question.kind === 'nps' ? '' : undefined}
        style={{ '--pulse-points': options.length } as CSSProperties}
      >
        {options.map((option) => (
          <Radio
            key={option.value}
            value={option.value}
            label={question.kind === 'nps' ? option.value : option.label}
            aria-label={question.kind === 'nps' ? option.label : undefined}
            className="tandem-pulse-point"
            classNames={
              question.kind === 'agreement'
                ? { body: 'tandem-pulse-point-body', labelWrapper: 'tandem-pulse-point-label' }
                : undefined
            }
          />
        ))}
      </div>
    </Radio.Group>
  );
}

function toAnswers(questions: Question[], values: Record<string, string>): PulseAnswers {
  const answers: PulseAnswers = {};
  for (const question of questions) {
    const value = values[question.id]?.trim() ?? '';
    if (value === '') continue;
    answers[question.id] = question.kind === 'text' || question.kind === 'choice' ? value : Number(value);
  }
  return answers;
}

interface PulseFormProps {
  form: PulseFormView;
  isSubmitting: boolean;
  error: unknown;
  onSubmit: (answers: PulseAnswers) => void;
}

/** The questions of one round, checked for completeness before they are sent. */
export function PulseForm({ form, isSubmitting, error, onSubmit }: PulseFormProps) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const unanswered = form.questions
      .filter((question) => question.isRequired && !values[question.id])
      .map((question) => question.id);
    setMissing(unanswered);
    if (unanswered.length > 0) {
      document.getElementById(`pulse-question-${unanswered[0]}`)?.querySelector('input')?.focus();
      return;
    }
    onSubmit(toAnswers(form.questions, values));
  };
  const safety = form.questions.filter((question) => question.kind === 'agreement');
  const others = form.questions.filter((question) => question.kind !== 'agreement');
  const field = (question: Question, index: number) => (
    <div key={question.id} id={`pulse-question-${question.id}`}>
      <QuestionField
        question={question}
        number={index + 1}
        value={values[question.id] ?? ''}
        error={missing.includes(question.id) ? 'Choose one answer' : undefined}
        onChange={(value) => {
          setValues((current) => ({ ...current, [question.id]: value }));
          setMissing((current) => current.filter((id) => id !== question.id));
        }}
      />
    </div>
  );
  return (
    <form onSubmit={submit} noValidate aria-label={`Answer ${form.surveyTitle}`}>
      <Stack gap="lg">
        {safety.length > 0 ? (
          <Card padding="lg">
            <Stack gap="lg">
              <div>
                <Title order={2} size="h3">
                  How it feels to work on this team
                </Title>
                <Text fz="sm" c="dimmed">
                  How much do you agree with each statement about {form.teamLeadName}’s team?
                </Text>
              </div>
              {safety.map((question, index) => field(question, index))}
            </Stack>
          </Card>
        ) : null}
        {others.length > 0 ? (
          <Card padding="lg">
            <Stack gap="lg">{others.map((question, index) => field(question, safety.length + index))}</Stack>
          </Card>
        ) : null}
        {missing.length > 0 ? (
          <Text c="var(--mantine-color-error)" fz="sm" role="alert">
            {missing.length === 1 ? 'One question is' : `${missing.length} questions are`} still without an
            answer.
          </Text>
        ) : null}
        <ErrorAlert error={error} />
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Text fz="sm" c="dimmed">
            Open until {formatDate(form.closesAt)}. You can answer once.
          </Text>
          <Button type="submit" loading={isSubmitting}>
            Send my answers
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
