import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  isChromiumAvailable,
  type RunningServer,
  startServer,
} from './harness.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const hasChromium = isChromiumAvailable();

// Twelve people in four levels: a COO, two VPs, their leads and their teams.
const orgChartCsv = [
  'email,name,title,manager_email,start_date,time_zone',
  'ines.moreau@harbor.example,Ines Moreau,Chief Operating Officer,,2018-05-02,Europe/Paris',
  'kofi.mensah@harbor.example,Kofi Mensah,VP Engineering,ines.moreau@harbor.example,2019-09-16,Europe/London',
  'sofia.rossi@harbor.example,Sofia Rossi,VP Sales,ines.moreau@harbor.example,2020-01-13,Europe/Rome',
  'arjun.mehta@harbor.example,Arjun Mehta,Engineering Manager,kofi.mensah@harbor.example,2021-03-01,Asia/Kolkata',
  'elena.petrova@harbor.example,Elena Petrova,Staff Engineer,arjun.mehta@harbor.example,2021-06-07,Europe/Berlin',
  'marcus.lee@harbor.example,Marcus Lee,Software Engineer,arjun.mehta@harbor.example,2022-02-14,America/Toronto',
  'nora.jensen@harbor.example,Nora Jensen,Software Engineer,arjun.mehta@harbor.example,2023-08-21,Europe/Copenhagen',
  'diego.alvarez@harbor.example,Diego Alvarez,Sales Manager,sofia.rossi@harbor.example,2021-11-08,America/Mexico_City',
  'yuki.tanaka@harbor.example,Yuki Tanaka,Account Executive,diego.alvarez@harbor.example,2022-05-30,Asia/Tokyo',
  'fatima.zahra@harbor.example,Fatima Zahra,Account Executive,diego.alvarez@harbor.example,2023-01-09,Africa/Casablanca',
  'liam.obrien@harbor.example,Liam O’Brien,Sales Engineer,sofia.rossi@harbor.example,2022-09-12,Europe/Dublin',
  'mei.chen@harbor.example,Mei Chen,Platform Engineer,kofi.mensah@harbor.example,2024-02-05,Asia/Singapore',
].join('\n');

