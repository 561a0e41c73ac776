import { createHash } from 'node:crypto';
import type { SsoConfigInput, SsoSettingsView } from '../../../contracts/sso.ts';
import { AppError } from '../../../core/errors.ts';
import {
  emailDomainOf,
  isEmailInDomain,
  issuerProblem,
  safeReturnPath,
} from '../../../core/sso/sso-rules.ts';
import type { Tenant } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { recordAuditEvent } from '../audit/audit.service.ts';
import * as repository from './sso.repository.ts';
import {
  buildAuthorizationRequest,
  discoverOrRefuse,
  exchangeCode,
  privateEndpointProblem,
  privateHostRefusalIn,
  providerConfiguration,
  SsoRefusal,
} from './sso-provider.ts';

const LOGIN_STATE_MINUTES = 10;

/**
 * The links of an organization's accounts name its provider's issuer: subjects are unique only
 * per issuer, so a link made under one provider never opens an account under another.
 */
function linkProviderId(organizationId: string, issuer: string): string {
  const issuerKey = createHash('sha256').update(issuer).digest('hex').slice(0, 16);
  return `sso:${organizationId}:${issuerKey}`;
}

/** The domains the operator lets organizations sign in through their own provider. */
function isDomainOpenToSso(ctx: AppContext, emailDomain: string): boolean {
  return ctx.env.TANDEM_SSO_DOMAINS.split(',')
    .map((domain) => domain.trim().toLowerCase())
    .includes(emailDomain.trim().toLowerCase());
}

export function redirectUriOf(ctx: AppContext): string {
  return `${ctx.publicUrl}/api/sso/callback`;
}

/** The sealed secret is bound to its organization: copied to another row, it does not open. */
function sealContext(organizationId: string): string {
  return `organization-sso:${organizationId}`;
}

function toSettingsView(ctx: AppContext, row: repository.SsoConfigRow | null): SsoSettingsView {
  return {
    redirectUri: redirectUriOf(ctx),
    config: row && {
      issuer: row.issuer,
      clientId: row.clientId,
      emailDomain: row.emailDomain,
      isEnabled: row.isEnabled,
      hasClientSecret: row.clientSecretSealed.length > 0,
      updatedAt: row.updatedAt.toISOString(),
    },
  };
}

export async function getSsoSettings(ctx: AppContext, tenant: Tenant): Promise<SsoSettingsView> {
  return toSettingsView(ctx, await repository.findSsoConfig(ctx.db, tenant.organizationId));
}

/**
 * Saves the organization's provider after checking it answers discovery with these settings, so a
 * mistyped issuer is named now rather than at the first person's sign-in.
 */
