import { APIError, createAuthEndpoint } from 'better-auth/api';
import { setSessionCookie } from 'better-auth/cookies';
import { z } from 'zod';

/**
 * A better-auth plugin with one server-only endpoint: start a session for an account whose
 * identity someone else proved (the organization's OpenID Connect provider). The session row and
 * its cookie come from better-auth itself, exactly as a password sign-in makes them. better-auth's
 * own HTTP handler is not mounted, so nothing outside the server can call it.
 */
export function sessionForUser() {
  return {
    id: 'tandem-session-for-user',
    endpoints: {
      createSessionForUser: createAuthEndpoint(
        '/session-for-user',
        {
          method: 'POST',
          body: z.object({ userId: z.string().min(1) }),
          metadata: { SERVER_ONLY: true },
        },
        async (ctx) => {
          const found = await ctx.context.internalAdapter.findUserById(ctx.body.userId);
          if (!found) throw new APIError('NOT_FOUND', { message: 'This account no longer exists.' });
          const created = await ctx.context.internalAdapter.createSession(found.id, false);
          if (!created) throw new APIError('INTERNAL_SERVER_ERROR', { message: 'No session was created.' });
          await setSessionCookie(ctx, { session: created, user: found });
          return ctx.json({ userId: found.id });
        },
      ),
    },
  } as const;
}
