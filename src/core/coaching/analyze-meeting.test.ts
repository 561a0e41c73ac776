import { describe, expect, it } from 'vitest';
import { parseQuestionBank } from '../questions/question-bank.ts';
import { analyzeMeeting } from './analyze-meeting.ts';
import { acts } from './labels.ts';
import { checkInLines, coachingLines, conversation } from './metrics-fixtures.ts';

const checkIn = analyzeMeeting({ utterances: conversation(checkInLines) });
const coaching = analyzeMeeting({
  utterances: conversation(coachingLines),
  leader: 'Sam',
  previousNextSteps: [{ title: 'Draft the hiring plan' }],
});

describe('analysing a 1:1 transcript', () => {
  it('tells a coaching 1:1 from a status check-in by a wide margin', () => {
    expect(coaching.verdict).toBe('coaching');
    expect(checkIn.verdict).not.toBe('coaching');
    expect((coaching.score ?? 0) - (checkIn.score ?? 100)).toBeGreaterThanOrEqual(30);
  });

  it('picks the speaker who asks the most questions as the leader when none is named, and says so', () => {
    expect(checkIn.leaderInferred).toBe(true);
    expect(checkIn.leader?.name).toBe('Dana');
    expect(checkIn.leader?.reason).toMatch(/^asked the most questions \(\d+; Lee \d+\)$/);
    expect(coaching.leaderInferred).toBe(false);
  });

  it('reports the leader’s talk share and a count for each of the five acts', () => {
    expect(checkIn.leader?.talkShare).toBeGreaterThan(0.7);
    expect(Object.keys(checkIn.leader?.acts ?? {})).toEqual([...acts]);
    const leaderTurns = checkInLines.filter(([speaker]) => speaker === 'Dana').length;
    expect(Object.values(checkIn.leader?.acts ?? {}).reduce((a, b) => a + b, 0)).toBe(leaderTurns);
  });

  it('hears the report commit to a dated step at the end, and last meeting’s step reviewed', () => {
    expect(coaching.endedWithAction).toBe(true);
    expect(coaching.commitments.at(-1)).toMatchObject({
      owners: ['Alex'],
      proposedBy: 'Alex',
      kind: 'offer',
    });
    expect(coaching.ownership.ownedByReport).toBe(1);
    expect(coaching.reviewedPreviousSteps).toBe(true);
  });

  it('quotes only what was said, naming who said it and when', () => {
    const said = coachingLines.map(([, text]) => text).join(' ');
    for (const quote of coaching.evidence) {
      expect(said).toContain(quote.text.replace(/…$/, ''));
      expect(typeof quote.start).toBe('number');
    }
    expect(coaching.parts.every((p) => p.evidence.length <= 3)).toBe(true);
  });

  it('suggests concrete changes from the figures, each with one or two questions to try', () => {
    expect(checkIn.suggestions.length).toBeGreaterThan(0);
    expect(checkIn.suggestions[0]?.message).toMatch(/\d/);
    for (const suggestion of checkIn.suggestions) {
      expect(suggestion.questions.length).toBeGreaterThanOrEqual(1);
      expect(suggestion.questions.length).toBeLessThanOrEqual(2);
    }
  });

  it('gives a timeline entry per turn, with an act only on the leader’s turns', () => {
    expect(coaching.timeline).toHaveLength(coachingLines.length);
    expect(coaching.timeline[0]).toMatchObject({ speaker: 'Sam', start: 0, end: 9 });
    expect(coaching.timeline.filter((t) => t.speaker === 'Alex').every((t) => t.act === null)).toBe(true);
    expect(coaching.timeline.filter((t) => t.speaker === 'Sam').every((t) => t.act !== null)).toBe(true);
  });

  it('survives a round trip through JSON unchanged', () => {
    expect(JSON.parse(JSON.stringify(coaching))).toEqual(coaching);
    expect(JSON.parse(JSON.stringify(checkIn))).toEqual(checkIn);
  });

  it('draws suggested questions from the question bank it is given', () => {
    const bank = parseQuestionBank([
      {
        name: 'ownership.yaml',
        text: [
          'questions:',
          '  - id: own-first-hour',
          '    text: What will you do in the first hour after this meeting?',
          '    grow: will',
          '    category: ownership',
          '    agendaTypes: [goal]',
          '    tags: [action]',
        ].join('\n'),
      },
    ]);
    const analysis = analyzeMeeting(
      { utterances: [], notes: 'Went through the sprint board.' },
      { questionBank: bank },
    );
    const action = analysis.suggestions.find((s) => s.about === 'endedWithAction');
    expect(action?.questions).toEqual(['What will you do in the first hour after this meeting?']);
  });
});

describe('analysing without a usable transcript', () => {
  it('still reads the agenda, notes and next steps of a meeting with no transcript, and says what it could not measure', () => {
    const analysis = analyzeMeeting({
      utterances: [],
      leader: 'Sam',
      agenda: [
        { title: 'Sprint status', type: 'status' },
        { title: 'Career path to staff engineer', type: 'growth' },
      ],
      nextSteps: [
        { title: 'Draft a growth plan', ownerIsReport: true, dueDate: '2025-04-04', proposedBy: 'report' },
      ],
      previousNextSteps: [{ title: 'Book the mentoring session' }],
      notes:
        'We talked about the career path. Mentoring session booked with Priya.\n- Alex to draft a growth plan by Friday',
    });
    expect(analysis.score).toBeNull();
    expect(analysis.verdict).toBeNull();
    expect(analysis.agenda).toEqual({ items: 2, byType: { status: 1, growth: 1 }, statusShare: 0.5 });
    expect(analysis.endedWithAction).toBe(true);
    expect(analysis.ownership).toMatchObject({ source: 'next-steps', ownedByReport: 1, proposedByReport: 1 });
    expect(analysis.reviewedPreviousSteps).toBe(true);
    expect(analysis.topicsSource).toBe('notes');
    expect(analysis.unmeasured.join(' ')).toContain('there is no transcript');
    expect(analysis.parts.find((p) => p.id === 'askTell')?.points).toBeNull();
  });

  it('gives no score, verdict, acts or topics for a transcript that is not in English', () => {
    const analysis = analyzeMeeting({
      utterances: conversation([
        [
          'Jonas',
          'Wie läuft es mit dem Projekt? Was brauchst du noch von mir, damit wir die Frist halten können?',
        ],
        [
          'Mia',
          'Ehrlich gesagt bin ich unsicher, ob wir das schaffen. Die Anforderungen ändern sich jede Woche.',
        ],
        ['Jonas', 'Was wäre für dich der nächste sinnvolle Schritt, wenn du es allein entscheiden könntest?'],
        ['Mia', 'Ich würde mit dem Kunden sprechen und den Umfang für diesen Monat festlegen.'],
      ]),
    });
    expect(analysis.language.supported).toBe(false);
    expect(analysis.score).toBeNull();
    expect(analysis.verdict).toBeNull();
    expect(analysis.leader?.acts).toBeNull();
    expect(analysis.topics).toBeNull();
    expect(analysis.commitments).toEqual([]);
    expect(analysis.timeline.every((t) => t.act === null && t.topic === null)).toBe(true);
    // Talk share is counted in words, which holds in any language.
    expect(analysis.speakers.map((s) => s.speaker)).toEqual(['Jonas', 'Mia']);
  });
});
