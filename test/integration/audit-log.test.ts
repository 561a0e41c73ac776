import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventsPage, AuditEventView } from '../../src/contracts/audit.ts';
import { auditEvents } from '../../src/server/db/schema-trust.ts';
import {
  AUDIT_RETENTION_DAYS,
  pruneAuditEvents,
  recordAuditEvent,
} from '../../src/server/features/audit/audit.service.ts';
import { databaseKinds } from '../support/databases.ts';
import {
  Client,
  createTestApp,
  memberOf,
  ownerWithOrganization,
  TEST_PASSWORD,
  type TestApp,
} from '../support/test-app.ts';

const HEADER = 'email,name,title,manager_email,start_date,time_zone';

describe.each(await databaseKinds())('the audit log on the %s database', (kind) => {
  let t: TestApp;
  let slug: string;
  let owner: Client;
  let admin: Client;
  let member: { client: Client; email: string; userId: string };
  let otherOwner: Awaited<ReturnType<typeof ownerWithOrganization>>;
  let cohortId: string;
  let surveyId: string;
  let tokenId: string;

  async function eventsOf(client: Client, query = ''): Promise<AuditEventView[]> {
    const response = await client.get(`/api/orgs/${slug}/audit-events?limit=200${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().events;
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    const a = await ownerWithOrganization(t.app, 'Olga Owner');
    slug = a.org.slug;
    owner = a.client;
    admin = (await memberOf(t, owner, slug, 'admin', 'Adam Admin')).client;
    member = await memberOf(t, owner, slug, 'member', 'Mila Member');
    otherOwner = await ownerWithOrganization(t.app, 'Otto Otherorg');

    // A password sign-in, then a wrong password for the same address.
    const fresh = new Client(t.app);
    const signedIn = await fresh.post('/api/auth/sign-in', { email: member.email, password: TEST_PASSWORD });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    const failed = await new Client(t.app).post('/api/auth/sign-in', {
      email: member.email,
      password: 'not the password at all',
    });
    expect(failed.statusCode).toBe(401);

    // A token created and used three times: one use is recorded, not three.
    const created = (await member.client.post('/api/tokens', { name: 'Reports script' })).json();
    tokenId = created.id;
    const script = new Client(t.app);
    script.bearer = created.token;
    for (let call = 0; call < 3; call++) expect((await script.get('/api/auth/session')).statusCode).toBe(200);

    // A role change and an export of the owner's dashboard.
    expect(
      (await owner.patch(`/api/orgs/${slug}/members/${member.userId}`, { role: 'admin' })).statusCode,
    ).toBe(200);
    expect((await owner.get(`/api/orgs/${slug}/insights/dashboard.csv?section=cadence`)).statusCode).toBe(
      200,
    );

    // The owner runs a cohort and leads a team with a pulse; the admin reads both by their role.
    cohortId = (await owner.post(`/api/orgs/${slug}/academy/cohorts`, { name: 'Spring cohort' })).json().id;
    const ownerEmail = (await owner.get('/api/auth/session')).json().user.email as string;
    const team = [1, 2, 3, 4, 5].map((n) => `p${n}@audit.test,Pat Team${n},Engineer,${ownerEmail},,`);
    const imported = await owner.post(`/api/orgs/${slug}/people/import`, {
      csv: `${HEADER}\n${team.join('\n')}\n`,
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const ownerPersonId = (await owner.get(`/api/orgs/${slug}/people?q=olga`)).json().items[0].id;
    const survey = await owner.post(`/api/orgs/${slug}/pulse/surveys`, {
      title: 'Team pulse',
      teamLeadId: ownerPersonId,
      scope: 'direct',
      cadence: 'once',
    });
    expect(survey.statusCode, survey.body).toBe(201);
    surveyId = survey.json().id;
    expect((await admin.get(`/api/orgs/${slug}/academy/cohorts/${cohortId}`)).statusCode).toBe(200);
    expect((await admin.get(`/api/orgs/${slug}/pulse/surveys/${surveyId}/results`)).statusCode).toBe(200);
    // The owner reading their own cohort and pulse is no admin read.
    expect((await owner.get(`/api/orgs/${slug}/academy/cohorts/${cohortId}`)).statusCode).toBe(200);
    expect((await owner.get(`/api/orgs/${slug}/pulse/surveys/${surveyId}/results`)).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it('shows the owner the sign-ins of the members, the failed one without its password', async () => {
    const events = await eventsOf(owner);
    const signIns = events.filter((event) => event.actor.email === member.email);
    expect(signIns.map((event) => event.action)).toEqual(
      expect.arrayContaining(['auth.sign_in', 'auth.sign_in_failed']),
    );
    const failed = signIns.find((event) => event.action === 'auth.sign_in_failed')!;
    expect(failed.actor.userId).toBe(member.userId);
    expect(failed.isOrganizationEvent).toBe(false);
    expect(JSON.stringify(events)).not.toContain('not the password at all');
    expect(JSON.stringify(events)).not.toContain(TEST_PASSWORD);
  });

  it('shows a member’s sign-ins only from when they joined, and never where they signed in from', async () => {
    const yearAgo = new Date(Date.now() - 365 * 86_400_000);
    await t.ctx.db.insert(auditEvents).values({
      organizationId: null,
      actorUserId: member.userId,
      actorEmail: member.email,
      action: 'auth.sign_in',
      detail: { before: 'joining' },
      ip: '203.0.113.9',
      createdAt: yearAgo,
    });
    const events = await eventsOf(owner);
    expect(events.some((event) => event.detail.before === 'joining')).toBe(false);
    const accountWide = events.filter((event) => !event.isOrganizationEvent);
    expect(accountWide.length).toBeGreaterThan(0);
    for (const event of accountWide) expect(event.ip).toBeNull();
    const own = events.filter((event) => event.isOrganizationEvent);
    expect(own.some((event) => event.ip !== null)).toBe(true);
    expect(JSON.stringify(events)).not.toContain('203.0.113.9');
  });

  it('records a token’s creation and its use once, not on every request', async () => {
    const events = await eventsOf(owner, `&actor=${encodeURIComponent(member.email)}`);
    expect(
      events.filter((event) => event.action === 'token.created' && event.subjectId === tokenId),
    ).toHaveLength(1);
    const used = events.filter((event) => event.action === 'token.used' && event.subjectId === tokenId);
    expect(used).toHaveLength(1);
    expect(used[0]!.detail).toMatchObject({ method: 'GET', route: '/api/auth/session' });
  });

  it('records a role change with the roles before and after', async () => {
    const [changed] = await eventsOf(owner, '&action=member.role_changed');
    expect(changed).toMatchObject({
      action: 'member.role_changed',
      subjectId: member.userId,
      detail: { from: 'member', to: 'admin' },
      isOrganizationEvent: true,
    });
  });

  it('records invitations and an export', async () => {
    const events = await eventsOf(owner);
    expect(events.filter((event) => event.action === 'member.invited')).toHaveLength(2);
    expect(events.find((event) => event.action === 'export.dashboard_csv')?.detail).toMatchObject({
      section: 'cadence',
    });
  });

  it('records an admin reading a cohort and a pulse by their role, and not the owner reading their own', async () => {
    const reads = await eventsOf(owner, '&action=admin.read_person_data');
    expect(reads.map((event) => [event.detail.what, event.subjectId]).sort()).toEqual(
      [
        ['cohort_progress', cohortId],
        ['pulse_results', surveyId],
      ].sort(),
    );
    expect(reads.every((event) => event.detail.role === 'admin')).toBe(true);
  });

  it('pages through the log newest first without repeating an event', async () => {
    const all = await eventsOf(owner);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: AuditEventsPage = (
        await owner.get(`/api/orgs/${slug}/audit-events?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.events.map((event) => event.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((event) => event.id));
    const times = all.map((event) => event.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('filters by time', async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(await eventsOf(owner, `&since=${encodeURIComponent(future)}`)).toEqual([]);
    expect((await eventsOf(owner, `&until=${encodeURIComponent(future)}`)).length).toBeGreaterThan(5);
  });

  it('answers a forged cursor with 400 naming the field', async () => {
    const response = await owner.get(`/api/orgs/${slug}/audit-events?cursor=bm90LWEtY3Vyc29y`);
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0].path).toBe('querystring.cursor');
  });

  it('keeps only short, flat facts in a detail, whatever a caller passes', async () => {
    await recordAuditEvent(t.ctx.db, {
      organizationId: (await owner.get(`/api/orgs/${slug}`)).json().id,
      actor: null,
      action: 'test.detail_kept',
      detail: { rows: 3, format: 'csv', notes: 'x'.repeat(500), nested: { text: 'meeting words' } as never },
    });
    const [event] = await eventsOf(owner, '&action=test.detail_kept');
    expect(event!.detail).toEqual({ rows: 3, format: 'csv' });
  });

  it('forgets events older than the retention period and keeps the rest', async () => {
    const organizationId = (await owner.get(`/api/orgs/${slug}`)).json().id;
    const old = new Date(Date.now() - (AUDIT_RETENTION_DAYS + 1) * 86_400_000);
    await t.ctx.db.insert(auditEvents).values([
      { organizationId, action: 'test.ancient', createdAt: old },
      { organizationId: null, actorUserId: member.userId, action: 'test.ancient', createdAt: old },
    ]);
    const before = (await eventsOf(owner)).length;
    // The member's account-wide one predates their joining, so the owner never saw it.
    expect(await eventsOf(owner, '&action=test.ancient')).toHaveLength(1);
    expect(await pruneAuditEvents(t.ctx.db)).toBe(2);
    expect(await eventsOf(owner, '&action=test.ancient')).toEqual([]);
    expect((await eventsOf(owner)).length).toBe(before - 1);
  });

  it('is refused to admins and members, and another organization’s owner sees none of it', async () => {
    expect((await admin.get(`/api/orgs/${slug}/audit-events`)).statusCode).toBe(403);
    expect((await member.client.get(`/api/orgs/${slug}/audit-events`)).statusCode).toBe(403);
    expect((await otherOwner.client.get(`/api/orgs/${slug}/audit-events`)).statusCode).toBe(404);
    // Their sign-up came before their organization; a sign-in after it is theirs to see.
    const again = await new Client(t.app).post('/api/auth/sign-in', {
      email: otherOwner.email,
      password: TEST_PASSWORD,
    });
    expect(again.statusCode).toBe(200);
    const theirs = (
      await otherOwner.client.get(`/api/orgs/${otherOwner.org.slug}/audit-events?limit=200`)
    ).json().events as AuditEventView[];
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((event) => event.actor.userId === otherOwner.userId)).toBe(true);
  });
});
