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
const moduleTitle = 'Asking powerful questions';
/** The quiz's right answers (content/academy/02-powerful-questions); the first is answered wrong on purpose. */
const rightAnswers = [3, 0, 2, 2, 3, 0];

/** The role-play's lines: one closed question first, then open ones that take Tomás to his own plan. */
const closedLine = 'Did the team finish the sprint?';
const openLines = [
  'What got in the way this time?',
  'What happens when an escalation comes in?',
  'What does that cost the team each sprint?',
  'What will you do first, and by when?',
];

/** The next 1:1 as a Zoom export: short open questions from the leader, the report doing the thinking. */
const coachingVtt = `WEBVTT

1
00:00:01.000 --> 00:00:04.000
Lena Leader: What did we commit to last time, and how did it go?

2
00:00:04.500 --> 00:00:30.000
Ravi Report: I moved the invoice service and drafted the ledger plan. The ledger part slipped because the schema freeze never happened, and I kept waiting for the data team instead of asking them directly.

3
00:00:30.500 --> 00:00:33.000
Lena Leader: What would make this week a good one for you?

4
00:00:33.500 --> 00:01:00.000
Ravi Report: Getting the ledger migration unblocked. Honestly I think the real problem is that nobody owns the schema, so every team assumes another one will freeze it, and I have been treating that as somebody else's job.

5
00:01:00.500 --> 00:01:03.000
Lena Leader: What options do you see for getting it owned?

6
00:01:03.500 --> 00:01:30.000
Ravi Report: I could propose that my team owns the freeze for this quarter, or ask the data lead to name someone. I prefer the first one, because then I am not waiting on anyone and I can set the date myself.

7
00:01:30.500 --> 00:01:33.000
Lena Leader: What would get in the way of that?

8
00:01:33.500 --> 00:01:55.000
Ravi Report: Mostly my own hesitation to step on the data team's toes. But if I frame it as a one-quarter trial and write it down, I think they will be relieved rather than annoyed.

9
00:01:55.500 --> 00:01:58.000
Lena Leader: What is your first step, and by when?

10
00:01:58.500 --> 00:02:20.000
Ravi Report: I will write the one-page proposal for owning the schema freeze and send it to the data lead by Thursday, then bring their answer to our next one-on-one.
`;

function tomorrow(): string {
  return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
}

