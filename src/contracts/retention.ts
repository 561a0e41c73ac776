import { z } from 'zod';
import { IsoDateTime } from './common.ts';

export const RetentionSettingsView = z
  .object({
    transcriptDays: z
      .number()
      .int()
      .nullable()
      .describe('transcripts of 1:1s held more than this many days ago are deleted; null keeps them'),
    updatedAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'RetentionSettings' });
export type RetentionSettingsView = z.infer<typeof RetentionSettingsView>;

export const RetentionSettingsInput = z.strictObject({
  transcriptDays: z
    .number()
    .int()
    .min(1, 'must be at least 1 day')
    .max(3_650, 'must be at most 10 years')
    .nullable(),
});
export type RetentionSettingsInput = z.infer<typeof RetentionSettingsInput>;
