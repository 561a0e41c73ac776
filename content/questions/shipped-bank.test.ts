import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildQuestionBank } from '../../src/core/questions/build-question-bank.ts';
import { isYesNoQuestion } from '../../src/core/questions/open-question.ts';
import {
  agendaItemTypes,
  growStages,
  questionCategories,
  searchQuestions,
  suggestQuestions,
} from '../../src/core/questions/question-bank.ts';

const folder = new URL('./', import.meta.url);
const bank = buildQuestionBank(
  readdirSync(folder).map((name) => ({ name, text: readFileSync(new URL(name, folder), 'utf8') })),
);

describe('the shipped question bank', () => {
  it('holds at least 150 questions with unique ids', () => {
    expect(bank.length).toBeGreaterThanOrEqual(150);
    expect(new Set(bank.map((question) => question.id)).size).toBe(bank.length);
  });

  it('covers all four GROW stages in every category', () => {
    for (const category of questionCategories) {
      const stages = new Set(bank.filter((q) => q.category === category).map((q) => q.grow));
      expect([category, [...stages].sort()]).toEqual([category, [...growStages].sort()]);
    }
  });

  it('can offer every agenda item type a question at every GROW stage', () => {
    for (const agendaType of agendaItemTypes) {
      for (const grow of growStages) {
        expect(
          suggestQuestions(bank, { agendaType, grow, limit: 1 }),
          `${agendaType} at ${grow}`,
        ).toHaveLength(1);
      }
    }
  });

  it('contains no yes/no question, neither as a question nor as a follow-up', () => {
    const closed = bank.flatMap((q) => [q.text, q.followUp ?? '']).filter((text) => isYesNoQuestion(text));
    expect(closed).toEqual([]);
  });

  it('keeps questions short enough to ask in one breath', () => {
    const long = bank.filter((question) => question.text.length > 90).map((question) => question.text);
    expect(long).toEqual([]);
  });

  it('asks about owner thinking, assumptions, careers and the leader themself', () => {
    const tagged = (tag: string) => bank.filter((question) => question.tags.includes(tag));
    expect(new Set(tagged('owner-thinking').map((q) => q.category)).size).toBeGreaterThanOrEqual(3);
    expect(tagged('assumptions').length).toBeGreaterThanOrEqual(5);
    expect(tagged('reframing').length).toBeGreaterThanOrEqual(5);
    expect(tagged('career').length).toBeGreaterThanOrEqual(10);
    expect(tagged('feedback-on-leader').length).toBeGreaterThanOrEqual(5);
    expect(bank.map((q) => q.text)).toContain('What would you do if this were your company?');
    expect(bank.map((q) => q.text)).toContain("What's one thing I could do differently to support you?");
    expect(bank.map((q) => q.text)).toContain("What's the decision hiding behind this update?");
  });

  it('offers only status-to-strategy pivots for status items', () => {
    const forStatus = bank.filter((question) => question.agendaTypes.includes('status'));
    expect(forStatus.length).toBeGreaterThanOrEqual(12);
    expect(forStatus.filter((question) => !question.tags.includes('status-pivot'))).toEqual([]);
  });

  it('finds the owner questions when a leader searches for "company"', () => {
    const found = searchQuestions(bank, { text: 'company' }).map((question) => question.id);
    expect(found).toContain('mindset-if-this-were-your-company');
    expect(found).toContain('decisions-if-your-company');
  });
});

describe('suggestions from the shipped bank', () => {
  const statusUpdates = [
    'Shipped the billing migration; two bugs still open; SRE hiring loop continues',
    'Q3 roadmap: 80% done, onboarding redesign slipping a week',
    'Weekly update: support backlog down to 40 tickets',
    'Status of the vendor contract renewal',
    'Numbers for the month: revenue on plan, churn up slightly',
  ];

  it('turns a status item toward strategy, across different GROW stages', () => {
    for (const text of statusUpdates) {
      const suggested = suggestQuestions(bank, { agendaType: 'status', text });
      expect(suggested).toHaveLength(3);
      for (const question of suggested) expect(question.tags).toContain('status-pivot');
      expect(new Set(suggested.map((question) => question.grow)).size).toBe(3);
    }
  });

  it('gives a growth item questions about career or skills', () => {
    for (const text of [
      'I want to get better at presenting to the board',
      'Promotion to staff engineer',
      'Learning to manage managers',
    ]) {
      for (const question of suggestQuestions(bank, { agendaType: 'growth', text })) {
        expect([question.id, question.tags.some((tag) => tag === 'career' || tag === 'skills')]).toEqual([
          question.id,
          true,
        ]);
      }
    }
  });

  it('prefers questions that share words with the item', () => {
    const suggested = suggestQuestions(bank, {
      agendaType: 'decision',
      text: 'How reversible is the reorg?',
    });
    expect(suggested.map((question) => question.id)).toContain('decisions-how-reversible');
  });

  it('never suggests an excluded question, and finds others instead', () => {
    const text = statusUpdates[0];
    const first = suggestQuestions(bank, { agendaType: 'status', text });
    const exclude = first.map((question) => question.id);
    const second = suggestQuestions(bank, { agendaType: 'status', text, exclude });
    expect(second).toHaveLength(3);
    expect(second.filter((question) => exclude.includes(question.id))).toEqual([]);
  });

  it('gives the same item the same questions, and different items different ones', () => {
    const again = statusUpdates.map((text) => suggestQuestions(bank, { agendaType: 'status', text }));
    expect(statusUpdates.map((text) => suggestQuestions(bank, { agendaType: 'status', text }))).toEqual(
      again,
    );
    const distinctSets = new Set(again.map((questions) => questions.map((q) => q.id).join(',')));
    expect(distinctSets.size).toBeGreaterThanOrEqual(3);
  });

  it('returns suggestions in GROW order, so they read as a conversation', () => {
    for (const agendaType of agendaItemTypes) {
      const stages = suggestQuestions(bank, { agendaType, limit: 4 }).map((q) => growStages.indexOf(q.grow));
      expect(stages).toEqual([...stages].sort((a, b) => a - b));
    }
  });
});
