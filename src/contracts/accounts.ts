import { z } from 'zod';
import { Email, IsoDateTime, Role, Slug } from './common.ts';

const Password = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(256, 'must be at most 256 characters');
const PersonName = z.string().trim().min(1, 'is required').max(120);

export const SignUpInput = z.strictObject({ name: PersonName, email: Email, password: Password });
export const SignInInput = z.strictObject({
  email: Email,
  password: z.string().min(1, 'is required').max(256),
});
export const PasswordResetRequestInput = z.strictObject({ email: Email });
export const PasswordResetConfirmInput = z.strictObject({
  token: z.string().min(10).max(200),
  password: Password,
});
export const EmailChangeInput = z.strictObject({ newEmail: Email });
export const ProfileUpdateInput = z.strictObject({ name: PersonName });
export const VerifyEmailQuery = z.strictObject({
  token: z.string().min(10).max(4000),
  callbackURL: z.string().max(2000).optional(),
});

export const UserView = z
  .object({ id: z.string(), name: z.string(), email: z.string(), createdAt: IsoDateTime })
  .meta({ id: 'User' });
export type UserView = z.infer<typeof UserView>;

export const MembershipView = z.object({
  organizationId: z.string(),
  slug: Slug,
  name: z.string(),
  role: Role,
});
export type MembershipView = z.infer<typeof MembershipView>;

export const SessionView = z
  .object({ user: UserView, memberships: z.array(MembershipView) })
  .meta({ id: 'Session' });
export type SessionView = z.infer<typeof SessionView>;

export const AcceptedView = z.object({ status: z.literal('accepted'), message: z.string() });

export const ApiTokenCreateInput = z.strictObject({ name: z.string().trim().min(1, 'is required').max(80) });
export const ApiTokenView = z
  .object({
    id: z.string(),
    name: z.string(),
    displayPrefix: z.string(),
    createdAt: IsoDateTime,
    lastUsedAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiTokenView = z.infer<typeof ApiTokenView>;
export const ApiTokenCreated = ApiTokenView.extend({
  token: z.string().describe('The token itself. It is shown only this once; Tandem stores a hash.'),
});
export const TokenIdParams = z.strictObject({ tokenId: z.uuid({ message: 'must be a UUID' }) });