export async function saveSsoSettings(
  ctx: AppContext,
  tenant: Tenant,
  input: SsoConfigInput,
): Promise<SsoSettingsView> {
  const issuer = input.issuer.replace(/\/+$/, '');
  const problem = issuerProblem(issuer);
  if (problem)
    throw new AppError('INVALID_SSO_CONFIG', `The issuer URL ${problem}.`, {
      fields: [{ path: 'body.issuer', message: problem }],
    });
  // Any admin can create an organization, so whoever claims a domain first would otherwise vouch
  // for every address of it (even gmail.com): the operator decides which domains may be claimed.
  if (!isDomainOpenToSso(ctx, input.emailDomain))
    throw new AppError(
      'INVALID_SSO_CONFIG',
      `@${input.emailDomain} is not among the domains this server lets organizations sign in with their own provider; ask its operator (TANDEM_SSO_DOMAINS).`,
      {
        fields: [
          { path: 'body.emailDomain', message: 'is not a domain this server allows for single sign-on' },
        ],
      },
    );
  const existing = await repository.findSsoConfig(ctx.db, tenant.organizationId);
  const clientSecret =
    input.clientSecret ??
    (existing ? ctx.sealer.open(existing.clientSecretSealed, sealContext(tenant.organizationId)) : undefined);
  if (!clientSecret)
    throw new AppError('VALIDATION_FAILED', 'The client secret is needed the first time.', {
      fields: [{ path: 'body.clientSecret', message: 'is required' }],
    });
  const other = await repository.findOrganizationUsingDomain(
    ctx.db,
    input.emailDomain,
    tenant.organizationId,
  );
  if (other)
    throw new AppError('ALREADY_EXISTS', `Another organization already signs in @${input.emailDomain}.`, {
      fields: [{ path: 'body.emailDomain', message: 'is used by another organization' }],
    });
  const privateIssuer = privateEndpointProblem(new URL(issuer), new URL(issuer));
  if (privateIssuer)
    throw new AppError(
      'INVALID_SSO_CONFIG',
      `The issuer URL names a host Tandem does not reach: ${privateIssuer}.`,
      {
        fields: [{ path: 'body.issuer', message: privateIssuer }],
      },
    );
  try {
    await providerConfiguration({ issuer, clientId: input.clientId, clientSecret });
  } catch (error) {
    const privateHost = privateHostRefusalIn(error);
    if (privateHost)
      throw new AppError(
        'INVALID_SSO_CONFIG',
        `The provider at ${issuer} uses a host Tandem does not reach: ${privateHost.message}.`,
        {
          fields: [{ path: 'body.issuer', message: `names an endpoint that ${privateHost.message}` }],
          cause: error,
        },
      );
    throw new AppError(
      'INVALID_SSO_CONFIG',
      `No OpenID provider answered at ${issuer}/.well-known/openid-configuration with this issuer.`,
      {
        fields: [{ path: 'body.issuer', message: 'does not answer OpenID Connect discovery' }],
        cause: error,
      },
    );
  }
  const row = await repository.upsertSsoConfig(ctx.db, {
    organizationId: tenant.organizationId,
    issuer,
    clientId: input.clientId,
    clientSecretSealed: ctx.sealer.seal(clientSecret, sealContext(tenant.organizationId)),
    emailDomain: input.emailDomain,
    isEnabled: input.isEnabled,
  });
  if (existing && existing.issuer !== issuer) await repository.deleteSsoLinks(ctx.db, tenant.organizationId);
  return toSettingsView(ctx, row);
}

export async function removeSsoSettings(ctx: AppContext, tenant: Tenant): Promise<void> {
  if (!(await repository.deleteSsoConfig(ctx.db, tenant.organizationId)))
    throw new AppError('NOT_FOUND', `${tenant.name} has no single sign-on configured.`);
  await repository.deleteSsoLinks(ctx.db, tenant.organizationId);
}

function clientOf(ctx: AppContext, row: repository.SsoConfigRow) {
  return {
    issuer: row.issuer,
    clientId: row.clientId,
    clientSecret: ctx.sealer.open(row.clientSecretSealed, sealContext(row.organizationId)),
  };
}

/** Finds the organization by a work address or a slug and prepares the redirect to its provider. */
export async function startSsoSignIn(
  ctx: AppContext,
  input: { login?: string | undefined; returnTo?: string | undefined },
): Promise<{ redirectUrl: string; state: string }> {
  const login = (input.login ?? '').trim().toLowerCase();
  const domain = login.includes('@') ? emailDomainOf(login) : null;
  const row = !login
    ? null
    : domain
      ? await repository.findEnabledSsoBy(ctx.db, { emailDomain: domain })
      : await repository.findEnabledSsoBy(ctx.db, { slug: login });
  if (!row)
    throw new SsoRefusal('not_configured', `No organization signs in "${login}" with single sign-on.`);
  const config = await discoverOrRefuse(clientOf(ctx, row));
  const request = await buildAuthorizationRequest(config, redirectUriOf(ctx), domain ? login : undefined);
  await repository.insertLoginState(ctx.db, {
    state: request.state,
    organizationId: row.organizationId,
    codeVerifier: request.codeVerifier,
    nonce: request.nonce,
    returnTo: safeReturnPath(input.returnTo),
    expiresAt: new Date(Date.now() + LOGIN_STATE_MINUTES * 60_000),
  });
  return { redirectUrl: request.url, state: request.state };
}

export interface SsoCallback {
  query: Record<string, unknown>;
  /** The state this browser was given when it left (its cookie). */
  browserState: string | undefined;
  headers: Headers;
  ip: string;
}

