import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { ENPS_QUESTION_TEXT, pulseQuestions, validatePulseAnswers } from './pulse-questions.ts';

const questions = pulseQuestions({
  includesSafety: true,
  includesEnps: true,
  customQuestions: [
    { id: 'c1', text: 'My 1:1s help me solve problems, not just report status.', kind: 'scale' },
    {
      id: 'c2',
      text: 'Which meeting helps you most?',
      kind: 'choice',
      options: ['1:1', 'Team sync', 'Retro'],
    },
    { id: 'c3', text: 'What would make this team better to work in?', kind: 'text' },
  ],
});

const fullAnswers = {
  'mistakes-held-against': 2,
  'raise-problems': 6,
  'reject-different': 1,
  'safe-to-risk': 5,
  'hard-to-ask-help': 2,
  'no-undermining': 7,
  'skills-valued': 6,
  enps: 9,
  c1: 4,
  c2: 'Retro',
};

function fieldsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).fields.map((field) => `${field.path}: ${field.message}`);
  }
  throw new Error('expected the answers to be refused');
}

describe('the questions of a pulse', () => {
  it('asks the seven safety items on a 1–7 agreement scale, then eNPS from 0 to 10, then the custom questions', () => {
    expect(questions.map((question) => question.kind)).toEqual([
      ...Array(7).fill('agreement'),
      'nps',
      'scale',
      'choice',
      'text',
    ]);
    expect(questions.filter((question) => question.isReversed).map((question) => question.id)).toEqual([
      'mistakes-held-against',
      'reject-different',
      'hard-to-ask-help',
    ]);
    expect(questions[7]).toMatchObject({ text: ENPS_QUESTION_TEXT, min: 0, max: 10 });
    expect(questions[8]).toMatchObject({ min: 1, max: 5 });
  });

  it('leaves out the scales a survey does not include', () => {
    const onlyEnps = pulseQuestions({ includesSafety: false, includesEnps: true, customQuestions: [] });
    expect(onlyEnps.map((question) => question.id)).toEqual(['enps']);
  });
});

describe('checking a respondent’s answers', () => {
  it('keeps ratings and the chosen option, and trims free text', () => {
    expect(validatePulseAnswers(questions, { ...fullAnswers, c3: '  More time to think.  ' })).toEqual({
      ...fullAnswers,
      c3: 'More time to think.',
    });
  });

  it('lets free text stay empty but not a rating', () => {
    expect(validatePulseAnswers(questions, { ...fullAnswers, c3: '   ' })).not.toHaveProperty('c3');
    const { enps: _skipped, ...withoutEnps } = fullAnswers;
    expect(fieldsOf(() => validatePulseAnswers(questions, withoutEnps))).toEqual([
      'answers.enps: is required',
    ]);
  });

  it('names every answer out of range, of the wrong kind or not asked', () => {
    const fields = fieldsOf(() =>
      validatePulseAnswers(questions, {
        ...fullAnswers,
        'safe-to-risk': 8,
        enps: 7.5,
        c2: 'Lunch',
        who: 'me',
      }),
    );
    expect(fields).toEqual([
      'answers.who: is not a question of this pulse',
      'answers.safe-to-risk: must be a whole number from 1 to 7',
      'answers.enps: must be a whole number from 0 to 10',
      'answers.c2: must be one of: 1:1, Team sync, Retro',
    ]);
  });
});
