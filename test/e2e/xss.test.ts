/// <reference lib="dom" />
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account } from './browser-helpers.ts';
import { xssMarkdown, xssVectors } from './fixtures/xss-vectors.ts';
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  isChromiumAvailable,
  type RunningServer,
  startServer,
} from './harness.ts';

const hasChromium = isChromiumAvailable();
const password = 'a quiet river at noon';

/**
 * What an injected script would leave behind in the page: a handler attribute, a script-capable
 * URL, an inline script or frame, or the global every vector sets. Run in the page.
 */
function findInjected(): string[] {
  const found: string[] = [];
  // Browsers drop control characters and spaces from a URL before reading its scheme.
  const isScriptUrl = (value: string) =>
    /^(javascript|vbscript|data):/i.test(
      Array.from(value)
        .filter((character) => character.charCodeAt(0) > 0x20)
        .join(''),
    );
  // The page's own <head> (a data: favicon, its scripts) is ours; what people typed lands in <body>.
  for (const element of Array.from(document.body.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) found.push(`<${element.tagName.toLowerCase()} ${name}>`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'].includes(name)) {
        if (name === 'srcdoc' || isScriptUrl(attribute.value))
          found.push(`<${element.tagName.toLowerCase()} ${name}="${attribute.value.slice(0, 60)}">`);
      }
    }
  }
  for (const script of Array.from(document.querySelectorAll('script'))) {
    if (!script.src || new URL(script.src).origin !== location.origin)
      found.push('an inline or foreign <script>');
  }
  for (const tag of ['iframe', 'object', 'embed', 'base', 'meta[http-equiv]', 'form[action]']) {
    if (document.body.querySelector(tag)) found.push(`a <${tag}> element`);
  }
  if ((window as unknown as { __tandemXss?: unknown }).__tandemXss !== undefined)
    found.push('window.__tandemXss');
  return found;
}

/**
 * Every vector in every place the app shows what people typed, opened in Chromium with the
 * content security policy switched OFF: the rendering itself must be safe, not only the policy.
 */
