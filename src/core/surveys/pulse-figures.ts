import { employeeNetPromoterScore, safetyScore } from './psychological-safety.ts';
import { ENPS_QUESTION_ID, type PulseAnswers, type PulseQuestion } from './pulse-questions.ts';

export interface SafetyFigures {
  /** The mean of the respondents' safety scores, 1–7. */
  score: number;
  /** Each item's mean after reversing the negatively worded ones, so higher is always safer. */
  items: Array<{ id: string; text: string; isReversed: boolean; mean: number }>;
}

export interface CustomFigure {
  id: string;
  text: string;
  kind: 'scale' | 'choice';
  /** Mean rating of a scale question; null for a choice. */
  mean: number | null;
  /** How many chose each option, in the question's order; empty for a scale. */
  options: Array<{ label: string; count: number }>;
}

export interface FreeTextAnswers {
  questionId: string;
  text: string;
  /** The answers alone, in random order: nothing says who wrote which, or when. */
  answers: string[];
}

export interface PulseFigures {
  respondents: number;
  safety: SafetyFigures | null;
  enps: number | null;
  custom: CustomFigure[];
  freeText: FreeTextAnswers[];
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const mean = (values: readonly number[]) =>
  values.length === 0 ? null : round2(values.reduce((sum, value) => sum + value, 0) / values.length);

/** Fisher–Yates with the caller's random source (a cryptographic one on the server). */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const result = [...items];
  for (let index = result.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [result[index], result[other]] = [result[other]!, result[index]!];
  }
  return result;
}

/**
 * The figures of a set of answers, with no threshold applied: callers decide what may be shown
 * (see `publishPulseRound`). Free text comes out shuffled.
 */
export function summarizePulseAnswers(
  questions: readonly PulseQuestion[],
  answerSets: readonly PulseAnswers[],
  random: () => number,
): PulseFigures {
  const numbers = (id: string) =>
    answerSets.map((answers) => answers[id]).filter((value): value is number => typeof value === 'number');
  const agreement = questions.filter((question) => question.kind === 'agreement');
  let safety: SafetyFigures | null = null;
  if (agreement.length > 0) {
    const scores = answerSets
      .map((answers) => safetyScore(answers as Record<string, number>))
      .filter((score): score is number => score !== null);
    const score = mean(scores);
    if (score !== null) {
      safety = {
        score,
        items: agreement.map((question) => ({
          id: question.id,
          text: question.text,
          isReversed: question.isReversed,
          mean:
            mean(
              numbers(question.id).map((value) =>
                question.isReversed ? (question.max ?? 7) + 1 - value : value,
              ),
            ) ?? 0,
        })),
      };
    }
  }
  const hasEnps = questions.some((question) => question.id === ENPS_QUESTION_ID);
  const custom: CustomFigure[] = [];
  const freeText: FreeTextAnswers[] = [];
  for (const question of questions) {
    if (question.kind === 'scale') {
      custom.push({
        id: question.id,
        text: question.text,
        kind: 'scale',
        mean: mean(numbers(question.id)),
        options: [],
      });
    } else if (question.kind === 'choice') {
      const chosen = answerSets.map((answers) => answers[question.id]);
      custom.push({
        id: question.id,
        text: question.text,
        kind: 'choice',
        mean: null,
        options: question.options.map((label) => ({
          label,
          count: chosen.filter((value) => value === label).length,
        })),
      });
    } else if (question.kind === 'text') {
      const answers = answerSets
        .map((set) => set[question.id])
        .filter((value): value is string => typeof value === 'string' && value.length > 0);
      freeText.push({ questionId: question.id, text: question.text, answers: shuffled(answers, random) });
    }
  }
  return {
    respondents: answerSets.length,
    safety,
    enps: hasEnps ? employeeNetPromoterScore(numbers(ENPS_QUESTION_ID)) : null,
    custom,
    freeText,
  };
}