describe.runIf(hasChromium)(
  'a leader takes a whole Academy module, and their next 1:1 decides the assignment',
  () => {
    let server: RunningServer;
    let browser: Browser;
    let learnerPage: Page;
    let ownerPage: Page;
    let slug = '';
    let orgPath = '';
    let cohortId = '';
    let owner: Account;
    let lena: Account;
    let ravi: Account;
    const violations: Record<string, string[]> = {};
    const feedbacks: string[] = [];

    async function checkAccessibility(page: Page, name: string) {
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
      const mail = outbox.json.find((message) => message.to === email);
      const token = /\/invitations\/([\w-]+)/.exec(mail?.text ?? '')?.[1];
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
      ravi = new Account(server.url);
      expect(
        (
          await owner.call('POST', '/api/auth/sign-up', {
            name: 'Olivia Owner',
            email: 'olivia.owner@harbor.example',
            password,
          })
        ).status,
      ).toBe(201);
      const org = await owner.call<{ slug: string }>('POST', '/api/orgs', { name: 'Harbor Academy' });
      expect(org.status).toBe(201);
      slug = org.json.slug;
      orgPath = `${server.url}/o/${slug}`;
      await join(lena, 'Lena Leader', 'lena.leader@harbor.example');
      await join(ravi, 'Ravi Report', 'ravi.report@harbor.example');

      const raviId = await personId('ravi.report@harbor.example');
      const lenaId = await personId('lena.leader@harbor.example');
      const series = await lena.call('POST', `/api/orgs/${slug}/series`, {
        withPersonId: raviId,
        cadence: 'weekly',
        startDate: tomorrow(),
        startTime: '10:00',
        durationMinutes: 30,
        timeZone: 'UTC',
      });
      expect(series.status, JSON.stringify(series.json)).toBe(201);
      const cohort = await owner.call<{ id: string }>('POST', `/api/orgs/${slug}/academy/cohorts`, {
        name: 'Spring leaders',
        personIds: [lenaId],
      });
      expect(cohort.status, JSON.stringify(cohort.json)).toBe(201);
      cohortId = cohort.json.id;

      browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
      // axe is injected as an inline script, which the server's policy forbids; these contexts bypass it.
      const learnerContext = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        bypassCSP: true,
      });
      const ownerContext = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        bypassCSP: true,
      });
      for (const [context, email] of [
        [learnerContext, 'lena.leader@harbor.example'],
        [ownerContext, 'olivia.owner@harbor.example'],
      ] as const) {
        const response = await context.request.post(`${server.url}/api/auth/sign-in`, {
          data: { email, password },
          headers: { origin: server.url },
        });
        expect(response.status(), await response.text()).toBe(200);
      }
      learnerPage = await learnerContext.newPage();
      ownerPage = await ownerContext.newPage();
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('lists the twelve modules with no progress yet, and opens one from the Academy in the sidebar', async () => {
      await learnerPage.goto(`${orgPath}/meetings`);
      await learnerPage
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Academy' })
        .click();
      await learnerPage.getByRole('heading', { level: 1, name: 'Leader Academy' }).waitFor();
      await learnerPage.getByText('0 of 12 modules complete').waitFor();
      expect(await learnerPage.getByRole('heading', { level: 2 }).count()).toBe(12);
      await checkAccessibility(learnerPage, 'academy catalogue');
      await learnerPage.getByRole('link', { name: new RegExp(moduleTitle) }).click();
      await learnerPage.getByRole('heading', { level: 1, name: moduleTitle }).waitFor();
    });

    it('reads the lesson, then moves on to the worked example', async () => {
      await learnerPage
        .getByRole('article', { name: 'Lesson' })
        .getByText(/closed/i)
        .first()
        .waitFor();
      await checkAccessibility(learnerPage, 'module player, lesson');
      await learnerPage.getByRole('button', { name: 'I have read the lesson' }).click();
      await learnerPage.getByRole('tab', { name: /Worked example/, selected: true }).waitFor();
      await learnerPage.getByRole('tab', { name: 'Lesson (done)' }).waitFor();
      await learnerPage.getByRole('button', { name: 'On to the quiz' }).click();
      await learnerPage.getByRole('tab', { name: /Quiz/, selected: true }).waitFor();
    });

    it('answers the quiz and sees why each answer is right or wrong', async () => {
      const groups = learnerPage.getByRole('radiogroup');
      await groups.first().waitFor();
      expect(await groups.count()).toBe(rightAnswers.length);
      await expect(learnerPage.getByRole('button', { name: 'Check my answers' }).isDisabled()).resolves.toBe(
        true,
      );
      for (const [index, answer] of rightAnswers.entries()) {
        const chosen = index === 0 ? (answer + 1) % 4 : answer;
        await groups.nth(index).getByRole('radio').nth(chosen).check();
      }
      await learnerPage.getByRole('button', { name: 'Check my answers' }).click();
      await learnerPage.getByText('5 of 6 right (83%).').waitFor();
      await learnerPage.getByText('Passed', { exact: true }).waitFor();
      // The wrong answer names the right one, and every question carries its explanation.
      await learnerPage.getByText(/^Not quite: the answer is/).waitFor();
      expect(await learnerPage.getByText('Right', { exact: true }).count()).toBe(5);
      await checkAccessibility(learnerPage, 'module player, quiz marked');
      await learnerPage.getByRole('button', { name: 'On to the role-play' }).click();
      await learnerPage.getByRole('tab', { name: /Role-play/, selected: true }).waitFor();
    });

    it('runs the role-play: a closed question is called closed, an open one gets other feedback, and it ends with a score', async () => {
      await learnerPage.getByRole('button', { name: 'Start the role-play' }).click();
      const chat = learnerPage.getByRole('log', { name: /Role-play with/ });
      await chat.getByText('The sprint slipped again', { exact: false }).waitFor();
      const input = learnerPage.getByRole('textbox', { name: /What do you say to/ });
      const feedback = learnerPage.getByTestId('line-feedback');
      for (const line of [closedLine, ...openLines]) {
        const before = await feedback.count();
        await input.fill(line);
        await learnerPage.getByRole('button', { name: 'Say it' }).click();
        await expect.poll(() => feedback.count()).toBe(before + 1);
        feedbacks.push((await feedback.nth(before).textContent()) ?? '');
        if (line === closedLine) await checkAccessibility(learnerPage, 'module player, role-play');
      }
      expect(feedbacks[0]).toMatch(/closed question/i);
      expect(feedbacks[1]).not.toMatch(/closed question/i);
      expect(feedbacks[1]).toMatch(/open question/i);
      expect(feedbacks[1]).not.toBe(feedbacks[0]);
      await learnerPage.getByText('The role-play is over').waitFor();
      await learnerPage.getByText(/Score: \d+ \/ 100/).waitFor();
      // The transcript stays on screen: every line the learner said, with the report's replies.
      for (const line of [closedLine, ...openLines]) await chat.getByText(line, { exact: true }).waitFor();
      await chat.getByText(/support rotation/).waitFor();
    });

    it('starts the assignment, which waits for the next 1:1 the leader leads', async () => {
      await learnerPage.getByRole('tab', { name: /Assignment/ }).click();
      await learnerPage.getByRole('button', { name: 'Start the assignment' }).click();
      await learnerPage.getByTestId('assignment-status').getByText('Waiting for your next 1:1').waitFor();
      await checkAccessibility(learnerPage, 'module player, assignment');
    });

    it('decides the assignment from the transcript of the next 1:1, with each figure shown', async () => {
      const upcoming = await lena.call<{ id: string; startsAt: string }[]>(
        'GET',
        `/api/orgs/${slug}/meetings?scope=upcoming&limit=5`,
      );
      const next = upcoming.json[0];
      expect(next).toBeDefined();
      const upload = await lena.call('PUT', `/api/orgs/${slug}/meetings/${next?.id}/transcript`, {
        text: coachingVtt,
        fileName: 'next-one-on-one.vtt',
        consent: true,
      });
      expect(upload.status, JSON.stringify(upload.json)).toBe(200);

      await learnerPage.reload();
      const status = learnerPage.getByTestId('assignment-status');
      await status.getByText(/^(Met|Not met yet)$/).waitFor();
      const checks = learnerPage.getByRole('region', { name: 'Assignment checks' });
      await checks.getByRole('columnheader', { name: 'In that 1:1' }).waitFor();
      const openQuestionsRow = checks.getByRole('row', { name: /Open questions you asked/ });
      await openQuestionsRow.getByText('at least 5').waitFor();
      // The leader asked five open questions in that transcript, and the row shows the figure.
      await openQuestionsRow.getByRole('cell', { name: '5', exact: true }).waitFor();
      await learnerPage.getByText(/Checked on your 1:1 with Ravi Report/).waitFor();
      expect((await status.textContent())?.trim()).toBe('Met');
    });

    it('shows the cohort owner the learner’s progress and scores, but none of the practice text', async () => {
      await ownerPage.goto(`${orgPath}/academy/cohorts`);
      await ownerPage.getByRole('link', { name: /Spring leaders/ }).click();
      await ownerPage.waitForURL(new RegExp(`/academy/cohorts/${cohortId}$`));
      const table = ownerPage.getByRole('table', { name: "Members' progress" });
      const row = table.getByRole('row', { name: /Lena Leader/ });
      await row.waitFor();
      await row
        .getByText(/quiz 83%/)
        .first()
        .waitFor({ state: 'attached' });
      await row
        .getByText(/role-play \d+/)
        .first()
        .waitFor({ state: 'attached' });
      const text = (await ownerPage.locator('body').textContent()) ?? '';
      for (const line of [closedLine, ...openLines]) expect(text).not.toContain(line);
      for (const said of feedbacks) expect(text).not.toContain(said);
      const report = await owner.call('GET', `/api/orgs/${slug}/academy/cohorts/${cohortId}`);
      expect(JSON.stringify(report.json)).not.toContain(closedLine);
      await checkAccessibility(ownerPage, 'cohort report');
    });

    it('shows the learner their Growth page with the twelve skills and their 1:1 evidence', async () => {
      await learnerPage
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Growth' })
        .click();
      await learnerPage.getByRole('heading', { level: 1, name: 'My growth' }).waitFor();
      const skills = learnerPage.getByRole('region', { name: 'Skills table' });
      await skills.getByRole('row', { name: /Asking powerful questions/ }).waitFor();
      expect(await skills.getByRole('row').count()).toBe(13);
      await learnerPage.getByRole('button', { name: 'Assess myself' }).waitFor();
      await checkAccessibility(learnerPage, 'growth');
    });

    it('has no serious or critical accessibility violations on the Academy and Growth pages', () => {
      expect(violations).toEqual({});
    });
  },
);
