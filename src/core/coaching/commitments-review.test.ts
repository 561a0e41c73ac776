import { describe, expect, it } from 'vitest';
import { reviewPreviousSteps } from './commitments-review.ts';
import { conversation } from './metrics-fixtures.ts';

const opening = conversation([
  ['Sam', 'Good to see you. Where are you with the onboarding checklist for the new hires?'],
  ['Alex', 'It is done, I shared the checklist on Monday.'],
  ['Sam', 'Great. What is on your mind today?'],
  ['Alex', 'The reorg, mostly.'],
  ['Sam', 'Tell me more.'],
  ['Alex', 'I am worried about my team.'],
]);

describe('review of last meeting’s next steps', () => {
  it('finds a previous step whose words come up early in the meeting', () => {
    const review = reviewPreviousSteps(
      opening,
      [{ title: 'Write the onboarding checklist' }, { title: 'Book the offsite venue' }],
      '',
    );
    expect(review.reviewed).toBe(true);
    expect(review.mentionedTitles).toEqual(['Write the onboarding checklist']);
  });

  it('says the steps were not reviewed when none comes up', () => {
    expect(reviewPreviousSteps(opening, [{ title: 'Book the offsite venue' }], '').reviewed).toBe(false);
  });

  it('hears explicit review talk even without the previous steps, and quotes it', () => {
    const review = reviewPreviousSteps(
      conversation([['Sam', 'Hi. Last time you said you would talk to finance. How did it go?']]),
      [],
      '',
    );
    expect(review.reviewed).toBe(true);
    expect(review.reviewTalk?.text).toBe('Last time you said you would talk to finance.');
  });

  it('cannot tell for a first meeting without review talk', () => {
    expect(reviewPreviousSteps(opening, [], '').reviewed).toBeNull();
  });

  it('reads the notes when there is no transcript', () => {
    expect(
      reviewPreviousSteps([], [{ title: 'Book the offsite venue' }], 'Offsite venue booked for May.')
        .reviewed,
    ).toBe(true);
  });
});
