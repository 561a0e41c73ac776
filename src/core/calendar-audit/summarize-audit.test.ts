import { describe, expect, it } from 'vitest';
import { type AuditedEvent, summarizeAudit } from './summarize-audit.ts';

const period = { start: new Date('2026-10-04T22:00:00Z'), end: new Date('2026-10-18T22:00:00Z') };
const options = { timeZone: 'Europe/Berlin', period };

function event(
  start: string,
  hours: number,
  eventClass: AuditedEvent['eventClass'],
  meetingId: string | null = null,
  attendeeCount = 3,
): AuditedEvent {
  const startAt = new Date(start);
  return {
    start: startAt,
    end: new Date(startAt.getTime() + hours * 3_600_000),
    eventClass,
    attendeeCount,
    meetingId,
  };
}

describe('summarizeAudit', () => {
  const events = [
    event('2026-10-05T08:00:00Z', 1, 'one-on-one', 'coaching-meeting', 2),
    event('2026-10-06T08:00:00Z', 1, 'one-on-one', 'check-in-meeting', 2),
    event('2026-10-07T08:00:00Z', 2, 'status'),
    event('2026-10-08T08:00:00Z', 3, 'focus', null, 0),
    event('2026-10-09T11:00:00Z', 1, 'other', null, 0),
    // Sunday 23:30 in Berlin still belongs to the first week.
    event('2026-10-11T21:30:00Z', 1, 'strategy'),
    event('2026-10-12T08:00:00Z', 1, 'one-on-one', 'coaching-meeting-2', 2),
    event('2026-10-13T08:00:00Z', 1, 'status'),
  ];
  const verdicts = new Map([
    ['coaching-meeting', 'coaching' as const],
    ['check-in-meeting', 'check-in' as const],
    ['coaching-meeting-2', 'coaching' as const],
  ]);

  it('adds up hours by class per Monday-to-Sunday week in the audit’s zone', () => {
    const summary = summarizeAudit(events, verdicts, options);
    expect(summary.weeks.map((week) => week.weekStart)).toEqual(['2026-10-05', '2026-10-12']);
    expect(summary.weeks[0]?.hoursByClass).toEqual({
      'one-on-one': 2,
      status: 2,
      strategy: 1,
      external: 0,
      focus: 3,
      other: 1,
    });
  });

  it('counts as coaching share only 1:1 hours judged coaching, over meeting hours without focus or solo holds', () => {
    const [first, second] = summarizeAudit(events, verdicts, options).weeks;
    expect(first?.meetingHours).toBe(5);
    expect(first?.oneOnOneHours).toEqual({ coaching: 1, mixed: 0, checkIn: 1, notAnalysed: 0 });
    expect(first?.coachingShare).toBe(0.2);
    expect(second?.coachingShare).toBe(0.5);
  });

  it('compares each week with the one before', () => {
    const [first, second] = summarizeAudit(events, verdicts, options).weeks;
    expect(first?.change).toBeNull();
    expect(second?.change?.coachingShare).toBe(0.3);
    expect(second?.change?.hoursByClass.status).toBe(-1);
    expect(second?.change?.meetingHours).toBe(-3);
  });

  it('counts a 1:1 with no analysed Tandem meeting as not analysed, never as coaching', () => {
    const summary = summarizeAudit(
      [event('2026-10-05T08:00:00Z', 1, 'one-on-one', null, 2)],
      new Map(),
      options,
    );
    expect(summary.total.oneOnOneHours.notAnalysed).toBe(1);
    expect(summary.total.coachingShare).toBe(0);
  });

  it('has no coaching share in a week without meetings', () => {
    expect(summarizeAudit([], new Map(), options).weeks[0]?.coachingShare).toBeNull();
  });
});
