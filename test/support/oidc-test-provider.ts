import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import Provider from 'oidc-provider';

export interface ProviderPerson {
  sub: string;
  email: string;
  emailVerified?: boolean;
  name?: string;
}

export interface OidcTestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who signs in at the next login prompt (the provider's own login is skipped). */
  signInAs(person: ProviderPerson): void;
  /** Makes the next login end with this OAuth error instead (e.g. `access_denied`). */
  refuseNextLogin(error: string): void;
  /**
   * Rewrites the ID token of the next token response and signs it again with the provider's own
   * key, as a provider that issued a wrong token would.
   */
  tamperNextIdToken(change: (claims: JWTPayload) => JWTPayload): void;
  close(): Promise<void>;
}

/**
 * A real OpenID provider (panva's oidc-provider) on a loopback port, with one confidential client
 * whose redirect URI is the given one. Its login and consent prompts are answered by the server
 * itself for the person chosen with signInAs(), so a test only has to follow redirects.
 */
export async function startOidcTestProvider(options: { redirectUri: string }): Promise<OidcTestProvider> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const people = new Map<string, ProviderPerson>();
  let nextPerson: ProviderPerson | null = null;
  let nextError: string | null = null;
  let tamper: ((claims: JWTPayload) => JWTPayload) | null = null;
  const clientId = 'tandem-test';
  const clientSecret = 'a-client-secret-for-the-test-provider';

  let handle: (request: IncomingMessage, response: ServerResponse) => void = () => {};
  const server: Server = createServer((request, response) => handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [jwk] },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
    cookies: { keys: ['a-cookie-key-for-the-test-provider'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: unknown, sub: string) => {
      const person = people.get(sub);
      if (!person) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          email: person.email,
          email_verified: person.emailVerified ?? true,
          name: person.name ?? person.email,
        }),
      };
    },
  });
  const providerHandler = provider.callback();

  async function answerInteraction(request: IncomingMessage, response: ServerResponse) {
    const details = await provider.interactionDetails(request, response);
    if (nextError) {
      const error = nextError;
      nextError = null;
      return provider.interactionFinished(request, response, { error }, { mergeWithLastSubmission: false });
    }
    if (details.prompt.name === 'login') {
      if (!nextPerson) throw new Error('The test provider has nobody to sign in: call signInAs() first.');
      people.set(nextPerson.sub, nextPerson);
      return provider.interactionFinished(
        request,
        response,
        { login: { accountId: nextPerson.sub } },
        { mergeWithLastSubmission: false },
      );
    }
    const grant =
      (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ??
      new provider.Grant({ accountId: details.session!.accountId, clientId: details.params.client_id });
    grant.addOIDCScope('openid email profile');
    const grantId = await grant.save();
    return provider.interactionFinished(
      request,
      response,
      { consent: { grantId } },
      { mergeWithLastSubmission: true },
    );
  }

  function interceptTokenResponse(response: ServerResponse, change: (claims: JWTPayload) => JWTPayload) {
    const end = response.end.bind(response) as (chunk?: unknown) => ServerResponse;
    response.end = ((chunk?: unknown) => {
      const body = JSON.parse(String(chunk)) as { id_token?: string };
      if (!body.id_token) return end(chunk);
      void new SignJWT(change(decodeJwt(body.id_token)))
        .setProtectedHeader({ alg: 'RS256', kid: jwk.kid })
        .sign(privateKey)
        .then((signed) => {
          const rewritten = JSON.stringify({ ...body, id_token: signed });
          response.setHeader('content-length', Buffer.byteLength(rewritten));
          end(rewritten);
        });
      return response;
    }) as typeof response.end;
  }

  handle = (request, response) => {
    const path = new URL(request.url ?? '/', issuer).pathname;
    if (path.startsWith('/interaction/')) {
      answerInteraction(request, response).catch((error: Error) => {
        response.statusCode = 500;
        response.end(error.message);
      });
      return;
    }
    if (path === '/token' && request.method === 'POST' && tamper) {
      interceptTokenResponse(response, tamper);
      tamper = null;
    }
    providerHandler(request, response);
  };

  return {
    issuer,
    clientId,
    clientSecret,
    signInAs(person) {
      nextPerson = person;
    },
    refuseNextLogin(error) {
      nextError = error;
    },
    tamperNextIdToken(change) {
      tamper = change;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
