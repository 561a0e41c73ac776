import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors.ts';
import { conversation } from './metrics-fixtures.ts';
import { resolveLeader } from './metrics-leader.ts';

const utterances = conversation([
  ['Priya Natarajan', 'How did the launch go?'],
  ['Tom', 'Fine, mostly.'],
  ['Priya Natarajan', 'What would you change next time?'],
  ['Tom', 'Can I get more time for testing?'],
]);
const isQuestion = (i: number) => utterances[i]!.text.endsWith('?');

describe('finding the leader', () => {
  it('takes the speaker who asks the most questions and says why', () => {
    const leader = resolveLeader(utterances, isQuestion, undefined);
    expect(leader).toMatchObject({ name: 'Priya Natarajan', isInferred: true });
    expect(leader.reason).toBe('asked the most questions (2; Tom 1)');
  });

  it('takes the speaker heard first when questions are tied, and says it was a tie', () => {
    const leader = resolveLeader(utterances, (i) => i === 1 || i === 2, undefined);
    expect(leader.name).toBe('Priya Natarajan');
    expect(leader.reason).toContain('took Priya Natarajan, who spoke first');
  });

  it('accepts a named leader by first name or in another case', () => {
    expect(resolveLeader(utterances, isQuestion, 'priya').name).toBe('Priya Natarajan');
    expect(resolveLeader(utterances, isQuestion, 'TOM')).toMatchObject({ name: 'Tom', isInferred: false });
  });

  it('rejects a leader who is not a speaker, listing the speakers', () => {
    try {
      resolveLeader(utterances, isQuestion, 'Alex');
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error) && error.code).toBe('VALIDATION_FAILED');
      expect((error as Error).message).toBe(
        '"Alex" is not a speaker in this transcript (speakers: Priya Natarajan, Tom).',
      );
    }
  });
});
