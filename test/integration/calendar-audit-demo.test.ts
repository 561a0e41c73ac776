import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPeriodOf } from '../../src/core/calendar-audit/audit-period.ts';
import type { Tenant } from '../../src/server/auth/policy.ts';
import { people } from '../../src/server/db/schema.ts';
import { meetingAnalyses, meetings } from '../../src/server/db/schema-meetings.ts';
import {
  getAuditSummary,
  listEvents,
} from '../../src/server/features/calendar-audit/calendar-audit.service.ts';
import { seedDemoCalendarAudit } from '../../src/server/features/calendar-audit/seed-demo-calendar-audit.ts';
import { demoEmail, demoPeople } from '../../src/server/features/demo/demo-company.ts';
import { applyPeopleImport } from '../../src/server/features/people/people.repository.ts';
import { databaseKinds } from '../support/databases.ts';
import { createTestApp, ownerWithOrganization, type TestApp } from '../support/test-app.ts';

describe.each(await databaseKinds())('the demo executive’s calendar audit on the %s database', (kind) => {
  let t: TestApp;
  let organizationId: string;
  let personIdByEmail: Map<string, string>;
  let margaret: Tenant;
  const now = new Date();

  beforeAll(async () => {
    t = await createTestApp(kind);
    const created = await ownerWithOrganization(t.app, 'Olivia Owner');
    organizationId = created.org.id;
    await applyPeopleImport(
      t.ctx.db,
      organizationId,
      demoPeople().map((person) => ({
        email: person.key,
        name: person.name,
        title: person.title,
        managerEmail: person.managerKey,
        startDate: person.startDate,
        timeZone: person.timeZone,
      })),
    );
    const directory = await t.ctx.db
      .select({ id: people.id, email: people.email })
      .from(people)
      .where(eq(people.organizationId, organizationId));
    personIdByEmail = new Map(directory.map((row) => [row.email, row.id]));
    const margaretId = personIdByEmail.get(demoEmail('Margaret Chen'))!;
    const danielId = personIdByEmail.get(demoEmail('Daniel Okafor'))!;
    margaret = {
      organizationId,
      slug: created.org.slug,
      name: created.org.name,
      role: 'member',
      personId: margaretId,
    };
    // Margaret's weekly 1:1s with Daniel over the audited weeks; the first two analysed as coaching.
    const period = auditPeriodOf({}, 'America/New_York', now);
    for (let week = 0; week < 4; week += 1) {
      const startsAt = new Date(period.start.getTime() + (week * 7 + 1) * 86_400_000 + 15 * 3_600_000);
      const [row] = await t.ctx.db
        .insert(meetings)
        .values({
          organizationId,
          leaderId: margaretId,
          reportId: danielId,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 45 * 60_000),
        })
        .returning();
      if (week < 2)
        await t.ctx.db.insert(meetingAnalyses).values({
          meetingId: row!.id,
          organizationId,
          leaderId: margaretId,
          reportId: danielId,
          meetingStartsAt: startsAt,
          score: 74,
          verdict: 'coaching',
          result: {},
          source: 'notes',
        });
    }
  });
  afterAll(() => t.close());

  it('gives Margaret four weeks of classified hours, her Tandem 1:1s matched, through the real import', async () => {
    const seeded = await seedDemoCalendarAudit(t.ctx, organizationId, personIdByEmail, now);
    expect(seeded.auditId).not.toBeNull();
    const summary = await getAuditSummary(t.ctx.db, margaret, seeded.auditId!);
    expect(summary.weeks).toHaveLength(4);
    for (const eventClass of ['one-on-one', 'status', 'strategy', 'external', 'focus', 'other'] as const)
      expect(summary.total.hoursByClass[eventClass], eventClass).toBeGreaterThan(0);
    expect(summary.total.oneOnOneHours.coaching).toBe(1.5);
    expect(summary.total.coachingShare).toBeGreaterThan(0);
    expect(summary.total.coachingShare).toBeLessThan(0.2);
    const events = await listEvents(t.ctx.db, margaret, seeded.auditId!);
    expect(events.filter((event) => event.meetingId !== null)).toHaveLength(4);
    expect(events.some((event) => event.title === 'Warehouse robotics demo')).toBe(false);
    expect(events.some((event) => event.title === 'Out of office')).toBe(false);
  });

  it('leaves an existing audit as it is when run again', async () => {
    const first = await seedDemoCalendarAudit(t.ctx, organizationId, personIdByEmail, now);
    const again = await seedDemoCalendarAudit(t.ctx, organizationId, personIdByEmail, now);
    expect(again).toEqual({ auditId: first.auditId, events: 0 });
  });
});
