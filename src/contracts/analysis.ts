import { z } from 'zod';
import { IsoDateTime, Slug, Uuid } from './common.ts';

export const TranscriptUploadInput = z
  .strictObject({
    text: z.string().min(1, 'is empty').max(10_500_000, 'is over 10 MB').optional(),
    base64: z
      .string()
      .min(1)
      .max(14_000_000)
      .optional()
      .describe('The file itself, base64-encoded, for exact bytes (BOM, UTF-16)'),
    fileName: z.string().max(200).optional(),
    /** The leader's speaker name in the transcript; guessed from the participants' names, else the most questions. */
    leaderSpeaker: z.string().min(1).max(120).optional(),
    consent: z.literal(true, {
      message: 'must be true: both participants agreed to the recording being analysed',
    }),
  })
  .refine((input) => (input.text === undefined) !== (input.base64 === undefined), {
    message: 'send either text or base64',
    path: ['text'],
  });

const Verdict = z.enum(['coaching', 'mixed', 'check-in']);

/** The analysis as the coaching core returns it; the main figures are named, the rest passes through. */
export const AnalysisResult = z
  .looseObject({
    score: z.number().nullable(),
    verdict: Verdict.nullable(),
    language: z.looseObject({ supported: z.boolean() }),
    topics: z.record(z.string(), z.number()).nullable(),
    endedWithAction: z.boolean(),
    unmeasured: z.array(z.string()),
  })
  .meta({ id: 'MeetingAnalysisResult' });

export const AnalysisView = z
  .object({
    meetingId: z.string(),
    /** What this viewer may see: `full` for the leader (or the report when shared), `shared-basics` otherwise. */
    visibility: z.enum(['full', 'shared-basics']),
    source: z.enum(['transcript', 'notes']),
    hasTranscript: z.boolean(),
    transcriptUploadedByName: z.string().nullable(),
    isSharedWithReport: z.boolean(),
    analyzedAt: IsoDateTime,
    result: AnalysisResult,
  })
  .meta({ id: 'Analysis' });
export type AnalysisView = z.infer<typeof AnalysisView>;

export const AnalysisShareInput = z.strictObject({ isSharedWithReport: z.boolean() });

export const TrendQuery = z.strictObject({
  leaderId: Uuid.optional().describe('Defaults to the caller; a leader’s manager chain may look too'),
  limit: z.coerce.number().int().min(1).max(100).default(12),
});
export const TrendPoint = z.object({
  meetingId: z.string(),
  startsAt: IsoDateTime,
  withName: z.string(),
  score: z.number().nullable(),
  verdict: Verdict.nullable(),
  talkShare: z.number().nullable(),
  askTellRatio: z.number().nullable(),
  source: z.enum(['transcript', 'notes']),
});
export const TrendView = z
  .object({
    leaderId: z.string(),
    leaderName: z.string(),
    points: z.array(TrendPoint),
    averageScore: z.number().nullable(),
  })
  .meta({ id: 'CoachingTrend' });
export const OrgOnlyParams = z.strictObject({ org: Slug });
