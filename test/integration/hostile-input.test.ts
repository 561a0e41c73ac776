import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import {
  Client,
  createTestApp,
  memberOf,
  ownerWithOrganization,
  TEST_ORIGIN,
  type TestApp,
} from '../support/test-app.ts';

/**
 * Generated bodies, query strings and path values against every API route, as an owner and as a
 * plain member: whatever arrives, the answer is a deliberate 2xx/3xx/4xx, never a 5xx.
 */
describe.each(await databaseKinds())('hostile input against every route on the %s database', (kind) => {
  let t: TestApp;
  let slug: string;
  let owner: Client;
  let member: Client;
  let realIds: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const created = await ownerWithOrganization(t.app);
    slug = created.org.slug;
    owner = created.client;
    member = (await memberOf(t, owner, slug, 'member')).client;
    const personId = (await owner.get(`/api/orgs/${slug}/people`)).json().items[0].id;
    realIds = { org: slug, personId };
  });
  afterAll(() => t.close());

  const jsonValue = fc.jsonValue({ maxDepth: 4 });
  const pathValue = fc.oneof(
    fc.constant('00000000-0000-4000-8000-000000000000'),
    fc.uuid(),
    fc.string({ maxLength: 40 }),
    fc.constantFrom('..', '%00', "'; drop table people; --", '<script>', 'a'.repeat(300)),
  );
  const queryValue = fc.dictionary(
    fc.constantFrom('q', 'limit', 'offset', 'scope', 'leaderId', 'agendaType', 'text', 'token', 'x'),
    fc.string({ maxLength: 30 }),
    {
      maxKeys: 3,
    },
  );

  it('never answers with a server error', async () => {
    const failures: string[] = [];
    // Signing out would end the session the rest of the run needs; the event stream never ends by itself.
    const routes = t.app.accessTable.filter(
      (route) => !route.url.endsWith('/events') && route.url !== '/api/auth/sign-out',
    );
    let unauthenticated = 0;
    expect(routes.length).toBeGreaterThan(40);
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(
          jsonValue,
          pathValue,
          queryValue,
          fc.boolean(),
          async (body, value, query, asOwner) => {
            const path = route.url.replace(/:(\w+)/g, (_, name: string) =>
              encodeURIComponent(name === 'org' ? slug : value || realIds[name] || 'x'),
            );
            const search = new URLSearchParams(query).toString();
            const client = asOwner ? owner : member;
            const response = await client.request(
              route.method as 'GET',
              `${path}${search ? `?${search}` : ''}`,
              route.method === 'GET' || route.method === 'DELETE' ? undefined : body,
            );
            if (response.statusCode === 401 && route.access !== 'public') unauthenticated++;
            if (response.statusCode >= 500)
              failures.push(
                `${route.method} ${path} → ${response.statusCode} ${response.body.slice(0, 200)}`,
              );
            return true;
          },
        ),
        { numRuns: 8, seed: 20261124 },
      );
    }
    expect(failures).toEqual([]);
    // Both callers stayed signed in throughout, so every route was really exercised past the policy.
    expect(unauthenticated).toBe(0);
  });

  it('refuses deeply nested JSON and very long lines clearly', async () => {
    const nested = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
    const deep = await t.app.inject({
      method: 'POST',
      url: '/api/orgs',
      payload: nested,
      headers: { cookie: owner.cookie!, origin: 'http://localhost:3000', 'content-type': 'application/json' },
    });
    expect(deep.statusCode).toBeGreaterThanOrEqual(400);
    expect(deep.statusCode).toBeLessThan(500);
    const longLine = await owner.post(`/api/orgs/${slug}/people/import`, {
      csv: `email,name\n${'x'.repeat(900_000)}@a.test,A`,
    });
    expect(longLine.statusCode).toBe(422);
  });
});

type Role = 'anonymous' | 'outsider' | 'member' | 'admin' | 'owner';

/**
 * Distinctive strings planted where only some may read them: another organization's data, a 1:1's
 * shared notes (its two participants), and a private note (its author alone). Whatever headers and
 * ids a caller sends, no answer to anyone else may contain them.
 */
const markers = {
  otherOrganization: 'ZQX-OTHER-ORG-7f3a91',
  sharedNotes: 'ZQX-SHARED-NOTES-2b8c44',
  privateNote: 'ZQX-PRIVATE-NOTE-9d1e07',
} as const;
type Marker = keyof typeof markers;

