import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import {
  type Client,
  createTestApp,
  memberOf,
  ownerWithOrganization,
  type TestApp,
} from '../support/test-app.ts';

interface Hit {
  kind: string;
  meetingId: string;
  title: string | null;
  withPerson: { name: string };
  snippet: Array<{ text: string; isMatch: boolean }>;
}

const snippetText = (hit: Hit) => hit.snippet.map((part) => part.text).join('');
const matchedWords = (hit: Hit) =>
  hit.snippet.filter((part) => part.isMatch).map((part) => part.text.toLowerCase());

/**
 * Memory across meetings for Lena (a leader) and Ravi (her report), beside another pair (Otto and
 * Nia) whose 1:1s mention the same words, and an admin who is in nobody's 1:1.
 */
describe.each(await databaseKinds())('the timeline and search on the %s database', (kind) => {
  let t: TestApp;
  let slug: string;
  let omar: Client;
  let lena: Client;
  let ravi: Client;
  let otto: Client;
  let admin: Client;
  const ids: Record<string, string> = {};
  const lenaMeetings: string[] = [];
  const longNotes = `Ravi wants to own the pricing experiment end to end. ${'We walked through the numbers for the spring tiers and what the sales team keeps hearing from customers. '.repeat(4)}Closing thought at the very end.`;

  const personId = async (q: string) =>
    (await omar.get(`/api/orgs/${slug}/people?q=${q}`)).json().items[0].id as string;
  const adHoc = async (leader: Client, withPersonId: string, startsAt: string) => {
    const created = await leader.post(`/api/orgs/${slug}/meetings`, { withPersonId, startsAt });
    if (created.statusCode !== 201) throw new Error(`meeting: ${created.body}`);
    return created.json().id as string;
  };
  const search = (client: Client, q: string) =>
    client.get(`/api/orgs/${slug}/search?q=${encodeURIComponent(q)}`);

  beforeAll(async () => {
    t = await createTestApp(kind);
    const owner = await ownerWithOrganization(t.app, 'Omar Owner');
    slug = owner.org.slug;
    omar = owner.client;
    lena = (await memberOf(t, omar, slug, 'member', 'Lena Leader')).client;
    ravi = (await memberOf(t, omar, slug, 'member', 'Ravi Report')).client;
    otto = (await memberOf(t, omar, slug, 'member', 'Otto Other')).client;
    await memberOf(t, omar, slug, 'member', 'Nia Newer');
    admin = (await memberOf(t, omar, slug, 'admin', 'Ada Admin')).client;
    for (const name of ['lena', 'ravi', 'otto', 'nia']) ids[name] = await personId(name);

    ids.january = await adHoc(lena, ids.ravi!, '2025-01-13T09:00:00.000Z');
    ids.february = await adHoc(lena, ids.ravi!, '2025-02-10T09:00:00.000Z');
    ids.march = await adHoc(lena, ids.ravi!, '2025-03-10T09:00:00.000Z');
    ids.future = await adHoc(lena, ids.ravi!, '2031-01-06T09:00:00.000Z');
    lenaMeetings.push(ids.january!, ids.february!, ids.march!, ids.future!);
    const at = (meeting: string, part: string) => `/api/orgs/${slug}/meetings/${ids[meeting]}/${part}`;

    await ravi.post(at('january', 'agenda'), { title: 'Should we move the launch to March?' });
    await ravi.request('PUT', at('january', 'status-update'), {
      wins: 'Shipped invoices v2',
      blocked: 'Waiting on legal',
    });
    await lena.request('PUT', at('january', 'notes/shared'), { body: longNotes, baseVersion: 0 });
    await ravi.post(at('january', 'next-steps'), {
      title: 'Draft the pricing plan',
      ownerId: ids.ravi,
      dueDate: '2025-01-20',
    });
    await lena.request('PUT', at('january', 'notes/private'), { body: 'Ravi seemed tired, quokka' });
    await lena.post(at('february', 'agenda'), { title: 'Feedback on the pricing review', type: 'feedback' });
    await lena.post(at('future', 'agenda'), { title: 'Pricing follow-up for next year' });

    ids.otto = await adHoc(otto, ids.nia!, '2025-02-03T09:00:00.000Z');
    await otto.post(`/api/orgs/${slug}/meetings/${ids.otto}/agenda`, {
      title: 'Quokka pricing secret',
      details: 'The pricing of the Quokka account is confidential',
    });
    await otto.request('PUT', `/api/orgs/${slug}/meetings/${ids.otto}/notes/shared`, {
      body: 'Pricing worries for the Quokka account',
      baseVersion: 0,
    });
  });
  afterAll(() => t.close());

  it('shows a leader their past 1:1s with one report, latest first, with what each held', async () => {
    const response = await lena.get(`/api/orgs/${slug}/timeline/${ids.ravi}`);
    expect(response.statusCode, response.body).toBe(200);
    const timeline = response.json();
    expect(timeline.person.name).toBe('Ravi Report');
    expect(timeline.items.map((item: { meetingId: string }) => item.meetingId)).toEqual([
      ids.march,
      ids.february,
      ids.january,
    ]);
    const january = timeline.items[2];
    expect(january).toMatchObject({
      myRole: 'leader',
      agenda: [{ title: 'Should we move the launch to March?', type: 'decision' }],
      nextSteps: [{ title: 'Draft the pricing plan', status: 'open', owner: { name: 'Ravi Report' } }],
      statusUpdate: { wins: 'Shipped invoices v2', blocked: 'Waiting on legal' },
    });
    expect(january.notesExcerpt).toMatch(/^Ravi wants to own the pricing experiment/);
    expect(january.notesExcerpt).toMatch(/…$/);
    expect(january.notesExcerpt).not.toContain('Closing thought');
    expect(timeline.items[1].agenda[0]).toMatchObject({
      title: 'Feedback on the pricing review',
      type: 'feedback',
    });
    expect(timeline.items[0]).toMatchObject({ agenda: [], statusUpdate: null, notesExcerpt: null });
    expect(JSON.stringify(timeline)).not.toContain('quokka');
  });

  it('shows the report the same history from their side, and pages through it', async () => {
    const firstPage = (await ravi.get(`/api/orgs/${slug}/timeline/${ids.lena}?limit=2`)).json();
    expect(firstPage.items.map((item: { myRole: string }) => item.myRole)).toEqual(['report', 'report']);
    expect(firstPage.nextBefore).toBe('2025-02-10T09:00:00.000Z');
    const secondPage = (
      await ravi.get(`/api/orgs/${slug}/timeline/${ids.lena}?limit=2&before=${firstPage.nextBefore}`)
    ).json();
    expect(secondPage.items.map((item: { meetingId: string }) => item.meetingId)).toEqual([ids.january]);
    expect(secondPage.nextBefore).toBeNull();
  });

  it('answers 404 for a person the caller has no 1:1 with, themself included', async () => {
    for (const [client, person] of [
      [lena, ids.nia],
      [lena, ids.otto],
      [lena, ids.lena],
      [admin, ids.ravi],
      [omar, ids.lena],
      [lena, '00000000-0000-4000-8000-000000000000'],
    ] as const) {
      const response = await client.get(`/api/orgs/${slug}/timeline/${person}`);
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain('Ravi');
    }
  });

  it('finds a leader’s own 1:1 content and never a colleague’s', async () => {
    const response = await search(lena, 'pricing');
    expect(response.statusCode, response.body).toBe(200);
    const hits = response.json().items as Hit[];
    expect(hits.map((hit) => hit.kind).sort()).toEqual([
      'agenda-item',
      'agenda-item',
      'next-step',
      'shared-notes',
    ]);
    for (const hit of hits) {
      expect(lenaMeetings).toContain(hit.meetingId);
      expect(hit.withPerson.name).toBe('Ravi Report');
      expect(matchedWords(hit)).toContain('pricing');
      expect(snippetText(hit)).not.toMatch(/quokka/i);
    }
    expect(hits.find((hit) => hit.kind === 'next-step')?.title).toBe('Draft the pricing plan');
  });

  it('never searches private notes, nor 1:1s the caller is not in', async () => {
    expect((await search(lena, 'quokka')).json().items).toEqual([]);
    expect((await search(lena, 'confidential')).json().items).toEqual([]);
    const ottoOwn = (await search(otto, 'quokka')).json().items as Hit[];
    expect(ottoOwn.map((hit) => hit.meetingId)).toEqual([ids.otto, ids.otto]);
  });

  it('finds nothing for an admin or the owner in 1:1s they are not part of', async () => {
    for (const client of [admin, omar]) {
      for (const q of ['pricing', 'invoices', 'quokka', 'launch']) {
        const response = await search(client, q);
        expect(response.statusCode).toBe(200);
        expect(response.json().items).toEqual([]);
      }
    }
  });

  it('searches status updates and phrases, marking the words it found', async () => {
    const status = (await search(ravi, 'invoice')).json().items as Hit[];
    expect(status).toHaveLength(1);
    expect(status[0]).toMatchObject({ kind: 'status-update', meetingId: ids.january, title: null });
    expect(matchedWords(status[0]!)).toContain('invoices');
    expect(snippetText(status[0]!)).toContain('Shipped invoices v2');
    const phrase = (await search(ravi, '"launch to March"')).json().items as Hit[];
    expect(phrase.map((hit) => hit.title)).toEqual(['Should we move the launch to March?']);
    expect((await search(ravi, '"March to launch"')).json().items).toEqual([]);
  });

  it('answers a bad search with 400 naming querystring.q, never a server error', async () => {
    for (const url of [
      `/api/orgs/${slug}/search`,
      `/api/orgs/${slug}/search?q=`,
      `/api/orgs/${slug}/search?q=${encodeURIComponent('   ')}`,
      `/api/orgs/${slug}/search?q=${'pricing '.repeat(70)}`,
      `/api/orgs/${slug}/search?q=${encodeURIComponent('?!… --- (()) "" ***')}`,
      `/api/orgs/${slug}/search?q=${encodeURIComponent('the and of')}`,
      `/api/orgs/${slug}/search?q=pricing%00plan`,
    ]) {
      const response = await lena.get(url);
      expect(response.statusCode, `${url}: ${response.body}`).toBe(400);
      expect(response.json().fields[0].path).toBe('querystring.q');
    }
  });
});
