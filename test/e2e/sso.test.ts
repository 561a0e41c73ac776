/// <reference lib="dom" />
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OidcTestProvider, startOidcTestProvider } from '../support/oidc-test-provider.ts';
import { Account, seriousViolations, waitForArrival } from './browser-helpers.ts';
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  isChromiumAvailable,
  type RunningServer,
  startServer,
} from './harness.ts';

const hasChromium = isChromiumAvailable();

describe.runIf(hasChromium)('signing in with the company’s provider in the browser', () => {
  let server: RunningServer;
  let provider: OidcTestProvider;
  let browser: Browser;
  let owner: Account;
  let slug = '';

  beforeAll(async () => {
    server = await startServer({ TANDEM_SSO_DOMAINS: 'acme.test' });
    provider = await startOidcTestProvider({ redirectUri: `${server.url}/api/sso/callback` });
    owner = new Account(server.url);
    const signedUp = await owner.call('POST', '/api/auth/sign-up', {
      name: 'Orla Owner',
      email: 'orla@acme.test',
      password: 'a quiet river at noon',
    });
    expect(signedUp.status).toBe(201);
    slug = (await owner.call<{ slug: string }>('POST', '/api/orgs', { name: 'Acme Logistics' })).json.slug;
    const saved = await owner.call('PUT', `/api/orgs/${slug}/sso`, {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      emailDomain: 'acme.test',
    });
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await provider?.close();
    await server?.stop();
  });

  it('goes to the provider from a work address and comes back signed in to the organization', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    provider.signInAs({ sub: 'ana-1', email: 'ana@acme.test', name: 'Ana Alves' });
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole('button', { name: 'Sign in with your company (SSO)' }).click();
    await page.getByRole('textbox', { name: 'Work email or organization' }).fill('ana@acme.test');
    await page.getByRole('button', { name: 'Continue to your company’s sign-in' }).click();
    await waitForArrival(page, (url) => url.pathname.startsWith(`/o/${slug}`), `/o/${slug}`);
    const session = await page.evaluate(async () => (await fetch('/api/auth/session')).json());
    expect(session.user).toMatchObject({ email: 'ana@acme.test', name: 'Ana Alves' });
    expect(session.memberships).toEqual([expect.objectContaining({ slug, role: 'member' })]);
    await context.close();
  });

  it('brings a person with an address outside the domain back to the sign-in page with the reason', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    provider.signInAs({ sub: 'mal-1', email: 'mal@elsewhere.test' });
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole('button', { name: 'Sign in with your company (SSO)' }).click();
    await page.getByRole('textbox', { name: 'Work email or organization' }).fill(slug);
    await page.getByRole('button', { name: 'Continue to your company’s sign-in' }).click();
    await waitForArrival(
      page,
      (url) => url.searchParams.get('ssoError') === 'email_domain',
      'the sign-in page with ssoError=email_domain',
    );
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('This address is not your organization’s');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('sends a person whose address already has an account back to sign in with the password', async () => {
    const existing = new Account(server.url);
    const password = 'another quiet river at dusk';
    await existing.call('POST', '/api/auth/sign-up', {
      name: 'Eli Existing',
      email: 'eli@acme.test',
      password,
    });
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    provider.signInAs({ sub: 'eli-1', email: 'eli@acme.test' });
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole('button', { name: 'Sign in with your company (SSO)' }).click();
    await page.getByRole('textbox', { name: 'Work email or organization' }).fill('eli@acme.test');
    await page.getByRole('button', { name: 'Continue to your company’s sign-in' }).click();
    await waitForArrival(
      page,
      (url) => url.searchParams.get('ssoError') === 'account_exists',
      'the sign-in page with ssoError=account_exists',
    );
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('An account with this address already exists');
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill('eli@acme.test');
    await page.locator('input[autocomplete="current-password"]').fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    const session = await page.evaluate(async () => (await fetch('/api/auth/session')).json());
    expect(session.user.email).toBe('eli@acme.test');
    // Signing in with the password linked nothing: the organization's provider gained no account.
    expect(session.memberships).toEqual([]);
    await context.close();
  });

  it('shows an admin the redirect URI to register and the stored provider', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const [name, value] = owner.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: server.url }]);
    const page = await context.newPage();
    await page.goto(`${server.url}/o/${slug}/settings/sso`);
    const redirectUri = page.getByTestId('sso-redirect-uri');
    await redirectUri.waitFor();
    expect(await redirectUri.textContent()).toBe(`${server.url}/api/sso/callback`);
    expect(await page.getByRole('textbox', { name: 'Issuer URL' }).inputValue()).toBe(provider.issuer);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
