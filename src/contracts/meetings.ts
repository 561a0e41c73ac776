import { z } from 'zod';
import { agendaItemTypes } from '../core/questions/question-bank.ts';
import { IsoDate, IsoDateTime, Slug, TimeZone, Uuid } from './common.ts';

export const AgendaItemType = z.enum(agendaItemTypes);
export const MeetingStatus = z.enum(['scheduled', 'skipped', 'completed']);
export const NextStepStatus = z.enum(['open', 'done', 'dropped']);
export const Cadence = z.enum(['weekly', 'biweekly', 'monthly', 'custom']);
export const TemplateKey = z
  .string()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9-]+$/, 'must be lowercase letters, digits and dashes');
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:mm');

export const MeetingParams = z.strictObject({ org: Slug, meetingId: Uuid });
export const SeriesParams = z.strictObject({ org: Slug, seriesId: Uuid });
export const AgendaItemParams = z.strictObject({ org: Slug, meetingId: Uuid, itemId: Uuid });
export const NextStepParams = z.strictObject({ org: Slug, nextStepId: Uuid });

export const PersonRef = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  timeZone: z.string(),
});
export type PersonRef = z.infer<typeof PersonRef>;

export const SeriesCreateInput = z.strictObject({
  /** The other person of the 1:1; the caller is the leader unless `callerIsReport`. */
  withPersonId: Uuid,
  callerIsReport: z.boolean().default(false),
  cadence: Cadence.default('weekly'),
  rrule: z.string().max(500).optional().describe('An RFC 5545 RRULE, when cadence is custom'),
  startDate: IsoDate,
  startTime: Time,
  durationMinutes: z.number().int().min(5).max(480).default(30),
  timeZone: TimeZone,
  templateKey: TemplateKey.default('standard'),
});
export const SeriesUpdateInput = z.strictObject({
  leaderId: Uuid.optional().describe('Hand the series over to another leader'),
  cadence: Cadence.optional(),
  rrule: z.string().max(500).nullable().optional(),
  startTime: Time.optional(),
  durationMinutes: z.number().int().min(5).max(480).optional(),
  timeZone: TimeZone.optional(),
  templateKey: TemplateKey.optional(),
  isActive: z.boolean().optional(),
});
export const SeriesView = z
  .object({
    id: z.string(),
    leader: PersonRef,
    report: PersonRef,
    cadence: Cadence,
    rrule: z.string().nullable(),
    description: z.string(),
    startDate: z.string(),
    startTime: z.string(),
    durationMinutes: z.number().int(),
    timeZone: z.string(),
    templateKey: z.string(),
    isActive: z.boolean(),
    /** Set when the report's manager in the org chart is no longer this series' leader. */
    suggestedLeader: PersonRef.nullable(),
  })
  .meta({ id: 'Series' });
export type SeriesView = z.infer<typeof SeriesView>;

export const MeetingSummary = z
  .object({
    id: z.string(),
    seriesId: z.string().nullable(),
    leader: PersonRef,
    report: PersonRef,
    startsAt: IsoDateTime,
    endsAt: IsoDateTime,
    status: MeetingStatus,
    isMoved: z.boolean(),
    myRole: z.enum(['leader', 'report']),
    agendaCount: z.number().int(),
    openNextSteps: z.number().int(),
    hasStatusUpdate: z.boolean(),
  })
  .meta({ id: 'MeetingSummary' });
export type MeetingSummary = z.infer<typeof MeetingSummary>;

