import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { memberships, organizations, people, user } from '../../db/schema.ts';
import { seedDemoAcademy } from '../academy/seed-demo-academy.ts';
import { seedDemoCalendarAudit } from '../calendar-audit/seed-demo-calendar-audit.ts';
import { seedDemoGrowth } from '../growth/seed-demo-growth.ts';
import { applyPeopleImport } from '../people/people.repository.ts';
import { seedDemoPulse } from '../pulse/seed-demo-pulse.ts';
import { DEMO_ACCOUNTS, DEMO_ORG, demoEmail, demoPeople } from './demo-company.ts';
import { seedDemoMeetings } from './seed-demo-meetings.ts';

export interface DemoSeedResult {
  created: boolean;
  slug: string;
  accounts: Array<{ role: string; name: string; email: string }>;
}

/**
 * Seeds the demo organization once: people and reporting lines, and accounts for the people who
 * can sign in. Running it again leaves an existing demo as it is.
 */
export async function seedDemo(ctx: AppContext, password: string): Promise<DemoSeedResult> {
  const roster = demoPeople();
  const accounts = Object.entries(DEMO_ACCOUNTS).map(([role, name]) => ({
    role,
    name,
    email: demoEmail(name),
  }));
  const [existing] = await ctx.db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.slug, DEMO_ORG.slug));
  if (existing) return { created: false, slug: DEMO_ORG.slug, accounts };

  const withAccounts = roster.filter((person) => person.hasAccount);
  for (const person of withAccounts) {
    await ctx.auth.api.signUpEmail({ body: { name: person.name, email: person.key, password } });
  }
  const userRows = await ctx.db
    .select({ id: user.id, email: user.email })
    .from(user)
    .where(
      inArray(
        user.email,
        withAccounts.map((person) => person.key),
      ),
    );
  const userIdByEmail = new Map(userRows.map((row) => [row.email, row.id]));

  const organizationId = await ctx.db.transaction(async (tx) => {
    const [org] = await tx
      .insert(organizations)
      .values({ name: DEMO_ORG.name, slug: DEMO_ORG.slug })
      .returning();
    const organizationId = org!.id;
    await applyPeopleImport(
      tx,
      organizationId,
      roster.map((person) => ({
        email: person.key,
        name: person.name,
        title: person.title,
        managerEmail: person.managerKey,
        startDate: person.startDate,
        timeZone: person.timeZone,
      })),
    );
    for (const [email, userId] of userIdByEmail) {
      await tx
        .update(people)
        .set({ userId })
        .where(and(eq(people.organizationId, organizationId), eq(people.email, email)));
      // The executive owns the demo; one leader helps administer it; everyone else is a member.
      const role =
        email === demoEmail(DEMO_ACCOUNTS.executive)
          ? 'owner'
          : email === demoEmail(DEMO_ACCOUNTS.leader)
            ? 'admin'
            : 'member';
      await tx.insert(memberships).values({ organizationId, userId, role });
    }
    return organizationId;
  });
  const directory = await ctx.db
    .select({ id: people.id, email: people.email })
    .from(people)
    .where(eq(people.organizationId, organizationId));
  const personIdByEmail = new Map(directory.map((row) => [row.email, row.id]));
  await seedDemoMeetings(ctx, organizationId, roster, personIdByEmail, userIdByEmail);
  // Later features add their part of the story, each reading the 1:1 history seeded above.
  await seedDemoGrowth(ctx, organizationId, personIdByEmail);
  await seedDemoAcademy(ctx, organizationId, personIdByEmail);
  await seedDemoPulse(ctx, organizationId, personIdByEmail);
  await seedDemoCalendarAudit(ctx, organizationId, personIdByEmail);
  return { created: true, slug: DEMO_ORG.slug, accounts };
}
