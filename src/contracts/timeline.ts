import { z } from 'zod';
import { IsoDateTime, Slug, Uuid } from './common.ts';
import { AgendaItemType, MeetingStatus, NextStepStatus, PersonRef } from './meetings.ts';

export const TimelineParams = z.strictObject({ org: Slug, personId: Uuid });
export const TimelineQuery = z.strictObject({
  before: IsoDateTime.optional().describe('Only meetings that started before this time (the next page)'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const TimelineEntry = z
  .object({
    meetingId: z.string(),
    startsAt: IsoDateTime,
    endsAt: IsoDateTime,
    status: MeetingStatus,
    myRole: z.enum(['leader', 'report']),
    closedAt: IsoDateTime.nullable(),
    agenda: z.array(
      z.object({ id: z.string(), title: z.string(), type: AgendaItemType, isCovered: z.boolean() }),
    ),
    nextSteps: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        status: NextStepStatus,
        owner: PersonRef.nullable(),
        dueDate: z.string().nullable(),
        isOverdue: z.boolean(),
      }),
    ),
    statusUpdate: z.object({ wins: z.string(), inProgress: z.string(), blocked: z.string() }).nullable(),
    /** The start of the shared notes, cut at a word; null when nothing was written. */
    notesExcerpt: z.string().nullable(),
  })
  .meta({ id: 'TimelineEntry' });
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const Timeline = z
  .object({
    person: PersonRef,
    /** Past 1:1s of the caller and this person, latest first. */
    items: z.array(TimelineEntry),
    /** Pass as `before` for the next, older page; null on the last page. */
    nextBefore: IsoDateTime.nullable(),
  })
  .meta({ id: 'Timeline' });
export type Timeline = z.infer<typeof Timeline>;

function hasControlCharacter(text: string): boolean {
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 32 && char !== '\t' && char !== '\n' && char !== '\r') return true;
  }
  return false;
}

export const SearchQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .min(1, 'is required: the words to look for')
    .max(499, 'must be shorter than 500 characters')
    .refine((text) => !hasControlCharacter(text), 'must not contain control characters')
    .describe('Words, "a phrase", or -word to leave out (web-search syntax)'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const SearchHitKind = z.enum(['agenda-item', 'shared-notes', 'status-update', 'next-step']);
export const SearchHit = z
  .object({
    kind: SearchHitKind,
    meetingId: z.string(),
    meetingStartsAt: IsoDateTime,
    /** The other person of the 1:1. */
    withPerson: PersonRef,
    /** The agenda item's or next step's title; null for notes and status updates. */
    title: z.string().nullable(),
    /** A short passage around the matches, as plain text parts; `isMatch` parts are the words found. */
    snippet: z.array(z.object({ text: z.string(), isMatch: z.boolean() })),
  })
  .meta({ id: 'SearchHit' });
export type SearchHit = z.infer<typeof SearchHit>;
export const SearchResults = z.object({ items: z.array(SearchHit) }).meta({ id: 'SearchResults' });
