import { z } from 'zod';

export const Uuid = z.uuid({ message: 'must be a UUID' });
export const Email = z
  .email({ message: 'must be an email address' })
  .max(254)
  .transform((value) => value.trim().toLowerCase());
export const Slug = z
  .string()
  .min(2, 'must be at least 2 characters')
  .max(48)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single dashes');
export const IsoDate = z.iso.date({ message: 'must be a date as YYYY-MM-DD' });
export const IsoDateTime = z.iso.datetime({ offset: true });
export const Role = z.enum(['owner', 'admin', 'member']);
export type Role = z.infer<typeof Role>;

/** IANA time zone names the runtime knows (e.g. Europe/Berlin). */
export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => isKnownTimeZone(zone), 'must be an IANA time zone such as Europe/Berlin');

export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const OrgParams = z.strictObject({ org: Slug });

export const InvalidFieldSchema = z.object({
  path: z.string(),
  message: z.string(),
  line: z.number().int().optional(),
  column: z.string().optional(),
});

/** RFC 9457 problem details: the body of every error response. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    requestId: z.string(),
    fields: z.array(InvalidFieldSchema).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof ProblemSchema>;

export const NoContent = z.null().describe('No content');