const badCsv = [
  'email,name,title,manager_email,start_date,time_zone',
  'not-an-email,Ann Example,,,,',
  'bo@harbor.example,Bo Example,,nobody@harbor.example,2024-13-01,UTC',
].join('\n');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Runs axe-core in the page and returns the serious and critical violations, described. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate(async () => {
    // This runs in the browser, where axe was just injected as a global.
    const inPage = globalThis as unknown as { axe: typeof axe; document: Parameters<typeof axe.run>[0] };
    const result = await inPage.axe.run(inPage.document, {
      resultTypes: ['violations'],
    });
    return result.violations as unknown as AxeViolation[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.runIf(hasChromium)('the foundation journey in a browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let orgPath = '';
  const violations: Record<string, string[]> = {};

  async function checkAccessibility(name: string) {
    await page.waitForLoadState('networkidle');
    const found = await seriousViolations(page);
    if (found.length > 0) violations[name] = found;
  }

  beforeAll(async () => {
    if (!existsSync(path.join(root, 'dist/web/index.html'))) {
      throw new Error('The web app is not built: run `npm run prepare` before the browser journeys.');
    }
    server = await startServer();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    // The server forbids inline scripts; axe is injected as one, so this context bypasses the policy.
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the signed-out pages without serious accessibility problems', async () => {
    for (const [name, url] of [
      ['sign-in', '/sign-in'],
      ['sign-up', '/sign-up'],
      ['forgot-password', '/forgot-password'],
      ['reset-password', '/reset-password?token=abcdefghijklmnop'],
      ['invitation', '/invitations/this-invitation-does-not-exist-at-all'],
    ] as const) {
      await page.goto(`${server.url}${url}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await checkAccessibility(name);
    }
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(
      /no longer valid|could not be opened/,
    );
  });

  it('signs up and creates an organization', async () => {
    await page.goto(`${server.url}/sign-up`);
    await page.getByLabel(/^Full name/).fill('Grace Holm');
    await page.getByLabel(/^Work email/).fill('grace.holm@harbor.example');
    await page.getByLabel(/^Password/).fill('a calm harbour at dawn');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL('**/welcome');
    await checkAccessibility('welcome');
    await page.getByLabel(/^Organization name/).fill('Harbor Logistics');
    expect(await page.getByLabel(/^Web address/).inputValue()).toBe('harbor-logistics');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.waitForURL('**/o/harbor-logistics');
    orgPath = `${server.url}/o/harbor-logistics`;
    await page.getByRole('heading', { level: 1, name: 'Welcome, Grace' }).waitFor();
    await page.getByText('Import your org chart').waitFor();
    await checkAccessibility('home');
  });

  it('lists every problem of a bad CSV by line and column, and changes nothing', async () => {
    await page.goto(`${orgPath}/settings/import`);
    await page.locator('input[type=file]').setInputFiles({
      name: 'people.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(badCsv),
    });
    await page.getByRole('button', { name: 'Check first' }).click();
    const problems = page.getByRole('table', { name: 'Problems by row and column' });
    await problems.waitFor();
    const rows = await problems.locator('tbody tr').allTextContents();
    expect(rows.some((row) => row.startsWith('2') && row.includes('email'))).toBe(true);
    expect(rows.some((row) => row.startsWith('3') && row.includes('manager_email'))).toBe(true);
    expect(rows.some((row) => row.startsWith('3') && row.includes('start_date'))).toBe(true);
    await checkAccessibility('import with problems');
    // Nothing was imported: the directory still holds only the owner.
    await page.goto(`${orgPath}/people`);
    await page.getByText('1–1 of 1').waitFor();
  });

  it('imports twelve people from a CSV file: checks first, then imports', async () => {
    await page.goto(`${orgPath}/settings/import`);
    await page.locator('input[type=file]').setInputFiles({
      name: 'harbor.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(orgChartCsv),
    });
    const importButton = page.getByRole('button', { name: /^Import/ });
    expect(await importButton.isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Check first' }).click();
    await page.getByText('The file is ready').waitFor();
    expect(await page.getByText('12 rows: 12 new, 0 updated, 0 unchanged.').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Import 12 people' }).click();
    await page.getByText('Imported', { exact: true }).waitFor();
    await checkAccessibility('import done');

    await page.goto(`${orgPath}/people`);
    await page.getByRole('cell', { name: /Elena Petrova/ }).waitFor();
    await checkAccessibility('people');
    await page.getByLabel('Search people').fill('account executive');
    await page.waitForURL(/q=account/);
    await page.getByText('1–2 of 2').waitFor();
    const names = await page.locator('tbody tr').allTextContents();
    expect(names).toHaveLength(2);
    expect(names.join(' ')).toContain('Yuki Tanaka');
    expect(names.join(' ')).toContain('Fatima Zahra');
  });

  it('draws the org chart with the imported reporting lines', async () => {
    await page.goto(`${orgPath}/org-chart`);
    const tree = page.getByRole('tree', { name: 'Org chart' });
    await tree.waitFor();
    // The top is open from the start: the COO and both VPs are visible.
    const ines = tree.getByRole('treeitem', { name: /^Ines Moreau Chief Operating Officer/ });
    await ines.waitFor();
    await ines.getByRole('treeitem', { name: /^Kofi Mensah/ }).waitFor();
    await ines.getByRole('treeitem', { name: /^Sofia Rossi/ }).waitFor();
    expect(await tree.getByRole('treeitem', { name: /^Arjun Mehta/ }).count()).toBe(0);
    await checkAccessibility('org chart');

    await page.getByRole('button', { name: 'Expand all' }).click();
    const arjun = tree.getByRole('treeitem', { name: /^Arjun Mehta/ });
    for (const report of ['Elena Petrova', 'Marcus Lee', 'Nora Jensen']) {
      await arjun.getByRole('treeitem', { name: new RegExp(`^${report}`) }).waitFor();
    }
    const diego = tree.getByRole('treeitem', { name: /^Diego Alvarez/ });
    await diego.getByRole('treeitem', { name: /^Yuki Tanaka/ }).waitFor();
    // Twelve imported people and the owner, who is in the directory from the start.
    expect(await tree.getByRole('treeitem').count()).toBe(13);

    // Keyboard: collapse all, jump to someone deep with the search, then Enter opens the profile.
    await page.getByRole('button', { name: 'Collapse all' }).click();
    await page.getByRole('combobox', { name: 'Find a person' }).fill('Fatima');
    await page.getByRole('option', { name: /Fatima Zahra/ }).click();
    const fatima = tree.getByRole('treeitem', { name: /^Fatima Zahra/ });
    await fatima.waitFor();
    await expect.poll(() => fatima.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'Fatima Zahra' }).waitFor();
    expect(await page.getByRole('link', { name: 'Diego Alvarez' }).first().isVisible()).toBe(true);
    await checkAccessibility('person');
  });

  it('creates an API token, shows it once, and the token works', async () => {
    await page.goto(`${orgPath}/settings/tokens`);
    await page.getByText('No tokens yet').waitFor();
    await checkAccessibility('tokens');
    await page.getByLabel(/^Token name/).fill('Nightly export');
    await page.getByRole('button', { name: 'Create token' }).click();
    const dialog = page.getByRole('dialog', { name: 'Your new API token' });
    await dialog.waitFor();
    expect(await dialog.getByText('You won’t see it again', { exact: false }).isVisible()).toBe(true);
    const token = (await dialog.getByTestId('new-token').textContent())?.trim() ?? '';
    expect(token).toMatch(/^tdm_/);

    const response = await fetch(`${server.url}/api/tokens`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);

    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByRole('cell', { name: 'Nightly export', exact: true }).isVisible()).toBe(true);
    expect(await page.content()).not.toContain(token);
    await page.reload();
    await page.getByRole('cell', { name: 'Nightly export', exact: true }).waitFor();
    expect(await page.content()).not.toContain(token);
  });

  it('shows the remaining settings pages without serious accessibility problems', async () => {
    for (const tab of ['profile', 'members', 'invitations', 'outbox']) {
      await page.goto(`${orgPath}/settings/${tab}`);
      await page.getByRole('tab', { selected: true }).waitFor();
      await checkAccessibility(`settings ${tab}`);
    }
  });

  it('keeps the main pages accessible in the dark theme and on a phone', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    for (const url of ['', '/people', '/org-chart', '/settings/import']) {
      await page.goto(`${orgPath}${url}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await checkAccessibility(`dark ${url || 'home'}`);
    }
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${orgPath}/people`);
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Org chart' }).click();
    await page.waitForURL('**/org-chart');
    await page.getByRole('tree', { name: 'Org chart' }).waitFor();
    await checkAccessibility('phone org chart');
  });

  it('finds no serious or critical accessibility violation on any page it visited', () => {
    // One report for all pages, so a failure names every page and rule at once.
    expect(violations, JSON.stringify(violations, null, 2)).toEqual({});
  });
});
