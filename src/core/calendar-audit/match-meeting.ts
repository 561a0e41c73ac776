/** One of the owner's Tandem 1:1s, as the audit looks for it in the calendar. */
export interface TandemMeetingSlot {
  id: string;
  start: Date;
  end: Date;
  /** The other participant. */
  withName: string;
  withEmail: string;
}

// Calendar copies drift from the app by a few minutes (a late start moved in one place only).
const START_TOLERANCE_MS = 30 * 60_000;

/**
 * The Tandem 1:1 a calendar occurrence is: one that overlaps it and starts within 30 minutes of
 * it, preferring the one whose other participant is invited, then the closest start. An event
 * with more than two people is a group meeting, whoever else is in it.
 */
export function findMatchingMeeting(
  occurrence: { start: Date; end: Date; attendees: Array<{ email: string }> },
  meetings: TandemMeetingSlot[],
): TandemMeetingSlot | null {
  const invited = new Set(occurrence.attendees.map((attendee) => attendee.email.toLowerCase()));
  // A stand-up at the hour of a 1:1 that invites its report is still the stand-up.
  if (invited.size > 2) return null;
  const candidates = meetings
    .filter(
      (meeting) =>
        meeting.start < occurrence.end &&
        meeting.end > occurrence.start &&
        Math.abs(meeting.start.getTime() - occurrence.start.getTime()) <= START_TOLERANCE_MS,
    )
    // When the calendar lists people, a 1:1 with someone not invited is another meeting.
    .filter((meeting) => invited.size === 0 || invited.has(meeting.withEmail.toLowerCase()));
  candidates.sort(
    (a, b) =>
      Math.abs(a.start.getTime() - occurrence.start.getTime()) -
      Math.abs(b.start.getTime() - occurrence.start.getTime()),
  );
  return candidates[0] ?? null;
}
