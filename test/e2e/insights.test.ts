/// <reference lib="dom" />
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardView } from '../../src/contracts/insights.ts';
import { checkInTopics, leaderAssignedSteps } from '../../src/server/features/demo/demo-meeting-content.ts';
import { Account, checkLightDarkAndPhone } from './browser-helpers.ts';
import { buildLeaderCalendar } from './fixtures/leader-calendar.ts';
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  isChromiumAvailable,
  type RunningServer,
  startServer,
} from './harness.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const hasChromium = isChromiumAvailable();
const password = 'harbor lights at six';
const slug = 'harbor-and-pine';
const executive = 'margaret.chen@harborpine.example';
/** Set it to a folder to keep a screenshot of every page the journey checks. */
const shotsDir = process.env.TANDEM_E2E_SHOTS;

interface PastMeeting {
  id: string;
  startsAt: string;
  endsAt: string;
  status: string;
  myRole: string;
  report: { id: string; name: string };
}

describe.runIf(hasChromium)('the executive view of Harbor & Pine, in the browser', () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let margaret: Account;
  let dashboard: DashboardView;
  const violations: Record<string, string[]> = {};

  /** axe in the light and the dark theme, and a look at the page on a 390-pixel phone. */
  async function checkPage(name: string) {
    await checkLightDarkAndPhone(page, name, { violations, shotsDir });
  }

  beforeAll(async () => {
    if (!existsSync(path.join(root, 'dist/web/index.html'))) {
      throw new Error('The web app is not built: run `npm run prepare` before the browser journeys.');
    }
    if (shotsDir) mkdirSync(shotsDir, { recursive: true });
    dataDir = mkdtempSync(path.join(tmpdir(), 'tandem-e2e-demo-'));
    const seeded = spawnSync(path.join(root, 'bin/tandem'), ['demo', '--seed-only'], {
      env: { ...process.env, TANDEM_DATA_DIR: dataDir, TANDEM_DEMO_PASSWORD: password, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 180_000,
    });
    expect(seeded.status, seeded.stderr).toBe(0);
    server = await startServer({ TANDEM_DATA_DIR: dataDir });
    margaret = new Account(server.url);
    expect((await margaret.call('POST', '/api/auth/sign-in', { email: executive, password })).status).toBe(
      200,
    );
    dashboard = (await margaret.call<DashboardView>('GET', `/api/orgs/${slug}/insights/dashboard`)).json;

    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    // axe is injected as an inline script, which the server's policy forbids; this context bypasses it.
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const signedIn = await context.request.post(`${server.url}/api/auth/sign-in`, {
      data: { email: executive, password },
      headers: { origin: server.url },
    });
    expect(signedIn.status()).toBe(200);
    page = await context.newPage();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the COO how her tree coaches: the mix, the 1:1s kept, safety trends and what needs attention', async () => {
    await page.goto(`${server.url}/o/${slug}`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
    await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();
    await page.getByText(`How Margaret Chen’s tree of ${dashboard.treeSize} people leads its 1:1s`).waitFor();

    const mix = dashboard.verdictsByWeek.reduce(
      (sum, week) => ({
        coaching: sum.coaching + week.coaching,
        all: sum.all + week.coaching + week.mixed + week.checkIn,
      }),
      { coaching: 0, all: 0 },
    );
    expect(mix.all).toBeGreaterThan(0);
    const coaching = `${Math.round((mix.coaching / mix.all) * 100)}% coaching`;
    await page.getByText(`${mix.all} analysed 1:1s: ${coaching}`).waitFor();
    const mixSection = page.getByRole('region', { name: 'Coaching mix over time' });
    await mixSection.getByText('Show the figures as a table').click();
    expect(await mixSection.getByRole('row').count()).toBe(dashboard.weeks.length + 1);

    // Sales is the demo's troubled team: its safety falls round after round and it is flagged.
    const sales = page.getByRole('region', { name: 'Culture pulse' });
    await sales
      .getByText(/^Claire Dubois’s team: from \d\.\d in \w+ \d{4} to \d\.\d in \w+ \d{4}\.$/)
      .waitFor();
    const attention = page.getByRole('region', { name: 'Needs attention' });
    await attention.getByText('Safety fell').first().waitFor();
    await attention.getByText('Only check-ins').first().waitFor();
    await attention.getByRole('link', { name: 'See Sales monthly pulse' }).waitFor();

    const csv = await mixSection.getByRole('link', { name: /Download CSV/ }).getAttribute('href');
    expect(csv).toContain('section=verdicts-by-week');
    const download = await context.request.get(`${server.url}${csv}`);
    expect(download.headers()['content-type']).toContain('text/csv');
    expect((await download.text()).split('\n').length).toBeGreaterThan(dashboard.weeks.length);
    const report = await page.getByRole('link', { name: 'Printable report' }).getAttribute('href');
    expect((await context.request.get(`${server.url}${report}`)).status()).toBe(200);
    await checkPage('insights-dashboard');
  });

  it('opens a leader’s figures over time, with nothing of what was said in their 1:1s', async () => {
    const marcus = dashboard.leaders.find((entry) => entry.leader.name === 'Marcus Webb');
    expect(marcus?.verdicts.checkIn).toBeGreaterThan(0);
    await page
      .getByRole('region', { name: 'Leaders’ figures' })
      .getByRole('link', { name: 'Marcus Webb' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Marcus Webb' }).waitFor();
    await page.getByText(/^Coaching score from \d+ in the week of .+ to \d+ in the week of .+\.$/).waitFor();
    await page
      .getByText(`${marcus?.verdicts.checkIn} analysed 1:1s: 0% coaching`, { exact: false })
      .waitFor();
    await page.getByText(`${marcus?.stepsDoneOnTime} of ${marcus?.stepsDue} next steps on time`).waitFor();
    const text = (await page.locator('body').textContent()) ?? '';
    for (const [title, , note] of checkInTopics) {
      expect(text).not.toContain(title);
      if (note) expect(text).not.toContain(note);
    }
    for (const step of leaderAssignedSteps) expect(text).not.toContain(step);
    expect(text).not.toContain('Numbers reviewed');
    await checkPage('insights-leader');
  });

  it('audits an imported .ics calendar: hours by class, the coaching share and a class set by hand', async () => {
    const past = await margaret.call<PastMeeting[]>('GET', `/api/orgs/${slug}/meetings?scope=past&limit=30`);
    let matched: PastMeeting | undefined;
    for (const meeting of past.json.filter((m) => m.myRole === 'leader' && m.status === 'completed')) {
      const analysis = await margaret.call<{ result: { verdict: string } | null }>(
        'GET',
        `/api/orgs/${slug}/meetings/${meeting.id}/analysis`,
      );
      if (analysis.json.result?.verdict === 'coaching') {
        matched = meeting;
        break;
      }
    }
    if (!matched) throw new Error('The demo executive has no coaching 1:1 to find in her calendar.');
    const report = await margaret.call<{ email: string }>(
      'GET',
      `/api/orgs/${slug}/people/${matched.report.id}`,
    );
    const calendar = buildLeaderCalendar({
      leader: { name: 'Margaret Chen', email: executive },
      report: { name: matched.report.name, email: report.json.email },
      lastOneOnOne: { start: new Date(matched.startsAt), end: new Date(matched.endsAt) },
    });

    await page.getByRole('link', { name: '← Insights' }).click();
    await page.getByRole('link', { name: 'Audit my calendar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Calendar audit' }).waitFor();

    // A broken file is refused with the server's reason, and nothing is stored.
    await chooseFile(
      page,
      'broken.ics',
      'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Half an event\r\nEND:VCALENDAR\r\n',
    );
    await page.getByRole('button', { name: 'Audit this calendar' }).click();
    await page.getByRole('alert').filter({ hasText: 'The calendar could not be read' }).waitFor();
    await page.getByText(/Line 4 ends VCALENDAR, but VEVENT begun on line 2 is still open/).waitFor();

    await chooseFile(page, 'margaret.ics', calendar.text);
    await page.getByRole('textbox', { name: 'From', exact: true }).fill(calendar.from);
    await page.getByRole('textbox', { name: 'To (included)' }).fill(calendar.to);
    await page.getByRole('combobox', { name: 'Time zone' }).fill('Europe/Berlin');
    await page.getByRole('option', { name: 'Europe/Berlin' }).click();
    await page.getByRole('button', { name: 'Audit this calendar' }).click();
    await page.getByText('Calendar imported').waitFor();

    const sentence = await page
      .getByText(/^Coaching 1:1s were \d+% of your [\d.]+ h in meetings/)
      .textContent();
    const share = Number(/were (\d+)%/.exec(sentence ?? '')?.[1]);
    expect(share).toBeGreaterThan(0);
    await page.getByText('Coaching share', { exact: true }).first().waitFor();
    const events = page.getByRole('region', { name: 'Audited events' });
    await events.getByText('Tandem 1:1: Coaching').first().waitFor();
    // Four weekly 1:1s, one taken out by EXDATE.
    expect(await events.getByRole('rowheader', { name: /1:1 Margaret/ }).count()).toBe(3);
    await events.getByText('No one else invited and the title says “Focus”').first().waitFor();
    await events.getByText('Attendees from outside the organization (atlasfreight.example)').waitFor();

    const ops = events.getByRole('combobox', { name: /^Class of Weekly ops review/ }).first();
    expect(await ops.inputValue()).toBe('status');
    await ops.selectOption('strategy');
    await events.getByText('Set by you').waitFor();
    expect(await ops.inputValue()).toBe('strategy');
    await checkPage('insights-calendar');
  });

  it('finds no serious or critical accessibility violation on any page, light or dark', () => {
    expect(violations, JSON.stringify(violations, null, 2)).toEqual({});
  });
});

async function chooseFile(page: Page, name: string, text: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose an .ics file' }).click();
  await (await chooser).setFiles({ name, mimeType: 'text/calendar', buffer: Buffer.from(text, 'utf8') });
  await page.getByText(name, { exact: true }).waitFor();
}
