import { asc, eq } from 'drizzle-orm';
import type { MembershipView, SessionView, UserView } from '../../../contracts/accounts.ts';
import { AppError } from '../../../core/errors.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { memberships, organizations, user } from '../../db/schema.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import { callAuth } from './auth-errors.ts';
import { assertSignInAllowed, recordSignInFailure } from './sign-in-limiter.ts';

/** A session answer plus the Set-Cookie headers better-auth wants sent. */
export interface WithCookies<T> {
  value: T;
  setCookies: string[];
}

export async function signUp(
  ctx: AppContext,
  input: { name: string; email: string; password: string },
  headers: Headers,
  ip: string,
): Promise<WithCookies<SessionView>> {
  const result = await callAuth(() =>
    ctx.auth.api.signUpEmail({ body: input, headers, returnHeaders: true }),
  );
  const created = result.response.user;
  await recordAuditEvent(ctx.db, {
    actor: { userId: created.id, email: created.email },
    action: 'auth.sign_in',
    detail: { method: 'sign_up' },
    ip,
  });
  return {
    value: await getSessionView(ctx.db, result.response.user.id),
    setCookies: result.headers.getSetCookie(),
  };
}

export async function signIn(
  ctx: AppContext,
  input: { email: string; password: string },
  headers: Headers,
  ip: string,
): Promise<WithCookies<SessionView>> {
  await assertSignInAllowed(ctx.db, input.email, ip);
  try {
    const result = await callAuth(() =>
      ctx.auth.api.signInEmail({ body: { ...input, rememberMe: true }, headers, returnHeaders: true }),
    );
    const signedIn = result.response.user;
    await recordAuditEvent(ctx.db, {
      actor: { userId: signedIn.id, email: signedIn.email },
      action: 'auth.sign_in',
      detail: { method: 'password' },
      ip,
    });
    return {
      value: await getSessionView(ctx.db, signedIn.id),
      setCookies: result.headers.getSetCookie(),
    };
  } catch (error) {
    if (error instanceof AppError && error.code === 'INVALID_CREDENTIALS') {
      await recordSignInFailure(ctx.db, input.email, ip);
      await recordFailedSignIn(ctx.db, input.email, ip);
    }
    throw error;
  }
}

/**
 * A failed attempt names the address tried and, when it has an account, that account, so the
 * owners of its organizations see attempts on their members. Never the password.
 */
async function recordFailedSignIn(db: Db, email: string, ip: string) {
  const address = email.trim().toLowerCase();
  const [account] = await db.select({ id: user.id }).from(user).where(eq(user.email, address)).limit(1);
  await recordAuditEvent(db, {
    actor: { userId: account?.id ?? null, email: address },
    action: 'auth.sign_in_failed',
    detail: { method: 'password', reason: account ? 'wrong_password' : 'unknown_address' },
    ip,
  });
}

export async function signOut(
  ctx: AppContext,
  headers: Headers,
  actor: { userId: string; email: string },
  ip: string,
): Promise<string[]> {
  const result = await callAuth(() => ctx.auth.api.signOut({ headers, returnHeaders: true }));
  ctx.sessions.forgetUser(actor.userId);
  await recordAuditEvent(ctx.db, { actor, action: 'auth.sign_out', ip });
  return result.headers.getSetCookie();
}

export async function requestPasswordReset(ctx: AppContext, email: string): Promise<void> {
  // The answer is the same whether or not the address has an account, so it reveals nothing.
  await callAuth(() => ctx.auth.api.requestPasswordReset({ body: { email, redirectTo: '/reset-password' } }));
}

export async function confirmPasswordReset(ctx: AppContext, token: string, password: string): Promise<void> {
  await callAuth(() => ctx.auth.api.resetPassword({ body: { token, newPassword: password } }));
  // The reset ended the account's sessions; whose they were is not known here.
  ctx.sessions.forgetAll();
}

export async function requestEmailChange(ctx: AppContext, newEmail: string, headers: Headers): Promise<void> {
  const [taken] = await ctx.db.select({ id: user.id }).from(user).where(eq(user.email, newEmail)).limit(1);
  if (taken)
    throw new AppError('ALREADY_EXISTS', 'Another account already uses this email address.', {
      fields: [{ path: 'body.newEmail', message: 'is already used by another account' }],
    });
  await callAuth(() =>
    ctx.auth.api.changeEmail({ body: { newEmail, callbackURL: '/settings?emailChanged=1' }, headers }),
  );
}

export async function verifyEmail(ctx: AppContext, token: string): Promise<void> {
  await callAuth(() => ctx.auth.api.verifyEmail({ query: { token } }));
  ctx.sessions.forgetAll();
}

export async function updateProfile(ctx: AppContext, userId: string, name: string): Promise<UserView> {
  await ctx.db.update(user).set({ name, updatedAt: new Date() }).where(eq(user.id, userId));
  ctx.sessions.forgetUser(userId);
  return (await getSessionView(ctx.db, userId)).user;
}

export async function getSessionView(db: Db, userId: string): Promise<SessionView> {
  const [row] = await db.select().from(user).where(eq(user.id, userId)).limit(1);
  if (!row) throw new AppError('UNAUTHENTICATED', 'This account no longer exists.');
  const rows = await db
    .select({
      organizationId: organizations.id,
      slug: organizations.slug,
      name: organizations.name,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt));
  const membershipViews: MembershipView[] = rows;
  return {
    user: { id: row.id, name: row.name, email: row.email, createdAt: row.createdAt.toISOString() },
    memberships: membershipViews,
  };
}
