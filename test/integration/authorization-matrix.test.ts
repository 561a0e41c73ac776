import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '../../src/server/auth/policy.ts';
import { databaseKinds } from '../support/databases.ts';
import {
  Client,
  createTestApp,
  memberOf,
  ownerWithOrganization,
  signUp,
  type TestApp,
} from '../support/test-app.ts';

type Role = 'anonymous' | 'outsider' | 'member' | 'admin' | 'owner';
const roles: Role[] = ['anonymous', 'outsider', 'member', 'admin', 'owner'];
const rank: Record<Role, number> = { anonymous: 0, outsider: 1, member: 2, admin: 3, owner: 4 };
const needed: Record<Access, number> = {
  public: 0,
  'signed-in': 1,
  'org-member': 2,
  'org-admin': 3,
  'org-owner': 4,
};

/**
 * Every API route, as every role, against organization A, with every id in the path taken from
 * organization B: callers below the route's level are refused, and nobody reaches B's data.
 */
describe.each(await databaseKinds())('the authorization matrix on the %s database', (kind) => {
  let t: TestApp;
  const clients = {} as Record<Role, Client>;
  let slug: string;
  const foreignIds: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    const a = await ownerWithOrganization(t.app, 'Owner A');
    slug = a.org.slug;
    clients.owner = a.client;
    clients.admin = (await memberOf(t, a.client, slug, 'admin', 'Admin A')).client;
    clients.member = (await memberOf(t, a.client, slug, 'member', 'Member A')).client;
    clients.anonymous = new Client(t.app);
    const b = await ownerWithOrganization(t.app, 'Owner B');
    clients.outsider = b.client;
    const csv = 'email,name,title,manager_email,start_date,time_zone\nb1@b.test,Bea One,Lead,,,\n';
    await b.client.post(`/api/orgs/${b.org.slug}/people/import`, { csv });
    foreignIds.personId = (await b.client.get(`/api/orgs/${b.org.slug}/people?q=bea`)).json().items[0].id;
    foreignIds.invitationId = (
      await b.client.post(`/api/orgs/${b.org.slug}/invitations`, { email: 'z@b.test' })
    ).json().id;
    foreignIds.userId = b.userId;
    // A token of an account none of the roles is.
    const stranger = await signUp(t.app, 'Stranger');
    foreignIds.tokenId = (await stranger.client.post('/api/tokens', { name: 'Their token' })).json().id;
    foreignIds.token = 'A'.repeat(32);
    // A 1:1 in organization B, with a topic and a next step.
    const series = await b.client.post(`/api/orgs/${b.org.slug}/series`, {
      withPersonId: foreignIds.personId,
      startDate: '2030-01-07',
      startTime: '10:00',
      timeZone: 'UTC',
    });
    foreignIds.seriesId = series.json().id;
    const meeting = (await b.client.get(`/api/orgs/${b.org.slug}/meetings`)).json()[0];
    foreignIds.meetingId = meeting.id;
    foreignIds.itemId = (
      await b.client.post(`/api/orgs/${b.org.slug}/meetings/${meeting.id}/agenda`, { title: 'Budget' })
    ).json().id;
    foreignIds.nextStepId = (
      await b.client.post(`/api/orgs/${b.org.slug}/meetings/${meeting.id}/next-steps`, { title: 'Send plan' })
    ).json().id;
    // Organization B's own question and template.
    foreignIds.questionId = (
      await b.client.post(`/api/orgs/${b.org.slug}/questions`, {
        text: 'What would make this quarter a good one for you?',
        grow: 'goal',
        category: 'strategy',
      })
    ).json().id;
    foreignIds.key = (
      await b.client.post(`/api/orgs/${b.org.slug}/meeting-templates`, {
        key: 'b-only-flow',
        name: 'B only',
        steps: [{ key: 'talk', title: 'Talk' }],
      })
    ).json().key;
    // Organization B's growth: a self-assessment, and a goal linked to B's next step.
    const ownerB = (await b.client.get(`/api/orgs/${b.org.slug}/people?q=owner`)).json().items[0].id;
    foreignIds.assessmentId = (
      await b.client.post(`/api/orgs/${b.org.slug}/assessments`, { subjectId: ownerB, kind: 'self' })
    ).json().id;
    foreignIds.goalId = (
      await b.client.post(`/api/orgs/${b.org.slug}/goals`, { kind: 'growth', title: 'Ask before telling' })
    ).json().id;
    foreignIds.linkId = (
      await b.client.post(`/api/orgs/${b.org.slug}/goals/${foreignIds.goalId}/links`, {
        kind: 'next-step',
        targetId: foreignIds.nextStepId,
      })
    ).json().links[0].id;
    // Organization B's Academy cohort and a role-play of its owner (on the first shipped module).
    foreignIds.cohortId = (
      await b.client.post(`/api/orgs/${b.org.slug}/academy/cohorts`, { name: 'B cohort' })
    ).json().id;
    const firstModule = (await b.client.get(`/api/orgs/${b.org.slug}/academy/modules`)).json().modules[0];
    if (firstModule) {
      foreignIds.sessionId = (
        await b.client.post(`/api/orgs/${b.org.slug}/academy/modules/${firstModule.id}/practice`)
      ).json().id;
    }
    // Organization B's team pulse: Bea leads five people, and the first round is open.
    const team = [2, 3, 4, 5, 6].map((n) => `b${n}@b.test,Teammate ${n},Engineer,b1@b.test,,`);
    await b.client.post(`/api/orgs/${b.org.slug}/people/import`, {
      csv: `email,name,title,manager_email,start_date,time_zone\nb1@b.test,Bea One,Lead,,,\n${team.join('\n')}\n`,
    });
    const pulse = (
      await b.client.post(`/api/orgs/${b.org.slug}/pulse/surveys`, {
        title: 'B pulse',
        teamLeadId: foreignIds.personId,
        scope: 'direct',
        cadence: 'once',
      })
    ).json();
    foreignIds.surveyId = pulse.id;
    foreignIds.roundId = pulse.latestRound.id;
    // Bea's calendar audit in organization B, and one of its events.
    const audit = (
      await b.client.post(`/api/orgs/${b.org.slug}/calendar-audits`, {
        text: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:b@b.test\r\nDTSTART:20260105T100000Z\r\nDTEND:20260105T110000Z\r\nSUMMARY:B planning\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
        from: '2026-01-05',
        to: '2026-01-11',
      })
    ).json();
    foreignIds.auditId = audit.id;
    foreignIds.eventId = (
      await b.client.get(`/api/orgs/${b.org.slug}/calendar-audits/${audit.id}/events`)
    ).json()[0].id;
  });
  afterAll(() => t.close());

  it('covers every API route in the OpenAPI document', () => {
    const documented = new Set<string>();
    const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    for (const [path, operations] of Object.entries(spec.paths)) {
      for (const method of Object.keys(operations))
        documented.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
    }
    const routes = t.app.accessTable.filter((route) => route.url !== '/api/openapi.json');
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) expect(documented).toContain(`${route.method} ${route.url}`);
  });

  it('keeps the audit log to owners: admins are refused it like members', () => {
    const auditLog = t.app.accessTable.find((route) => route.url === '/api/orgs/:org/audit-events');
    expect(auditLog).toEqual({ method: 'GET', url: '/api/orgs/:org/audit-events', access: 'org-owner' });
  });

  it('refuses every caller below the route’s access level and never shows another organization’s data', async () => {
    const failures: string[] = [];
    for (const route of t.app.accessTable) {
      if (route.url === '/api/openapi.json' || route.url === '/api/auth/sign-out') continue;
      const url = route.url
        .replace(':org', slug)
        .replace(/:(\w+)/g, (_, name: string) => foreignIds[name] ?? 'x');
      for (const role of roles) {
        const response = await clients[role].request(
          route.method as 'GET',
          url,
          route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
        );
        const status = response.statusCode;
        const allowed = rank[role] >= needed[route.access];
        const where = `${role} ${route.method} ${route.url} → ${status}`;
        if (status >= 500) failures.push(`${where}: server error`);
        else if (!allowed) {
          const expected = role === 'anonymous' ? 401 : role === 'outsider' ? 404 : 403;
          if (status !== expected) failures.push(`${where}: expected ${expected}`);
        } else if (status === 401 || status === 403) failures.push(`${where}: allowed caller refused`);
        else if (
          status >= 200 &&
          status < 300 &&
          /:(personId|invitationId|userId|tokenId|seriesId|meetingId|itemId|nextStepId|questionId|key|assessmentId|goalId|linkId|cohortId|sessionId|surveyId|roundId|auditId|eventId)\b/.test(
            route.url,
          )
        ) {
          failures.push(`${where}: reached another organization's or person's resource`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
