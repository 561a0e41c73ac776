import type { InvalidField } from '../errors.ts';
import { isYesNoQuestion } from './open-question.ts';
import type { AgendaItemType, GrowStage, Question, QuestionCategory } from './question-bank.ts';

/** The allowed values of the enumerated fields, passed in so this file depends on types only. */
export interface QuestionVocabulary {
  growStages: readonly GrowStage[];
  categories: readonly QuestionCategory[];
  agendaTypes: readonly AgendaItemType[];
}

/** Where a question sits, for error messages. */
export interface QuestionLocation {
  file: string;
  index: number;
  /** 1-based line of a field of the question (or of the question itself). */
  lineOf: (field?: string) => number | undefined;
}

const knownKeys = new Set(['id', 'text', 'grow', 'category', 'agendaTypes', 'tags', 'followUp']);
const kebabCase = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const maxTextLength = 160;

/**
 * Checks one entry of a `questions:` list; records each problem (naming file and question) and
 * returns the question only when it has none.
 */
export function readQuestion(
  entry: unknown,
  at: QuestionLocation,
  vocabulary: QuestionVocabulary,
  problems: InvalidField[],
): Question | undefined {
  const before = problems.length;
  const id = isRecord(entry) ? entry.id : undefined;
  // Name the question by its id when it has a usable one, else by its position in the file.
  const label = typeof id === 'string' && id !== '' ? `question "${id}"` : `question ${at.index + 1}`;
  const report = (field: string | undefined, message: string) => {
    const path = `${at.file}:questions.${at.index}${field === undefined ? '' : `.${field}`}`;
    const where = field === undefined ? '' : `${field} `;
    problems.push({ path, message: `${at.file}: ${label}: ${where}${message}`, line: at.lineOf(field) });
  };

  if (!isRecord(entry)) {
    report(undefined, 'must be a mapping with id, text, grow and category');
    return undefined;
  }
  const record = entry;
  for (const key of Object.keys(record).filter((key) => !knownKeys.has(key))) {
    report(key, `is not a known field (expected ${[...knownKeys].join(', ')})`);
  }

  if (typeof id !== 'string' || !kebabCase.test(id) || id.length > 80) {
    report('id', 'must be kebab-case (lower-case words joined by hyphens), at most 80 characters');
  }
  const text = readQuestionText(record.text, 'text', true, report);
  const followUp = readQuestionText(record.followUp, 'followUp', false, report);
  const grow = readChoice(record.grow, vocabulary.growStages, 'grow', report);
  const category = readChoice(record.category, vocabulary.categories, 'category', report);
  const agendaTypes = readList(record.agendaTypes, 'agendaTypes', report, (value) =>
    vocabulary.agendaTypes.includes(value as AgendaItemType)
      ? undefined
      : `must each be one of ${vocabulary.agendaTypes.join(', ')}`,
  );
  const tags = readList(record.tags, 'tags', report, (value) =>
    kebabCase.test(value) ? undefined : 'must each be kebab-case',
  );

  if (problems.length > before || grow === undefined || category === undefined || text === undefined) {
    return undefined;
  }
  const question: Question = {
    id: id as string,
    text,
    grow,
    category,
    agendaTypes: agendaTypes as AgendaItemType[],
    tags,
  };
  if (followUp !== undefined) question.followUp = followUp;
  return question;
}

type Report = (field: string | undefined, message: string) => void;

// The bank's style rules that a machine can check: one open question, short.
function readQuestionText(value: unknown, field: string, isRequired: boolean, report: Report) {
  if (value === undefined && !isRequired) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    report(field, 'must be a non-empty string');
    return undefined;
  }
  const text = value.trim().replace(/\s+/g, ' ');
  if (text.length > maxTextLength) report(field, `must be at most ${maxTextLength} characters`);
  if (!/[?.]$/.test(text)) report(field, 'must end with "?" (or "." for "Tell me…" prompts)');
  if ((text.match(/\?/g) ?? []).length > 1) report(field, 'must ask one question at a time');
  if (isYesNoQuestion(text)) report(field, 'reads as a yes/no question; ask it open (what, how, …)');
  return text;
}

function readChoice<T extends string>(
  value: unknown,
  allowed: readonly T[],
  field: string,
  report: Report,
): T | undefined {
  if (typeof value === 'string' && allowed.includes(value as T)) return value as T;
  report(field, `must be one of ${allowed.join(', ')}`);
  return undefined;
}

function readList(
  value: unknown,
  field: string,
  report: Report,
  problemWith: (item: string) => string | undefined,
): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    report(field, 'must be a list of strings');
    return [];
  }
  const items = value as string[];
  const problem = items.map(problemWith).find((message) => message !== undefined);
  if (problem !== undefined) report(field, problem);
  if (new Set(items).size !== items.length) report(field, 'must not repeat a value');
  return items;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
