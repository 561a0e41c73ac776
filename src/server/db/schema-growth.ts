import {
  date,
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
import { meetings } from './schema-meetings.ts';

// Growth (the 12-skill model, 180° assessments, goals, development plans) and the Leader Academy.

/** One person's ratings of one person on the twelve skills: by themself, or by their manager. */
export const skillAssessments = pgTable(
  'skill_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationColumn(),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    assessorId: uuid('assessor_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['self', 'manager'] }).notNull(),
    status: text('status', { enum: ['draft', 'submitted'] })
      .notNull()
      .default('draft'),
    /** skill id → level 1 (beginning) … 4 (role model). */
    ratings: jsonb('ratings').$type<Record<string, number>>().notNull(),
    comments: jsonb('comments').$type<Record<string, string>>().notNull().default({}),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('skill_assessments_subject_idx').on(table.organizationId, table.subjectId, table.createdAt),
  ],
);

export const goals = pgTable(
  'goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationColumn(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['growth', 'performance'] }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    measure: text('measure').notNull().default(''),
    targetDate: date('target_date', { mode: 'string' }),
    status: text('status', { enum: ['not-started', 'on-track', 'at-risk', 'done', 'dropped'] })
      .notNull()
      .default('not-started'),
    progress: integer('progress').notNull().default(0),
    createdById: uuid('created_by_id').references(() => people.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('goals_owner_idx').on(table.organizationId, table.ownerId)],
);

/** A goal worked on in a 1:1: through an agenda item, or a next step that counts toward it. */
export const goalLinks = pgTable(
  'goal_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationColumn(),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['agenda-item', 'next-step'] }).notNull(),
    targetId: uuid('target_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('goal_links_unique_idx').on(table.goalId, table.kind, table.targetId),
    index('goal_links_target_idx').on(table.targetId),
  ],
);

/** Up to three skills a person works on, each with actions and an Academy module. */
export const developmentPlanItems = pgTable(
  'development_plan_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationColumn(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    skillId: text('skill_id').notNull(),
    actions: text('actions').notNull().default(''),
    moduleId: text('module_id'),
    position: integer('position').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('development_plan_person_skill_idx').on(table.organizationId, table.personId, table.skillId),
  ],
);

/** A learner's progress through one Academy module. */
export const academyProgress = pgTable(
  'academy_progress',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationColumn(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    moduleId: text('module_id').notNull(),
    lessonCompletedAt: timestamp('lesson_completed_at', { withTimezone: true }),
    quizScore: real('quiz_score'),
    quizPassedAt: timestamp('quiz_passed_at', { withTimezone: true }),
    practiceScore: integer('practice_score'),
    practiceCompletedAt: timestamp('practice_completed_at', { withTimezone: true }),
    assignmentStatus: text('assignment_status', { enum: ['not-started', 'pending', 'met', 'not-met'] })
      .notNull()
      .default('not-started'),
    assignmentStartedAt: timestamp('assignment_started_at', { withTimezone: true }),
    assignmentMeetingId: uuid('assignment_meeting_id').references(() => meetings.id, {
      onDelete: 'set null',
    }),
    /** The figures that decided the assignment: metric, threshold, value, met. */
    assignmentEvidence: jsonb('assignment_evidence'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('academy_progress_person_module_idx').on(
      table.organizationId,
      table.personId,
      table.moduleId,
    ),
  ],
);

/** A role-play run: its transcript belongs to the learner alone. */
export const practiceSessions = pgTable(
  'practice_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationColumn(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    moduleId: text('module_id').notNull(),
    state: jsonb('state').notNull(),
    score: integer('score'),
    analysis: jsonb('analysis'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [index('practice_sessions_person_idx').on(table.organizationId, table.personId, table.moduleId)],
);

/** A group taking the program together; its owner sees scores and completion, never practice text. */
export const cohorts = pgTable('cohorts', {
  id: uuid('id').primaryKey().defaultRandom(),
  organizationId: organizationColumn(),
  name: text('name').notNull(),
  ownerId: uuid('owner_id')
    .notNull()
    .references(() => people.id, { onDelete: 'cascade' }),
  startsOn: date('starts_on', { mode: 'string' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const cohortMembers = pgTable(
  'cohort_members',
  {
    cohortId: uuid('cohort_id')
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    organizationId: organizationColumn(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('cohort_members_idx').on(table.cohortId, table.personId)],
);

/** Issued when all twelve modules and their assignments are met; the id is the verification code. */
export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationColumn(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('certificates_person_idx').on(table.organizationId, table.personId)],
);
