import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import {
  type Client,
  createTestApp,
  memberOf,
  ownerWithOrganization,
  type TestApp,
} from '../support/test-app.ts';

interface Question {
  id: string;
  text: string;
  grow: string;
  category: string;
  isCustom: boolean;
}

/** The coaching question bank and the 1:1 templates of two organizations that never see each other's. */
describe.each(await databaseKinds())('the question bank and meeting templates on the %s database', (kind) => {
  let t: TestApp;
  let slug: string;
  let otherSlug: string;
  let owner: Client;
  let admin: Client;
  let member: Client;
  let otherOwner: Client;
  const customText = 'What would make the Halvorsen rollout feel like a win to you?';
  let customId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const a = await ownerWithOrganization(t.app, 'Omar Owner');
    slug = a.org.slug;
    owner = a.client;
    admin = (await memberOf(t, owner, slug, 'admin', 'Ada Admin')).client;
    member = (await memberOf(t, owner, slug, 'member', 'Mia Member')).client;
    const b = await ownerWithOrganization(t.app, 'Bruno Other');
    otherSlug = b.org.slug;
    otherOwner = b.client;
  });
  afterAll(() => t.close());

  it('finds shipped questions by their words and filters by GROW stage and category', async () => {
    const found = await member.get(`/api/orgs/${slug}/questions?q=decide&grow=will&limit=5`);
    expect(found.statusCode, found.body).toBe(200);
    const questions = found.json() as Question[];
    expect(questions.length).toBeGreaterThan(0);
    for (const question of questions) {
      expect(question).toMatchObject({ grow: 'will', isCustom: false });
      expect(question.text.toLowerCase()).toMatch(/decid/);
    }
    const wellbeing = (await member.get(`/api/orgs/${slug}/questions?category=wellbeing&limit=200`)).json();
    expect(wellbeing.length).toBeGreaterThan(4);
    expect(new Set(wellbeing.map((question: Question) => question.category))).toEqual(new Set(['wellbeing']));
  });

  it('names the wrong field of a bad search instead of guessing', async () => {
    const response = await member.get(`/api/orgs/${slug}/questions?category=astrology`);
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0].path).toBe('querystring.category');
  });

  it('suggests a few questions for an agenda item, in GROW order, the same ones each time', async () => {
    const url = `/api/orgs/${slug}/questions/suggestions?agendaType=decision&text=${encodeURIComponent('Hire a second designer or a contractor')}`;
    const first = await member.get(url);
    expect(first.statusCode, first.body).toBe(200);
    const suggested = first.json() as Question[];
    expect(suggested).toHaveLength(3);
    const order = ['goal', 'reality', 'options', 'will'];
    const stages = suggested.map((question) => order.indexOf(question.grow));
    expect(stages).toEqual([...stages].sort((x, y) => x - y));
    expect(new Set(stages).size).toBe(3);
    expect((await member.get(url)).json()).toEqual(suggested);
  });

  it('refuses a yes/no question from an admin, naming body.text', async () => {
    const refused = await admin.post(`/api/orgs/${slug}/questions`, {
      text: 'Did the rollout go well?',
      grow: 'reality',
      category: 'strategy',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields).toEqual([{ path: 'body.text', message: expect.stringMatching(/yes\/no/) }]);
  });

  it('lets an admin add an open question that the organization then finds and is suggested', async () => {
    const added = await admin.post(`/api/orgs/${slug}/questions`, {
      text: customText,
      grow: 'goal',
      category: 'strategy',
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ text: customText, isCustom: true, agendaTypes: ['goal', 'status'] });
    customId = added.json().id;

    const found = (await member.get(`/api/orgs/${slug}/questions?q=halvorsen`)).json();
    expect(found.map((question: Question) => question.id)).toEqual([customId]);
    const suggested = (
      await member.get(`/api/orgs/${slug}/questions/suggestions?agendaType=goal&text=Halvorsen%20rollout`)
    ).json();
    expect(suggested.map((question: Question) => question.text)).toContain(customText);

    const again = await owner.post(`/api/orgs/${slug}/questions`, {
      text: customText.toUpperCase(),
      grow: 'goal',
      category: 'strategy',
    });
    expect(again.statusCode).toBe(409);
  });

  it('never shows one organization’s questions to another', async () => {
    expect((await otherOwner.get(`/api/orgs/${otherSlug}/questions?q=halvorsen`)).json()).toEqual([]);
    const unfiltered = (await otherOwner.get(`/api/orgs/${otherSlug}/questions?limit=200`)).json();
    expect(unfiltered.some((question: Question) => question.isCustom)).toBe(false);
    const suggested = (
      await otherOwner.get(
        `/api/orgs/${otherSlug}/questions/suggestions?agendaType=goal&text=Halvorsen%20rollout&limit=10`,
      )
    ).json();
    expect(suggested.map((question: Question) => question.text)).not.toContain(customText);
    expect((await otherOwner.delete(`/api/orgs/${otherSlug}/questions/${customId}`)).statusCode).toBe(404);
  });

  it('keeps adding and removing questions to admins, and shipped questions in the bank', async () => {
    const byMember = await member.post(`/api/orgs/${slug}/questions`, {
      text: 'What would you try first here?',
      grow: 'options',
      category: 'ownership',
    });
    expect(byMember.statusCode).toBe(403);
    expect((await member.delete(`/api/orgs/${slug}/questions/${customId}`)).statusCode).toBe(403);
    const shippedId = (await member.get(`/api/orgs/${slug}/questions?category=decisions&limit=1`)).json()[0]
      .id;
    const shipped = await admin.delete(`/api/orgs/${slug}/questions/${shippedId}`);
    expect(shipped.statusCode).toBe(409);
    expect((await admin.delete(`/api/orgs/${slug}/questions/${customId}`)).statusCode).toBe(204);
    expect((await member.get(`/api/orgs/${slug}/questions?q=halvorsen`)).json()).toEqual([]);
    expect((await admin.delete(`/api/orgs/${slug}/questions/${customId}`)).statusCode).toBe(404);
  });

  const retro = {
    key: 'quarterly-retro',
    name: 'Quarterly retro',
    description: 'Looking back on a quarter together.',
    steps: [
      { key: 'proud', title: 'What are you proud of?', prompt: 'The work, not the hours.' },
      { key: 'next-steps', title: 'Next steps', prompt: 'Each with an owner and a date.' },
    ],
  };

  it('lists the built-in templates and an organization’s own, which its 1:1s then follow', async () => {
    const created = await admin.post(`/api/orgs/${slug}/meeting-templates`, retro);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ key: 'quarterly-retro', isCustom: true });
    const listed = (await member.get(`/api/orgs/${slug}/meeting-templates`)).json();
    expect(listed[0]).toMatchObject({ key: 'standard', isCustom: false });
    expect(listed.map((template: { key: string }) => template.key)).toContain('quarterly-retro');

    const personId = (await owner.get(`/api/orgs/${slug}/people?q=mia`)).json().items[0].id;
    const meeting = await owner.post(`/api/orgs/${slug}/meetings`, {
      withPersonId: personId,
      startsAt: '2031-03-03T10:00:00.000Z',
      templateKey: 'quarterly-retro',
    });
    const page = (await member.get(`/api/orgs/${slug}/meetings/${meeting.json().id}`)).json();
    expect(page.template).toMatchObject({ name: 'Quarterly retro', isCustom: true });
    expect(page.template.steps[0].title).toBe('What are you proud of?');

    const other = (await otherOwner.get(`/api/orgs/${otherSlug}/meeting-templates`)).json();
    expect(other.map((template: { key: string }) => template.key)).not.toContain('quarterly-retro');
  });

  it('answers 409 for a template key already taken by a built-in or an existing template', async () => {
    const builtIn = await admin.post(`/api/orgs/${slug}/meeting-templates`, { ...retro, key: 'standard' });
    expect(builtIn.statusCode).toBe(409);
    expect(builtIn.json().fields[0].path).toBe('body.key');
    expect((await owner.post(`/api/orgs/${slug}/meeting-templates`, retro)).statusCode).toBe(409);
    // Another organization may use the same key for its own template.
    expect((await otherOwner.post(`/api/orgs/${otherSlug}/meeting-templates`, retro)).statusCode).toBe(201);
    const repeated = await admin.post(`/api/orgs/${slug}/meeting-templates`, {
      ...retro,
      key: 'twice',
      steps: [retro.steps[0], retro.steps[0]],
    });
    expect(repeated.statusCode).toBe(400);
    expect(repeated.json().fields[0].path).toBe('body.steps.1.key');
  });

  it('removes only the organization’s own templates, and only for admins', async () => {
    expect((await member.delete(`/api/orgs/${slug}/meeting-templates/quarterly-retro`)).statusCode).toBe(403);
    expect((await admin.delete(`/api/orgs/${slug}/meeting-templates/standard`)).statusCode).toBe(409);
    expect((await admin.delete(`/api/orgs/${slug}/meeting-templates/quarterly-retro`)).statusCode).toBe(204);
    expect((await admin.delete(`/api/orgs/${slug}/meeting-templates/quarterly-retro`)).statusCode).toBe(404);
    const kept = (await otherOwner.get(`/api/orgs/${otherSlug}/meeting-templates`)).json();
    expect(kept.map((template: { key: string }) => template.key)).toContain('quarterly-retro');
  });
});
