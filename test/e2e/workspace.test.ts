/// <reference lib="dom" />
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
const password = 'a quiet river at noon';

/** A status check-in as a Zoom export: the leader talks, directs and answers for the report. */
const checkInVtt = `WEBVTT

1
00:00:01.000 --> 00:00:06.000
Lena Leader: Okay, let's go through the list. Is the billing migration done?

2
00:00:06.500 --> 00:00:08.000
Ravi Report: Not yet, two services left.

3
00:00:08.500 --> 00:00:24.000
Lena Leader: You need to finish those by Friday. Move the invoice service first, then the ledger. Tell the data team to freeze the schema, and send me the status tonight.

4
00:00:24.500 --> 00:00:26.000
Ravi Report: Okay.

5
00:00:26.500 --> 00:00:40.000
Lena Leader: And the Nordic customer wants the export feature. Put it in the next sprint. I already told sales it ships in March, so make sure the estimate fits.

6
00:00:40.500 --> 00:00:42.000
Ravi Report: Sure, will do.

7
00:00:42.500 --> 00:00:52.000
Lena Leader: Good. Then we're done. Send me the migration status by Friday.
`;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
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

/** A signed-in account talking to the API with fetch, the way a script would. */
class Account {
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

describe.runIf(hasChromium)('the 1:1 workspace in two browsers, a leader’s and a report’s', () => {
  let server: RunningServer;
  let browser: Browser;
  let leaderContext: BrowserContext;
  let reportContext: BrowserContext;
  let leaderPage: Page;
  let reportPage: Page;
  let orgPath = '';
  let slug = '';
  let firstMeetingUrl = '';
  let lena: Account;
  let ravi: Account;
  const violations: Record<string, string[]> = {};

  async function checkAccessibility(page: Page, name: string) {
    await page.waitForLoadState('networkidle');
    const found = await seriousViolations(page);
    if (found.length > 0) violations[name] = found;
  }

  async function signInBrowser(context: BrowserContext, email: string) {
    const response = await context.request.post(`${server.url}/api/auth/sign-in`, {
      data: { email, password },
      headers: { origin: server.url },
    });
    expect(response.status(), await response.text()).toBe(200);
  }

  beforeAll(async () => {
    if (!existsSync(path.join(root, 'dist/web/index.html'))) {
      throw new Error('The web app is not built: run `npm run prepare` before the browser journeys.');
    }
    server = await startServer();
    lena = new Account(server.url);
    ravi = new Account(server.url);
    const lenaEmail = 'lena.leader@harbor.example';
    const raviEmail = 'ravi.report@harbor.example';
    expect(
      (await lena.call('POST', '/api/auth/sign-up', { name: 'Lena Leader', email: lenaEmail, password }))
        .status,
    ).toBe(201);
    const org = await lena.call<{ slug: string }>('POST', '/api/orgs', { name: 'Harbor Workspace' });
    expect(org.status).toBe(201);
    slug = org.json.slug;
    orgPath = `${server.url}/o/${slug}`;
    expect(
      (await ravi.call('POST', '/api/auth/sign-up', { name: 'Ravi Report', email: raviEmail, password }))
        .status,
    ).toBe(201);
    expect(
      (await lena.call('POST', `/api/orgs/${slug}/invitations`, { email: raviEmail, role: 'member' })).status,
    ).toBe(201);
    const outbox = await lena.call<{ to: string; text: string }[]>('GET', `/api/orgs/${slug}/outbox`);
    const mail = outbox.json.find((message) => message.to === raviEmail);
    const token = /\/invitations\/([\w-]+)/.exec(mail?.text ?? '')?.[1];
    expect((await ravi.call('POST', `/api/invitations/${token}/accept`, {})).status).toBe(200);

    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    // axe is injected as an inline script, which the server's policy forbids; these contexts bypass it.
    leaderContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    reportContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    await signInBrowser(leaderContext, lenaEmail);
    await signInBrowser(reportContext, raviEmail);
    leaderPage = await leaderContext.newPage();
    reportPage = await reportContext.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('tells a new leader how to start, and starts a weekly series from the directory', async () => {
    await leaderPage.goto(`${orgPath}/meetings`);
    await leaderPage.getByText('No 1:1s yet').waitFor();
    await checkAccessibility(leaderPage, 'my 1:1s, empty');
    await leaderPage.getByRole('button', { name: 'Start a 1:1 series' }).click();
    const dialog = leaderPage.getByRole('dialog', { name: 'Start a 1:1 series' });
    await dialog.getByRole('combobox', { name: /Who do you meet/ }).fill('Ravi');
    await leaderPage.getByRole('option', { name: /Ravi Report/ }).click();
    await dialog.getByLabel(/^Time/).first().fill('09:30');
    await dialog.getByRole('button', { name: 'Start series' }).click();
    await leaderPage.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    firstMeetingUrl = leaderPage.url();
    await leaderPage.getByRole('heading', { level: 1, name: '1:1 with Ravi Report' }).waitFor();
    await leaderPage.getByText('What did we commit to?').first().waitFor();
  });

  it('shows each person the other’s topics live, guesses their type and nudges status to the async update', async () => {
    await reportPage.goto(firstMeetingUrl);
    await reportPage.getByRole('heading', { level: 1, name: '1:1 with Lena Leader' }).waitFor();
    // Let the report's live connection open before the leader changes anything.
    await reportPage.waitForTimeout(500);

    await leaderPage
      .getByPlaceholder('What do you want to talk about?')
      .fill('Should we move the launch to March?');
    await leaderPage.getByRole('button', { name: 'Add topic' }).click();
    const started = Date.now();
    await reportPage
      .getByRole('button', { name: 'Should we move the launch to March?', exact: true })
      .waitFor({ timeout: 5_000 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await reportPage.getByRole('combobox', { name: /Type of “Should we move/ }).inputValue()).toBe(
      'decision',
    );

    await reportPage
      .getByPlaceholder('What do you want to talk about?')
      .fill('Status update on the billing migration');
    await reportPage.getByRole('button', { name: 'Add topic' }).click();
    await leaderPage
      .getByRole('button', { name: 'Status update on the billing migration', exact: true })
      .waitFor({ timeout: 5_000 });
    await reportPage.getByText('Status belongs in the async update').waitFor();
    expect(await reportPage.getByRole('button', { name: 'Move to status update' }).isVisible()).toBe(true);
    // The leader sees the nudge, but moving it is the report's call.
    await leaderPage.getByText('Status belongs in the async update').waitFor();
    expect(await leaderPage.getByRole('button', { name: 'Move to status update' }).count()).toBe(0);

    // Reorder with the keyboard: the report's topic moves above the leader's.
    await reportPage
      .getByRole('button', { name: 'Move “Status update on the billing migration” up' })
      .focus();
    await reportPage.keyboard.press('Enter');
    await expect
      .poll(
        async () =>
          (await reportPage
            .getByRole('list', { name: 'Agenda topics' })
            .locator('li')
            .first()
            .textContent()) ?? '',
      )
      .toContain('Status update on the billing migration');
  });

  it('takes the report’s status update and shows it to the leader, read-only', async () => {
    await reportPage.getByLabel('Wins').fill('Shipped invoices v2');
    await reportPage.getByLabel('Blocked').fill('Waiting on legal');
    await reportPage.getByRole('button', { name: 'Post status update' }).click();
    await leaderPage.getByText('Shipped invoices v2').waitFor({ timeout: 5_000 });
    expect(await leaderPage.getByLabel('Wins').count()).toBe(0);
  });

  it('keeps the leader’s private note from the report, in the page and in the API', async () => {
    await leaderPage.getByText(/^Only you can see this\./).waitFor();
    await leaderPage
      .getByLabel('Private note (only you can see this)')
      .fill('Ravi seems tired; ask about workload');
    await leaderPage.getByRole('button', { name: 'Save private note' }).click();
    await leaderPage.getByText(/Saved (just now|\d+ seconds? ago)/).waitFor();
    await reportPage.reload();
    await reportPage.getByRole('heading', { level: 1, name: '1:1 with Lena Leader' }).waitFor();
    expect(await reportPage.content()).not.toContain('seems tired');
    const meetingId = firstMeetingUrl.split('/').pop();
    const page = await ravi.call<{ privateNote: { body: string } }>(
      'GET',
      `/api/orgs/${slug}/meetings/${meetingId}`,
    );
    expect(page.json.privateNote.body).toBe('');
    const note = await ravi.call<{ body: string }>(
      'GET',
      `/api/orgs/${slug}/meetings/${meetingId}/notes/private`,
    );
    expect(note.json.body).toBe('');
  });

  it('renders shared notes as Markdown without running a script or a javascript: link', async () => {
    const note = '# Launch\n\n<script>window.__xss=1</script>\n\n[x](javascript:window.__xss=2) and **bold**';
    await leaderPage.getByRole('textbox', { name: 'Shared notes' }).fill(note);
    await leaderPage.getByRole('button', { name: 'Save notes' }).click();
    await leaderPage.getByText('Shared notes saved.').waitFor();
    await leaderPage.getByText('Preview', { exact: true }).click();
    const preview = leaderPage.getByTestId('notes-preview');
    await preview.getByRole('heading', { name: 'Launch' }).waitFor();
    expect(await preview.textContent()).toContain('<script>window.__xss=1</script>');
    await reportPage.reload();
    await reportPage.getByTestId('notes-preview').getByRole('heading', { name: 'Launch' }).waitFor();
    for (const page of [leaderPage, reportPage]) {
      expect(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
      await page.getByTestId('notes-preview').getByText('x', { exact: true }).click();
      expect(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).toBeUndefined();
    }
    await checkAccessibility(leaderPage, 'meeting page');
  });

  it('lets the report merge when both saved the shared notes at once, losing no one’s words', async () => {
    await reportPage.getByText('Write', { exact: true }).click();
    const reportNotes = reportPage.getByRole('textbox', { name: 'Shared notes' });
    await reportNotes.fill(`${await reportNotes.inputValue()}\n- Ravi: legal review first`);

    await leaderPage.getByText('Write', { exact: true }).click();
    const leaderNotes = leaderPage.getByRole('textbox', { name: 'Shared notes' });
    await leaderNotes.fill(`${await leaderNotes.inputValue()}\n- Lena: pricing page`);
    await leaderPage.getByRole('button', { name: 'Save notes' }).click();
    await leaderPage.getByText('Shared notes saved.').first().waitFor();
    await reportPage.getByText('saved a newer version').waitFor({ timeout: 5_000 });

    await reportPage.getByRole('button', { name: 'Save notes' }).click();
    const merge = reportPage.getByRole('region', { name: 'Merge the notes' });
    await merge.getByText('Lena saved the notes while you were writing').waitFor();
    expect(await merge.getByLabel('Lena’s version').inputValue()).toContain('pricing page');
    expect(await merge.getByLabel('Your version, to merge into').inputValue()).toContain(
      'legal review first',
    );
    await merge.getByRole('button', { name: 'Add their text below mine' }).click();
    await merge.getByRole('button', { name: 'Save merged notes' }).click();
    await reportPage.getByText('Shared notes saved.').first().waitFor();
    const meetingId = firstMeetingUrl.split('/').pop();
    const page = await ravi.call<{ sharedNotes: { body: string } }>(
      'GET',
      `/api/orgs/${slug}/meetings/${meetingId}`,
    );
    expect(page.json.sharedNotes.body).toContain('legal review first');
    expect(page.json.sharedNotes.body).toContain('pricing page');
  });

  it('closes with a next step that has an owner and a date, and opens the next 1:1 with it', async () => {
    await leaderPage.getByRole('button', { name: 'Close 1:1' }).click();
    const closing = leaderPage.getByRole('dialog', { name: 'Close this 1:1' });
    await closing.getByRole('button', { name: 'Close 1:1' }).click();
    await closing.getByText(/required when no next step has an owner and a due date/i).waitFor();
    await closing.getByRole('button', { name: 'Add a next step instead' }).click();

    await leaderPage.getByLabel('Next step', { exact: true }).fill('Draft the March launch plan');
    expect(await leaderPage.getByLabel('Owner').inputValue()).not.toBe('');
    await leaderPage.getByLabel('Due date').fill('2030-01-10');
    await leaderPage.getByRole('button', { name: 'Add step' }).click();
    await reportPage
      .getByText('Draft the March launch plan', { exact: true })
      .first()
      .waitFor({ timeout: 5_000 });

    await leaderPage.getByRole('button', { name: 'Close 1:1' }).click();
    await leaderPage
      .getByRole('dialog', { name: 'Close this 1:1' })
      .getByRole('button', { name: 'Close 1:1' })
      .click();
    await leaderPage
      .getByText(/^Closed /)
      .first()
      .waitFor();

    await leaderPage.getByRole('link', { name: 'Next 1:1' }).click();
    await leaderPage.waitForURL((url) => url.toString() !== firstMeetingUrl);
    const commitments = leaderPage.getByRole('region', { name: 'What did we commit to?' });
    await commitments.getByText('Draft the March launch plan', { exact: true }).waitFor();
  });

  it('shows the report their open steps on My next steps', async () => {
    await reportPage.goto(`${orgPath}/next-steps`);
    await reportPage.getByRole('heading', { level: 1, name: 'My next steps' }).waitFor();
    await reportPage.getByText('Draft the March launch plan', { exact: true }).waitFor();
    await checkAccessibility(reportPage, 'my next steps');
    await reportPage.goto(`${orgPath}/meetings`);
    await reportPage.getByRole('heading', { level: 3, name: 'Lena Leader' }).waitFor();
    expect(await reportPage.getByText('Lena leads').first().isVisible()).toBe(true);
    await checkAccessibility(reportPage, 'my 1:1s');
  });

  it('analyses an uploaded transcript and shows the leader the verdict with a quote', async () => {
    await leaderPage.goto(`${firstMeetingUrl}?view=coaching`);
    await leaderPage.getByRole('button', { name: 'Analyse transcript' }).click();
    await leaderPage.getByText('Both of you must agree before a recording is analysed').waitFor();
    await leaderPage.locator('input[type=file]').setInputFiles({
      name: 'broken.vtt',
      mimeType: 'text/vtt',
      buffer: Buffer.from(
        checkInVtt.replace('00:00:06.500 --> 00:00:08.000', '00:00:0x.500 --> 00:00:08.000'),
      ),
    });
    await leaderPage.getByLabel('Both of us agreed to this recording being analysed').check();
    await leaderPage.getByRole('button', { name: 'Analyse transcript' }).click();
    await leaderPage.getByRole('alert').filter({ hasText: 'Line 8' }).waitFor();
    await leaderPage.locator('input[type=file]').setInputFiles({
      name: 'zoom.vtt',
      mimeType: 'text/vtt',
      buffer: Buffer.from(checkInVtt),
    });
    await leaderPage.getByRole('button', { name: 'Analyse transcript' }).click();
    await leaderPage.getByTestId('coaching-verdict').waitFor({ timeout: 30_000 });
    expect(await leaderPage.getByTestId('coaching-verdict').textContent()).toBe('Check-in');
    await leaderPage.getByText('You need to finish those by Friday', { exact: false }).first().waitFor();
    await checkAccessibility(leaderPage, 'coaching report');

    // The report sees the topics, not the score, until the leader shares it.
    await reportPage.goto(`${firstMeetingUrl}?view=coaching`);
    await reportPage.getByText('has not shared the coaching score').waitFor();
    expect(await reportPage.getByTestId('coaching-verdict').count()).toBe(0);
  });

  it('keeps My 1:1s, the meeting page and the coaching report accessible in the dark theme and on a phone', async () => {
    await leaderPage.emulateMedia({ colorScheme: 'dark' });
    await leaderPage.goto(`${orgPath}/meetings`);
    await leaderPage.getByRole('heading', { level: 1, name: 'My 1:1s' }).waitFor();
    await leaderPage.getByText('Next up').waitFor();
    await checkAccessibility(leaderPage, 'dark my 1:1s');
    await leaderPage.goto(firstMeetingUrl);
    await leaderPage.getByRole('heading', { level: 1, name: '1:1 with Ravi Report' }).waitFor();
    await checkAccessibility(leaderPage, 'dark meeting page');
    await leaderPage.goto(`${firstMeetingUrl}?view=coaching`);
    await leaderPage.getByTestId('coaching-verdict').waitFor();
    await checkAccessibility(leaderPage, 'dark coaching report');
    await leaderPage.goto(`${orgPath}/next-steps`);
    await leaderPage.getByRole('heading', { level: 1, name: 'My next steps' }).waitFor();
    await checkAccessibility(leaderPage, 'dark my next steps');
    await leaderPage.setViewportSize({ width: 375, height: 812 });
    await leaderPage.goto(`${orgPath}/meetings`);
    await leaderPage.getByText('Next up').waitFor();
    await checkAccessibility(leaderPage, 'phone my 1:1s');
    await leaderPage.goto(`${firstMeetingUrl}?view=coaching`);
    await leaderPage.getByTestId('coaching-verdict').waitFor();
    await checkAccessibility(leaderPage, 'phone coaching report');
    // Nothing on the phone page is wider than the screen.
    expect(await leaderPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });

  it('finds no serious or critical accessibility violation on any page it visited', () => {
    expect(violations, JSON.stringify(violations, null, 2)).toEqual({});
  });
});
