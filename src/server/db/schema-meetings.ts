import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizationColumn, people, user } from './schema.ts';

// The 1:1 workspace. Every table carries its organization; participants are people of the
// directory (leader and report), and what a person may read is decided in auth/policy.ts.

export const series = pgTable(
  'one_on_one_series',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationColumn(),
    leaderId: uuid('leader_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    reportId: uuid('report_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    cadence: text('cadence', { enum: ['weekly', 'biweekly', 'monthly', 'custom'] }).notNull(),
    rrule: text('rrule'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    startTime: text('start_time').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    timeZone: text('time_zone').notNull(),
    templateKey: text('template_key').notNull().default('standard'),
    isActive: boolean('is_active').notNull().default(true),
    /** Meetings exist up to this local date; the generator extends it as time passes. */
    generatedUntil: date('generated_until', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('series_org_leader_idx').on(table.organizationId, table.leaderId),
    index('series_org_report_idx').on(table.organizationId, table.reportId),
  ],
);

export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationColumn(),
    seriesId: uuid('series_id').references(() => series.id, { onDelete: 'set null' }),
    leaderId: uuid('leader_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    reportId: uuid('report_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** The occurrence's local date in the series' zone: its stable identity even when moved. */
    occurrenceDate: date('occurrence_date', { mode: 'string' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['scheduled', 'skipped', 'completed'] })
      .notNull()
      .default('scheduled'),
    isMoved: boolean('is_moved').notNull().default(false),
    templateKey: text('template_key').notNull().default('standard'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    noNextStepsReason: text('no_next_steps_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('meetings_series_occurrence_idx').on(table.seriesId, table.occurrenceDate),
    index('meetings_pair_idx').on(table.organizationId, table.leaderId, table.reportId, table.startsAt),
    // Leader and status ride along so the dashboard counts a tree's 1:1s from the index alone.
    index('meetings_report_idx').on(
      table.organizationId,
      table.reportId,
      table.startsAt,
      table.status,
      table.leaderId,
    ),
    index('meetings_starts_idx').on(table.startsAt),
  ],
);

export const agendaItems = pgTable(
  'agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationColumn(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    type: text('type').notNull(),
    details: text('details').notNull().default(''),
    position: real('position').notNull(),
    isCovered: boolean('is_covered').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('agenda_meeting_idx').on(table.meetingId, table.position),
    index('agenda_search_idx').using(
      'gin',
      sql`to_tsvector('english', ${table.title} || ' ' || ${table.details})`,
    ),
  ],
);

export const statusUpdates = pgTable('status_updates', {
  meetingId: uuid('meeting_id')
    .primaryKey()
    .references(() => meetings.id, { onDelete: 'cascade' }),
  organizationId: organizationColumn(),
  authorId: uuid('author_id')
    .notNull()
    .references(() => people.id, { onDelete: 'cascade' }),
  wins: text('wins').notNull().default(''),
  inProgress: text('in_progress').notNull().default(''),
  blocked: text('blocked').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const sharedNotes = pgTable(
  'shared_notes',
  {
    meetingId: uuid('meeting_id')
      .primaryKey()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    organizationId: organizationColumn(),
    body: text('body').notNull().default(''),
    version: integer('version').notNull().default(0),
    updatedById: uuid('updated_by_id').references(() => people.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('shared_notes_search_idx').using('gin', sql`to_tsvector('english', ${table.body})`)],
);

/** Encrypted with AES-256-GCM under a key derived from TANDEM_SECRET: a database dump does not reveal them. */
export const privateNotes = pgTable(
  'private_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationColumn(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    authorUserId: text('author_user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    ciphertext: text('ciphertext').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('private_notes_meeting_author_idx').on(table.meetingId, table.authorUserId)],
);

export const nextSteps = pgTable(
  'next_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationColumn(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    leaderId: uuid('leader_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    reportId: uuid('report_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    ownerId: uuid('owner_id').references(() => people.id, { onDelete: 'set null' }),
    dueDate: date('due_date', { mode: 'string' }),
    status: text('status', { enum: ['open', 'done', 'dropped'] })
      .notNull()
      .default('open'),
    droppedReason: text('dropped_reason'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    proposedById: uuid('proposed_by_id').references(() => people.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('next_steps_meeting_idx').on(table.meetingId),
    index('next_steps_pair_open_idx').on(table.organizationId, table.leaderId, table.reportId, table.status),
    index('next_steps_owner_idx').on(table.organizationId, table.ownerId, table.status),
    // The executive dashboard's follow-through and overdue figures read steps by leader and status;
    // with the completion time in the index, whether a step was done on time needs no table read.
    index('next_steps_leader_status_due_idx').on(
      table.organizationId,
      table.leaderId,
      table.status,
      table.dueDate,
      table.completedAt,
    ),
  ],
);

export const meetingTemplates = pgTable(
  'meeting_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationColumn(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    steps: jsonb('steps').$type<Array<{ key: string; title: string; prompt: string }>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('meeting_templates_org_key_idx').on(table.organizationId, table.key)],
);

export const customQuestions = pgTable(
  'custom_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationColumn(),
    text: text('text').notNull(),
    grow: text('grow').notNull(),
    category: text('category').notNull(),
    createdByUserId: text('created_by_user_id').references(() => user.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('custom_questions_org_idx').on(table.organizationId)],
);

/** A meeting's transcript, uploaded with both participants' agreement; either of them can delete it. */
export const transcripts = pgTable('transcripts', {
  meetingId: uuid('meeting_id')
    .primaryKey()
    .references(() => meetings.id, { onDelete: 'cascade' }),
  organizationId: organizationColumn(),
  uploadedById: uuid('uploaded_by_id').references(() => people.id, { onDelete: 'set null' }),
  format: text('format').notNull(),
  /** The speaker name of the leader in this transcript. */
  leaderSpeaker: text('leader_speaker').notNull(),
  utterances: jsonb('utterances')
    .$type<Array<{ speaker: string; start: number | null; end: number | null; text: string }>>()
    .notNull(),
  /** When the uploader confirmed that both participants agreed to the recording being analysed. */
  consentConfirmedAt: timestamp('consent_confirmed_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The latest analysis of a meeting: figures stay when its transcript is deleted; quotes go with it. */
export const meetingAnalyses = pgTable(
  'meeting_analyses',
  {
    meetingId: uuid('meeting_id')
      .primaryKey()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    organizationId: organizationColumn(),
    leaderId: uuid('leader_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    reportId: uuid('report_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    meetingStartsAt: timestamp('meeting_starts_at', { withTimezone: true }).notNull(),
    score: integer('score'),
    verdict: text('verdict', { enum: ['coaching', 'mixed', 'check-in'] }),
    /** The whole analysis as core/coaching returns it (JSON-safe by design). */
    result: jsonb('result').notNull(),
    /**
     * Two figures of `result` kept as columns, written with it, so the executive dashboard averages
     * a whole organization's 1:1s from an index instead of opening a million stored results.
     */
    askTellRatio: doublePrecision('ask_tell_ratio'),
    talkShare: doublePrecision('talk_share'),
    source: text('source', { enum: ['transcript', 'notes'] }).notNull(),
    isSharedWithReport: boolean('is_shared_with_report').notNull().default(false),
    analyzedAt: timestamp('analyzed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // The figures the dashboard averages ride along, so it reads them from the index alone.
    index('meeting_analyses_leader_idx').on(
      table.organizationId,
      table.leaderId,
      table.meetingStartsAt,
      table.verdict,
      table.score,
      table.askTellRatio,
      table.talkShare,
    ),
  ],
);

/** A person's private iCalendar feed: the URL carries a random token, stored hashed, revocable. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationColumn(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [index('calendar_feeds_person_idx').on(table.organizationId, table.personId)],
);

/** What a person wants to be told, and where. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    organizationId: organizationColumn(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    isReminderEnabled: boolean('is_reminder_enabled').notNull().default(true),
    isDigestEnabled: boolean('is_digest_enabled').notNull().default(true),
    /** A Slack-compatible incoming-webhook URL, or null. */
    webhookUrl: text('webhook_url'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('notification_preferences_person_idx').on(table.organizationId, table.personId)],
);

/**
 * One row per notification ever sent, keyed by what it is about (`reminder:<meeting>:<person>`,
 * `digest:<person>:<week>`). Inserting the key first makes a sweep idempotent even when several
 * app servers run it at the same moment.
 */
export const sentNotifications = pgTable('sent_notifications', {
  key: text('key').primaryKey(),
  organizationId: organizationColumn(),
  channel: text('channel', { enum: ['email', 'webhook'] }).notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
});
