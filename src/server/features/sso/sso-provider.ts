import { createHash } from 'node:crypto';
import * as oidc from 'openid-client';
import { fetch as undiciFetch } from 'undici';
import type { SsoErrorCode } from '../../../contracts/sso.ts';
import { isLoopbackHost } from '../../../core/sso/sso-rules.ts';
import { guardedAgent, privateNetworkRefusalIn } from '../../net/guarded-agent.ts';
import { isPrivateHostName } from '../../net/private-network.ts';

/** A refused sign-in: the browser goes back to the sign-in page with this code, never a 500. */
export class SsoRefusal extends Error {
  readonly code: SsoErrorCode;
  constructor(code: SsoErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SsoRefusal';
    this.code = code;
  }
}

/** A provider URL in the private network: an admin's issuer must not turn the server into their probe. */
export class PrivateProviderHostError extends Error {
  constructor(host: string, options?: { cause?: unknown }) {
    super(`${host} is in a private network`, options);
    this.name = 'PrivateProviderHostError';
  }
}

/** The private-host refusal somewhere in an error's causes, as openid-client wraps what a fetch throws. */
export function privateHostRefusalIn(error: unknown): PrivateProviderHostError | null {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++)
    if (cause instanceof PrivateProviderHostError) return cause;
  return null;
}

/** An issuer on plain http on this machine (tests, local trials) may use endpoints on this machine. */
function isLocalTrial(issuer: URL): boolean {
  return issuer.protocol === 'http:' && isLoopbackHost(issuer.hostname);
}

/** Why the server may not reach `endpoint` of this issuer by its name alone, or null. */
export function privateEndpointProblem(endpoint: URL, issuer: URL): string | null {
  if (!isPrivateHostName(endpoint.hostname)) return null;
  if (isLoopbackHost(endpoint.hostname) && isLocalTrial(issuer)) return null;
  return new PrivateProviderHostError(endpoint.host).message;
}

// One dispatcher for every provider, one that also lets a local trial reach this machine.
const publicOnly = guardedAgent();
const localTrial = guardedAgent({ isTrusted: isLoopbackHost });

/**
 * Every request to the provider (discovery, keys, token, UserInfo) is refused when its host is,
 * or resolves to, a private address: the check is made inside the lookup of the connection
 * itself (`guardedAgent`), so the address connected to is the one checked and a name re-pointed
 * after a check (DNS rebinding) is refused too. Redirects are not followed. The
 * endpoints must also be named by a public host in the discovery document (`assertPublicEndpoints`).
 */
export function guardedFetch(issuer: URL): oidc.CustomFetch {
  const dispatcher = isLocalTrial(issuer) ? localTrial : publicOnly;
  return async (url, options) => {
    try {
      return (await undiciFetch(url, {
        ...(options as object),
        // openid-client asks for this on every request; kept so a redirect is never followed here.
        redirect: 'manual',
        dispatcher,
      })) as unknown as Response;
    } catch (error) {
      const refusal = privateNetworkRefusalIn(error);
      if (refusal) throw new PrivateProviderHostError(new URL(url).host, { cause: refusal });
      throw error;
    }
  };
}

/** The endpoints the discovery document names must be public too, including the one only browsers visit. */
function assertPublicEndpoints(config: oidc.Configuration, issuer: URL): void {
  const metadata = config.serverMetadata();
  for (const endpoint of [
    metadata.authorization_endpoint,
    metadata.token_endpoint,
    metadata.jwks_uri,
    metadata.userinfo_endpoint,
  ]) {
    if (!endpoint) continue;
    const url = new URL(endpoint);
    if (privateEndpointProblem(url, issuer)) throw new PrivateProviderHostError(url.host);
  }
}

