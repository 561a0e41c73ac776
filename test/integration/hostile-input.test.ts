import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  createTestApp,
  memberOf,
  ownerWithOrganization,
  type TestApp,
} from '../support/test-app.ts';

/**
 * Generated bodies, query strings and path values against every API route, as an owner and as a
 * plain member: whatever arrives, the answer is a deliberate 2xx/3xx/4xx, never a 5xx.
 */
describe('hostile input against every route', () => {
  let t: TestApp;
  let slug: string;
  let owner: Client;
  let member: Client;
  let realIds: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp('embedded');
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
