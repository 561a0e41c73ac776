import { z } from 'zod';
import { eventClasses } from '../core/calendar-audit/classify-event.ts';
import { IsoDate, IsoDateTime, Slug, TimeZone, Uuid } from './common.ts';

export const EventClass = z.enum(eventClasses);

export const CalendarAuditInput = z
  .strictObject({
    text: z.string().min(1, 'is empty').max(10_500_000, 'is over 10 MB').optional(),
    base64: z
      .string()
      .min(1)
      .max(14_000_000, 'is over 10 MB')
      .optional()
      .describe('The .ics file itself, base64-encoded'),
    url: z
      .url({ message: 'must be an absolute URL' })
      .max(2_000)
      .optional()
      .describe('A calendar feed (https), e.g. the secret iCal address of a Google or Outlook calendar'),
    sourceName: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe('Shown in the list; defaults to the file or host'),
    from: IsoDate.optional().describe('First day audited; defaults to four weeks before `to`'),
    to: IsoDate.optional().describe('Last day audited (included); defaults to the Sunday before this week'),
    timeZone: TimeZone.optional().describe('Weeks and floating times are read in it; defaults to yours'),
  })
  .refine(
    (input) => [input.text, input.base64, input.url].filter((value) => value !== undefined).length === 1,
    {
      message: 'send exactly one of text, base64 or url',
      path: ['text'],
    },
  );
export type CalendarAuditInput = z.infer<typeof CalendarAuditInput>;

export const CalendarAuditParams = z.strictObject({ org: Slug, auditId: Uuid });
export const CalendarAuditEventParams = z.strictObject({ org: Slug, auditId: Uuid, eventId: Uuid });

const HoursByClass = z.record(EventClass, z.number());
const AuditFigures = z.object({
  hoursByClass: HoursByClass,
  meetingHours: z.number(),
  oneOnOneHours: z.object({
    coaching: z.number(),
    mixed: z.number(),
    checkIn: z.number(),
    notAnalysed: z.number(),
  }),
  coachingShare: z.number().nullable(),
});

export const CalendarAuditListItem = z
  .object({
    id: z.string(),
    sourceName: z.string(),
    periodStart: IsoDateTime,
    periodEnd: IsoDateTime,
    timeZone: z.string(),
    eventCount: z.number().int(),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'CalendarAuditListItem' });

export const CalendarAuditSummary = z
  .object({
    id: z.string(),
    sourceName: z.string(),
    periodStart: IsoDateTime,
    periodEnd: IsoDateTime,
    timeZone: z.string(),
    createdAt: IsoDateTime,
    eventCount: z.number().int(),
    total: AuditFigures,
    weeks: z.array(
      AuditFigures.extend({
        weekStart: IsoDate,
        change: z
          .object({
            hoursByClass: HoursByClass,
            meetingHours: z.number(),
            coachingShare: z.number().nullable(),
          })
          .nullable(),
      }),
    ),
    rules: z.array(z.string()).describe('How events are classed, in the order the rules are tried'),
  })
  .meta({ id: 'CalendarAuditSummary' });
export type CalendarAuditSummary = z.infer<typeof CalendarAuditSummary>;

export const CalendarAuditImported = CalendarAuditSummary.extend({
  leftOut: z
    .object({ declined: z.number().int(), allDay: z.number().int(), cancelled: z.number().int() })
    .describe('Occurrences in the period that are not audited: declined by you, all-day, or cancelled'),
  unknownTimeZones: z
    .array(z.string())
    .describe('Zone names the file neither defines nor the server knows; read in `timeZone`'),
}).meta({ id: 'CalendarAuditImported' });

export const CalendarAuditEventView = z
  .object({
    id: z.string(),
    title: z.string(),
    startsAt: IsoDateTime,
    endsAt: IsoDateTime,
    attendeeCount: z.number().int(),
    hasExternalAttendees: z.boolean(),
    isRecurring: z.boolean(),
    eventClass: EventClass,
    rule: z.string().nullable().describe('The rule that chose the class; null when you set it by hand'),
    isClassSetByHand: z.boolean(),
    meetingId: z.string().nullable(),
    verdict: z
      .enum(['coaching', 'mixed', 'check-in'])
      .nullable()
      .describe('Of the matched Tandem 1:1, once analysed'),
  })
  .meta({ id: 'CalendarAuditEvent' });

export const CalendarAuditEventInput = z.strictObject({ eventClass: EventClass });
