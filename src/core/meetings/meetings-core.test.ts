import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { assertCanClose } from './close-meeting.ts';
import { followThrough, isOverdue } from './follow-through.ts';
import { guessAgendaType } from './guess-agenda-type.ts';
import { builtInTemplates } from './meeting-templates.ts';

describe('guessing an agenda item’s type', () => {
  it.each([
    ['Update on the Q3 warehouse migration', 'status'],
    ['Should we hire a contractor for the audit?', 'decision'],
    ['Feeling overwhelmed by the launch', 'mindset'],
    ['Path to senior engineer', 'growth'],
    ['Feedback on my presentation to the board', 'feedback'],
    ['Q1 OKRs for the platform team', 'goal'],
    ['Conflict with the design team about scope', 'challenge'],
    ['Taking two weeks off in August', 'personal'],
  ])('reads "%s" as %s', (title, type) => {
    expect(guessAgendaType(title)).toBe(type);
  });
});

describe('follow-through', () => {
  const today = '2026-03-10';
  it('counts done on or before the due date as on time, late as not, and ignores dropped and future steps', () => {
    const result = followThrough(
      [
        { status: 'done', dueDate: '2026-03-05', completedAt: '2026-03-05T17:00:00Z' },
        { status: 'done', dueDate: '2026-03-01', completedAt: '2026-03-04T09:00:00Z' },
        { status: 'open', dueDate: '2026-03-08', completedAt: null },
        { status: 'dropped', dueDate: '2026-03-02', completedAt: null },
        { status: 'open', dueDate: '2026-04-01', completedAt: null },
      ],
      today,
    );
    expect(result).toEqual({ due: 3, doneOnTime: 1, rate: 1 / 3 });
  });
  it('has no rate while nothing was due', () => {
    expect(followThrough([], today).rate).toBeNull();
  });
  it('calls only open steps past their date overdue', () => {
    expect(isOverdue({ status: 'open', dueDate: '2026-03-09', completedAt: null }, today)).toBe(true);
    expect(isOverdue({ status: 'open', dueDate: today, completedAt: null }, today)).toBe(false);
    expect(isOverdue({ status: 'done', dueDate: '2026-03-01', completedAt: '2026-03-02' }, today)).toBe(
      false,
    );
  });
});

describe('closing a meeting', () => {
  it('needs a step with an owner and a date, or a reason', () => {
    expect(() => assertCanClose([{ ownerId: 'p1', dueDate: null, status: 'open' }])).toThrow(AppError);
    expect(() => assertCanClose([{ ownerId: 'p1', dueDate: '2026-03-12', status: 'open' }])).not.toThrow();
    expect(() => assertCanClose([], 'We only caught up after her leave')).not.toThrow();
  });
});

describe('the built-in templates', () => {
  it('start the standard 1:1 with last time’s commitments and end every template with next steps', () => {
    expect(builtInTemplates.find((template) => template.key === 'standard')!.steps[0]!.key).toBe('review');
    for (const template of builtInTemplates) expect(template.steps.at(-1)!.key).toBe('next-steps');
    expect(builtInTemplates.map((template) => template.key)).toEqual([
      'standard',
      'first-one-on-one',
      'career-conversation',
      'skip-level',
    ]);
  });
});
