import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq, like } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account, memberships, people, user } from '../../src/server/db/schema.ts';
import { auditEvents, organizationSso } from '../../src/server/db/schema-trust.ts';
import { databaseKinds } from '../support/databases.ts';
import {
  type OidcTestProvider,
  type ProviderPerson,
  startOidcTestProvider,
} from '../support/oidc-test-provider.ts';
import {
  Client,
  createTestApp,
  ownerWithOrganization,
  signUp,
  TEST_ORIGIN,
  TEST_PASSWORD,
  type TestApp,
} from '../support/test-app.ts';

const DOMAIN = 'acme.test';
const SSO_DOMAINS = 'acme.test, removed.test,switch.test';

function cookieValue(response: LightMyRequestResponse, name: string): string | undefined {
  const header = response.headers['set-cookie'];
  for (const cookie of Array.isArray(header) ? header : header ? [header] : []) {
    const [pair] = cookie.split(';');
    if (pair?.startsWith(`${name}=`)) return pair.slice(name.length + 1);
  }
  return undefined;
}

function setCookieOf(response: LightMyRequestResponse, name: string): string | undefined {
  const header = response.headers['set-cookie'];
  return (Array.isArray(header) ? header : header ? [header] : []).find((cookie) =>
    cookie.startsWith(`${name}=`),
  );
}

