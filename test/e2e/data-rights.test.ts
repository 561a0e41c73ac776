/// <reference lib="dom" />
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonalExport } from '../../src/contracts/personal-data.ts';
import { Account, checkLightDarkAndPhone } from './browser-helpers.ts';
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  isChromiumAvailable,
  type RunningServer,
  startServer,
} from './harness.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const hasChromium = isChromiumAvailable();
const password = 'a lantern by the quay';
/** Set it to a folder to keep a screenshot of every page the journey checks. */
const shotsDir = process.env.TANDEM_E2E_SHOTS;

const people = {
  owner: { name: 'Olivia Owner', email: 'olivia.owner@quay.example' },
  admin: { name: 'Adam Admin', email: 'adam.admin@quay.example' },
  member: { name: 'Mira Member', email: 'mira.member@quay.example' },
};

describe.runIf(hasChromium)('data rights in the browser: export, retention, deleting a person', () => {
  let server: RunningServer;
  let browser: Browser;
  let slug = '';
  let orgPath = '';
  let owner: Account;
  let admin: Account;
  let oliviaId = '';
  let patId = '';
  const violations: Record<string, string[]> = {};

  async function checkPage(page: Page, name: string, onPhone?: (phone: Page) => Promise<void>) {
    await checkLightDarkAndPhone(page, name, { violations, shotsDir, onPhone });
  }

  async function join(who: { name: string; email: string }, role: 'admin' | 'member'): Promise<Account> {
    const account = new Account(server.url);
    expect((await account.call('POST', '/api/auth/sign-up', { ...who, password })).status).toBe(201);
    expect(
      (await owner.call('POST', `/api/orgs/${slug}/invitations`, { email: who.email, role })).status,
    ).toBe(201);
    const outbox = await owner.call<{ to: string; text: string }[]>('GET', `/api/orgs/${slug}/outbox`);
    const token = /\/invitations\/([\w-]+)/.exec(
      outbox.json.find((m) => m.to === who.email)?.text ?? '',
    )?.[1];
    expect((await account.call('POST', `/api/invitations/${token}/accept`, {})).status).toBe(200);
    return account;
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

  /** A browser of its own for each person, signed in like someone who typed their password. */
  async function browserOf(email: string): Promise<{ context: BrowserContext; page: Page }> {
    // axe is injected as an inline script, which the server's policy forbids: bypass it here.
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      bypassCSP: true,
      acceptDownloads: true,
    });
    const signIn = await context.request.post(`${server.url}/api/auth/sign-in`, {
      data: { email, password },
      headers: { origin: server.url },
    });
    expect(signIn.status()).toBe(200);
    return { context, page: await context.newPage() };
  }

  /** Clicks a download link and reads the JSON file the browser saved. */
  async function downloadJson(page: Page, link: string, fileName: string): Promise<PersonalExport> {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: link, exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(fileName);
    return JSON.parse(readFileSync((await download.path()) ?? '', 'utf8')) as PersonalExport;
  }

  beforeAll(async () => {
    if (!existsSync(path.join(root, 'dist/web/index.html'))) {
      throw new Error('The web app is not built: run `npm run prepare` before the browser journeys.');
    }
    if (shotsDir) mkdirSync(shotsDir, { recursive: true });
    server = await startServer();
    owner = new Account(server.url);
    expect((await owner.call('POST', '/api/auth/sign-up', { ...people.owner, password })).status).toBe(201);
    slug = (await owner.call<{ slug: string }>('POST', '/api/orgs', { name: 'Quayside Works' })).json.slug;
    orgPath = `${server.url}/o/${slug}`;
    admin = await join(people.admin, 'admin');
    const mira = await join(people.member, 'member');
    // Mira also runs a book club on Tandem: her data lives in two organizations.
    expect((await mira.call('POST', '/api/orgs', { name: 'Quay Book Club' })).status).toBe(201);
    oliviaId = await personId(people.owner.email);
    const adamId = await personId(people.admin.email);
    const miraId = await personId(people.member.email);

    // Mira had a 1:1 with Adam last week, with a topic on its agenda.
    const past = await admin.call<{ id: string }>('POST', `/api/orgs/${slug}/meetings`, {
      withPersonId: miraId,
      startsAt: new Date(Date.now() - 7 * 86_400_000).toISOString(),
    });
    expect(past.status, JSON.stringify(past.json)).toBe(201);
    const topic = await admin.call('POST', `/api/orgs/${slug}/meetings/${past.json.id}/agenda`, {
      title: 'Moving to the harbour team',
      type: 'goal',
    });
    expect(topic.status, JSON.stringify(topic.json)).toBe(201);

    // Pat left the company; Adam was their manager, and Mira reported to Pat.
    const pat = await owner.call<{ id: string }>('POST', `/api/orgs/${slug}/people`, {
      email: 'pat.parting@quay.example',
      name: 'Pat Parting',
      title: 'Warehouse Lead',
      managerId: adamId,
    });
    expect(pat.status, JSON.stringify(pat.json)).toBe(201);
    patId = pat.json.id;
    expect(
      (await owner.call('PATCH', `/api/orgs/${slug}/people/${miraId}`, { managerId: patId })).status,
    ).toBe(200);

    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lets a member download their data as JSON, with their 1:1s and without pulse answers', async () => {
    const { context, page } = await browserOf(people.member.email);
    await page.goto(`${orgPath}/settings/data`);
    await page.getByText('What the file contains').waitFor();
    await page.getByText(/Your pulse answers\. They are anonymous by design/).waitFor();
    expect(await page.getByRole('tab', { name: 'Retention' }).count()).toBe(0);
    await checkPage(page, 'your-data');

    await page.getByText('Download your data in Quayside Works, or in all 2 organizations').waitFor();
    const exported = await downloadJson(page, 'Download my data', `tandem-my-data-${slug}.json`);
    expect(exported.account).toMatchObject({ name: people.member.name, email: people.member.email });
    expect(exported.organizations.map((o) => o.organization.name)).toEqual(['Quayside Works']);
    expect(JSON.stringify(exported.organizations[0]?.oneOnOnes)).toContain('Moving to the harbour team');
    expect(exported.organizations[0]?.pulse).toMatch(/anonymous/);

    const everything = await downloadJson(page, 'Download all organizations', 'tandem-my-data.json');
    expect(everything.organizations.map((o) => o.organization.name).sort()).toEqual([
      'Quay Book Club',
      'Quayside Works',
    ]);
    await context.close();
  });

  it('shows the retention tab to owners only, and keeps 90 days after a reload', async () => {
    const asAdmin = await browserOf(people.admin.email);
    await asAdmin.page.goto(`${orgPath}/settings/profile`);
    await asAdmin.page.getByRole('tab', { name: 'Your data' }).waitFor();
    expect(await asAdmin.page.getByRole('tab', { name: 'Retention' }).count()).toBe(0);
    await asAdmin.context.close();

    const { context, page } = await browserOf(people.owner.email);
    await page.goto(`${orgPath}/settings/profile`);
    await page.getByRole('tab', { name: 'Retention' }).click();
    await page.waitForURL('**/settings/retention');
    expect(await page.getByRole('radio', { name: 'Keep them' }).isChecked()).toBe(true);
    await page.getByText('scores and verdicts', { exact: false }).waitFor();
    await page.getByRole('radio', { name: 'Delete them after a number of days' }).check();
    const days = page.getByRole('textbox', { name: 'Delete transcripts older than' });
    // The server judges the range; its message stands beside the field.
    await days.fill('5000');
    await page.getByRole('button', { name: 'Save retention' }).click();
    await page.getByText('Must be at most 10 years').waitFor();
    await checkPage(page, 'retention-error');
    await days.fill('90');
    await page.getByRole('button', { name: 'Save retention' }).click();
    await page.getByText('Transcripts older than 90 days will be deleted.').waitFor();

    await page.reload();
    await page.getByText(/Last changed/).waitFor();
    expect(await page.getByRole('radio', { name: 'Delete them after a number of days' }).isChecked()).toBe(
      true,
    );
    expect(await days.inputValue()).toBe('90 days');
    await checkPage(page, 'retention');
    const saved = await owner.call<{ transcriptDays: number }>('GET', `/api/orgs/${slug}/settings/retention`);
    expect(saved.json.transcriptDays).toBe(90);
    await context.close();
  });

  it('lets an admin delete a person after typing their name, and the person leaves the directory', async () => {
    const { context, page } = await browserOf(people.admin.email);

    // An admin may not delete an owner: the server says so in the dialog.
    await page.goto(`${orgPath}/people/${oliviaId}`);
    await page.getByRole('heading', { level: 1, name: people.owner.name }).waitFor();
    await page.getByRole('button', { name: 'Delete person' }).click();
    const ownerDialog = page.getByRole('dialog', { name: `Delete ${people.owner.name}?` });
    await ownerDialog
      .getByRole('textbox', { name: `Type ${people.owner.name} to confirm` })
      .fill(people.owner.name);
    await ownerDialog.getByRole('button', { name: `Delete ${people.owner.name}` }).click();
    await ownerDialog.getByRole('alert').getByText('Only an owner deletes an owner.').waitFor();
    await ownerDialog.getByRole('button', { name: 'Cancel' }).click();

    // Nobody is offered to delete themself.
    await page.goto(`${orgPath}/people/${await personId(people.admin.email)}`);
    await page.getByRole('heading', { level: 1, name: people.admin.name }).waitFor();
    expect(await page.getByRole('button', { name: 'Delete person' }).count()).toBe(0);

    await page.goto(`${orgPath}/people/${patId}`);
    await page.getByRole('heading', { level: 1, name: 'Pat Parting' }).waitFor();
    await checkPage(page, 'person-danger-zone');
    await page.getByRole('button', { name: 'Delete person' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Pat Parting?' });
    await dialog.getByText('This cannot be undone.', { exact: false }).waitFor();
    await dialog.getByText('Their report moves up to their manager, Adam Admin.').waitFor();
    const confirm = dialog.getByRole('button', { name: 'Delete Pat Parting' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Type Pat Parting to confirm' }).fill('Pat');
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Type Pat Parting to confirm' }).fill('Pat Parting');
    await checkPage(page, 'person-delete-dialog', async (phone) => {
      await phone.getByRole('button', { name: 'Delete person' }).click();
      await phone.getByRole('dialog', { name: 'Delete Pat Parting?' }).waitFor();
    });
    await confirm.click();

    await page.waitForURL(new RegExp(`/o/${slug}/people$`));
    await page.getByText('Pat Parting was deleted.', { exact: false }).waitFor();
    await page.getByRole('cell', { name: /Mira Member/ }).waitFor();
    expect(await page.getByRole('cell', { name: /Pat Parting/ }).count()).toBe(0);
    const found = await owner.call<{ total: number }>('GET', `/api/orgs/${slug}/people?q=Pat`);
    expect(found.json.total).toBe(0);
    // Mira moved up to Adam.
    const mira = await owner.call<{ managerName: string }>(
      'GET',
      `/api/orgs/${slug}/people/${await personId(people.member.email)}`,
    );
    expect(mira.json.managerName).toBe(people.admin.name);
    await context.close();
  });

  it('has no serious or critical accessibility violations on these pages', () => {
    expect(violations, JSON.stringify(violations, null, 2)).toEqual({});
  });
});
