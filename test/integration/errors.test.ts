import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ownerWithOrganization, type TestApp } from '../support/test-app.ts';

describe('bad input gets a clear 4xx problem, never a 500', () => {
  let t: TestApp;
  let cookie: string;
  let slug: string;
  beforeAll(async () => {
    t = await createTestApp('embedded');
    const owner = await ownerWithOrganization(t.app);
    cookie = owner.client.cookie!;
    slug = owner.org.slug;
  });
  afterAll(() => t.close());

  const send = (
    method: 'POST' | 'GET' | 'PATCH',
    url: string,
    body?: string,
    contentType = 'application/json',
  ) =>
    t.app.inject({
      method,
      url,
      payload: body,
      headers: { cookie, origin: 'http://localhost:3000', 'content-type': contentType },
    });

  it('answers malformed JSON with 400 and says the body is not JSON', async () => {
    const response = await send('POST', '/api/orgs', '{"name": "Broken');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'body' }] });
    expect(response.json().requestId).toBe(response.headers['x-request-id']);
  });

  it('names a field of the wrong type and an unknown field', async () => {
    const wrongType = await send('POST', '/api/orgs', JSON.stringify({ name: 42 }));
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().fields[0].path).toBe('body.name');
    const unknown = await send('POST', '/api/orgs', JSON.stringify({ name: 'Fine Name', colour: 'blue' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields[0].path).toContain('colour');
  });

  it('refuses a body over 1 MB with 413 and writes nothing', async () => {
    const response = await send('POST', '/api/orgs', JSON.stringify({ name: 'x'.repeat(1_100_000) }));
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers a bad id with 400 and an unknown one with 404', async () => {
    expect((await send('GET', `/api/orgs/${slug}/people/not-a-uuid`)).statusCode).toBe(400);
    expect(
      (await send('GET', `/api/orgs/${slug}/people/00000000-0000-4000-8000-000000000000`)).json().code,
    ).toBe('NOT_FOUND');
  });

  it('answers an unsupported content type with 415 and an unknown route with 404', async () => {
    expect((await send('POST', '/api/orgs', 'name=x', 'application/x-www-form-urlencoded')).statusCode).toBe(
      415,
    );
    const missing = await send('GET', '/api/nothing-here');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('NOT_FOUND');
  });
});
