import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account, seriousViolations } from './browser-helpers.ts';
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  isChromiumAvailable,
  type RunningServer,
  startServer,
} from './harness.ts';

const hasChromium = isChromiumAvailable();
const password = 'a quiet river at noon';

describe.skipIf(!hasChromium)('the audit log in Settings', () => {
  let server: RunningServer;
  let browser: Browser;
  let slug: string;

  async function signedIn(email: string): Promise<BrowserContext> {
    // axe is injected as an inline script, which the server's policy forbids; these contexts bypass it.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const response = await context.request.post(`${server.url}/api/auth/sign-in`, {
      data: { email, password },
      headers: { origin: server.url },
    });
    expect(response.status()).toBe(200);
    return context;
  }

  beforeAll(async () => {
    server = await startServer();
    const owner = new Account(server.url);
    expect(
      (
        await owner.call('POST', '/api/auth/sign-up', {
          name: 'Olga Owner',
          email: 'olga@audit.example',
          password,
        })
      ).status,
    ).toBe(201);
    slug = (await owner.call<{ slug: string }>('POST', '/api/orgs', { name: 'Harbor Audit' })).json.slug;
    const admin = new Account(server.url);
    const adminEmail = 'adam@audit.example';
    expect(
      (await admin.call('POST', '/api/auth/sign-up', { name: 'Adam Admin', email: adminEmail, password }))
        .status,
    ).toBe(201);
    expect(
      (await owner.call('POST', `/api/orgs/${slug}/invitations`, { email: adminEmail, role: 'admin' }))
        .status,
    ).toBe(201);
    const outbox = await owner.call<{ to: string; text: string }[]>('GET', `/api/orgs/${slug}/outbox`);
    const token = /\/invitations\/([\w-]+)/.exec(
      outbox.json.find((mail) => mail.to === adminEmail)?.text ?? '',
    )?.[1];
    expect((await admin.call('POST', `/api/invitations/${token}/accept`, {})).status).toBe(200);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the owner who signed in and who was invited, filtered by action, without serious axe violations', async () => {
    const page = await (await signedIn('olga@audit.example')).newPage();
    await page.goto(`${server.url}/o/${slug}/settings/audit`);
    await page.getByRole('tab', { name: 'Audit log', selected: true }).waitFor();
    await page.getByRole('cell', { name: 'adam@audit.example' }).first().waitFor();
    await page.getByText('Invited').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('combobox', { name: 'Action' }).click();
    await page.getByRole('option', { name: 'Sign-in failed' }).click();
    await page.getByText('No event matches these filters.').waitFor();
  });

  it('hides the tab from an admin and tells them it is for owners', async () => {
    const page = await (await signedIn('adam@audit.example')).newPage();
    await page.goto(`${server.url}/o/${slug}/settings/audit`);
    await page.getByText('Only owners', { exact: true }).waitFor();
    expect(await page.getByRole('tab', { name: 'Audit log' }).count()).toBe(0);
    expect(await page.getByRole('tab', { name: 'Outbox' }).count()).toBe(1);
  });
});
