import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.ts';

/** An owner with an organization, signed up from the configured public origin (http or https). */
async function ownerFrom(app: FastifyInstance, origin: string) {
  const signUp = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-up',
    payload: { name: 'Hedda Headers', email: `headers-${Date.now()}@example.com`, password: TEST_PASSWORD },
    headers: { origin },
  });
  expect(signUp.statusCode, signUp.body).toBe(201);
  const setCookie = signUp.headers['set-cookie'];
  const cookie = (Array.isArray(setCookie) ? setCookie : [setCookie])
    .map((line) => String(line).split(';')[0])
    .join('; ');
  const org = await app.inject({
    method: 'POST',
    url: '/api/orgs',
    payload: { name: 'Headers Inc' },
    headers: { origin, cookie },
  });
  expect(org.statusCode, org.body).toBe(201);
  return { cookie, slug: org.json().slug as string };
}

/** What a browser is told with every answer, whatever the route and whatever the status. */
function headerProblems(response: LightMyRequestResponse, options: { isHttps: boolean }): string[] {
  const problems: string[] = [];
  const csp = String(response.headers['content-security-policy'] ?? '');
  const directives = new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name!.toLowerCase(), values] as const),
  );
  const scripts = directives.get('script-src') ?? directives.get('default-src');
  if (!csp) problems.push('no Content-Security-Policy');
  else if (!scripts) problems.push('CSP without script-src or default-src');
  else if (scripts.some((value) => ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:'].includes(value)))
    problems.push(`CSP allows unsafe scripts: ${scripts.join(' ')}`);
  const frames = directives.get('frame-ancestors');
  const frameOptions = String(response.headers['x-frame-options'] ?? '').toUpperCase();
  if (frames?.join(' ') !== "'none'" && frameOptions !== 'DENY') problems.push('may be framed');
  if (frameOptions && frameOptions !== 'DENY') problems.push(`X-Frame-Options ${frameOptions}`);
  if (response.headers['x-content-type-options'] !== 'nosniff') problems.push('no nosniff');
  const referrer = String(response.headers['referrer-policy'] ?? '');
  if (!['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'].includes(referrer))
    problems.push(`Referrer-Policy "${referrer}"`);
  const hsts = String(response.headers['strict-transport-security'] ?? '');
  if (options.isHttps && !/max-age=(\d{7,})/.test(hsts)) problems.push(`HSTS "${hsts}"`);
  if (!options.isHttps && hsts) problems.push('HSTS on plain http');
  // What a 1:1 says must not stay in a shared computer's browser cache, nor be read cross-origin.
  const type = String(response.headers['content-type'] ?? '');
  if (/^application\/(problem\+)?json/.test(type)) {
    if (response.headers['cache-control'] !== 'no-store')
      problems.push(`JSON with Cache-Control "${response.headers['cache-control']}"`);
    if (response.headers['cross-origin-resource-policy'] !== 'same-origin')
      problems.push('JSON readable cross-origin');
  }
  return problems;
}

describe.each([
  { label: 'over http', publicUrl: 'http://localhost:3000', isHttps: false },
  { label: 'behind https', publicUrl: 'https://tandem.example.com', isHttps: true },
])('security headers $label', ({ publicUrl, isHttps }) => {
  let t: TestApp;
  let cookie: string;
  let slug: string;

  beforeAll(async () => {
    t = await createTestApp('embedded', { PUBLIC_URL: publicUrl });
    ({ cookie, slug } = await ownerFrom(t.app, publicUrl));
  });
  afterAll(() => t.close());

  it('come with every API route, signed in or not, whatever it answers', async () => {
    const failures: string[] = [];
    // Signing out would end the session the rest of the run needs; the event stream never ends by itself.
    const routes = t.app.accessTable.filter(
      (route) => !route.url.endsWith('/events') && route.url !== '/api/auth/sign-out',
    );
    expect(routes.length).toBeGreaterThan(40);
    for (const route of routes) {
      const url = route.url.replace(':org', slug).replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
      for (const withSession of [true, false]) {
        const response = await t.app.inject({
          method: route.method as 'GET',
          url,
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
          headers: { origin: publicUrl, ...(withSession ? { cookie } : {}) },
        });
        for (const problem of headerProblems(response, { isHttps }))
          failures.push(`${route.method} ${route.url} → ${response.statusCode}: ${problem}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('come with errors raised before any route: unknown paths, refused origins, oversized and compressed bodies', async () => {
    const responses = [
      await t.app.inject({ method: 'GET', url: '/api/nothing-here' }),
      await t.app.inject({
        method: 'POST',
        url: '/api/orgs',
        payload: {},
        headers: { origin: 'https://evil.test', cookie },
      }),
      await t.app.inject({
        method: 'POST',
        url: '/api/orgs',
        payload: JSON.stringify({ name: 'x'.repeat(2_000_000) }),
        headers: { origin: publicUrl, cookie, 'content-type': 'application/json' },
      }),
      await t.app.inject({
        method: 'POST',
        url: '/api/orgs',
        payload: '{}',
        headers: {
          origin: publicUrl,
          cookie,
          'content-type': 'application/json',
          'content-encoding': 'gzip',
        },
      }),
    ];
    expect(responses.map((response) => response.statusCode)).toEqual([404, 403, 413, 415]);
    expect(responses.flatMap((response) => headerProblems(response, { isHttps }))).toEqual([]);
  });

  it('come with the web app’s pages, the printable report and the API documentation', async () => {
    const failures: string[] = [];
    let documents = 0;
    for (const url of [
      '/',
      '/sign-in',
      `/o/${slug}/settings/audit`,
      `/o/${slug}/meetings`,
      `/api/orgs/${slug}/insights/report`,
      '/api/openapi.json',
      '/api/docs',
      '/api/docs/static/index.html',
    ]) {
      const response = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      for (const problem of headerProblems(response, { isHttps }))
        failures.push(`${url} → ${response.statusCode}: ${problem}`);
      // A document loads its own scripts and styles: the data's policy (nothing at all) would break it.
      if (String(response.headers['content-type']).startsWith('text/html') && response.statusCode === 200) {
        documents += 1;
        const csp = String(response.headers['content-security-policy']);
        if (!csp.includes("script-src 'self'")) failures.push(`${url}: a document with CSP "${csp}"`);
      }
    }
    expect(failures).toEqual([]);
    // The printable report and the API documentation at least (the web app's pages need a build).
    expect(documents).toBeGreaterThanOrEqual(2);
  });
});
