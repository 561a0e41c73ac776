import { randomBytes } from 'node:crypto';
import { and, eq, like, lt, ne, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { account, memberships, organizations, people, user } from '../../db/schema.ts';
import { organizationSso, ssoLoginStates } from '../../db/schema-trust.ts';

export type SsoConfigRow = typeof organizationSso.$inferSelect;
export type SsoLoginState = typeof ssoLoginStates.$inferSelect;

export async function findSsoConfig(db: Db, organizationId: string): Promise<SsoConfigRow | null> {
  const [row] = await db
    .select()
    .from(organizationSso)
    .where(eq(organizationSso.organizationId, organizationId))
    .limit(1);
  return row ?? null;
}

/** The organization, other than `exceptOrganizationId`, that already signs in this email domain. */
export async function findOrganizationUsingDomain(
  db: Db,
  emailDomain: string,
  exceptOrganizationId: string,
): Promise<string | null> {
  const [row] = await db
    .select({ name: organizations.name })
    .from(organizationSso)
    .innerJoin(organizations, eq(organizations.id, organizationSso.organizationId))
    .where(
      and(
        eq(organizationSso.emailDomain, emailDomain),
        ne(organizationSso.organizationId, exceptOrganizationId),
      ),
    )
    .limit(1);
  return row?.name ?? null;
}

/** The enabled provider of an organization named by its slug or by its members' email domain. */
export async function findEnabledSsoBy(
  db: Db,
  where: { slug: string } | { emailDomain: string },
): Promise<SsoConfigRow | null> {
  const [row] = await db
    .select({ sso: organizationSso })
    .from(organizationSso)
    .innerJoin(organizations, eq(organizations.id, organizationSso.organizationId))
    .where(
      and(
        eq(organizationSso.isEnabled, true),
        'slug' in where
          ? eq(organizations.slug, where.slug)
          : eq(organizationSso.emailDomain, where.emailDomain),
      ),
    )
    .limit(1);
  return row?.sso ?? null;
}

export async function upsertSsoConfig(
  db: Db,
  values: Omit<SsoConfigRow, 'updatedAt'>,
): Promise<SsoConfigRow> {
  const [row] = await db
    .insert(organizationSso)
    .values({ ...values, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: organizationSso.organizationId,
      set: { ...values, updatedAt: new Date() },
    })
    .returning();
  return row!;
}

export async function deleteSsoConfig(db: Db, organizationId: string): Promise<boolean> {
  const deleted = await db
    .delete(organizationSso)
    .where(eq(organizationSso.organizationId, organizationId))
    .returning({ id: organizationSso.organizationId });
  return deleted.length > 0;
}

export async function insertLoginState(db: Db, state: SsoLoginState): Promise<void> {
  // Abandoned sign-ins are swept here rather than by a schedule: starting one is rare and cheap.
  await db.delete(ssoLoginStates).where(lt(ssoLoginStates.expiresAt, new Date()));
  await db.insert(ssoLoginStates).values(state);
}

/** Takes a login state once: a second callback with the same state finds nothing. */
export async function consumeLoginState(db: Db, state: string): Promise<SsoLoginState | null> {
  const [row] = await db.delete(ssoLoginStates).where(eq(ssoLoginStates.state, state)).returning();
  return row ?? null;
}

/** The account already linked to this subject of the organization's provider. */
export async function findLinkedUserId(db: Db, providerId: string, subject: string): Promise<string | null> {
  const [row] = await db
    .select({ userId: account.userId })
    .from(account)
    .where(and(eq(account.providerId, providerId), eq(account.accountId, subject)))
    .limit(1);
  return row?.userId ?? null;
}

export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db
    .select({ id: user.id, name: user.name })
    .from(user)
    .where(eq(user.email, email))
    .limit(1);
  return row ?? null;
}

/**
 * Forgets every account's link to the organization's provider (its issuer changed or single
 * sign-on was removed): a new provider's subjects are not the old one's people.
 */
export async function deleteSsoLinks(db: Db, organizationId: string): Promise<void> {
  await db
    .delete(account)
    .where(
      or(
        eq(account.providerId, `sso:${organizationId}`),
        like(account.providerId, `sso:${organizationId}:%`),
      ),
    );
}

export interface JoinBySso {
  organizationId: string;
  providerId: string;
  subject: string;
  email: string;
  name: string;
  /** The account already linked to this subject, or null to create one. */
  userId: string | null;
}

/**
 * One transaction: the account (created if new), its link to the provider's subject, a `member`
 * membership if it has none, and its directory entry (linked by email, or created).
 */
export async function joinBySso(db: Db, input: JoinBySso): Promise<string> {
  return db.transaction(async (tx) => {
    const now = new Date();
    let userId = input.userId;
    if (!userId) {
      userId = randomBytes(16).toString('hex');
      await tx.insert(user).values({ id: userId, name: input.name, email: input.email, emailVerified: true });
    }
    const [linked] = await tx
      .select({ id: account.id })
      .from(account)
      .where(and(eq(account.providerId, input.providerId), eq(account.accountId, input.subject)))
      .limit(1);
    if (!linked) {
      await tx.insert(account).values({
        id: randomBytes(16).toString('hex'),
        accountId: input.subject,
        providerId: input.providerId,
        userId,
        createdAt: now,
        updatedAt: now,
      });
    }
    await tx
      .insert(memberships)
      .values({ organizationId: input.organizationId, userId, role: 'member' })
      .onConflictDoNothing();
    const [person] = await tx
      .select({ id: people.id, userId: people.userId })
      .from(people)
      .where(and(eq(people.organizationId, input.organizationId), eq(people.email, input.email)))
      .limit(1);
    // An entry already linked to another account keeps it: its 1:1 history is that person's.
    if (person && !person.userId)
      await tx.update(people).set({ userId, updatedAt: now }).where(eq(people.id, person.id));
    if (!person)
      await tx
        .insert(people)
        .values({ organizationId: input.organizationId, email: input.email, name: input.name, userId });
    return userId;
  });
}
