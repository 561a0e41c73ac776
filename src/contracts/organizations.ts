import { z } from 'zod';
import { Email, IsoDateTime, Role, Slug, Uuid } from './common.ts';

export const OrganizationCreateInput = z.strictObject({
  name: z.string().trim().min(2, 'must be at least 2 characters').max(120),
  slug: Slug.optional(),
});
export const OrganizationView = z
  .object({
    id: z.string(),
    slug: Slug,
    name: z.string(),
    role: Role,
    createdAt: IsoDateTime,
    peopleCount: z.number().int(),
  })
  .meta({ id: 'Organization' });
export type OrganizationView = z.infer<typeof OrganizationView>;

export const MemberView = z
  .object({ userId: z.string(), name: z.string(), email: z.string(), role: Role, joinedAt: IsoDateTime })
  .meta({ id: 'Member' });
export type MemberView = z.infer<typeof MemberView>;
export const MemberParams = z.strictObject({ org: Slug, userId: z.string().min(1).max(64) });
export const MemberRoleInput = z.strictObject({ role: Role });

export const InvitationCreateInput = z.strictObject({ email: Email, role: Role.default('member') });
export const InvitationView = z
  .object({
    id: z.string(),
    email: z.string(),
    role: Role,
    status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
    expiresAt: IsoDateTime,
    createdAt: IsoDateTime,
  })
  .meta({ id: 'Invitation' });
export type InvitationView = z.infer<typeof InvitationView>;
export const InvitationParams = z.strictObject({ org: Slug, invitationId: Uuid });
export const InvitationTokenParams = z.strictObject({ token: z.string().min(20).max(100) });
export const InvitationPreview = z.object({
  organizationName: z.string(),
  organizationSlug: z.string(),
  email: z.string(),
  role: Role,
});

export const OutboxMessageView = z
  .object({
    id: z.string(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    kind: z.string(),
    delivery: z.enum(['outbox', 'sent', 'failed']),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'OutboxMessage' });
export type OutboxMessageView = z.infer<typeof OutboxMessageView>;
