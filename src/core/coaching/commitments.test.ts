import { describe, expect, it } from 'vitest';
import { extractCommitments, extractNoteCommitments } from './commitments.ts';
import { conversation } from './metrics-fixtures.ts';

const pick = (lines: Array<[string, string]>) =>
  extractCommitments(conversation(lines)).map(({ text, owners, proposedBy, due, kind }) => ({
    text,
    owners,
    proposedBy,
    due,
    kind,
  }));

describe('commitments heard in a meeting', () => {
  it('takes "I’ll send the draft by Friday" as the speaker’s own step with its due phrase', () => {
    expect(
      pick([
        ['Alex', 'Sounds good. I’ll send the draft by Friday.'],
        ['Sam', 'Great.'],
      ]),
    ).toEqual([
      {
        text: 'I’ll send the draft by Friday.',
        owners: ['Alex'],
        proposedBy: 'Alex',
        due: 'by Friday',
        kind: 'offer',
      },
    ]);
  });

  it('gives a request to the person asked, and folds their yes into the same step', () => {
    const found = pick([
      ['Sam', 'Can you have it to me by Tuesday?'],
      ['Alex', 'Sure, I will have it ready by Tuesday.'],
    ]);
    expect(found).toEqual([
      {
        text: 'Can you have it to me by Tuesday?',
        owners: ['Alex'],
        proposedBy: 'Sam',
        due: 'by Tuesday',
        kind: 'request',
      },
    ]);
  });

  it('shares a "we’ll" step between both speakers', () => {
    expect(
      pick([
        ['Sam', 'We’ll review the plan together next week.'],
        ['Alex', 'Okay.'],
      ])[0]?.owners,
    ).toEqual(['Sam', 'Alex']);
  });

  it('takes a dated instruction as a request', () => {
    expect(
      pick([
        ['Dana', 'Legal has the draft, so ping them tomorrow.'],
        ['Lee', 'Okay.'],
      ])[0],
    ).toMatchObject({
      owners: ['Lee'],
      due: 'tomorrow',
      kind: 'request',
    });
  });

  it('ignores coaching questions, farewells and talk that promises nothing', () => {
    expect(
      pick([
        ['Sam', 'How would you send the message to the team?'],
        ['Alex', 'I’m not sure I can mentor two people at once. I’ll be honest, it scares me.'],
        ['Sam', 'Talk to you next week.'],
        ['Alex', 'I think I will try something different.'],
      ]),
    ).toEqual([]);
  });

  it('takes "I can…" as an offer only when it comes with a date', () => {
    expect(
      pick([
        ['Alex', 'I can send it tomorrow.'],
        ['Sam', 'Great.'],
      ])[0],
    ).toMatchObject({ due: 'tomorrow' });
    expect(
      pick([
        ['Alex', 'I can send it.'],
        ['Sam', 'Great.'],
      ]),
    ).toEqual([]);
  });

  it('keeps a step without a date, with no due phrase', () => {
    expect(
      pick([
        ['Alex', 'I will draft the proposal.'],
        ['Sam', 'Good.'],
      ])[0]?.due,
    ).toBeNull();
  });
});

describe('commitments written in notes', () => {
  it('reads "Name to do something by a date" lines, with or without bullets', () => {
    const notes =
      '- Priya to send the revised plan by Friday\n* Tom will book the room\nGeneral chat about the offsite.';
    expect(extractNoteCommitments(notes).map((c) => [c.owners, c.due, c.source])).toEqual([
      [['Priya'], 'by Friday', 'notes'],
      [['Tom'], null, 'notes'],
    ]);
  });
});
