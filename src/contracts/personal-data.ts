import { z } from 'zod';
import { IsoDateTime, OrgParams } from './common.ts';

const Rows = z.array(z.record(z.string(), z.unknown()));

export const OrganizationExport = z.object({
  organization: z.object({ slug: z.string(), name: z.string() }),
  membership: z.object({ role: z.string(), since: IsoDateTime }).nullable(),
  person: z.record(z.string(), z.unknown()).nullable(),
  oneOnOnes: z
    .array(z.record(z.string(), z.unknown()))
    .describe('agenda, status, shared notes, your own private note, next steps'),
  analyses: Rows.describe('coaching analyses of your 1:1s as leader, and those shared with you'),
  growth: z.object({ goals: Rows, developmentPlan: Rows, assessments: Rows }),
  academy: z.object({ progress: Rows, practice: Rows, certificates: Rows }),
  notificationPreferences: z.record(z.string(), z.unknown()).nullable(),
  pulse: z.string().describe('why pulse answers are not in the export'),
});
export type OrganizationExport = z.infer<typeof OrganizationExport>;

export const PersonalExport = z
  .object({
    exportedAt: IsoDateTime,
    account: z.object({ id: z.string(), name: z.string(), email: z.string(), createdAt: IsoDateTime }),
    apiTokens: Rows.describe('names and prefixes only; tokens themselves are never stored'),
    organizations: z.array(OrganizationExport),
    notIncluded: z.array(z.string()),
  })
  .meta({ id: 'PersonalExport' });
export type PersonalExport = z.infer<typeof PersonalExport>;

export const PersonalExportParams = OrgParams;