/**
 * Validates the provider's answer and signs the person in: the login state is taken once and must
 * be this browser's; the ID token must be for our client, unexpired and carry our nonce; the email
 * must be verified and of the organization's domain. Returns the session cookies and where to go.
 */
export async function completeSsoSignIn(
  ctx: AppContext,
  callback: SsoCallback,
): Promise<{ setCookies: string[]; returnTo: string }> {
  const state = typeof callback.query.state === 'string' ? callback.query.state : '';
  // Tied to the browser that started it: a callback link forwarded to someone else signs nobody in.
  if (!state || state !== callback.browserState)
    throw new SsoRefusal('state_invalid', 'This sign-in was not started in this browser.');
  const login = await repository.consumeLoginState(ctx.db, state);
  if (!login || login.expiresAt < new Date())
    throw new SsoRefusal('state_invalid', 'This sign-in has expired or was already used.');
  try {
    return await signInWithLoginState(ctx, callback, login);
  } catch (error) {
    // Refusals after the state was taken name the organization: its owners see them in the audit log.
    if (error instanceof SsoRefusal)
      await recordAuditEvent(ctx.db, {
        organizationId: login.organizationId,
        actor: null,
        action: 'auth.sign_in_failed',
        detail: { method: 'sso', reason: error.code },
        ip: callback.ip,
      });
    throw error;
  }
}

async function signInWithLoginState(
  ctx: AppContext,
  callback: SsoCallback,
  login: repository.SsoLoginState,
): Promise<{ setCookies: string[]; returnTo: string }> {
  if (typeof callback.query.error === 'string')
    throw new SsoRefusal('provider_error', `The provider refused the sign-in: ${callback.query.error}.`);
  const row = await repository.findSsoConfig(ctx.db, login.organizationId);
  if (!row?.isEnabled) throw new SsoRefusal('not_configured', 'Single sign-on was turned off meanwhile.');
  const config = await discoverOrRefuse(clientOf(ctx, row));
  const callbackUrl = new URL(redirectUriOf(ctx));
  for (const [key, value] of Object.entries(callback.query))
    if (typeof value === 'string') callbackUrl.searchParams.set(key, value);
  const identity = await exchangeCode(config, callbackUrl, login);
  if (!identity.email || !identity.isEmailVerified)
    throw new SsoRefusal('email_unverified', 'The provider did not vouch for an email address.');
  if (!isDomainOpenToSso(ctx, row.emailDomain))
    throw new SsoRefusal(
      'not_configured',
      `@${row.emailDomain} is no longer open to single sign-on on this server.`,
    );
  if (!isEmailInDomain(identity.email, row.emailDomain))
    throw new SsoRefusal('email_domain', `${identity.email} is not an address of @${row.emailDomain}.`);

  // The provider's word opens only an account it made: linking an existing account on it would
  // let whoever runs the provider sign in as that address (and a signed-in browser is no proof of
  // consent, since a page elsewhere can start this sign-in and the session cookie rides along).
  const providerId = linkProviderId(row.organizationId, row.issuer);
  const linkedUserId = await repository.findLinkedUserId(ctx.db, providerId, identity.subject);
  if (!linkedUserId && (await repository.findUserByEmail(ctx.db, identity.email)))
    throw new SsoRefusal(
      'account_exists',
      `${identity.email} already has an account not made by this provider.`,
    );
  const userId = await repository.joinBySso(ctx.db, {
    organizationId: row.organizationId,
    providerId,
    subject: identity.subject,
    email: identity.email,
    name: identity.name?.trim() || identity.email.split('@')[0]!,
    userId: linkedUserId,
  });
  const session = await ctx.auth.api.createSessionForUser({
    body: { userId },
    headers: callback.headers,
    returnHeaders: true,
  });
  await recordAuditEvent(ctx.db, {
    organizationId: row.organizationId,
    actor: { userId, email: identity.email },
    action: 'auth.sign_in',
    detail: { method: 'sso', isNewAccount: !linkedUserId },
    ip: callback.ip,
  });
  return { setCookies: session.headers.getSetCookie(), returnTo: login.returnTo };
}
