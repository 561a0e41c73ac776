import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NoContent, OrgParams } from '../../../contracts/common.ts';
import {
  SsoCallbackQuery,
  SsoConfigInput,
  SsoSettingsView,
  SsoStartInput,
  SsoStartView,
} from '../../../contracts/sso.ts';
import { toHeaders } from '../../auth/actor.ts';
import { tenantOf } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import * as sso from './sso.service.ts';
import { SsoRefusal } from './sso-provider.ts';

const tags = ['single sign-on'];
const STATE_COOKIE = 'tandem.sso_state';

/** The browser's copy of the sign-in it started, so the callback can tell it is the same browser. */
function stateCookie(ctx: AppContext, value: string, maxAgeSeconds: number): string {
  const secure = ctx.publicUrl.startsWith('https://') ? '; Secure' : '';
  // Lax: sent on the provider's top-level redirect back to us, not on cross-site subrequests.
  return `${STATE_COOKIE}=${value}; Path=/api/sso; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;
}

function readCookie(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** Every refusal, and anything unexpected, sends the browser back to the sign-in page with a code it words. */
/** The sign-in page with the reason a sign-in was refused; the browser's login state is cleared. */
function refusalPage(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, error: unknown): string {
  const refusal =
    error instanceof SsoRefusal ? error : new SsoRefusal('failed', 'The sign-in failed.', { cause: error });
  if (refusal.code === 'failed') request.log.error({ err: error }, 'single sign-on failed');
  else request.log.info({ code: refusal.code, reason: refusal.message }, 'single sign-on refused');
  reply.header('set-cookie', stateCookie(ctx, '', 0));
  return `/sign-in?ssoError=${refusal.code}`;
}

function refuse(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, error: unknown) {
  return reply.redirect(refusalPage(ctx, request, reply, error));
}

export const ssoRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/orgs/:org/sso',
      {
        config: { access: 'org-admin' },
        schema: {
          tags,
          summary: 'The organization’s OpenID Connect provider and the redirect URI to register there',
          params: OrgParams,
          response: { 200: SsoSettingsView },
        },
      },
      async (request) => sso.getSsoSettings(ctx, tenantOf(request)),
    );

    app.put(
      '/api/orgs/:org/sso',
      {
        config: { access: 'org-admin' },
        schema: {
          tags,
          summary: 'Configure the organization’s OpenID Connect provider',
          description:
            'The issuer must answer discovery. It must use https; plain http is accepted only for localhost and 127.0.0.1 (422 naming body.issuer otherwise). The client secret is stored sealed and never returned; leave it out to keep the stored one.',
          params: OrgParams,
          body: SsoConfigInput,
          response: { 200: SsoSettingsView },
        },
      },
      async (request) => sso.saveSsoSettings(ctx, tenantOf(request), request.body),
    );

    app.delete(
      '/api/orgs/:org/sso',
      {
        config: { access: 'org-admin' },
        schema: {
          tags,
          summary: 'Remove the organization’s single sign-on (accounts and memberships stay)',
          params: OrgParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await sso.removeSsoSettings(ctx, tenantOf(request));
        return reply.status(204).send(null);
      },
    );

    // A POST with a JSON body, not a link: another site can neither start it (CSRF refuses a
    // foreign Origin, and a form cannot send JSON) nor set the login-state cookie, so nobody can
    // sign a browser in to an account of theirs without its owner choosing to.
    app.post(
      '/api/sso/start',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Start signing in with the organization’s provider',
          description:
            'Finds the organization by a work email address or its slug (`login`) and answers where to send the browser: the provider (with PKCE, state and nonce; the login-state cookie is set), or `/sign-in?ssoError=<code>` when it cannot. `returnTo` must be a path inside Tandem.',
          body: SsoStartInput,
          response: { 200: SsoStartView },
        },
      },
      async (request, reply) => {
        try {
          const started = await sso.startSsoSignIn(ctx, request.body);
          reply.header('set-cookie', stateCookie(ctx, started.state, 600));
          return { redirectTo: started.redirectUrl };
        } catch (error) {
          return { redirectTo: refusalPage(ctx, request, reply, error) };
        }
      },
    );

    app.get(
      '/api/sso/callback',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Where the provider sends the browser back (the redirect URI)',
          description:
            'Validates state, the ID token (issuer, audience, expiry, nonce) and the email domain, then sets the session cookie and redirects to the path the sign-in started from. A refusal redirects to `/sign-in?ssoError=<code>`.',
          querystring: SsoCallbackQuery,
          response: { 302: z.null() },
        },
      },
      async (request, reply) => {
        try {
          const signedIn = await sso.completeSsoSignIn(ctx, {
            query: request.query,
            browserState: readCookie(request, STATE_COOKIE),
            headers: toHeaders(request),
            ip: request.ip,
          });
          reply.header('set-cookie', [...signedIn.setCookies, stateCookie(ctx, '', 0)]);
          return reply.redirect(signedIn.returnTo);
        } catch (error) {
          return refuse(ctx, request, reply, error);
        }
      },
    );
  };