describe.each(await databaseKinds())(
  'single sign-on through the organization’s provider on the %s database',
  (kind) => {
    let t: TestApp;
    let provider: OidcTestProvider;
    let owner: Client;
    let slug: string;
    let organizationId: string;

    /** A browser's trip: Tandem's start, the provider's redirects, back to Tandem's callback. */
    async function signInThroughProvider(
      login: string,
      options: { as?: ProviderPerson; client?: Client; returnTo?: string } = {},
    ) {
      const client = options.client ?? new Client(t.app);
      if (options.as) provider.signInAs(options.as);
      const query = new URLSearchParams({
        login,
        ...(options.returnTo ? { returnTo: options.returnTo } : {}),
      });
      const started = await client.post('/api/sso/start', Object.fromEntries(query));
      expect(started.statusCode).toBe(200);
      const browserState = cookieValue(started, 'tandem.sso_state');
      let location = String(started.json().redirectTo);
      const providerCookies = new Map<string, string>();
      for (let hop = 0; hop < 20 && location.startsWith(provider.issuer); hop++) {
        const answer = await fetch(location, {
          redirect: 'manual',
          headers: { cookie: [...providerCookies].map(([key, value]) => `${key}=${value}`).join('; ') },
        });
        for (const cookie of answer.headers.getSetCookie()) {
          const [pair] = cookie.split(';');
          const [key, ...value] = (pair ?? '').split('=');
          if (key) providerCookies.set(key, value.join('='));
        }
        location = new URL(answer.headers.get('location') ?? '', location).href;
      }
      const callbackPath = location.startsWith(TEST_ORIGIN) ? location.slice(TEST_ORIGIN.length) : location;
      const callback = (cookie = browserState) =>
        client.get(callbackPath, {
          cookie: [client.cookie, cookie ? `tandem.sso_state=${cookie}` : undefined]
            .filter(Boolean)
            .join('; '),
        });
      return { client, started, browserState, callbackPath, callback, response: await callback() };
    }

    beforeAll(async () => {
      t = await createTestApp(kind, { TANDEM_SSO_DOMAINS: SSO_DOMAINS });
      provider = await startOidcTestProvider({ redirectUri: `${TEST_ORIGIN}/api/sso/callback` });
      const created = await ownerWithOrganization(t.app, 'Olga Owner');
      owner = created.client;
      slug = created.org.slug;
      organizationId = created.org.id;
      const saved = await owner.request('PUT', `/api/orgs/${slug}/sso`, {
        issuer: provider.issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
        emailDomain: DOMAIN,
      });
      expect(saved.statusCode, saved.body).toBe(200);
    });
    afterAll(async () => {
      await t.close();
      await provider.close();
    });

    it('shows admins the provider and the redirect URI to register, but never the client secret', async () => {
      const response = await owner.get(`/api/orgs/${slug}/sso`);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        redirectUri: `${TEST_ORIGIN}/api/sso/callback`,
        config: {
          issuer: provider.issuer,
          clientId: provider.clientId,
          emailDomain: DOMAIN,
          hasClientSecret: true,
        },
      });
      expect(response.body).not.toContain(provider.clientSecret);
      const [row] = await t.ctx.db
        .select()
        .from(organizationSso)
        .where(eq(organizationSso.organizationId, organizationId));
      expect(row?.clientSecretSealed).not.toContain(provider.clientSecret);
    });

    it('keeps the stored secret when an admin saves the settings without one', async () => {
      const response = await owner.request('PUT', `/api/orgs/${slug}/sso`, {
        issuer: `${provider.issuer}/`,
        clientId: provider.clientId,
        emailDomain: DOMAIN,
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().config.issuer).toBe(provider.issuer);
    });

    it('refuses an issuer over plain http on another host, naming the field', async () => {
      const response = await owner.request('PUT', `/api/orgs/${slug}/sso`, {
        issuer: 'http://login.example.com',
        clientId: 'x',
        clientSecret: 'y',
        emailDomain: DOMAIN,
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().fields[0].path).toBe('body.issuer');
    });

    it('refuses an issuer in a private network, even over https, naming the field', async () => {
      for (const issuer of ['https://10.1.2.3', 'https://169.254.169.254/latest', 'https://localhost:4000']) {
        const response = await owner.request('PUT', `/api/orgs/${slug}/sso`, {
          issuer,
          clientId: 'x',
          clientSecret: 'y',
          emailDomain: DOMAIN,
        });
        expect(response.statusCode, issuer).toBe(422);
        expect(response.json().fields).toEqual([
          { path: 'body.issuer', message: expect.stringContaining('private network') },
        ]);
      }
    });

    it('refuses a provider whose discovery document sends the server into a private network', async () => {
      const lure = createServer((_request, response) => {
        const origin = `http://127.0.0.1:${(lure.address() as AddressInfo).port}`;
        response.setHeader('content-type', 'application/json');
        response.end(
          JSON.stringify({
            issuer: origin,
            authorization_endpoint: `${origin}/authorize`,
            token_endpoint: 'https://10.0.0.7/token',
            jwks_uri: 'https://169.254.169.254/keys',
            response_types_supported: ['code'],
            subject_types_supported: ['public'],
            id_token_signing_alg_values_supported: ['RS256'],
          }),
        );
      });
      await new Promise<void>((resolve) => lure.listen(0, '127.0.0.1', resolve));
      try {
        const response = await owner.request('PUT', `/api/orgs/${slug}/sso`, {
          issuer: `http://127.0.0.1:${(lure.address() as AddressInfo).port}`,
          clientId: 'x',
          clientSecret: 'y',
          emailDomain: DOMAIN,
        });
        expect(response.statusCode).toBe(422);
        expect(response.json().fields).toEqual([
          { path: 'body.issuer', message: expect.stringContaining('private network') },
        ]);
        expect((await owner.get(`/api/orgs/${slug}/sso`)).json().config.issuer).toBe(provider.issuer);
      } finally {
        await new Promise((resolve) => lure.close(resolve));
      }
    });

    it('refuses an issuer that does not answer OpenID Connect discovery', async () => {
      const response = await owner.request('PUT', `/api/orgs/${slug}/sso`, {
        issuer: `${provider.issuer}/elsewhere`,
        clientId: 'x',
        clientSecret: 'y',
        emailDomain: DOMAIN,
      });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({
        code: 'INVALID_SSO_CONFIG',
        fields: [{ path: 'body.issuer' }],
      });
    });

    it('refuses an email domain the operator has not opened to single sign-on, naming the field', async () => {
      const other = await ownerWithOrganization(t.app, 'Gus Grabber');
      const response = await other.client.request('PUT', `/api/orgs/${other.org.slug}/sso`, {
        issuer: provider.issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
        emailDomain: 'gmail.com',
      });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({
        code: 'INVALID_SSO_CONFIG',
        fields: [{ path: 'body.emailDomain' }],
      });
      expect((await other.client.get(`/api/orgs/${other.org.slug}/sso`)).json().config).toBeNull();
    });

    it('refuses an email domain another organization already signs in', async () => {
      const other = await ownerWithOrganization(t.app, 'Otto Other');
      const response = await other.client.request('PUT', `/api/orgs/${other.org.slug}/sso`, {
        issuer: provider.issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
        emailDomain: DOMAIN,
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().fields[0].path).toBe('body.emailDomain');
    });

    it('signs a new person of the domain in with a Tandem session, an account and a member membership', async () => {
      const { response, client } = await signInThroughProvider('nina@acme.test', {
        as: { sub: 'nina-1', email: 'nina@acme.test', name: 'Nina New' },
        returnTo: '/o/somewhere?tab=1',
      });
      expect(response.statusCode).toBe(302);
      expect(response.headers.location).toBe('/o/somewhere?tab=1');
      const session = (await client.get('/api/auth/session')).json();
      expect(session.user).toMatchObject({ email: 'nina@acme.test', name: 'Nina New' });
      expect(session.memberships).toEqual([expect.objectContaining({ slug, role: 'member' })]);
      const [person] = await t.ctx.db
        .select({ userId: people.userId })
        .from(people)
        .where(and(eq(people.organizationId, organizationId), eq(people.email, 'nina@acme.test')));
      expect(person?.userId).toBe(session.user.id);
      const events = await t.ctx.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.actorUserId, session.user.id), eq(auditEvents.action, 'auth.sign_in')));
      expect(events).toEqual([
        expect.objectContaining({ organizationId, detail: { method: 'sso', isNewAccount: true } }),
      ]);
    });

    it('sets the same session cookie a password sign-in sets', async () => {
      const { response } = await signInThroughProvider(slug, {
        as: { sub: 'sam-1', email: 'sam@acme.test' },
      });
      const viaSso = setCookieOf(response, 'tandem.session_token');
      const { email } = await signUp(t.app);
      const viaPassword = setCookieOf(
        await new Client(t.app).post('/api/auth/sign-in', { email, password: TEST_PASSWORD }),
        'tandem.session_token',
      );
      const attributes = (cookie: string | undefined) =>
        cookie
          ?.split(';')
          .slice(1)
          .map((part) => part.trim().split('=')[0]?.toLowerCase())
          .sort();
      expect(viaSso).toBeDefined();
      expect(attributes(viaSso)).toEqual(attributes(viaPassword));
    });

    it('links the directory entry of the address to the account it creates', async () => {
      await owner.post(`/api/orgs/${slug}/people/import`, {
        csv: 'email,name,title,manager_email,start_date,time_zone\npat@acme.test,Pat Listed,Designer,,,\n',
      });
      const { client, response } = await signInThroughProvider('pat@acme.test', {
        as: { sub: 'pat-1', email: 'pat@acme.test' },
      });
      expect(response.headers.location).toBe('/');
      const session = (await client.get('/api/auth/session')).json();
      expect(session.memberships).toEqual([expect.objectContaining({ slug, role: 'member' })]);
      const [person] = await t.ctx.db
        .select({ userId: people.userId, name: people.name })
        .from(people)
        .where(and(eq(people.organizationId, organizationId), eq(people.email, 'pat@acme.test')));
      expect(person).toEqual({ userId: session.user.id, name: 'Pat Listed' });
    });

    it('keeps an admin’s role when they sign in through the provider', async () => {
      const { client } = await signInThroughProvider('olga-sso@acme.test', {
        as: { sub: 'olga-1', email: 'olga-sso@acme.test' },
      });
      const userId = (await client.get('/api/auth/session')).json().user.id;
      await t.ctx.db
        .update(memberships)
        .set({ role: 'admin' })
        .where(and(eq(memberships.userId, userId), eq(memberships.organizationId, organizationId)));
      const again = await signInThroughProvider('olga-sso@acme.test', {
        as: { sub: 'olga-1', email: 'olga-sso@acme.test' },
      });
      expect((await again.client.get('/api/auth/session')).json().memberships[0].role).toBe('admin');
    });

    it('never opens an account it did not make, not even in a browser signed in to it', async () => {
      const signedUp = await new Client(t.app).post('/api/auth/sign-up', {
        name: 'Eli Existing',
        email: 'eli@acme.test',
        password: TEST_PASSWORD,
      });
      const eli = new Client(t.app);
      eli.cookie = `tandem.session_token=${cookieValue(signedUp, 'tandem.session_token')}`;

      const stranger = await signInThroughProvider('eli@acme.test', {
        as: { sub: 'eli-1', email: 'eli@acme.test' },
      });
      expect(stranger.response.headers.location).toBe('/sign-in?ssoError=account_exists');
      expect(cookieValue(stranger.response, 'tandem.session_token')).toBeUndefined();

      // A page elsewhere can send a signed-in browser through the provider: that is no consent to link.
      const signedIn = await signInThroughProvider('eli@acme.test', {
        as: { sub: 'eli-1', email: 'eli@acme.test' },
        client: eli,
      });
      expect(signedIn.response.headers.location).toBe('/sign-in?ssoError=account_exists');
      expect((await eli.get('/api/auth/session')).json().memberships).toEqual([]);
      const links = await t.ctx.db
        .select()
        .from(account)
        .where(and(eq(account.userId, signedUp.json().user.id), like(account.providerId, 'sso:%')));
      expect(links).toEqual([]);
    });

    it('stops opening accounts made under the old provider once an admin changes the issuer', async () => {
      const secondProvider = await startOidcTestProvider({ redirectUri: `${TEST_ORIGIN}/api/sso/callback` });
      try {
        const other = await ownerWithOrganization(t.app, 'Ivo Issuer');
        const settings = (issuer: string, clientId: string, clientSecret: string) =>
          other.client.request('PUT', `/api/orgs/${other.org.slug}/sso`, {
            issuer,
            clientId,
            clientSecret,
            emailDomain: 'switch.test',
          });
        expect((await settings(provider.issuer, provider.clientId, provider.clientSecret)).statusCode).toBe(
          200,
        );
        const first = await signInThroughProvider('ivy@switch.test', {
          as: { sub: 'ivy-1', email: 'ivy@switch.test' },
        });
        expect(first.response.headers.location).toBe('/');
        const again = await signInThroughProvider('ivy@switch.test', {
          as: { sub: 'ivy-1', email: 'ivy@switch.test' },
        });
        expect(again.response.headers.location).toBe('/');

        const changed = await settings(
          secondProvider.issuer,
          secondProvider.clientId,
          secondProvider.clientSecret,
        );
        expect(changed.statusCode, changed.body).toBe(200);
        const links = await t.ctx.db
          .select()
          .from(account)
          .where(like(account.providerId, `sso:${other.org.id}%`));
        expect(links).toEqual([]);

        // Even back on the first provider, the same subject no longer opens the account.
        expect((await settings(provider.issuer, provider.clientId, provider.clientSecret)).statusCode).toBe(
          200,
        );
        const afterChange = await signInThroughProvider('ivy@switch.test', {
          as: { sub: 'ivy-1', email: 'ivy@switch.test' },
        });
        expect(afterChange.response.headers.location).toBe('/sign-in?ssoError=account_exists');
      } finally {
        await secondProvider.close();
      }
    });

    it('refuses an address outside the organization’s domain', async () => {
      const { response, client } = await signInThroughProvider(slug, {
        as: { sub: 'mallory-1', email: 'mallory@elsewhere.test' },
      });
      expect(response.headers.location).toBe('/sign-in?ssoError=email_domain');
      expect((await client.get('/api/auth/session')).statusCode).toBe(401);
      const [account] = await t.ctx.db.select().from(user).where(eq(user.email, 'mallory@elsewhere.test'));
      expect(account).toBeUndefined();
    });

    it('refuses an address the provider has not verified', async () => {
      const { response } = await signInThroughProvider(slug, {
        as: { sub: 'una-1', email: 'una@acme.test', emailVerified: false },
      });
      expect(response.headers.location).toBe('/sign-in?ssoError=email_unverified');
    });

    it('refuses a state it never issued, one from another browser, and one already used', async () => {
      const unknown = await new Client(t.app).get('/api/sso/callback?code=abc&state=forged', {
        cookie: 'tandem.sso_state=forged',
      });
      expect(unknown.headers.location).toBe('/sign-in?ssoError=state_invalid');

      const trip = await signInThroughProvider(slug, { as: { sub: 'rita-1', email: 'rita@acme.test' } });
      expect(trip.response.headers.location).toBe('/');
      const replayed = await trip.callback();
      expect(replayed.headers.location).toBe('/sign-in?ssoError=state_invalid');

      provider.signInAs({ sub: 'rita-1', email: 'rita@acme.test' });
      const other = await signInThroughProvider(slug);
      // The same response arriving in the browser that did not start it (a forwarded link).
      const forwarded = await new Client(t.app).get(other.callbackPath);
      expect(forwarded.headers.location).toBe('/sign-in?ssoError=state_invalid');
    });

    it('shows the provider’s refusal instead of signing in', async () => {
      provider.refuseNextLogin('access_denied');
      const { response } = await signInThroughProvider(slug);
      expect(response.statusCode).toBe(302);
      expect(response.headers.location).toBe('/sign-in?ssoError=provider_error');
    });

    it('refuses an ID token issued to another client, and owners find the refusal in the audit log', async () => {
      provider.tamperNextIdToken((claims) => ({ ...claims, aud: 'another-client' }));
      const { response } = await signInThroughProvider(slug, {
        as: { sub: 'tom-1', email: 'tom@acme.test' },
      });
      expect(response.headers.location).toBe('/sign-in?ssoError=token_audience');
      const refusals = await t.ctx.db
        .select({ detail: auditEvents.detail })
        .from(auditEvents)
        .where(
          and(eq(auditEvents.organizationId, organizationId), eq(auditEvents.action, 'auth.sign_in_failed')),
        );
      expect(refusals).toContainEqual({ detail: { method: 'sso', reason: 'token_audience' } });
    });

    it('refuses an expired ID token', async () => {
      const now = Math.floor(Date.now() / 1000);
      provider.tamperNextIdToken((claims) => ({ ...claims, iat: now - 7_200, exp: now - 3_600 }));
      const { response } = await signInThroughProvider(slug, {
        as: { sub: 'tom-1', email: 'tom@acme.test' },
      });
      expect(response.headers.location).toBe('/sign-in?ssoError=token_expired');
    });

    it('refuses an ID token carrying another sign-in’s nonce', async () => {
      provider.tamperNextIdToken((claims) => ({ ...claims, nonce: 'another-sign-in' }));
      const { response } = await signInThroughProvider(slug, {
        as: { sub: 'tom-1', email: 'tom@acme.test' },
      });
      expect(response.headers.location).toBe('/sign-in?ssoError=token_nonce');
    });

    it('goes back only to paths inside Tandem', async () => {
      const { response } = await signInThroughProvider(slug, {
        as: { sub: 'vic-1', email: 'vic@acme.test' },
        returnTo: 'https://evil.example/phish',
      });
      expect(response.headers.location).toBe('/');
    });

    it('cannot be started by another site: a link is not a way in, nor a foreign form or script', async () => {
      expect((await new Client(t.app).get(`/api/sso/start?login=${slug}`)).statusCode).toBe(404);
      const foreign = await t.app.inject({
        method: 'POST',
        url: '/api/sso/start',
        headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
        payload: { login: slug },
      });
      expect(foreign.statusCode).toBe(403);
      expect(foreign.headers['set-cookie']).toBeUndefined();
      const form = await t.app.inject({
        method: 'POST',
        url: '/api/sso/start',
        headers: { origin: TEST_ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
        payload: `login=${slug}`,
      });
      expect(form.statusCode).toBe(415);
    });

    it('tells a person whose organization has no single sign-on', async () => {
      const response = await new Client(t.app).post('/api/sso/start', { login: 'someone@nowhere.test' });
      expect(response.json().redirectTo).toBe('/sign-in?ssoError=not_configured');
    });

    it('stops signing people in once an admin removes the provider', async () => {
      const other = await ownerWithOrganization(t.app, 'Rhea Remover');
      await other.client.request('PUT', `/api/orgs/${other.org.slug}/sso`, {
        issuer: provider.issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
        emailDomain: 'removed.test',
      });
      expect((await other.client.delete(`/api/orgs/${other.org.slug}/sso`)).statusCode).toBe(204);
      const response = await new Client(t.app).post('/api/sso/start', { login: other.org.slug });
      expect(response.json().redirectTo).toBe('/sign-in?ssoError=not_configured');
      expect((await other.client.get(`/api/orgs/${other.org.slug}/sso`)).json().config).toBeNull();
    });
  },
);