export const MeetingsQuery = z.strictObject({
  scope: z.enum(['upcoming', 'past', 'all']).default('upcoming'),
  withPersonId: Uuid.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const AdHocMeetingInput = z.strictObject({
  withPersonId: Uuid,
  callerIsReport: z.boolean().default(false),
  startsAt: IsoDateTime,
  durationMinutes: z.number().int().min(5).max(480).default(30),
  templateKey: TemplateKey.default('standard'),
});
export const MeetingUpdateInput = z.strictObject({
  startsAt: IsoDateTime.optional().describe('Move the meeting'),
  durationMinutes: z.number().int().min(5).max(480).optional(),
  status: z.enum(['scheduled', 'skipped']).optional(),
});

export const AgendaItemView = z
  .object({
    id: z.string(),
    title: z.string(),
    type: AgendaItemType,
    details: z.string(),
    authorId: z.string(),
    authorName: z.string(),
    position: z.number(),
    isCovered: z.boolean(),
    /** Status items belong in the async status update; the page nudges to move them. */
    isStatusNudged: z.boolean(),
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'AgendaItem' });
export type AgendaItemView = z.infer<typeof AgendaItemView>;
export const AgendaItemCreateInput = z.strictObject({
  title: z.string().trim().min(1, 'is required').max(300),
  type: AgendaItemType.optional().describe('Guessed from the title when absent'),
  details: z.string().max(10_000).default(''),
});
export const AgendaItemUpdateInput = z.strictObject({
  title: z.string().trim().min(1).max(300).optional(),
  type: AgendaItemType.optional(),
  details: z.string().max(10_000).optional(),
  isCovered: z.boolean().optional(),
});
export const AgendaReorderInput = z.strictObject({ itemIds: z.array(Uuid).min(1).max(500) });
export const AgendaTypeGuess = z.object({ type: AgendaItemType });

export const StatusUpdateInput = z.strictObject({
  wins: z.string().max(5_000).default(''),
  inProgress: z.string().max(5_000).default(''),
  blocked: z.string().max(5_000).default(''),
});
export const StatusUpdateView = z
  .object({
    wins: z.string(),
    inProgress: z.string(),
    blocked: z.string(),
    authorName: z.string(),
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'StatusUpdate' });

export const SharedNotesInput = z.strictObject({
  body: z.string().max(200_000),
  /** The version the edit started from; a newer version on the server answers 409 with it. */
  baseVersion: z.number().int().min(0),
});
export const SharedNotesView = z
  .object({
    body: z.string(),
    version: z.number().int(),
    updatedByName: z.string().nullable(),
    updatedAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'SharedNotes' });
export const PrivateNoteInput = z.strictObject({ body: z.string().max(200_000) });
export const PrivateNoteView = z
  .object({ body: z.string(), updatedAt: IsoDateTime.nullable() })
  .meta({ id: 'PrivateNote' });

export const NextStepView = z
  .object({
    id: z.string(),
    meetingId: z.string(),
    title: z.string(),
    owner: PersonRef.nullable(),
    dueDate: z.string().nullable(),
    status: NextStepStatus,
    droppedReason: z.string().nullable(),
    isOverdue: z.boolean(),
    completedAt: IsoDateTime.nullable(),
    proposedById: z.string().nullable(),
    createdAt: IsoDateTime,
    /** The other person of the 1:1 it came from, for "My next steps". */
    withPerson: PersonRef,
  })
  .meta({ id: 'NextStep' });
export type NextStepView = z.infer<typeof NextStepView>;
export const NextStepCreateInput = z.strictObject({
  title: z.string().trim().min(1, 'is required').max(300),
  ownerId: Uuid.nullable().default(null),
  dueDate: IsoDate.nullable().default(null),
  proposedByReport: z.boolean().optional().describe('Who proposed it (ownership); defaults to the caller'),
});
export const NextStepUpdateInput = z.strictObject({
  title: z.string().trim().min(1).max(300).optional(),
  ownerId: Uuid.nullable().optional(),
  dueDate: IsoDate.nullable().optional(),
  status: NextStepStatus.optional(),
  droppedReason: z.string().trim().min(1).max(500).optional(),
});
export const CloseMeetingInput = z.strictObject({
  noNextStepsReason: z.string().trim().min(3, 'must say why there are no next steps').max(500).optional(),
});

export const FlowStep = z.object({ key: z.string(), title: z.string(), prompt: z.string() });
export const MeetingTemplateView = z
  .object({
    key: z.string(),
    name: z.string(),
    description: z.string(),
    steps: z.array(FlowStep),
    isCustom: z.boolean(),
  })
  .meta({ id: 'MeetingTemplate' });
export const MeetingPage = z
  .object({
    meeting: MeetingSummary.extend({
      closedAt: IsoDateTime.nullable(),
      noNextStepsReason: z.string().nullable(),
    }),
    template: MeetingTemplateView,
    agenda: z.array(AgendaItemView),
    statusUpdate: StatusUpdateView.nullable(),
    sharedNotes: SharedNotesView,
    privateNote: PrivateNoteView,
    nextSteps: z.array(NextStepView),
    /** Open next steps from earlier meetings of these two people: "what did we commit to?" */
    carriedOver: z.array(NextStepView),
    previousMeetingId: z.string().nullable(),
    nextMeetingId: z.string().nullable(),
  })
  .meta({ id: 'MeetingPage' });
export type MeetingPage = z.infer<typeof MeetingPage>;

export const MyNextSteps = z.object({
  items: z.array(NextStepView),
  followThrough: z.object({
    due: z.number().int(),
    doneOnTime: z.number().int(),
    /** Done on time / due, null when nothing was due yet. */
    rate: z.number().nullable(),
  }),
});
