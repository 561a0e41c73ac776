import { describe, expect, it } from 'vitest';
import type { Commitment } from './analysis-types.ts';
import { findActionEnding, measureOwnership } from './commitments-ownership.ts';

const heard = (over: Partial<Commitment>): Commitment => ({
  text: 'I’ll send the draft by Friday.',
  owners: ['Alex'],
  proposedBy: 'Alex',
  due: 'by Friday',
  kind: 'offer',
  turn: 9,
  start: null,
  source: 'transcript',
  ...over,
});

describe('ending with action', () => {
  it('counts a next step from the app that has an owner and a due date', () => {
    const ending = findActionEnding(
      [{ title: 'Send the draft', ownerIsReport: true, dueDate: '2025-03-07' }],
      [],
      0,
    );
    expect(ending.endedWithAction).toBe(true);
  });

  it('does not count a next step without a due date', () => {
    expect(findActionEnding([{ title: 'Send the draft', owner: 'Alex' }], [], 0).endedWithAction).toBe(false);
  });

  it('counts a dated commitment in the closing third of the meeting, not one from the opening status round', () => {
    expect(findActionEnding([], [heard({ turn: 9 })], 12).endedWithAction).toBe(true);
    expect(findActionEnding([], [heard({ turn: 1 })], 30).endedWithAction).toBe(false);
    expect(findActionEnding([], [heard({ turn: 9, due: null })], 12).endedWithAction).toBe(false);
  });
});

describe('ownership of next steps', () => {
  it('reads the app’s next steps first: who owns them and who proposed them', () => {
    const ownership = measureOwnership(
      [
        { title: 'Draft the plan', ownerIsReport: true, proposedBy: 'report' },
        { title: 'Book the offsite', owner: 'Sam', proposedBy: 'leader' },
        { title: 'Ask finance', owner: 'Alex Kim', proposedBy: null },
      ],
      [heard({})],
      'Sam',
      'Alex Kim',
    );
    expect(ownership).toEqual({
      source: 'next-steps',
      steps: 3,
      ownedByReport: 0.667,
      proposedByReport: 0.5,
    });
  });

  it('falls back to the commitments heard, sharing a "we" step by half', () => {
    const ownership = measureOwnership(
      [],
      [
        heard({ owners: ['Alex'], proposedBy: 'Sam', kind: 'request' }),
        heard({ owners: ['Sam', 'Alex'], proposedBy: 'Alex' }),
      ],
      'Sam',
      'Alex',
    );
    expect(ownership).toEqual({ source: 'transcript', steps: 2, ownedByReport: 0.75, proposedByReport: 0.5 });
  });

  it('says nothing about ownership when there are no steps at all', () => {
    expect(measureOwnership([], [], 'Sam', 'Alex')).toEqual({
      source: null,
      steps: 0,
      ownedByReport: null,
      proposedByReport: null,
    });
  });
});