export interface ProviderClient {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

const DISCOVERY_TTL_MS = 10 * 60_000;
const cache = new Map<string, { config: Promise<oidc.Configuration>; expiresAt: number }>();

/**
 * The provider's discovered configuration, kept ten minutes per issuer and client so a sign-in
 * costs no discovery round trip. Plain http is allowed only for an issuer on this machine (tests,
 * local trials); the settings API refuses it for any other host. Private hosts are refused, save
 * loopback ones for such a local issuer.
 */
export function providerConfiguration(client: ProviderClient): Promise<oidc.Configuration> {
  const key = createHash('sha256')
    .update(`${client.issuer}\n${client.clientId}\n${client.clientSecret}`)
    .digest('hex');
  const cached = cache.get(key);
  if (cached && cached.expiresAt > Date.now()) return cached.config;
  const issuer = new URL(client.issuer);
  const config = oidc
    .discovery(issuer, client.clientId, client.clientSecret, undefined, {
      timeout: 10,
      [oidc.customFetch]: guardedFetch(issuer),
      ...(isLocalTrial(issuer) ? { execute: [oidc.allowInsecureRequests] } : {}),
    })
    .then((discovered) => {
      assertPublicEndpoints(discovered, issuer);
      return discovered;
    });
  cache.set(key, { config, expiresAt: Date.now() + DISCOVERY_TTL_MS });
  // A failed discovery is not remembered: the next attempt asks again.
  config.catch(() => cache.delete(key));
  return config;
}

export async function discoverOrRefuse(client: ProviderClient): Promise<oidc.Configuration> {
  try {
    return await providerConfiguration(client);
  } catch (error) {
    throw new SsoRefusal(
      'provider_unreachable',
      `The provider at ${client.issuer} did not answer discovery.`,
      {
        cause: error,
      },
    );
  }
}

export interface AuthorizationRequest {
  url: string;
  state: string;
  codeVerifier: string;
  nonce: string;
}

export async function buildAuthorizationRequest(
  config: oidc.Configuration,
  redirectUri: string,
  loginHint: string | undefined,
): Promise<AuthorizationRequest> {
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid email profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...(loginHint ? { login_hint: loginHint } : {}),
  });
  return { url: url.href, state, codeVerifier, nonce };
}

export interface VerifiedIdentity {
  subject: string;
  email: string | undefined;
  isEmailVerified: boolean;
  name: string | undefined;
}

/**
 * Trades the code for tokens and validates the ID token (signature where required, issuer,
 * audience = our client id, expiry, nonce). Claims missing from the ID token are read from the
 * UserInfo endpoint, as providers that keep the ID token small expect.
 */
export async function exchangeCode(
  config: oidc.Configuration,
  callbackUrl: URL,
  checks: { state: string; codeVerifier: string; nonce: string },
): Promise<VerifiedIdentity> {
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    throw refusalFor(error);
  }
  const claims = tokens.claims();
  if (!claims) throw new SsoRefusal('token_invalid', 'The provider sent no ID token.');
  let email = typeof claims.email === 'string' ? claims.email : undefined;
  let verified = claims.email_verified;
  let name = typeof claims.name === 'string' ? claims.name : undefined;
  if (!email || verified === undefined) {
    try {
      const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
      email ??= info.email;
      verified ??= info.email_verified;
      name ??= info.name;
    } catch (error) {
      throw refusalFor(error);
    }
  }
  return {
    subject: claims.sub,
    email: email?.trim().toLowerCase(),
    isEmailVerified: verified === true,
    name,
  };
}

function refusalFor(error: unknown): SsoRefusal {
  if (error instanceof oidc.AuthorizationResponseError) {
    return new SsoRefusal('provider_error', `The provider refused the sign-in: ${error.error}.`, {
      cause: error,
    });
  }
  if (error instanceof oidc.ResponseBodyError) {
    return new SsoRefusal('provider_error', `The provider answered ${error.error}.`, { cause: error });
  }
  if (error instanceof oidc.ClientError) {
    const claim = (error.cause as { cause?: { claim?: string } } | undefined)?.cause?.claim;
    if (error.code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED' && claim === 'exp')
      return new SsoRefusal('token_expired', 'The ID token has expired.', { cause: error });
    if (error.code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' && claim === 'aud')
      return new SsoRefusal('token_audience', 'The ID token was issued to another client.', { cause: error });
    if (error.code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' && claim === 'nonce')
      return new SsoRefusal('token_nonce', 'The ID token belongs to another sign-in.', { cause: error });
    if (error.code === 'OAUTH_TIMEOUT' || error.code === 'OAUTH_ABORT')
      return new SsoRefusal('provider_unreachable', 'The provider did not answer in time.', { cause: error });
    return new SsoRefusal('token_invalid', `The provider's answer was refused: ${error.message}.`, {
      cause: error,
    });
  }
  return new SsoRefusal('provider_unreachable', 'The provider could not be reached.', { cause: error });
}
