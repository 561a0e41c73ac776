import { z } from 'zod';
import { CUSTOM_SCALE_MAX, FREE_TEXT_MAX_LENGTH } from '../core/surveys/pulse-questions.ts';
import { IsoDateTime, Slug, Uuid } from './common.ts';

export const PulseScope = z.enum(['tree', 'direct']);
export const PulseCadence = z.enum(['once', 'monthly', 'quarterly']);

export const CustomQuestionInput = z
  .strictObject({
    text: z.string().trim().min(1, 'is required').max(300),
    kind: z
      .enum(['scale', 'choice', 'text'])
      .describe(`scale: 1–${CUSTOM_SCALE_MAX}; choice: one of options; text: free text`),
    options: z.array(z.string().trim().min(1).max(120)).min(2).max(10).optional(),
  })
  .refine((question) => (question.kind === 'choice') === (question.options !== undefined), {
    message: 'a choice needs two to ten options, and only a choice has options',
    path: ['options'],
  });

export const PulseSurveyInput = z.strictObject({
  title: z.string().trim().min(1, 'is required').max(120),
  teamLeadId: Uuid.describe('The manager whose team is asked; they are not asked themselves'),
  scope: PulseScope.describe('tree: everyone below the lead; direct: their direct reports'),
  cadence: PulseCadence,
  openDays: z.number().int().min(1).max(28).default(7).describe('How many days each round stays open'),
  includesSafety: z.boolean().default(true),
  includesEnps: z.boolean().default(true),
  customQuestions: z.array(CustomQuestionInput).max(10).default([]),
});
export type PulseSurveyInput = z.infer<typeof PulseSurveyInput>;

export const PulseSurveyUpdate = z.strictObject({
  title: z.string().trim().min(1).max(120).optional(),
  isActive: z.boolean().optional().describe('false stops later rounds; results stay'),
});

export const PulseQuestionView = z
  .object({
    id: z.string(),
    kind: z.enum(['agreement', 'nps', 'scale', 'choice', 'text']),
    text: z.string(),
    min: z.number().int().nullable(),
    max: z.number().int().nullable(),
    lowLabel: z.string().nullable(),
    highLabel: z.string().nullable(),
    options: z.array(z.string()),
    isReversed: z.boolean(),
    isRequired: z.boolean(),
  })
  .meta({ id: 'PulseQuestion' });

const PersonName = z.object({ id: z.string(), name: z.string() });

export const PulseRoundSummary = z.object({
  id: z.string(),
  opensAt: IsoDateTime,
  closesAt: IsoDateTime,
  isOpen: z.boolean(),
  invited: z.number().int(),
  respondents: z.number().int(),
});

export const PulseSurveyView = z
  .object({
    id: z.string(),
    title: z.string(),
    teamLead: PersonName,
    scope: PulseScope,
    cadence: PulseCadence,
    openDays: z.number().int(),
    isActive: z.boolean(),
    questions: z.array(PulseQuestionView),
    roundCount: z.number().int(),
    latestRound: PulseRoundSummary.nullable(),
    nextRoundAt: IsoDateTime.nullable(),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'PulseSurvey' });
export type PulseSurveyView = z.infer<typeof PulseSurveyView>;

export const PulseLeadView = z
  .object({
    id: z.string(),
    name: z.string(),
    title: z.string(),
    /** How many a `tree` and a `direct` pulse would ask. */
    treeSize: z.number().int(),
    directSize: z.number().int(),
  })
  .meta({ id: 'PulseLead' });

export const PulseAnswerInput = z.strictObject({
  answers: z
    .record(z.string().max(40), z.union([z.number(), z.string().max(FREE_TEXT_MAX_LENGTH * 2)]))
    .describe('By question id: ratings as whole numbers, a choice as its option, free text as text'),
});

/** The answer form, reached through a mailed link or in the app. */
export const PulseFormView = z
  .object({
    roundId: z.string(),
    organizationName: z.string(),
    surveyTitle: z.string(),
    teamLeadName: z.string(),
    scope: PulseScope,
    closesAt: IsoDateTime,
    hasAnswered: z.boolean(),
    questions: z.array(PulseQuestionView),
  })
  .meta({ id: 'PulseForm' });
export type PulseFormView = z.infer<typeof PulseFormView>;

const GroupFigures = z.object({
  respondents: z.number().int(),
  safetyScore: z.number().nullable(),
  enps: z.number().int().nullable(),
});

export const PulseRoundResult = z
  .object({
    id: z.string(),
    opensAt: IsoDateTime,
    closesAt: IsoDateTime,
    invited: z.number().int().nullable().describe('null when narrowed to a team'),
    respondents: z.number().int().nullable(),
    responseRate: z.number().nullable(),
    visibility: z
      .enum(['shown', 'open', 'too-few'])
      .describe('open: figures wait for the round to close; too-few: under five respondents'),
    safety: z
      .object({
        score: z.number(),
        items: z.array(
          z.object({ id: z.string(), text: z.string(), isReversed: z.boolean(), mean: z.number() }),
        ),
      })
      .nullable(),
    enps: z.number().int().nullable(),
    custom: z.array(
      z.object({
        id: z.string(),
        text: z.string(),
        kind: z.enum(['scale', 'choice']),
        mean: z.number().nullable(),
        options: z.array(z.object({ label: z.string(), count: z.number().int() })),
      }),
    ),
    freeText: z.array(z.object({ questionId: z.string(), text: z.string(), answers: z.array(z.string()) })),
    groups: z.array(GroupFigures.extend({ key: z.string(), name: z.string() })),
    otherTeams: GroupFigures.extend({ groupCount: z.number().int() }).nullable(),
  })
  .meta({ id: 'PulseRoundResult' });

export const PulseResultsView = z
  .object({
    survey: PulseSurveyView,
    minimumGroupSize: z.number().int(),
    /** The team the results are narrowed to, when `?group=` was given. */
    group: z.object({ key: z.string(), name: z.string() }).nullable(),
    /** Teams that `?group=` accepts: those shown as a cut in at least one closed round. */
    groupsAvailable: z.array(z.object({ key: z.string(), name: z.string() })),
    /** Oldest first: the trend. */
    rounds: z.array(PulseRoundResult),
  })
  .meta({ id: 'PulseResults' });
export type PulseResultsView = z.infer<typeof PulseResultsView>;

export const PulseResultsQuery = z.strictObject({
  group: z.string().min(1).max(64).optional().describe('Narrow to one team (a key from groupsAvailable)'),
});

export const PulseSurveyParams = z.strictObject({ org: Slug, surveyId: Uuid });
export const PulseRoundParams = z.strictObject({ org: Slug, roundId: Uuid });
export const PulseTokenParams = z.strictObject({ token: z.string().min(16).max(128) });
