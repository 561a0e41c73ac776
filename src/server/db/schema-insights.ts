import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizationColumn, people } from './schema.ts';

// Insights for leaders and executives. A calendar audit's raw events are the owner's alone.

/** One imported calendar (an .ics export or a feed URL) of a leader, for auditing their hours. */
export const calendarAudits = pgTable(
  'calendar_audits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationColumn(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    sourceName: text('source_name').notNull(),
    periodStart: timestamp('period_start', { withTimezone: true }).notNull(),
    periodEnd: timestamp('period_end', { withTimezone: true }).notNull(),
    timeZone: text('time_zone').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('calendar_audits_owner_idx').on(table.organizationId, table.ownerId)],
);

/** One occurrence of an event in the audited period, with its class (by rule or by hand). */
export const calendarAuditEvents = pgTable(
  'calendar_audit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationColumn(),
    auditId: uuid('audit_id')
      .notNull()
      .references(() => calendarAudits.id, { onDelete: 'cascade' }),
    uid: text('uid').notNull(),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    attendeeCount: integer('attendee_count').notNull().default(0),
    hasExternalAttendees: boolean('has_external_attendees').notNull().default(false),
    isRecurring: boolean('is_recurring').notNull().default(false),
    /** one-on-one, status, strategy, external, focus, other */
    eventClass: text('event_class').notNull(),
    /** The rule that chose the class, shown to the owner; null when set by hand. */
    rule: text('rule'),
    isClassSetByHand: boolean('is_class_set_by_hand').notNull().default(false),
    /** The Tandem meeting this event is, when it matches one of the owner's 1:1s. */
    meetingId: uuid('meeting_id'),
  },
  (table) => [index('calendar_audit_events_audit_idx').on(table.auditId, table.startsAt)],
);
