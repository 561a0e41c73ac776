import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizationColumn, people } from './schema.ts';

// Culture pulse. Answers are stored without who gave them: `pulse_participants` records only that
// a person was asked and whether they have answered (for reminders and against double answers);
// `pulse_responses` holds the answers with the respondent's team group and nothing that names them.

export const pulseSurveys = pgTable('pulse_surveys', {
  id: uuid('id').primaryKey().defaultRandom(),
  organizationId: organizationColumn(),
  title: text('title').notNull(),
  /** The manager whose team is asked. */
  teamLeadId: uuid('team_lead_id')
    .notNull()
    .references(() => people.id, { onDelete: 'cascade' }),
  /** `tree`: everyone below the lead; `direct`: their direct reports only. */
  scope: text('scope', { enum: ['tree', 'direct'] }).notNull(),
  includesSafety: boolean('includes_safety').notNull().default(true),
  includesEnps: boolean('includes_enps').notNull().default(true),
  customQuestions: jsonb('custom_questions')
    .$type<Array<{ id: string; text: string; kind: 'scale' | 'choice' | 'text'; options?: string[] }>>()
    .notNull()
    .default([]),
  cadence: text('cadence', { enum: ['once', 'monthly', 'quarterly'] }).notNull(),
  /** How many days each round stays open. */
  openDays: integer('open_days').notNull().default(7),
  isActive: boolean('is_active').notNull().default(true),
  createdById: uuid('created_by_id').references(() => people.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const pulseRounds = pgTable(
  'pulse_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationColumn(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => pulseSurveys.id, { onDelete: 'cascade' }),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('pulse_rounds_survey_idx').on(table.surveyId, table.opensAt)],
);

/** Who was asked in a round and whether they answered; never what. */
export const pulseParticipants = pgTable(
  'pulse_participants',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => pulseRounds.id, { onDelete: 'cascade' }),
    organizationId: organizationColumn(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** SHA-256 of the emailed answer link's token. */
    tokenHash: text('token_hash').notNull().unique(),
    hasAnswered: boolean('has_answered').notNull().default(false),
  },
  (table) => [uniqueIndex('pulse_participants_round_person_idx').on(table.roundId, table.personId)],
);

/** One anonymous set of answers: no person, no account, no time finer than the round. */
export const pulseResponses = pgTable(
  'pulse_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationColumn(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => pulseRounds.id, { onDelete: 'cascade' }),
    /** The respondent's team within the survey (the direct report of the lead they sit under), for cuts of five or more. */
    groupKey: text('group_key').notNull(),
    answers: jsonb('answers').$type<Record<string, number | string>>().notNull(),
  },
  (table) => [index('pulse_responses_round_idx').on(table.roundId, table.groupKey)],
);
