import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

describe('the API description', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('embedded');
  });
  afterAll(() => t.close());

  it('serves a valid OpenAPI 3.1 document at /api/openapi.json', async () => {
    const response = await t.app.inject({ url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('describes request bodies from the same schemas that validate them', async () => {
    const document = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const signUp = document.paths['/api/auth/sign-up'].post.requestBody.content['application/json'].schema;
    expect(signUp.required).toEqual(expect.arrayContaining(['name', 'email', 'password']));
    expect(signUp.additionalProperties).toBe(false);
    expect(signUp.properties.password.minLength).toBe(10);
  });

  it('renders the interactive docs at /api/docs', async () => {
    const response = await t.app.inject({ url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('swagger');
  });

  it('answers health with the database kind and version', async () => {
    expect((await t.app.inject({ url: '/api/health' })).json()).toEqual({
      status: 'ok',
      database: 'embedded',
      version: '0.1.0',
    });
  });
});
