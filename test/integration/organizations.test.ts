import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { createTestApp, memberOf, ownerWithOrganization, signUp, type TestApp } from '../support/test-app.ts';

describe.each(await databaseKinds())('organizations and invitations on the %s database', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it('makes the creator the owner and puts them in the directory', async () => {
    const { client, org, email } = await ownerWithOrganization(t.app);
    const fetched = (await client.get(`/api/orgs/${org.slug}`)).json();
    expect(fetched.role).toBe('owner');
    expect(fetched.peopleCount).toBe(1);
    const people = (await client.get(`/api/orgs/${org.slug}/people`)).json();
    expect(people.items.map((person: { email: string }) => person.email)).toEqual([email]);
  });

  it('derives a free address from the name and refuses a taken one', async () => {
    const { client } = await signUp(t.app);
    const first = (await client.post('/api/orgs', { name: 'Northwind Traders' })).json();
    const second = (await client.post('/api/orgs', { name: 'Northwind Traders' })).json();
    expect(first.slug).toBe('northwind-traders');
    expect(second.slug).toBe('northwind-traders-2');
    const taken = await client.post('/api/orgs', { name: 'Other', slug: 'northwind-traders' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().fields[0].path).toBe('body.slug');
  });

  it('invites by mail; the invited account joins with the invited role and its directory entry', async () => {
    const { client, org } = await ownerWithOrganization(t.app);
    const member = await memberOf(t, client, org.slug, 'admin', 'Ada Admin');
    const members = (await client.get(`/api/orgs/${org.slug}/members`)).json();
    expect(members.find((entry: { email: string }) => entry.email === member.email).role).toBe('admin');
    const session = (await member.client.get('/api/auth/session')).json();
    expect(session.memberships[0].slug).toBe(org.slug);
    const invitations = (await client.get(`/api/orgs/${org.slug}/invitations`)).json();
    expect(invitations[0].status).toBe('accepted');
  });

  it('does not let a forwarded invitation in under another account', async () => {
    const { client, org } = await ownerWithOrganization(t.app);
    await client.post(`/api/orgs/${org.slug}/invitations`, { email: 'invitee@example.com', role: 'member' });
    const mail = (await client.get(`/api/orgs/${org.slug}/outbox`)).json()[0];
    expect(mail.kind).toBe('invitation');
    expect(mail.delivery).toBe('outbox');
    const token = /\/invitations\/([\w-]+)/.exec(mail.text)![1];
    const stranger = await signUp(t.app);
    expect((await stranger.client.get(`/api/invitations/${token}`)).json().organizationName).toBe(org.name);
    const refused = await stranger.client.post(`/api/invitations/${token}/accept`);
    expect(refused.statusCode).toBe(403);
    expect((await stranger.client.get(`/api/orgs/${org.slug}`)).statusCode).toBe(404);
  });

  it('lets only admins invite, and only owners grant ownership', async () => {
    const { client, org } = await ownerWithOrganization(t.app);
    const member = await memberOf(t, client, org.slug, 'member');
    const admin = await memberOf(t, client, org.slug, 'admin', 'Ari Admin');
    expect(
      (await member.client.post(`/api/orgs/${org.slug}/invitations`, { email: 'x@example.com' })).statusCode,
    ).toBe(403);
    expect(
      (
        await admin.client.post(`/api/orgs/${org.slug}/invitations`, {
          email: 'y@example.com',
          role: 'owner',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await admin.client.patch(`/api/orgs/${org.slug}/members/${member.userId}`, { role: 'owner' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await admin.client.patch(`/api/orgs/${org.slug}/members/${member.userId}`, { role: 'admin' })).json()
        .role,
    ).toBe('admin');
  });

  it('never leaves an organization without an owner', async () => {
    const { client, org, userId } = await ownerWithOrganization(t.app);
    const demoted = await client.patch(`/api/orgs/${org.slug}/members/${userId}`, { role: 'member' });
    expect(demoted.statusCode).toBe(409);
    expect((await client.delete(`/api/orgs/${org.slug}/members/${userId}`)).statusCode).toBe(409);
  });

  it('revokes a pending invitation so its link stops working', async () => {
    const { client, org } = await ownerWithOrganization(t.app);
    const invitation = (
      await client.post(`/api/orgs/${org.slug}/invitations`, { email: 'later@example.com' })
    ).json();
    const mail = (await client.get(`/api/orgs/${org.slug}/outbox`)).json()[0];
    const token = /\/invitations\/([\w-]+)/.exec(mail.text)![1];
    expect((await client.delete(`/api/orgs/${org.slug}/invitations/${invitation.id}`)).statusCode).toBe(204);
    expect((await client.get(`/api/invitations/${token}`)).statusCode).toBe(410);
  });
});
