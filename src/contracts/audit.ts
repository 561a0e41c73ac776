import { z } from 'zod';
import { IsoDateTime, Slug } from './common.ts';

/**
 * The actions Tandem records. Other features may add their own dotted verbs; these are the ones the
 * audit log's filter offers by name.
 */
export const knownAuditActions = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_out',
  'token.created',
  'token.revoked',
  'token.used',
  'export.meetings',
  'export.dashboard_csv',
  'export.dashboard_report',
  'export.pulse',
  'export.calendar',
  'export.calendar_feed',
  'member.role_changed',
  'member.invited',
  'member.removed',
  'invitation.revoked',
  'member.joined',
  'admin.read_person_data',
  'export.personal_data',
  'retention.changed',
  'person.erased',
] as const;

export const AuditAction = z
  .string()
  .min(3)
  .max(64)
  .regex(/^[a-z_]+(\.[a-z_]+)+$/, 'must be a dotted action such as auth.sign_in');

export const AuditEventsQuery = z.strictObject({
  action: AuditAction.optional().describe('Only this action'),
  actor: z.string().trim().min(1).max(254).optional().describe("The actor's email address or account id"),
  since: IsoDateTime.optional().describe('Only events at or after this time'),
  until: IsoDateTime.optional().describe('Only events before this time'),
  cursor: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, 'must be the nextCursor of a previous page')
    .optional()
    .describe('The nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditEventsQuery = z.infer<typeof AuditEventsQuery>;

export const AuditEventView = z
  .object({
    id: z.string(),
    at: IsoDateTime,
    action: z.string(),
    actor: z.object({ userId: z.string().nullable(), email: z.string().nullable() }),
    subjectType: z.string().nullable(),
    subjectId: z.string().nullable(),
    detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    ip: z.string().nullable(),
    /** False for an account-wide event (a sign-in, a token used) of one of the organization's members. */
    isOrganizationEvent: z.boolean(),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEventView = z.infer<typeof AuditEventView>;

export const AuditEventsPage = z
  .object({ events: z.array(AuditEventView), nextCursor: z.string().nullable() })
  .meta({ id: 'AuditEventsPage' });
export type AuditEventsPage = z.infer<typeof AuditEventsPage>;

export const AuditParams = z.strictObject({ org: Slug });
