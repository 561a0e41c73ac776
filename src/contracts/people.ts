import { z } from 'zod';
import { Email, IsoDate, IsoDateTime, Slug, TimeZone, Uuid } from './common.ts';

export const PersonView = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    title: z.string(),
    managerId: z.string().nullable(),
    managerName: z.string().nullable(),
    startDate: z.string().nullable(),
    timeZone: z.string(),
    hasAccount: z.boolean(),
    directReportCount: z.number().int(),
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'Person' });
export type PersonView = z.infer<typeof PersonView>;

export const PeopleQuery = z.strictObject({
  q: z.string().max(200).optional(),
  managerId: Uuid.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const PeoplePage = z.object({ items: z.array(PersonView), total: z.number().int() });
export type PeoplePage = z.infer<typeof PeoplePage>;

export const PersonParams = z.strictObject({ org: Slug, personId: Uuid });

export const PersonErasureResult = z
  .object({
    personId: z.string(),
    transcripts: z.number().int().describe('transcripts of their 1:1s deleted'),
    privateNotes: z.number().int().describe('private notes they wrote, deleted'),
    endedSeries: z.number().int().describe('1:1 series of theirs ended'),
    erasedAt: IsoDateTime,
  })
  .meta({ id: 'PersonErasure' });
export type PersonErasureResult = z.infer<typeof PersonErasureResult>;

export const PersonCreateInput = z.strictObject({
  email: Email,
  name: z.string().trim().min(1, 'is required').max(120),
  title: z.string().trim().max(120).default(''),
  managerId: Uuid.nullable().default(null),
  startDate: IsoDate.nullable().default(null),
  timeZone: TimeZone.default('UTC'),
});
// No defaults here: a field left out of an update stays as it is (zod keeps defaults under .partial()).
export const PersonUpdateInput = z.strictObject({
  email: Email.optional(),
  name: z.string().trim().min(1, 'is required').max(120).optional(),
  title: z.string().trim().max(120).optional(),
  managerId: Uuid.nullable().optional(),
  startDate: IsoDate.nullable().optional(),
  timeZone: TimeZone.optional(),
});

export const OrgChartNode = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  managerId: z.string().nullable(),
  directReportCount: z.number().int(),
});
export const OrgChartView = z
  .object({ nodes: z.array(OrgChartNode), roots: z.array(z.string()) })
  .meta({ id: 'OrgChart' });
export type OrgChartView = z.infer<typeof OrgChartView>;

export const PeopleImportInput = z.strictObject({
  csv: z.string().min(1, 'is empty').max(10_000_000, 'is over 10 MB'),
  dryRun: z.boolean().default(false),
});
export const ImportRowError = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});
export const PeopleImportResult = z
  .object({
    dryRun: z.boolean(),
    rows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
  })
  .meta({ id: 'PeopleImportResult' });
export type PeopleImportResult = z.infer<typeof PeopleImportResult>;
