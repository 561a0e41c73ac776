import { z } from 'zod';

export const HealthView = z.object({
  status: z.literal('ok'),
  database: z.enum(['embedded', 'postgres']),
  version: z.string(),
});
export type HealthView = z.infer<typeof HealthView>;
