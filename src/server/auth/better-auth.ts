import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import type { Db } from '../db/client.ts';
import { account, session, user, verification } from '../db/schema.ts';
import { sessionForUser } from './session-for-user.ts';

export interface AuthHooks {
  sendPasswordReset(input: { email: string; name: string; token: string }): Promise<void>;
  sendEmailChangeVerification(input: {
    userId: string;
    newEmail: string;
    name: string;
    url: string;
  }): Promise<void>;
}

/**
 * better-auth owns identity: password hashing (scrypt, memory-hard), sessions, reset and
 * email-change tokens. Tandem calls it from its own routes (src/server/features/accounts), so
 * every endpoint keeps one validation, error and OpenAPI style.
 */
export function createAuth(
  db: Db,
  options: {
    secret: string;
    baseUrl: string;
    isSecure: boolean;
    hooks: AuthHooks;
    /** Where better-auth's own log lines go: the message only (see `logger` below). */
    log?: (level: 'debug' | 'info' | 'warn' | 'error', message: string) => void;
  },
) {
  return betterAuth({
    appName: 'Tandem',
    secret: options.secret,
    baseURL: options.baseUrl,
    basePath: '/api/auth',
    database: drizzleAdapter(db, { provider: 'pg', schema: { user, session, account, verification } }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 10,
      maxPasswordLength: 256,
      autoSignIn: true,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      sendResetPassword: ({ user: resetUser, token }) =>
        options.hooks.sendPasswordReset({ email: resetUser.email, name: resetUser.name, token }),
    },
    emailVerification: {
      sendVerificationEmail: ({ user: changedUser, url }) =>
        options.hooks.sendEmailChangeVerification({
          userId: changedUser.id,
          newEmail: changedUser.email,
          name: changedUser.name,
          url,
        }),
    },
    user: { changeEmail: { enabled: true } },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    // Sign-in failures are limited by Tandem itself (per address and per IP, shared by all app servers).
    rateLimit: { enabled: false },
    trustedOrigins: [options.baseUrl],
    advanced: {
      cookiePrefix: 'tandem',
      useSecureCookies: options.isSecure,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure: options.isSecure },
    },
    telemetry: { enabled: false },
    // better-auth logs a failed query with its parameters, and a session lookup's parameter is the
    // session token: only the message reaches Tandem's log.
    logger: { log: (level, message) => options.log?.(level, message) },
    plugins: [sessionForUser()],
  });
}

export type Auth = ReturnType<typeof createAuth>;
