import { createHash } from 'node:crypto';
import * as oidc from 'openid-client';
import type { SsoErrorCode } from '../../../contracts/sso.ts';
import { isLoopbackHost } from '../../../core/sso/sso-rules.ts';

/** A refused sign-in: the browser goes back to the sign-in page with this code, never a 500. */
export class SsoRefusal extends Error {
  readonly code: SsoErrorCode;
  constructor(code: SsoErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SsoRefusal';
    this.code = code;
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
 * local trials); the settings API refuses it for any other host.
 */
export function providerConfiguration(client: ProviderClient): Promise<oidc.Configuration> {
  const key = createHash('sha256')
    .update(`${client.issuer}\n${client.clientId}\n${client.clientSecret}`)
    .digest('hex');
  const cached = cache.get(key);
  if (cached && cached.expiresAt > Date.now()) return cached.config;
  const issuer = new URL(client.issuer);
  const isInsecureLoopback = issuer.protocol === 'http:' && isLoopbackHost(issuer.hostname);
  const config = oidc.discovery(issuer, client.clientId, client.clientSecret, undefined, {
    timeout: 10,
    ...(isInsecureLoopback ? { execute: [oidc.allowInsecureRequests] } : {}),
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