describe.skipIf(!hasChromium)('script injection through what people type', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  let slug: string;
  let meetingId: string;
  let raeId: string;
  let vectorPersonId: string;
  let surveyId: string;

  beforeAll(async () => {
    server = await startServer();
    const lena = new Account(server.url);
    const lenaEmail = 'lena@xss.example';
    expect(
      (await lena.call('POST', '/api/auth/sign-up', { name: 'Lena Lead', email: lenaEmail, password }))
        .status,
    ).toBe(201);
    const org = await lena.call<{ slug: string }>('POST', '/api/orgs', { name: 'Harbor Safety' });
    slug = org.json.slug;
    const base = `/api/orgs/${slug}`;
    const directory = await lena.call<{ items: { id: string; name: string }[] }>('GET', `${base}/people`);
    const lenaId = directory.json.items[0]!.id;

    // People whose names and titles are the vectors, reporting to Lena.
    for (const [index, vector] of xssVectors.entries()) {
      const created = await lena.call<{ id: string }>('POST', `${base}/people`, {
        email: `vector${index}@xss.example`,
        name: vector.text.slice(0, 120),
        title: vector.text.slice(0, 120),
        managerId: lenaId,
      });
      expect(created.status, `${vector.trick}: ${JSON.stringify(created.json)}`).toBe(201);
      vectorPersonId ??= created.json.id;
    }
    const rae = await lena.call<{ id: string }>('POST', `${base}/people`, {
      email: 'rae@xss.example',
      name: 'Rae Report',
      managerId: lenaId,
    });
    raeId = rae.json.id;

    // A 1:1 with Rae: the vectors in the shared notes, the private note, agenda items and next steps.
    const meeting = await lena.call<{ id: string }>('POST', `${base}/meetings`, {
      withPersonId: raeId,
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(meeting.status).toBe(201);
    meetingId = meeting.json.id;
    const meetingBase = `${base}/meetings/${meetingId}`;
    expect(
      (await lena.call('PUT', `${meetingBase}/notes/shared`, { body: xssMarkdown, baseVersion: 0 })).status,
    ).toBe(200);
    expect((await lena.call('PUT', `${meetingBase}/notes/private`, { body: xssMarkdown })).status).toBe(200);
    for (const vector of xssVectors) {
      expect((await lena.call('POST', `${meetingBase}/agenda`, { title: vector.text })).status).toBe(201);
      expect(
        (await lena.call('POST', `${meetingBase}/next-steps`, { title: vector.text, ownerId: lenaId }))
          .status,
      ).toBe(201);
    }

    // Custom coaching questions in the question bank (the bank wants open questions of one breath).
    let questions = 0;
    for (const vector of xssVectors) {
      const text = `What do you make of ${vector.text}?`;
      if (text.length > 160) continue;
      const added = await lena.call('POST', `${base}/questions`, {
        text,
        grow: 'goal',
        category: 'strategy',
      });
      if (added.status === 201) questions++;
    }
    expect(questions).toBeGreaterThan(30);

    // A pulse of five reports with accounts: a vector as its question, vectors as free-text answers.
    const answerers: Account[] = [];
    for (let n = 1; n <= 5; n++) {
      const account = new Account(server.url);
      const email = `answerer${n}@xss.example`;
      expect(
        (await account.call('POST', '/api/auth/sign-up', { name: `Answerer ${n}`, email, password })).status,
      ).toBe(201);
      expect((await lena.call('POST', `${base}/invitations`, { email, role: 'member' })).status).toBe(201);
      const outbox = await lena.call<{ to: string; text: string }[]>('GET', `${base}/outbox`);
      const token = /\/invitations\/([\w-]+)/.exec(
        outbox.json.find((mail) => mail.to === email)?.text ?? '',
      )?.[1];
      expect((await account.call('POST', `/api/invitations/${token}/accept`, {})).status).toBe(200);
      answerers.push(account);
    }
    const people = await lena.call<{ items: { id: string; name: string }[] }>(
      'GET',
      `${base}/people?q=answerer`,
    );
    for (const person of people.json.items)
      expect((await lena.call('PATCH', `${base}/people/${person.id}`, { managerId: lenaId })).status).toBe(
        200,
      );
    const survey = await lena.call<{ id: string; latestRound: { id: string } }>(
      'POST',
      `${base}/pulse/surveys`,
      {
        title: 'Team pulse',
        teamLeadId: lenaId,
        scope: 'direct',
        cadence: 'once',
        includesSafety: false,
        includesEnps: false,
        customQuestions: [{ text: `<img src=x onerror="window.__tandemXss=1"> ?`, kind: 'text' }],
      },
    );
    expect(survey.status, JSON.stringify(survey.json)).toBe(201);
    surveyId = survey.json.id;
    for (const [index, account] of answerers.entries()) {
      const forms = await account.call<{ roundId: string; questions: { id: string }[] }[]>(
        'GET',
        `${base}/pulse/open`,
      );
      const form = forms.json[0]!;
      const answer = xssVectors[index * 7]!.text;
      const sent = await account.call('POST', `${base}/pulse/rounds/${form.roundId}/answer`, {
        answers: { [form.questions[0]!.id]: answer },
      });
      expect(sent.status, JSON.stringify(sent.json)).toBe(204);
    }
    expect(
      (await lena.call('POST', `${base}/pulse/rounds/${survey.json.latestRound.id}/close`, {})).status,
    ).toBe(204);

    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const signedIn = await context.request.post(`${server.url}/api/auth/sign-in`, {
      data: { email: lenaEmail, password },
      headers: { origin: server.url },
    });
    expect(signedIn.status()).toBe(200);
    page = await context.newPage();
    page.on('dialog', async (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      await dialog.dismiss();
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Opens a page, waits until the given text shows, lets any handler fire, and reports what ran. */
  async function injectedOn(path: string, shown: string | RegExp): Promise<string[]> {
    await page.goto(`${server.url}${path}`);
    await page.getByText(shown).locator('visible=true').first().waitFor({ timeout: 20_000 });
    // Image errors, autofocus and animations fire within a frame or two; give them a moment.
    await page.waitForTimeout(300);
    return [...dialogs, ...(await page.evaluate(findInjected))];
  }

  it('keeps the 1:1 page inert: shared notes Markdown, private note, agenda items, next steps', async () => {
    expect(await injectedOn(`/o/${slug}/meetings/${meetingId}`, /markdown javascript link/)).toEqual([]);
    // The vectors arrived as text, so they were really rendered and not dropped.
    await page.getByText('<script>window.__tandemXss=1</script>').first().waitFor();
    // Only the safe schemes became links.
    const hrefs = await page
      .locator('.tandem-markdown a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(hrefs.every((href) => /^(https?:|mailto:)/.test(href))).toBe(true);
  });

  it('keeps the people list, a person page and the org chart inert with names and titles', async () => {
    expect(await injectedOn(`/o/${slug}/people`, /onerror/)).toEqual([]);
    expect(await injectedOn(`/o/${slug}/people/${vectorPersonId}`, /script/)).toEqual([]);
    expect(await injectedOn(`/o/${slug}/org-chart`, 'Lena Lead')).toEqual([]);
  });

  it('keeps the home page, next steps and the history inert', async () => {
    expect(await injectedOn(`/o/${slug}`, 'Lena')).toEqual([]);
    expect(await injectedOn(`/o/${slug}/next-steps`, /onerror/)).toEqual([]);
    expect(await injectedOn(`/o/${slug}/history/${raeId}`, 'Rae Report')).toEqual([]);
  });

  it('keeps the question bank inert with custom questions', async () => {
    expect(await injectedOn(`/o/${slug}/settings/questions`, /onerror/)).toEqual([]);
  });

  it('keeps pulse results inert with a custom question and free-text answers', async () => {
    expect(await injectedOn(`/o/${slug}/pulse/surveys/${surveyId}`, /Team pulse/)).toEqual([]);
    await page
      .getByText(/onerror/)
      .first()
      .waitFor();
    expect(await page.evaluate(findInjected)).toEqual([]);
  });

  it('would notice: a handler planted by hand is caught, and it runs because the policy is off', async () => {
    await page.goto(`${server.url}/o/${slug}/people`);
    await page.evaluate(() =>
      document.body.insertAdjacentHTML(
        'beforeend',
        '<img src="/nothing.png" onerror="window.__tandemXss=1">',
      ),
    );
    await page.waitForFunction(() => (window as unknown as { __tandemXss?: number }).__tandemXss === 1);
    expect(await page.evaluate(findInjected)).toEqual(['<img onerror>', 'window.__tandemXss']);
  });
});
