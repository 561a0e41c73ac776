import { AppError, type InvalidField } from '../errors.ts';
import { AGREEMENT_SCALE, safetyItems } from './psychological-safety.ts';

export const ENPS_QUESTION_ID = 'enps';
export const ENPS_QUESTION_TEXT = 'How likely are you to recommend this team as a place to work?';
/** Custom rating questions run from 1 to this. */
export const CUSTOM_SCALE_MAX = 5;
export const FREE_TEXT_MAX_LENGTH = 2_000;

export type PulseQuestionKind = 'agreement' | 'nps' | 'scale' | 'choice' | 'text';
export type CustomQuestionKind = 'scale' | 'choice' | 'text';

/** A question a survey's author adds; its id is given by the server (`c1`, `c2`, …). */
export interface CustomQuestion {
  id: string;
  text: string;
  kind: CustomQuestionKind;
  options?: string[];
}

/** One question as the respondent sees it and as results are computed. */
export interface PulseQuestion {
  id: string;
  kind: PulseQuestionKind;
  text: string;
  /** Lowest and highest rating of a rating question; null for choices and free text. */
  min: number | null;
  max: number | null;
  lowLabel: string | null;
  highLabel: string | null;
  options: string[];
  /** Negatively worded safety items, scored in reverse. */
  isReversed: boolean;
  /** Ratings and choices must be answered, so every figure covers every respondent; free text may stay empty. */
  isRequired: boolean;
}

export interface PulseQuestionConfig {
  includesSafety: boolean;
  includesEnps: boolean;
  customQuestions: readonly CustomQuestion[];
}

/** Stored answers: ratings as integers, a choice as the option's text, free text trimmed. */
export type PulseAnswers = Record<string, number | string>;

const agreementLabels = { lowLabel: 'Strongly disagree', highLabel: 'Strongly agree' };

/** The questions of a survey, in the order they are asked: the safety scale, eNPS, then the custom ones. */
export function pulseQuestions(config: PulseQuestionConfig): PulseQuestion[] {
  const questions: PulseQuestion[] = [];
  if (config.includesSafety) {
    for (const item of safetyItems) {
      questions.push({
        id: item.id,
        kind: 'agreement',
        text: item.text,
        min: 1,
        max: AGREEMENT_SCALE,
        ...agreementLabels,
        options: [],
        isReversed: item.isReversed,
        isRequired: true,
      });
    }
  }
  if (config.includesEnps) {
    questions.push({
      id: ENPS_QUESTION_ID,
      kind: 'nps',
      text: ENPS_QUESTION_TEXT,
      min: 0,
      max: 10,
      lowLabel: 'Not at all likely',
      highLabel: 'Extremely likely',
      options: [],
      isReversed: false,
      isRequired: true,
    });
  }
  for (const custom of config.customQuestions) {
    const isRating = custom.kind === 'scale';
    questions.push({
      id: custom.id,
      kind: custom.kind,
      text: custom.text,
      min: isRating ? 1 : null,
      max: isRating ? CUSTOM_SCALE_MAX : null,
      lowLabel: isRating ? agreementLabels.lowLabel : null,
      highLabel: isRating ? agreementLabels.highLabel : null,
      options: custom.kind === 'choice' ? [...(custom.options ?? [])] : [],
      isReversed: false,
      isRequired: custom.kind !== 'text',
    });
  }
  return questions;
}

/**
 * Checks a respondent's answers against the survey's questions and returns them as stored.
 * Every rating and choice is required: a question some skipped would give a figure that covers
 * fewer people than the round's count, and could fall under the anonymity threshold.
 */
export function validatePulseAnswers(
  questions: readonly PulseQuestion[],
  answers: Readonly<Record<string, unknown>>,
  fieldPrefix = 'answers',
): PulseAnswers {
  const fields: InvalidField[] = [];
  const known = new Map(questions.map((question) => [question.id, question]));
  for (const id of Object.keys(answers)) {
    if (!known.has(id))
      fields.push({ path: `${fieldPrefix}.${id}`, message: 'is not a question of this pulse' });
  }
  const stored: PulseAnswers = {};
  for (const question of questions) {
    const path = `${fieldPrefix}.${question.id}`;
    const value = answers[question.id];
    if (question.kind === 'text') {
      if (value === undefined || value === null) continue;
      if (typeof value !== 'string') fields.push({ path, message: 'must be text' });
      else if (value.trim().length > FREE_TEXT_MAX_LENGTH)
        fields.push({ path, message: `must be at most ${FREE_TEXT_MAX_LENGTH} characters` });
      else if (value.trim()) stored[question.id] = value.trim();
      continue;
    }
    if (value === undefined || value === null) {
      fields.push({ path, message: 'is required' });
    } else if (question.kind === 'choice') {
      if (typeof value !== 'string' || !question.options.includes(value))
        fields.push({ path, message: `must be one of: ${question.options.join(', ')}` });
      else stored[question.id] = value;
    } else if (
      typeof value !== 'number' ||
      !Number.isInteger(value) ||
      value < (question.min ?? 0) ||
      value > (question.max ?? 0)
    ) {
      fields.push({ path, message: `must be a whole number from ${question.min} to ${question.max}` });
    } else {
      stored[question.id] = value;
    }
  }
  if (fields.length > 0)
    throw new AppError('VALIDATION_FAILED', 'Some answers are missing or not valid.', { fields });
  return stored;
}
