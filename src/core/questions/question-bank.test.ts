import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { parseQuestionBank, searchQuestions, suggestQuestions } from './question-bank.ts';

const sample = `
questions:
  - id: owner-if-your-company
    text: What would you do if this were your company?
    grow: options
    category: ownership
    agendaTypes: [challenge, decision]
    tags: [owner-thinking]
    followUp: What stops you from doing that now?
  - id: decision-behind-update
    text: What's the decision hiding behind this update?
    grow: reality
    category: strategy
    agendaTypes: [status]
    tags: [status-pivot]
  - id: first-step
    text: What's the first step you'll take?
    grow: will
    category: ownership
`;

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('parseQuestionBank', () => {
  it('reads every field of a question and defaults the optional lists to empty', () => {
    const [owner, , firstStep] = parseQuestionBank([{ name: 'ownership.yaml', text: sample }]);
    expect(owner).toEqual({
      id: 'owner-if-your-company',
      text: 'What would you do if this were your company?',
      grow: 'options',
      category: 'ownership',
      agendaTypes: ['challenge', 'decision'],
      tags: ['owner-thinking'],
      followUp: 'What stops you from doing that now?',
    });
    expect(firstStep).toEqual({
      id: 'first-step',
      text: "What's the first step you'll take?",
      grow: 'will',
      category: 'ownership',
      agendaTypes: [],
      tags: [],
    });
  });

  it('names the file, the question and the field when a value is wrong', () => {
    const text = sample.replace('grow: will', 'grow: action');
    const error = errorOf(() => parseQuestionBank([{ name: 'ownership.yaml', text }]));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain('ownership.yaml');
    expect(error.message).toContain('"first-step"');
    expect(error.fields).toEqual([
      {
        path: 'ownership.yaml:questions.2.grow',
        message: 'ownership.yaml: question "first-step": grow must be one of goal, reality, options, will',
        line: 18,
      },
    ]);
  });

  it('rejects a yes/no question, since the bank only holds open ones', () => {
    const text = sample.replace("What's the first step you'll take?", 'Will you take the first step?');
    const error = errorOf(() => parseQuestionBank([{ name: 'ownership.yaml', text }]));
    expect(error.fields.map((field) => field.path)).toEqual(['ownership.yaml:questions.2.text']);
    expect(error.fields[0]?.message).toContain('yes/no');
  });

  it('rejects two questions in one text', () => {
    const text = sample.replace("What's the first step you'll take?", 'What will you do? When?');
    const error = errorOf(() => parseQuestionBank([{ name: 'ownership.yaml', text }]));
    expect(error.fields[0]?.message).toContain('one question at a time');
  });

  it('reports a misspelt field instead of silently ignoring it', () => {
    const text = sample.replace('agendaTypes: [status]', 'agendaType: [status]');
    const error = errorOf(() => parseQuestionBank([{ name: 'strategy.yaml', text }]));
    expect(error.fields[0]?.path).toBe('strategy.yaml:questions.1.agendaType');
  });

  it('reports an unknown agenda type, a bad id and a bad tag together', () => {
    const text = sample
      .replace('agendaTypes: [status]', 'agendaTypes: [update]')
      .replace('id: first-step', 'id: First Step')
      .replace('tags: [owner-thinking]', 'tags: [Owner Thinking]');
    const error = errorOf(() => parseQuestionBank([{ name: 'mixed.yaml', text }]));
    expect(error.fields.map((field) => field.path).sort()).toEqual([
      'mixed.yaml:questions.0.tags',
      'mixed.yaml:questions.1.agendaTypes',
      'mixed.yaml:questions.2.id',
    ]);
    expect(error.message).toContain('3 problems');
  });

  it('refuses the same id in two files and names both', () => {
    const error = errorOf(() =>
      parseQuestionBank([
        { name: 'a.yaml', text: sample },
        { name: 'acme.yaml', text: sample.split('  - id: decision-behind-update')[0]! },
      ]),
    );
    expect(error.fields).toHaveLength(1);
    expect(error.fields[0]?.path).toBe('acme.yaml:questions.0.id');
    expect(error.fields[0]?.message).toBe(
      'acme.yaml: question "owner-if-your-company": id is already used in a.yaml',
    );
  });

  it('names a question without an id by its position in the file', () => {
    const text = sample
      .replace('  - id: first-step\n    text:', '  - text:')
      .replace('grow: will', 'grow: action');
    const error = errorOf(() => parseQuestionBank([{ name: 'ownership.yaml', text }]));
    expect(error.fields.map((field) => field.message)).toEqual([
      'ownership.yaml: question 3: id must be kebab-case (lower-case words joined by hyphens), at most 80 characters',
      'ownership.yaml: question 3: grow must be one of goal, reality, options, will',
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    const error = errorOf(() =>
      parseQuestionBank([{ name: 'broken.yaml', text: 'questions:\n  - id: x\n    text: [unclosed\n' }]),
    );
    expect(error.fields[0]?.message).toMatch(/^broken\.yaml: not valid YAML/);
    expect(error.fields[0]?.line).toBeGreaterThan(1);
  });

  it('refuses a file without a questions list', () => {
    const error = errorOf(() => parseQuestionBank([{ name: 'empty.yaml', text: '' }]));
    expect(error.fields[0]?.message).toBe('empty.yaml: expected a non-empty "questions:" list');
  });
});

describe('searchQuestions', () => {
  const bank = parseQuestionBank([{ name: 'sample.yaml', text: sample }]);

  it('matches the start of words without regard to case', () => {
    expect(searchQuestions(bank, { text: 'COMP' }).map((q) => q.id)).toEqual(['owner-if-your-company']);
    expect(searchQuestions(bank, { text: 'pany' })).toEqual([]);
  });

  it('needs every meaningful word of the query to match', () => {
    expect(searchQuestions(bank, { text: 'decision update' }).map((q) => q.id)).toEqual([
      'decision-behind-update',
    ]);
    expect(searchQuestions(bank, { text: 'decision company' })).toEqual([]);
  });

  it('finds questions by their tags and follow-up as well as their text', () => {
    expect(searchQuestions(bank, { text: 'pivot' }).map((q) => q.id)).toEqual(['decision-behind-update']);
    expect(searchQuestions(bank, { text: 'stops' }).map((q) => q.id)).toEqual(['owner-if-your-company']);
  });

  it('ranks a whole-word hit in the text above a hit in the follow-up', () => {
    const ranked = parseQuestionBank([
      {
        name: 'rank.yaml',
        text: `questions:
  - id: follow-up-hit
    text: What matters most here?
    grow: goal
    category: strategy
    followUp: What would you try first?
  - id: text-hit
    text: What would you try first?
    grow: options
    category: strategy
`,
      },
    ]);
    expect(searchQuestions(ranked, { text: 'try' }).map((q) => q.id)).toEqual(['text-hit', 'follow-up-hit']);
  });

  it('filters by category, GROW stage and agenda type, and honours the limit', () => {
    expect(searchQuestions(bank, { category: 'ownership' }).map((q) => q.id)).toEqual([
      'owner-if-your-company',
      'first-step',
    ]);
    expect(searchQuestions(bank, { grow: 'will' }).map((q) => q.id)).toEqual(['first-step']);
    expect(searchQuestions(bank, { agendaType: 'status' }).map((q) => q.id)).toEqual([
      'decision-behind-update',
    ]);
    expect(searchQuestions(bank, { limit: 1 })).toHaveLength(1);
  });

  it('still searches when the query is made only of common words', () => {
    expect(searchQuestions(bank, { text: 'what would you' }).map((q) => q.id)).toEqual([
      'owner-if-your-company',
    ]);
  });
});

describe('suggestQuestions', () => {
  const bank = parseQuestionBank([{ name: 'sample.yaml', text: sample }]);

  it('offers only questions made for the agenda item type', () => {
    expect(suggestQuestions(bank, { agendaType: 'decision' }).map((q) => q.id)).toEqual([
      'owner-if-your-company',
    ]);
  });

  it('falls back to untargeted questions of the matching category when too few are made for it', () => {
    expect(suggestQuestions(bank, { agendaType: 'challenge' }).map((q) => q.id)).toEqual([
      'owner-if-your-company',
      'first-step',
    ]);
  });

  it('leaves out excluded questions', () => {
    expect(
      suggestQuestions(bank, { agendaType: 'challenge', exclude: ['owner-if-your-company'] }).map(
        (q) => q.id,
      ),
    ).toEqual(['first-step']);
  });

  it('returns nothing when asked for no questions', () => {
    expect(suggestQuestions(bank, { agendaType: 'challenge', limit: 0 })).toEqual([]);
  });
});
