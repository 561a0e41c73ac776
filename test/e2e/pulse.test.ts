/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
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
const password = 'a steady tide at dusk';

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

/** Every safety statement at `level` (the negatively worded ones mirrored) and an eNPS score. */
function answersAt(level: number, enps: number) {
  return {
    'mistakes-held-against': 8 - level,
    'raise-problems': level,
    'reject-different': 8 - level,
    'safe-to-risk': level,
    'hard-to-ask-help': 8 - level,
    'no-undermining': level,
    'skills-valued': level,
    enps,
  };
}

/**
 * A mail server that takes every message and keeps it, so the test reads the pulse links the
 * way a person would: from their inbox. The app keeps those links out of any API.
 */
async function startMailCatcher(): Promise<{ port: number; mails: string[]; server: Server }> {
  const mails: string[] = [];
  const server = createServer((socket) => {
    let buffer = '';
    let isData = false;
    socket.write('220 catcher ready\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      while (true) {
        if (isData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end === -1) return;
          mails.push(buffer.slice(0, end));
          buffer = buffer.slice(end + 5);
          isData = false;
          socket.write('250 kept\r\n');
          continue;
        }
        const lineEnd = buffer.indexOf('\r\n');
        if (lineEnd === -1) return;
        const command = buffer.slice(0, lineEnd).toUpperCase();
        buffer = buffer.slice(lineEnd + 2);
        if (command.startsWith('DATA')) {
          isData = true;
          socket.write('354 go on\r\n');
        } else if (command.startsWith('QUIT')) {
          socket.end('221 bye\r\n');
        } else {
          socket.write('250 ok\r\n');
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { port: typeof address === 'object' && address ? address.port : 0, mails, server };
}

/** The pulse link mailed to `email`, newest first, from the caught mails (quoted-printable undone). */
function pulseLinkFor(mails: readonly string[], email: string): string | undefined {
  for (const raw of [...mails].reverse()) {
    const mail = raw.replace(/=\r\n/g, '').replace(/=3D/g, '=');
    if (!mail.includes(`To: ${email}`) || !mail.includes('/pulse/')) continue;
    return /https?:\/\/[^\s]+\/pulse\/[\w-]+/.exec(mail)?.[0];
  }
  return undefined;
}

const promise =
  'Your answers are anonymous: they are stored without your name, and results are shown only for groups of five or more.';

const statementOn = (page: Page) => (start: string) =>
  page.getByRole('radiogroup', { name: new RegExp(`^\\d+\\. ${start}`) });

/** Agrees with every positively worded statement and disagrees with the others: a safety score of 6. */
async function answerAsAgreeing(page: Page, enps: string) {
  const statement = statementOn(page);
  for (const start of ['Members of this team', 'It is safe', 'No one on this team', 'Working with members']) {
    await statement(start).getByRole('radio', { name: 'Agree', exact: true }).check();
  }
  for (const start of ['If you make a mistake', 'People on this team', 'It is difficult']) {
    await statement(start).getByRole('radio', { name: 'Disagree', exact: true }).check();
  }
  await statement('How likely').getByRole('radio', { name: enps, exact: true }).check();
}

const team = ['Ada Harbor', 'Ben Harbor', 'Cleo Harbor', 'Dev Harbor', 'Eli Harbor', 'Fay Harbor'];
const emailOf = (name: string) => `${name.toLowerCase().replace(' ', '.')}@pulse.example`;

describe.runIf(hasChromium)('a culture pulse from scheduling to results, in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let leadContext: BrowserContext;
  let memberContext: BrowserContext;
  let leadPage: Page;
  let memberPage: Page;
  let slug = '';
  let lena: Account;
  const people = new Map<string, Account>();
  let resultsUrl = '';
  let eliLink = '';
  let catcher: Awaited<ReturnType<typeof startMailCatcher>>;
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

  async function openRoundOf(account: Account, title: string): Promise<string> {
    const open = await account.call<{ roundId: string; surveyTitle: string }[]>(
      'GET',
      `/api/orgs/${slug}/pulse/open`,
    );
    const round = open.json.find((form) => form.surveyTitle === title);
    expect(round, `${title} is open for this person`).toBeDefined();
    return round?.roundId ?? '';
  }

  beforeAll(async () => {
    if (!existsSync(path.join(root, 'dist/web/index.html'))) {
      throw new Error('The web app is not built: run `npm run prepare` before the browser journeys.');
    }
    catcher = await startMailCatcher();
    server = await startServer({ SMTP_URL: `smtp://127.0.0.1:${catcher.port}` });
    lena = new Account(server.url);
    const lenaEmail = 'lena.lead@pulse.example';
    expect(
      (await lena.call('POST', '/api/auth/sign-up', { name: 'Lena Lead', email: lenaEmail, password }))
        .status,
    ).toBe(201);
    const org = await lena.call<{ slug: string }>('POST', '/api/orgs', { name: 'Harbor Pulse' });
    expect(org.status).toBe(201);
    slug = org.json.slug;
    for (const name of team) {
      const account = new Account(server.url);
      const email = emailOf(name);
      expect((await account.call('POST', '/api/auth/sign-up', { name, email, password })).status).toBe(201);
      expect(
        (await lena.call('POST', `/api/orgs/${slug}/invitations`, { email, role: 'member' })).status,
      ).toBe(201);
      const outbox = await lena.call<{ to: string; text: string }[]>('GET', `/api/orgs/${slug}/outbox`);
      const token = /\/invitations\/([\w-]+)/.exec(outbox.json.find((m) => m.to === email)?.text ?? '')?.[1];
      expect((await account.call('POST', `/api/invitations/${token}/accept`, {})).status).toBe(200);
      people.set(name, account);
    }
    const directory = await lena.call<{ items: { id: string; name: string }[] }>(
      'GET',
      `/api/orgs/${slug}/people?limit=100`,
    );
    const lenaId = directory.json.items.find((person) => person.name === 'Lena Lead')?.id;
    for (const person of directory.json.items.filter((entry) => team.includes(entry.name))) {
      const moved = await lena.call('PATCH', `/api/orgs/${slug}/people/${person.id}`, { managerId: lenaId });
      expect(moved.status).toBe(200);
    }

    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    // axe is injected as an inline script, which the server's policy forbids; these contexts bypass it.
    leadContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    memberContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    await signInBrowser(leadContext, lenaEmail);
    await signInBrowser(memberContext, emailOf('Fay Harbor'));
    leadPage = await leadContext.newPage();
    memberPage = await memberContext.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    catcher?.server.close();
  });

  it('lets the lead schedule a pulse of their six reports from the pulse page', async () => {
    await leadPage.goto(`${server.url}/o/${slug}/pulse`);
    await leadPage.getByRole('heading', { level: 1, name: 'Culture pulse' }).waitFor();
    await leadPage.getByText('No pulse is asking you anything right now.').waitFor();
    await leadPage.getByRole('button', { name: 'Schedule a pulse' }).click();
    const dialog = leadPage.getByRole('dialog', { name: 'Schedule a pulse' });
    await dialog.getByRole('combobox', { name: /Whose team/ }).click();
    await leadPage.getByRole('option', { name: /Lena Lead/ }).click();
    await dialog.getByRole('radio', { name: /Their direct reports \(6\)/ }).check();
    await dialog.getByText('6 people will be asked.').waitFor();
    await dialog.getByRole('textbox', { name: /^Title/ }).fill('Harbor team pulse');
    await dialog.getByRole('button', { name: 'Add a question' }).click();
    await dialog.getByRole('textbox', { name: 'Question 1' }).fill('What would make this team better?');
    await dialog.getByRole('combobox', { name: 'Answered as' }).click();
    await leadPage.getByRole('option', { name: 'Free text' }).click();
    await dialog.getByRole('button', { name: 'Schedule pulse' }).click();
    await leadPage.waitForURL(/\/pulse\/surveys\/[0-9a-f-]{36}$/);
    resultsUrl = leadPage.url();
    await leadPage.getByRole('heading', { level: 1, name: 'Harbor team pulse' }).waitFor();
    await leadPage.getByText(/0 of 6 have answered \(0%\)/).waitFor();
    await checkAccessibility(leadPage, 'results, round open');
    await leadPage.goto(`${server.url}/o/${slug}/pulse`);
    await leadPage.getByRole('link', { name: /Harbor team pulse/ }).waitFor();
    await checkAccessibility(leadPage, 'pulse page of the lead');
  });

  it('takes four answers in the app through the API', async () => {
    const levels: [string, number, number][] = [
      ['Ada Harbor', 6, 9],
      ['Ben Harbor', 6, 9],
      ['Cleo Harbor', 5, 10],
      ['Dev Harbor', 7, 7],
    ];
    for (const [name, level, enps] of levels) {
      const account = people.get(name) as Account;
      const roundId = await openRoundOf(account, 'Harbor team pulse');
      const answered = await account.call('POST', `/api/orgs/${slug}/pulse/rounds/${roundId}/answer`, {
        answers: answersAt(level, enps),
      });
      expect(answered.status, JSON.stringify(answered.json)).toBe(204);
    }
  });

  it('takes a fifth answer through the mailed link, without signing in, and thanks the person', async () => {
    eliLink = pulseLinkFor(catcher.mails, emailOf('Eli Harbor')) ?? '';
    expect(eliLink).toMatch(/\/pulse\/[\w-]+$/);
    const anonymous = await browser.newContext({ viewport: { width: 375, height: 800 }, bypassCSP: true });
    const page = await anonymous.newPage();
    await page.goto(eliLink);
    await page.getByRole('heading', { level: 1, name: 'Harbor team pulse' }).waitFor();
    await page.getByText(promise, { exact: false }).waitFor();
    await checkAccessibility(page, 'answer page through the link, phone');
    await answerAsAgreeing(page, '3');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByText('Thank you', { exact: true }).waitFor();
    await page.reload();
    await page.getByText('You have already answered this round').waitFor();
    await anonymous.close();
  });

  it('takes the sixth in the app page, names what is missing, and works with the keyboard', async () => {
    await memberPage.goto(`${server.url}/o/${slug}/pulse`);
    await memberPage.getByRole('heading', { level: 2, name: 'Harbor team pulse' }).waitFor();
    await memberPage.getByText(promise, { exact: false }).waitFor();
    await checkAccessibility(memberPage, 'answer form in the app');
    // Sending too early names what is missing instead of losing the answers.
    await memberPage.getByRole('button', { name: 'Send my answers' }).click();
    await memberPage.getByText('8 questions are still without an answer.').waitFor();
    const statement = statementOn(memberPage);
    // Keyboard: arrow keys move along the scale, as in any radio group.
    await statement('If you make a mistake').getByRole('radio', { name: 'Strongly disagree' }).focus();
    await memberPage.keyboard.press('ArrowRight');
    expect(
      await statement('If you make a mistake')
        .getByRole('radio', { name: 'Disagree', exact: true })
        .isChecked(),
    ).toBe(true);
    await answerAsAgreeing(memberPage, '9');
    await memberPage
      .getByRole('textbox', { name: /What would make this team better/ })
      .fill('Shorter stand-ups and more pairing on the hard tickets.');
    await memberPage.getByRole('button', { name: 'Send my answers' }).click();
    await memberPage.getByText('You have already answered this round').waitFor();
  });

  it('closes the round, shows the lead the safety score, eNPS and free text, and closes the links', async () => {
    await leadPage.goto(resultsUrl);
    await leadPage.getByText(/6 of 6 have answered \(100%\)/).waitFor();
    await leadPage.getByRole('button', { name: 'Close this round now' }).click();
    await leadPage.getByRole('button', { name: 'Yes, close the round' }).click();
    await leadPage.getByRole('heading', { level: 2, name: /^Latest results/ }).waitFor();
    // Safety: (6 + 6 + 5 + 7 + 6 + 6) / 6 = 6.0; eNPS: four promoters, one detractor of six = +50.
    await leadPage.getByText('6.0 / 7', { exact: true }).first().waitFor();
    await leadPage.getByText('+50', { exact: true }).first().waitFor();
    await leadPage.getByText('Psychological safety: 6.0 in', { exact: false }).waitFor();
    await leadPage.getByText('Shorter stand-ups and more pairing on the hard tickets.').waitFor();
    expect(await leadPage.getByRole('row', { name: /6 of 6 \(100%\) 6\.0 \+50/ }).count()).toBe(1);
    await checkAccessibility(leadPage, 'results, round closed');
    const late = await browser.newContext({ bypassCSP: true });
    const page = await late.newPage();
    await page.goto(pulseLinkFor(catcher.mails, emailOf('Fay Harbor')) ?? '');
    await page.getByText('This round has closed').waitFor();
    await late.close();
  });

  it('shows a round that only three answered as a response rate, with no figure', async () => {
    const second = await lena.call<{ id: string; latestRound: { id: string } }>(
      'POST',
      `/api/orgs/${slug}/pulse/surveys`,
      {
        title: 'Harbor small round',
        teamLeadId: (
          await lena.call<{ id: string; name: string }[]>('GET', `/api/orgs/${slug}/pulse/leads`)
        ).json.find((lead) => lead.name === 'Lena Lead')?.id,
        scope: 'direct',
        cadence: 'once',
      },
    );
    expect(second.status, JSON.stringify(second.json)).toBe(201);
    for (const name of ['Ada Harbor', 'Ben Harbor', 'Cleo Harbor']) {
      const account = people.get(name) as Account;
      const roundId = await openRoundOf(account, 'Harbor small round');
      expect(
        (
          await account.call('POST', `/api/orgs/${slug}/pulse/rounds/${roundId}/answer`, {
            answers: answersAt(2, 1),
          })
        ).status,
      ).toBe(204);
    }
    expect(
      (await lena.call('POST', `/api/orgs/${slug}/pulse/rounds/${second.json.latestRound.id}/close`)).status,
    ).toBe(204);
    await leadPage.goto(`${server.url}/o/${slug}/pulse/surveys/${second.json.id}`);
    await leadPage.getByText('The latest round has too few answers to show').waitFor();
    await leadPage
      .getByText(/3 of 6 answered \(50%\)\. Fewer than 5 answered, so no figure is shown/)
      .waitFor();
    expect(await leadPage.getByText('/ 7', { exact: false }).count()).toBe(0);
    expect(await leadPage.getByRole('heading', { name: /^Latest results/ }).count()).toBe(0);
  });

  it('tells someone with a broken link that it leads nowhere, accessibly', async () => {
    const anonymous = await browser.newContext({ viewport: { width: 375, height: 800 }, bypassCSP: true });
    const page = await anonymous.newPage();
    await page.goto(`${server.url}/pulse/${'x'.repeat(32)}`);
    await page.getByText('This link does not lead to a pulse').waitFor();
    await checkAccessibility(page, 'answer page, unknown link, phone');
    await anonymous.close();
  });

  it('finds no serious or critical accessibility violation on any page it visited', () => {
    expect(violations, JSON.stringify(violations, null, 2)).toEqual({});
  });
});
