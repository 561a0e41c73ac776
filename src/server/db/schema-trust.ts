import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizationColumn, organizations, user } from './schema.ts';

// Trust: who did what (the audit log), how an organization signs in (OpenID Connect), and how
// long it keeps what it would rather not keep (retention).

/**
 * One thing worth knowing afterwards: a sign-in, a token used, an export, a role changed, an admin
 * reading another person's data. Readable only by the organization's owners. Sign-ins and token
 * use belong to no organization (accounts are global); owners see those of their own members.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    actorUserId: text('actor_user_id').references(() => user.id, { onDelete: 'set null' }),
    /** The actor's email when it happened, so the entry still reads after the account is gone. */
    actorEmail: text('actor_email'),
    /** A dotted verb, e.g. `auth.sign_in`, `token.used`, `export.dashboard`, `member.role_changed`. */
    action: text('action').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    /** Small, content-free facts (a role before and after, a row count); never meeting text. */
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    ip: text('ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('audit_events_org_idx').on(table.organizationId, table.createdAt),
    index('audit_events_actor_idx').on(table.actorUserId, table.createdAt),
    // Every request with an API token asks whether its use was already recorded lately.
    index('audit_events_subject_idx').on(table.action, table.subjectId, table.createdAt),
  ],
);

/** An organization's OpenID Connect provider, configured by an admin. */
export const organizationSso = pgTable('organization_sso', {
  organizationId: organizationColumn().primaryKey(),
  issuer: text('issuer').notNull(),
  clientId: text('client_id').notNull(),
  /** The client secret, sealed with the server secret (never returned by the API). */
  clientSecretSealed: text('client_secret_sealed').notNull(),
  /** People signing in with an address of this domain become members on their first sign-in. */
  emailDomain: text('email_domain').notNull(),
  isEnabled: boolean('is_enabled').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A sign-in under way at the provider: kept in the database, not in memory, so the callback may
 * reach another app server than the one that sent the browser away. Used once, then deleted.
 */
export const ssoLoginStates = pgTable(
  'sso_login_states',
  {
    state: text('state').primaryKey(),
    organizationId: organizationColumn(),
    codeVerifier: text('code_verifier').notNull(),
    nonce: text('nonce').notNull(),
    /** Where to send the browser after signing in: a path inside Tandem, never another host. */
    returnTo: text('return_to').notNull().default('/'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('sso_login_states_expires_idx').on(table.expiresAt)],
);

/** How long an organization keeps what it may want to forget; null keeps it. */
export const retentionSettings = pgTable('retention_settings', {
  organizationId: organizationColumn().primaryKey(),
  transcriptDays: integer('transcript_days'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
