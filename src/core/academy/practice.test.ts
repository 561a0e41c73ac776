import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { type AcademyModule, parseAcademyModule } from './academy-module.ts';
import { practiceTurn, scorePractice, startPractice } from './practice.ts';

const moduleYaml = `
id: powerful-questions-sample
skill: powerful-questions
order: 2
title: A practice for the tests
minutes: 30
summary: A small module used by the tests of the role-play engine, with two paths through it.
objectives: [Ask open questions instead of closed ones, Let the report think out loud]
quiz:
  - { question: Which question is open?, options: [Is it done?, What is in the way?, Did you call them?], answer: 1, explanation: 'It invites an answer longer than a yes or a no.' }
  - { question: Which is closed?, options: [How did it go?, Is it late?, What options do you see?], answer: 1, explanation: It can be answered with yes or no alone. }
  - { question: What follows a reflection?, options: [Silence, Advice, A lecture], answer: 0, explanation: 'Leave room for the report to go on thinking.' }
  - { question: Who should talk most?, options: [The leader, The report, Nobody], answer: 1, explanation: The report does the thinking in a coaching 1:1. }
  - { question: When to advise?, options: [First, After asking, Never ever], answer: 1, explanation: 'Ask first, then offer a view if it is still needed.' }
practice:
  persona: { name: Sam Ortiz, role: Shift lead, situation: Sam's night shift keeps missing the 6am truck and Sam is frustrated with the dispatch team. }
  brief: Find out what is really in the way, with open questions.
  start: opening
  nodes:
    opening:
      says: The 6am truck left without our pallets again.
      branches:
        - { when: open_question, feedback: 'Good, an open question invites Sam to think.', next: opens-up }
        - { when: closed_question, feedback: That was a closed question — try opening it up., next: short }
        - { when: telling, feedback: You jumped to a solution; ask first., next: short }
        - { when: any, feedback: Try a question that invites Sam to explain., next: short }
    short:
      says: Yes, it did.
      branches:
        - { when: open_question, feedback: 'Better, now Sam can explain.', next: opens-up }
        - { when: any, feedback: Sam is still closed; ask what happened., next: end-short }
    opens-up:
      says: Dispatch changes the loading order at 5:30 and nobody tells us. I think we should get the list the night before.
      isEnd: true
    end-short:
      says: Okay, I'll sort it out.
      isEnd: true
assignment:
  title: Five open questions
  description: In your next 1:1 ask at least five open questions and keep your talk share under half.
  checks: [{ metric: openQuestions, min: 5 }, { metric: leaderTalkShare, max: 0.5 }]
`;

const sample: AcademyModule = parseAcademyModule({
  folder: '02-sample',
  moduleYaml,
  lessonMarkdown: 'lesson',
  workedExampleMarkdown: 'poor and good',
});

describe('a role-play practice', () => {
  it('opens with the simulated report speaking', () => {
    const state = startPractice(sample);
    expect(state.lines).toEqual([
      { speaker: 'report', text: 'The 6am truck left without our pallets again.' },
    ]);
    expect(state.isFinished).toBe(false);
  });

  it('answers a closed question with a short reply and tells the learner to open it up', () => {
    const turn = practiceTurn(sample, startPractice(sample), 'Did the truck leave early?');
    expect(turn.act).toBe('closed_question');
    expect(turn.feedback).toBe('That was a closed question — try opening it up.');
    expect(turn.state.lines.at(-1)).toEqual({ speaker: 'report', text: 'Yes, it did.' });
  });

  it('lets an open question open the report up, and the feedback changes with what was typed', () => {
    const turn = practiceTurn(sample, startPractice(sample), 'What happened this morning with the truck?');
    expect(turn.act).toBe('open_question');
    expect(turn.feedback).toMatch(/open question invites/);
    expect(turn.state.isFinished).toBe(true);
    expect(() => practiceTurn(sample, turn.state, 'Anything else?')).toThrow(AppError);
  });

  it('ends with a score from the coaching analyser and the transcript', () => {
    let state = startPractice(sample);
    state = practiceTurn(sample, state, 'Just call dispatch and tell them to load us first.').state;
    state = practiceTurn(sample, state, 'You need to fix it by tomorrow.').state;
    const analysis = scorePractice(sample, state);
    expect(state.lines).toHaveLength(5);
    expect(analysis.leader?.name).toBe('You');
    expect(analysis.leader?.acts?.telling).toBe(2);
    expect(analysis.score).not.toBeNull();
  });

  it('refuses an empty line, naming the field', () => {
    expect(() => practiceTurn(sample, startPractice(sample), '   ')).toThrow(/Say something/);
  });
});
