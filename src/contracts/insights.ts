import { z } from 'zod';
import { IsoDate, IsoDateTime, Slug, Uuid } from './common.ts';

// The executive dashboard: figures only. Nothing here carries a meeting's title, notes, quotes or
// transcript, and pulse figures come from the pulse results service with its anonymity rules.

export const InsightsQuery = z.strictObject({
  weeks: z.coerce
    .number()
    .int()
    .min(1)
    .max(104)
    .default(12)
    .describe('How many weeks back, this week included'),
  rootId: Uuid.optional().describe(
    'Whose reporting tree: yourself by default; someone below you; admins and owners anyone',
  ),
});

export const dashboardSections = [
  'cadence',
  'verdicts-by-week',
  'leaders',
  'overdue-by-team',
  'skills',
  'academy',
  'pulse',
  'flags',
] as const;

export const InsightsCsvQuery = InsightsQuery.extend({
  section: z.enum(dashboardSections).default('cadence').describe('Which chart’s data'),
});

export const InsightsParams = z.strictObject({ org: Slug });
export const LeaderInsightsParams = z.strictObject({ org: Slug, personId: Uuid });
export const LeaderInsightsQuery = z.strictObject({
  weeks: z.coerce.number().int().min(1).max(104).default(12),
});

const Person = z.object({ id: z.string(), name: z.string(), title: z.string() });
const VerdictCounts = z.object({
  coaching: z.number().int(),
  mixed: z.number().int(),
  checkIn: z.number().int(),
  unscored: z.number().int(),
});

export const CadenceWeek = z.object({
  week: IsoDate.describe('Monday of the week (UTC)'),
  planned: z.number().int().describe('1:1s scheduled to start in this week before now'),
  held: z.number().int().describe('of those, completed'),
});

export const LeaderFigures = z.object({
  leader: Person,
  teamSize: z.number().int().describe('direct reports'),
  analysed: z.number().int(),
  averageScore: z.number().nullable(),
  verdicts: VerdictCounts,
  averageAskTell: z.number().nullable().describe('questions per telling statement'),
  averageTalkShare: z.number().nullable().describe('leader’s share of words, 0–1'),
  planned: z.number().int(),
  held: z.number().int(),
  stepsDue: z.number().int(),
  stepsDoneOnTime: z.number().int(),
  followThrough: z.number().nullable().describe('done on time / due, 0–1'),
});

export const PulseTrend = z.object({
  surveyId: z.string(),
  title: z.string(),
  team: Person,
  rounds: z.array(
    z.object({
      closesAt: IsoDateTime,
      visibility: z.enum(['shown', 'open', 'too-few']),
      respondents: z.number().int().nullable(),
      safetyScore: z.number().nullable(),
      enps: z.number().int().nullable(),
    }),
  ),
});

export const InsightFlag = z.object({
  kind: z.enum(['no-recent-one-on-one', 'safety-fell', 'check-in-streak']),
  person: Person,
  message: z.string(),
});

export const DashboardView = z
  .object({
    root: Person,
    generatedAt: IsoDateTime,
    weeks: z.array(IsoDate).describe('the chart’s x axis, oldest first'),
    treeSize: z.number().int().describe('people below the root'),
    cadence: z.array(CadenceWeek),
    verdictsByWeek: z.array(VerdictCounts.extend({ week: IsoDate })),
    leaders: z.array(LeaderFigures),
    overdueByTeam: z.array(z.object({ team: Person, overdue: z.number().int(), open: z.number().int() })),
    skills: z.object({
      skills: z.array(z.object({ id: z.string(), name: z.string() })),
      levels: z.array(z.string()).describe('level 1 … 4'),
      people: z.array(
        z.object({
          person: Person,
          source: z.enum(['manager', 'self']),
          levels: z.array(z.number().int().nullable()),
        }),
      ),
    }),
    academy: z.object({
      modules: z.number().int(),
      people: z.array(z.object({ person: Person, completed: z.number().int() })),
    }),
    pulse: z.array(PulseTrend),
    flags: z.object({
      total: z.number().int(),
      items: z.array(InsightFlag).describe('at most 100 of each kind'),
    }),
  })
  .meta({ id: 'InsightsDashboard' });
export type DashboardView = z.infer<typeof DashboardView>;

export const LeaderInsightsView = z
  .object({
    leader: Person,
    weeks: z.array(IsoDate),
    figures: LeaderFigures,
    byWeek: z.array(
      VerdictCounts.extend({
        week: IsoDate,
        averageScore: z.number().nullable(),
        planned: z.number().int(),
        held: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'LeaderInsights' });
export type LeaderInsightsView = z.infer<typeof LeaderInsightsView>;

export const CsvText = z.string().describe('text/csv (RFC 4180)');
export const HtmlText = z.string().describe('text/html, printable, without scripts');