/** The admin leads the member; their 1:1 holds the shared notes and the admin's private note. */
const forbidden: Record<Role, Marker[]> = {
  anonymous: ['otherOrganization', 'sharedNotes', 'privateNote'],
  outsider: ['sharedNotes', 'privateNote'],
  member: ['otherOrganization', 'privateNote'],
  admin: ['otherOrganization'],
  owner: ['otherOrganization', 'sharedNotes', 'privateNote'],
};

describe.each(await databaseKinds())('hostile headers and ids as every role on the %s database', (kind) => {
  let t: TestApp;
  let slug: string;
  const clients = {} as Record<Role, Client>;
  const ids: Record<string, string[]> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    const a = await ownerWithOrganization(t.app, 'Owen Owner');
    slug = a.org.slug;
    clients.owner = a.client;
    const admin = await memberOf(t, a.client, slug, 'admin', 'Ada Admin');
    const member = await memberOf(t, a.client, slug, 'member', 'Max Member');
    clients.admin = admin.client;
    clients.member = member.client;
    clients.anonymous = new Client(t.app);
    const people = (await a.client.get(`/api/orgs/${slug}/people?limit=500`)).json().items as Array<{
      id: string;
      name: string;
    }>;
    const adminPerson = people.find((person) => person.name === 'Ada Admin')!.id;
    const memberPerson = people.find((person) => person.name === 'Max Member')!.id;
    expect(
      (await a.client.patch(`/api/orgs/${slug}/people/${memberPerson}`, { managerId: adminPerson }))
        .statusCode,
    ).toBe(200);
    const meeting = await admin.client.post(`/api/orgs/${slug}/meetings`, {
      withPersonId: memberPerson,
      startsAt: '2026-03-02T10:00:00Z',
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const meetingId = meeting.json().id as string;
    const notesUrl = `/api/orgs/${slug}/meetings/${meetingId}`;
    expect(
      (
        await admin.client.request('PUT', `${notesUrl}/notes/shared`, {
          body: `We agreed ${markers.sharedNotes}.`,
          baseVersion: 0,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await admin.client.request('PUT', `${notesUrl}/notes/private`, {
          body: `Mind ${markers.privateNote}.`,
        })
      ).statusCode,
    ).toBe(200);
    const agendaItem = await member.client.post(`${notesUrl}/agenda`, {
      title: `Topic ${markers.sharedNotes}`,
    });
    const nextStep = await admin.client.post(`${notesUrl}/next-steps`, {
      title: `Do ${markers.sharedNotes}`,
    });

    // Organization B: its name, its people and its 1:1 carry the other-organization marker.
    const b = await ownerWithOrganization(t.app, `Bo ${markers.otherOrganization}`);
    clients.outsider = b.client;
    await b.client.patch(`/api/orgs/${b.org.slug}`, { name: `Org ${markers.otherOrganization}` });
    await b.client.post(`/api/orgs/${b.org.slug}/people/import`, {
      csv: `email,name,title\nbea@b.test,Bea ${markers.otherOrganization},Lead ${markers.otherOrganization}\n`,
    });
    const bea = (await b.client.get(`/api/orgs/${b.org.slug}/people?q=bea`)).json().items[0].id as string;
    const bMeeting = (
      await b.client.post(`/api/orgs/${b.org.slug}/meetings`, {
        withPersonId: bea,
        startsAt: '2026-03-03T10:00:00Z',
      })
    ).json().id as string;
    await b.client.request('PUT', `/api/orgs/${b.org.slug}/meetings/${bMeeting}/notes/shared`, {
      body: `B notes ${markers.otherOrganization}`,
      baseVersion: 0,
    });
    await b.client.post(`/api/orgs/${b.org.slug}/meetings/${bMeeting}/agenda`, {
      title: `B topic ${markers.otherOrganization}`,
    });

    ids.meetingId = [meetingId, bMeeting];
    ids.personId = [memberPerson, adminPerson, bea];
    ids.itemId = [agendaItem.json().id];
    ids.nextStepId = [nextStep.json().id];
  });
  afterAll(() => t.close());

  /** The markers a role's answer may not hold; a caller whose session was garbled is anonymous. */
  function leaks(role: Role, body: string): Marker[] {
    return forbidden[role].filter((marker) => body.includes(markers[marker]));
  }

  it('shows no role another organization’s data or another person’s notes, on any route with any real id', async () => {
    // The markers are really there for those who may read them, so their absence elsewhere means something.
    const page = `/api/orgs/${slug}/meetings/${ids.meetingId![0]}`;
    expect((await clients.admin.get(page)).body).toContain(markers.privateNote);
    expect((await clients.member.get(page)).body).toContain(markers.sharedNotes);
    const failures: string[] = [];
    const routes = t.app.accessTable.filter(
      (route) => route.method === 'GET' && !route.url.endsWith('/events') && route.url.includes(':'),
    );
    for (const route of routes) {
      const names = [...route.url.matchAll(/:(\w+)/g)]
        .map((match) => match[1]!)
        .filter((name) => name !== 'org');
      const choices =
        names.length === 0
          ? [[]]
          : (ids[names[0]!] ?? ['00000000-0000-4000-8000-000000000000']).map((id) => [id]);
      for (const [id] of choices) {
        const url = route.url.replace(':org', slug).replace(/:(\w+)/g, () => id ?? 'x');
        for (const role of Object.keys(forbidden) as Role[]) {
          const response = await clients[role].get(url);
          const leaked = leaks(role, response.body);
          if (leaked.length > 0 || response.statusCode >= 500)
            failures.push(`${role} GET ${url} → ${response.statusCode} ${leaked.join(', ')}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  const contentType = fc.constantFrom(
    undefined,
    'application/json',
    'application/json; charset=utf-16',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=----x',
    'application/xml',
    'application/json, text/html',
    '*/*',
    ';;;',
    `application/${'x'.repeat(300)}`,
  );
  const cookieNoise = fc.oneof(
    fc.constant(undefined),
    fc.constant(`tandem.session_token=${'A'.repeat(8_000)}`),
    fc.constant('tandem.session_token=%E0%A4%A;;; =; tandem.session_token='),
    fc.constant(`a=${'b'.repeat(16_000)}`),
    fc.string({ maxLength: 60 }).map((noise) => `tandem.session_token=${encodeURIComponent(noise)}`),
    fc.string({ maxLength: 60 }),
  );
  const authorization = fc.oneof(
    fc.constant(undefined),
    fc.constantFrom(
      'Bearer',
      'Bearer ',
      'Bearer tdm_',
      `Bearer tdm_${'x'.repeat(10_000)}`,
      'Basic Zm9vOmJhcg==',
      'bearer tdm_AAAA tdm_BBBB',
      'Bearer \u00e9\u00e9',
      'Digest username="x"',
    ),
    fc.string({ maxLength: 80 }).map((noise) => `Bearer ${noise}`),
  );
  const accept = fc.constantFrom(
    undefined,
    'text/html',
    'application/xml',
    '*/*;q=0',
    'text/event-stream',
    'image/png',
    ',,,',
  );

  it('answers generated headers from every role without a server error or a leak', async () => {
    const failures: string[] = [];
    const routes = t.app.accessTable.filter(
      (route) => !route.url.endsWith('/events') && route.url !== '/api/auth/sign-out',
    );
    const roles = Object.keys(forbidden) as Role[];
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...roles),
          contentType,
          cookieNoise,
          authorization,
          accept,
          fc.jsonValue({ maxDepth: 3 }),
          fc.nat(),
          async (role, type, noise, auth, wanted, body, pick) => {
            const url = route.url.replace(':org', slug).replace(/:(\w+)/g, (_, name: string) => {
              const known = ids[name] ?? ['00000000-0000-4000-8000-000000000000'];
              return encodeURIComponent(known[pick % known.length]!);
            });
            const session = clients[role].cookie;
            const cookie = [session, noise].filter(Boolean).join('; ');
            const headers: Record<string, string> = { origin: TEST_ORIGIN };
            if (cookie) headers.cookie = cookie;
            if (type) headers['content-type'] = type;
            if (auth) headers.authorization = auth;
            if (wanted) headers.accept = wanted;
            const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
            const response = await t.app.inject({
              method: route.method as 'GET',
              url,
              headers,
              ...(hasBody ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
            });
            const leaked = leaks(role, response.body);
            if (response.statusCode >= 500 || leaked.length > 0)
              failures.push(
                `${role} ${route.method} ${route.url} [${type} | ${auth?.slice(0, 20)} | ${noise?.slice(0, 20)}] → ${response.statusCode} ${leaked.join(', ')} ${response.body.slice(0, 160)}`,
              );
            return true;
          },
        ),
        { numRuns: 10, seed: 20261124 },
      );
    }
    expect(failures).toEqual([]);
  });
});
