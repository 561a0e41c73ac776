import { z } from 'zod';
import { IsoDateTime } from './common.ts';

export const CalendarFeedView = z
  .object({
    hasFeed: z.boolean(),
    /** When the current feed was created; its URL is never shown again. */
    createdAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'CalendarFeed' });
export type CalendarFeedView = z.infer<typeof CalendarFeedView>;

export const CalendarFeedCreated = z
  .object({
    url: z
      .string()
      .describe('The private feed URL to subscribe to. It is shown only this once; Tandem stores a hash.'),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'CalendarFeedCreated' });
export type CalendarFeedCreated = z.infer<typeof CalendarFeedCreated>;

/** Any shape is accepted: an unknown token answers 404 like a revoked one, never a validation error. */
export const CalendarTokenParams = z.strictObject({ token: z.string().min(1).max(200) });

export const CalendarText = z.string().describe('text/calendar (RFC 5545)');
