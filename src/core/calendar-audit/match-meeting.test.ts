import { describe, expect, it } from 'vitest';
import { findMatchingMeeting } from './match-meeting.ts';

const slot = (id: string, start: string, withEmail: string) => ({
  id,
  start: new Date(start),
  end: new Date(new Date(start).getTime() + 45 * 60_000),
  withName: id,
  withEmail,
});
const meetings = [
  slot('daniel', '2026-10-06T08:00:00Z', 'daniel@northwind.example'),
  slot('lena', '2026-10-06T08:15:00Z', 'lena@northwind.example'),
];
const occurrence = (start: string, emails: string[]) => ({
  start: new Date(start),
  end: new Date(new Date(start).getTime() + 45 * 60_000),
  attendees: emails.map((email) => ({ email })),
});

describe('findMatchingMeeting', () => {
  it('finds the Tandem 1:1 whose other participant is invited at that time', () => {
    expect(
      findMatchingMeeting(occurrence('2026-10-06T08:10:00Z', ['lena@northwind.example']), meetings)?.id,
    ).toBe('lena');
  });

  it('takes the closest start when the calendar lists nobody', () => {
    expect(findMatchingMeeting(occurrence('2026-10-06T08:05:00Z', []), meetings)?.id).toBe('daniel');
  });

  it('finds nothing an hour away or with someone else', () => {
    expect(findMatchingMeeting(occurrence('2026-10-06T09:30:00Z', []), meetings)).toBeNull();
    expect(
      findMatchingMeeting(occurrence('2026-10-06T08:00:00Z', ['tom@northwind.example']), meetings),
    ).toBeNull();
  });

  it('never takes a group meeting for a 1:1, even when the report is invited', () => {
    const standUp = occurrence('2026-10-06T08:00:00Z', [
      'margaret@northwind.example',
      'daniel@northwind.example',
      'lena@northwind.example',
    ]);
    expect(findMatchingMeeting(standUp, meetings)).toBeNull();
    const pair = occurrence('2026-10-06T08:00:00Z', [
      'margaret@northwind.example',
      'daniel@northwind.example',
    ]);
    expect(findMatchingMeeting(pair, meetings)?.id).toBe('daniel');
  });
});
