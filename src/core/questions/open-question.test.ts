import { describe, expect, it } from 'vitest';
import { isYesNoQuestion } from './open-question.ts';

describe('isYesNoQuestion', () => {
  it.each([
    'Is this the right priority?',
    'Are you happy with the plan?',
    'Do you need anything from me?',
    'Does that make sense?',
    'Did the launch go well?',
    'Can you ship it by Friday?',
    'Could you walk me through it?',
    'Would that work for you?',
    'Will you talk to her this week?',
    'Should we escalate?',
    'Have you tried asking the team?',
    'Has anything changed?',
    'Was it worth it?',
    'Were they surprised?',
    'May I share an observation?',
    'Might there be another way?',
    'Shall we start with the roadmap?',
  ])('counts "%s" as yes/no because it opens with an auxiliary or modal', (question) => {
    expect(isYesNoQuestion(question)).toBe(true);
  });

  it.each([
    "Didn't you say the deadline moved?",
    "Isn't that a risk?",
    "Can't we just ship it?",
    "Won't that slow the team down?",
  ])('counts the negative form "%s" as yes/no', (question) => {
    expect(isYesNoQuestion(question)).toBe(true);
  });

  it.each([
    'Coffee or tea?',
    'Stay or leave?',
    'Which matters more to you, speed or quality?',
    'What would you rather do: hire or promote?',
    'What do you think, or is it too early to say?',
  ])('counts the choice "%s" as closed', (question) => {
    expect(isYesNoQuestion(question)).toBe(true);
  });

  it.each([
    'What did you learn?',
    "What's the decision hiding behind this update?",
    'Why does that matter to you?',
    'How did that land?',
    'When will you make the call?',
    'Where are you stuck?',
    'Who else needs to know?',
    'Whose decision is this?',
    'Which skill would make the biggest difference this year?',
    'Tell me more about that.',
    'Describe what great would look like.',
    'Walk me through how you got there.',
    'Talk me through the options.',
    'How you doing?',
  ])('counts "%s" as open', (question) => {
    expect(isYesNoQuestion(question)).toBe(false);
  });

  it('reads past a leading condition to the question it asks', () => {
    expect(isYesNoQuestion('If you could change one thing, what would it be?')).toBe(false);
    expect(isYesNoQuestion('When you did that, did it work?')).toBe(true);
    expect(isYesNoQuestion('Looking back, is there anything you would change?')).toBe(true);
    expect(isYesNoQuestion('A year from now, what do you want to be true?')).toBe(false);
  });

  it('keeps an open question open when a condition sits in the middle of it', () => {
    expect(isYesNoQuestion('What assumption, if it were wrong, would change everything?')).toBe(false);
    expect(isYesNoQuestion('How will you know, two weeks from now, that this is working?')).toBe(false);
  });

  it('treats an open question with a closing tag as closed', () => {
    expect(isYesNoQuestion('That was the plan, right?')).toBe(true);
    expect(isYesNoQuestion('What went wrong, and did it cost us?')).toBe(true);
    expect(isYesNoQuestion('What would you do, or not?')).toBe(true);
  });

  it('does not mistake "or" inside an open question for a choice', () => {
    expect(isYesNoQuestion('What would you keep or drop from this plan?')).toBe(false);
    expect(isYesNoQuestion('Who will you recognise this week, and for what?')).toBe(false);
  });

  it('judges the last question when a turn holds several sentences', () => {
    expect(isYesNoQuestion('That sounds hard. What was the hardest part?')).toBe(false);
    expect(isYesNoQuestion('What happened? Did you tell anyone?')).toBe(true);
  });

  it('ignores fillers and punctuation in front of the question', () => {
    expect(isYesNoQuestion('So, what happens next?')).toBe(false);
    expect(isYesNoQuestion('Okay so did you send it?')).toBe(true);
    expect(isYesNoQuestion('  “How did the review go?”  ')).toBe(false);
  });

  it('counts a statement said as a question as closed', () => {
    expect(isYesNoQuestion('You are okay with that?')).toBe(true);
    expect(isYesNoQuestion('Anything else?')).toBe(true);
  });

  it('does not call a plain statement or empty text a yes/no question', () => {
    expect(isYesNoQuestion('')).toBe(false);
    expect(isYesNoQuestion('I shipped the migration yesterday.')).toBe(false);
  });
});
