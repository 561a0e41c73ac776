import type { Actor } from './actor.ts';
import type { Tenant } from './policy.ts';

/**
 * How long an app server on PostgreSQL trusts what it last learned about a session cookie and its
 * memberships. Sign-out, a password reset and account or role changes made through this server
 * take effect here at once; on the other app servers of a cluster within this time, whether or
 * not a notification reaches them (docs/OPERATIONS.md says so). On the embedded database every
 * change passes through the one process, and app.ts gives a minute.
 */
export const SESSION_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  actor: Actor;
  until: number;
  /** The user's membership per organization slug, as last read for this cookie. */
  memberships: Map<string, Tenant>;
}

/**
 * Whom a session cookie belongs to, remembered for a few seconds: a page of the web app makes
 * several API calls at once, and each would otherwise ask better-auth and the database for the
 * session and its user. Keyed by the whole Cookie header, so only the exact signed cookie that
 * better-auth accepted is recognised; anything else is checked by better-auth again.
 */
export function createSessionCache(ttlMs = SESSION_CACHE_TTL_MS) {
  const entries = new Map<string, Entry>();
  // Bumped by forgetMemberships: a membership read before a change is not remembered after it.
  let membershipsForgottenAt = 0;
  // The same for sessions: one checked before a sign-out is not remembered after it.
  let sessionsForgottenAt = 0;
  return {
    find(cookie: string, now = Date.now()): Actor | null {
      const entry = entries.get(cookie);
      if (!entry) return null;
      if (entry.until > now) return entry.actor;
      entries.delete(cookie);
      return null;
    },
    /** Taken before checking a session; remember needs it. */
    sessionTicket: () => sessionsForgottenAt,
    remember(cookie: string, actor: Actor, sessionExpiresAt: Date, ticket: number, now = Date.now()) {
      if (ticket !== sessionsForgottenAt) return;
      if (entries.size >= MAX_ENTRIES) {
        // The oldest entry first: a Map keeps insertion order.
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      entries.set(cookie, {
        actor,
        until: Math.min(now + ttlMs, sessionExpiresAt.getTime()),
        memberships: new Map(),
      });
    },
    /**
     * The caller's membership of an organization, learned within the same few seconds as the
     * session. Only memberships found are kept: someone who joins is let in on their next request.
     */
    findMembership(cookie: string, slug: string, now = Date.now()): Tenant | null {
      const entry = entries.get(cookie);
      if (!entry || entry.until <= now) return null;
      return entry.memberships.get(slug) ?? null;
    },
    /** Taken before reading a membership; rememberMembership needs it. */
    membershipTicket: () => membershipsForgottenAt,
    rememberMembership(cookie: string, slug: string, tenant: Tenant, ticket: number) {
      if (ticket !== membershipsForgottenAt) return;
      entries.get(cookie)?.memberships.set(slug, tenant);
    },
    /** After a write that may change roles, memberships or directory links: read them again. */
    forgetMemberships() {
      membershipsForgottenAt += 1;
      for (const entry of entries.values()) entry.memberships.clear();
    },
    /** After sign-out or an account change: this user's cookies are checked again on next use. */
    forgetUser(userId: string) {
      sessionsForgottenAt += 1;
      for (const [cookie, entry] of entries) if (entry.actor.userId === userId) entries.delete(cookie);
    },
    /** After a change whose user is not known here (a password reset by emailed token). */
    forgetAll() {
      sessionsForgottenAt += 1;
      membershipsForgottenAt += 1;
      entries.clear();
    },
  };
}

export type SessionCache = ReturnType<typeof createSessionCache>;
