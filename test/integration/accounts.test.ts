import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMailTo } from '../../src/server/mail/mail-log.ts';
import { databaseKinds } from '../support/databases.ts';
import { Client, createTestApp, signUp, TEST_PASSWORD, type TestApp } from '../support/test-app.ts';

describe.each(await databaseKinds())('accounts on the %s database', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it('signs up into an HttpOnly, SameSite=Lax session cookie and knows who you are', async () => {
    const client = new Client(t.app);
    const response = await client.post('/api/auth/sign-up', {
      name: 'Grace Hopper',
      email: 'Grace@Example.com',
      password: TEST_PASSWORD,
    });
    expect(response.statusCode).toBe(201);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(response.json().user.email).toBe('grace@example.com');
    const session = await client.get('/api/auth/session');
    expect(session.json().user.name).toBe('Grace Hopper');
  });

  it('refuses a second account with the same address', async () => {
    const { email } = await signUp(t.app);
    const again = await new Client(t.app).post('/api/auth/sign-up', {
      name: 'Copy',
      email,
      password: TEST_PASSWORD,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ALREADY_EXISTS');
  });

  it('names the field when a password is too short', async () => {
    const response = await new Client(t.app).post('/api/auth/sign-up', {
      name: 'Short',
      email: 'short@example.com',
      password: 'short',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().fields[0].path).toBe('body.password');
  });

  it('rotates the session at every sign-in and ends it at sign-out', async () => {
    const { client, email } = await signUp(t.app);
    const first = client.cookie;
    const other = new Client(t.app);
    expect((await other.post('/api/auth/sign-in', { email, password: TEST_PASSWORD })).statusCode).toBe(200);
    expect(other.cookie).toBeDefined();
    expect(other.cookie).not.toBe(first);
    expect((await other.post('/api/auth/sign-out')).statusCode).toBe(204);
    const stale = new Client(t.app);
    stale.cookie = other.cookie;
    expect((await other.get('/api/auth/session')).statusCode).toBe(401);
    expect((await client.get('/api/auth/session')).statusCode).toBe(200);
  });

  it('answers a wrong password with 401 and, after 10 failures in a minute, with 429', async () => {
    const { email } = await signUp(t.app);
    const attacker = new Client(t.app, '10.9.9.9');
    for (let attempt = 0; attempt < 10; attempt++) {
      const response = await attacker.post('/api/auth/sign-in', { email, password: 'wrong password 123' });
      expect(response.statusCode).toBe(401);
    }
    const blocked = await attacker.post('/api/auth/sign-in', { email, password: TEST_PASSWORD });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBe('60');
    // The same IP is refused for other addresses too, and the address from other IPs.
    const other = await signUp(t.app);
    expect(
      (await attacker.post('/api/auth/sign-in', { email: other.email, password: TEST_PASSWORD })).statusCode,
    ).toBe(429);
    expect(
      (await new Client(t.app, '10.1.1.1').post('/api/auth/sign-in', { email, password: TEST_PASSWORD }))
        .statusCode,
    ).toBe(429);
    expect(
      (
        await new Client(t.app, '10.1.1.1').post('/api/auth/sign-in', {
          email: other.email,
          password: TEST_PASSWORD,
        })
      ).statusCode,
    ).toBe(200);
  });

  it('resets a password through the mailed link, once', async () => {
    const { client, email } = await signUp(t.app);
    await client.post('/api/orgs', { name: 'Reset Org' });
    const anonymous = new Client(t.app);
    expect((await anonymous.post('/api/auth/password-reset/request', { email })).statusCode).toBe(202);
    expect(
      (await anonymous.post('/api/auth/password-reset/request', { email: 'nobody@example.com' })).statusCode,
    ).toBe(202);
    // The reset link never reaches the organization's outbox, which its admins can read.
    const slug = (await client.get('/api/auth/session')).json().memberships[0].slug;
    const adminOutbox = (await client.get(`/api/orgs/${slug}/outbox`)).json() as Array<{ kind: string }>;
    expect(adminOutbox.filter((message) => message.kind === 'password-reset')).toEqual([]);
    const mail = (await findMailTo(t.ctx.db, email)).find((message) => message.kind === 'password-reset')!;
    const token = new URL(/https?:\/\/\S+/.exec(mail.text)![0]).searchParams.get('token');
    const confirm = await anonymous.post('/api/auth/password-reset/confirm', {
      token,
      password: 'a brand new password',
    });
    expect(confirm.statusCode).toBe(204);
    expect(
      (await anonymous.post('/api/auth/password-reset/confirm', { token, password: 'yet another password' }))
        .statusCode,
    ).toBe(410);
    expect(
      (await new Client(t.app).post('/api/auth/sign-in', { email, password: TEST_PASSWORD })).statusCode,
    ).toBe(401);
    expect(
      (await new Client(t.app).post('/api/auth/sign-in', { email, password: 'a brand new password' }))
        .statusCode,
    ).toBe(200);
  });

  it('changes the sign-in address only after the link mailed to the new address is opened', async () => {
    const { client } = await signUp(t.app);
    await client.post('/api/orgs', { name: 'Email Org' });
    const newEmail = `changed-${Date.now()}@example.com`;
    expect((await client.post('/api/auth/email-change', { newEmail })).statusCode).toBe(202);
    expect((await client.get('/api/auth/session')).json().user.email).not.toBe(newEmail);
    const [mail] = await findMailTo(t.ctx.db, newEmail);
    const link = new URL(/https?:\/\/\S+/.exec(mail!.text)![0]);
    const opened = await client.get(`${link.pathname}${link.search}`);
    expect(opened.statusCode).toBe(302);
    expect((await client.get('/api/auth/session')).json().user.email).toBe(newEmail);
  });

  it('refuses cookie-authenticated writes from another origin or without one', async () => {
    const { client } = await signUp(t.app);
    const foreign = await client.post('/api/orgs', { name: 'Evil Org' }, { origin: 'https://evil.example' });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe('CSRF_REJECTED');
    const bare = await t.app.inject({
      method: 'POST',
      url: '/api/orgs',
      payload: { name: 'No Origin' },
      headers: { cookie: client.cookie! },
    });
    expect(bare.statusCode).toBe(403);
  });

  it('creates, uses, lists and revokes a personal API token that is shown once', async () => {
    const { client } = await signUp(t.app);
    const created = await client.post('/api/tokens', { name: 'CI script' });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^tdm_/);
    const listed = (await client.get('/api/tokens')).json();
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(token);
    const script = new Client(t.app);
    script.bearer = token;
    expect((await script.get('/api/auth/session')).statusCode).toBe(200);
    expect((await script.post('/api/orgs', { name: 'Scripted Org' }, { origin: '' })).statusCode).toBe(201);
    expect((await client.delete(`/api/tokens/${id}`)).statusCode).toBe(204);
    const revoked = await script.get('/api/auth/session');
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().code).toBe('UNAUTHENTICATED');
  });
});
