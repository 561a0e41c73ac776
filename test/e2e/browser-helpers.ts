/// <reference lib="dom" />
import path from 'node:path';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

// Shared by the Academy and the settings-and-memory journeys.

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** The serious and critical axe violations of the page as it is now, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate(async () => {
    const inPage = globalThis as unknown as { axe: typeof axe; document: Parameters<typeof axe.run>[0] };
    const result = await inPage.axe.run(inPage.document, { resultTypes: ['violations'] });
    return result.violations as unknown as AxeViolation[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

interface PageCheck {
  /** Where serious violations are collected, by page and scheme, for one report at the end. */
  violations: Record<string, string[]>;
  /** A folder for a screenshot of each look, or nothing. */
  shotsDir?: string | undefined;
  /** Brings the phone's page into the state the check is about (a dialog open, say). */
  onPhone?: (phone: Page) => Promise<void>;
}

/**
 * axe on the page as it is, in the light and the dark theme, then on its address in a 390-pixel
 * phone, which must not scroll sideways.
 */
export async function checkLightDarkAndPhone(page: Page, name: string, check: PageCheck): Promise<void> {
  const { violations, shotsDir, onPhone } = check;
  await page.waitForLoadState('networkidle');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(100);
    const found = await seriousViolations(page);
    if (found.length > 0) violations[`${name}, ${scheme}`] = found;
    if (shotsDir)
      await page.screenshot({ path: path.join(shotsDir, `${name}-${scheme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  const phone = await page.context().newPage();
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto(page.url());
  await phone.waitForLoadState('networkidle');
  await phone.getByRole('heading', { level: 1 }).waitFor();
  await onPhone?.(phone);
  const overflow = await phone.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${name} scrolls sideways on a phone`).toBeLessThanOrEqual(0);
  const found = await seriousViolations(phone);
  if (found.length > 0) violations[`${name}, phone`] = found;
  if (shotsDir) await phone.screenshot({ path: path.join(shotsDir, `${name}-phone.png`), fullPage: true });
  await phone.close();
}

/** A signed-in account talking to the API with fetch, the way a script would. */
export class Account {
  cookie = '';
  readonly baseUrl: string;
  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }
  async call<T = unknown>(method: string, url: string, body?: unknown): Promise<{ status: number; json: T }> {
    const response = await fetch(`${this.baseUrl}${url}`, {
      method,
      headers: {
        origin: this.baseUrl,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      if (pair?.startsWith('tandem.session_token=')) this.cookie = pair;
    }
    const text = await response.text();
    return { status: response.status, json: (text ? JSON.parse(text) : null) as T };
  }
}

/**
 * Waits until the page is at a URL `isThere` accepts, across other sites' redirects and a full
 * reload of the app (a sign-in through a provider). A minute, not the usual thirty seconds: on a
 * busy machine that is a dozen navigations. When it never arrives, the error says where the page
 * is stuck and what it shows, which the bare timeout does not.
 */
export async function waitForArrival(page: Page, isThere: (url: URL) => boolean, where: string) {
  try {
    await page.waitForURL(isThere, { timeout: 60_000, waitUntil: 'commit' });
  } catch (error) {
    const alerts = await page
      .getByRole('alert')
      .allTextContents()
      .catch(() => []);
    const body = await page
      .locator('body')
      .textContent({ timeout: 1_000 })
      .catch(() => '');
    throw new Error(
      `Never reached ${where}; the page is at ${page.url()}` +
        (alerts.length ? `, alerts: ${alerts.join(' | ')}` : '') +
        `, text: ${(body ?? '').slice(0, 300)}`,
      { cause: error },
    );
  }
}
