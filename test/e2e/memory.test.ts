/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account, seriousViolations } from './browser-helpers.ts';
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  isChromiumAvailable,
  type RunningServer,
  startServer,
} from './harness.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const hasChromium = isChromiumAvailable();
const password = 'a quiet river at noon';

function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString();
}

describe.runIf(hasChromium)('settings, search, history and a series hand-over in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let slug = '';
  let orgPath = '';
  let pastMeetingId = '';
  let raviId = '';
  let owner: Account;
  let lena: Account;
  const violations: Record<string, string[]> = {};

  async function checkAccessibility(name: string) {
    await page.waitForLoadState('networkidle');
    const found = await seriousViolations(page);
    if (found.length > 0) violations[name] = found;
  }

  async function join(account: Account, name: string, email: string) {
    expect((await account.call('POST', '/api/auth/sign-up', { name, email, password })).status).toBe(201);
    expect(
      (await owner.call('POST', `/api/orgs/${slug}/invitations`, { email, role: 'member' })).status,
    ).toBe(201);
    const outbox = await owner.call<{ to: string; text: string }[]>('GET', `/api/orgs/${slug}/outbox`);
    const token = /\/invitations\/([\w-]+)/.exec(outbox.json.find((m) => m.to === email)?.text ?? '')?.[1];
    expect((await account.call('POST', `/api/invitations/${token}/accept`, {})).status).toBe(200);
  }

  async function personId(email: string): Promise<string> {
    const found = await owner.call<{ items: { id: string; email: string }[] }>(
      'GET',
      `/api/orgs/${slug}/people?q=${encodeURIComponent(email)}`,
    );
    const person = found.json.items.find((p) => p.email === email);
    if (!person) throw new Error(`${email} is not in the directory`);
    return person.id;
  }

  beforeAll(async () => {
    if (!existsSync(path.join(root, 'dist/web/index.html'))) {
      throw new Error('The web app is not built: run `npm run prepare` before the browser journeys.');
    }
    server = await startServer();
    owner = new Account(server.url);
    lena = new Account(server.url);
    const ravi = new Account(server.url);
    const ownerEmail = 'olivia.owner@harbor.example';
    expect(
      (await owner.call('POST', '/api/auth/sign-up', { name: 'Olivia Owner', email: ownerEmail, password }))
        .status,
    ).toBe(201);
    const org = await owner.call<{ slug: string }>('POST', '/api/orgs', { name: 'Harbor Memory' });
    slug = org.json.slug;
    orgPath = `${server.url}/o/${slug}`;
    await join(lena, 'Lena Leader', 'lena.leader@harbor.example');
    await join(ravi, 'Ravi Report', 'ravi.report@harbor.example');
    raviId = await personId('ravi.report@harbor.example');
    const series = await lena.call('POST', `/api/orgs/${slug}/series`, {
      withPersonId: raviId,
      startDate: daysFromNow(1).slice(0, 10),
      startTime: '10:00',
      timeZone: 'UTC',
    });
    expect(series.status, JSON.stringify(series.json)).toBe(201);
    const past = await lena.call<{ id: string }>('POST', `/api/orgs/${slug}/meetings`, {
      withPersonId: raviId,
      startsAt: daysFromNow(-3),
    });
    expect(past.status, JSON.stringify(past.json)).toBe(201);
    pastMeetingId = past.json.id;
    const topic = await lena.call('POST', `/api/orgs/${slug}/meetings/${pastMeetingId}/agenda`, {
      title: 'Quarterly roadmap trade-offs',
      type: 'decision',
    });
    expect(topic.status, JSON.stringify(topic.json)).toBe(201);

    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const signIn = await context.request.post(`${server.url}/api/auth/sign-in`, {
      data: { email: 'lena.leader@harbor.example', password },
      headers: { origin: server.url },
    });
    expect(signIn.status()).toBe(200);
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows a new calendar feed address once, and the address serves the 1:1s', async () => {
    await page.goto(`${orgPath}/settings/calendar`);
    await page.getByText('You have no calendar feed.').waitFor();
    await page.getByRole('button', { name: 'Create my calendar feed' }).click();
    const url = (await page.getByLabel('Your calendar feed address').textContent())?.trim() ?? '';
    expect(url).toMatch(/\/api\/calendar\/.+\.ics$/);
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    await checkAccessibility('settings, calendar');
    await page.reload();
    await page.getByText(/You have a feed, created/).waitFor();
    expect(await page.getByLabel('Your calendar feed address').count()).toBe(0);
  });

  it('refuses a plain http webhook and keeps the saved notification settings', async () => {
    await page.goto(`${orgPath}/settings/notifications`);
    const webhook = page.getByRole('textbox', { name: 'Incoming webhook URL' });
    await webhook.fill('http://hooks.example.com/abc');
    await page.getByRole('button', { name: 'Save notification settings' }).click();
    await page.getByText(/must be an https:\/\/ URL/i).waitFor();
    await webhook.fill('https://hooks.example.com/abc');
    await page.getByRole('switch', { name: 'Send me a Monday digest' }).uncheck({ force: true });
    await page.getByRole('button', { name: 'Save notification settings' }).click();
    await page.getByText('Your notification settings are saved.').waitFor();
    await checkAccessibility('settings, notifications');
    const saved = await lena.call<{ isDigestEnabled: boolean; webhookUrl: string }>(
      'GET',
      `/api/orgs/${slug}/notification-preferences`,
    );
    expect(saved.json).toMatchObject({ isDigestEnabled: false, webhookUrl: 'https://hooks.example.com/abc' });
  });

  it('finds a topic across my 1:1s and opens its meeting', async () => {
    await page.goto(`${orgPath}/meetings`);
    await page.getByRole('searchbox', { name: 'Search my 1:1s' }).fill('roadmap');
    await page.keyboard.press('Enter');
    await page.getByText('1 result for “roadmap”').waitFor();
    await page.locator('mark', { hasText: 'roadmap' }).first().waitFor();
    await checkAccessibility('search');
    await page.getByRole('link', { name: /Ravi Report/ }).click();
    await page.waitForURL(new RegExp(`/meetings/${pastMeetingId}$`));
  });

  it('shows the history with a person from My 1:1s', async () => {
    await page.goto(`${orgPath}/meetings`);
    await page.getByRole('link', { name: 'History with Ravi Report' }).click();
    await page.getByRole('heading', { level: 1, name: 'History with Ravi Report' }).waitFor();
    await page.getByText('Quarterly roadmap trade-offs').waitFor();
    await checkAccessibility('history');
  });

  it('offers to hand a series over when the report gets a new manager, and hands it over', async () => {
    const oliviaId = await personId('olivia.owner@harbor.example');
    expect(
      (await owner.call('PATCH', `/api/orgs/${slug}/people/${raviId}`, { managerId: oliviaId })).status,
    ).toBe(200);
    await page.goto(`${orgPath}/meetings`);
    await page.getByText('Hand this 1:1 series over to Olivia Owner?').waitFor();
    await page
      .getByText(/Ravi Report now reports to Olivia Owner in the org chart, but you still lead/)
      .waitFor();
    await checkAccessibility('my 1:1s with a hand-over offer');
    await page.getByRole('button', { name: 'Hand over to Olivia' }).click();
    await page.getByText('Olivia Owner now leads the 1:1s with Ravi.').waitFor();
    await page.getByText('Hand this 1:1 series over to Olivia Owner?').waitFor({ state: 'detached' });
    const series = await owner.call<{ leader: { name: string } }[]>('GET', `/api/orgs/${slug}/series`);
    expect(series.json.map((s) => s.leader.name)).toContain('Olivia Owner');
  });

  it('has no serious or critical accessibility violations on these pages', () => {
    expect(violations).toEqual({});
  });
});
