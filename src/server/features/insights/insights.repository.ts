import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

// Set-based reads of the dashboard: each section is one query grouped over a set of people named
// `tree` (a reporting tree found by a recursive CTE, or one leader), so the work grows with the
// rows read, not with one query per person.

/** The people of a reporting tree, the root included; UNION stops at a cycle in imported lines. */
export function treeScope(organizationId: string, rootId: string): SQL {
  return sql`with recursive tree (id) as (
    select id from people where organization_id = ${organizationId} and id = ${rootId}
    union
    select p.id from people p join tree on p.manager_id = tree.id where p.organization_id = ${organizationId}
  )`;
}

/** One leader, as the set the same queries group over. */
export function leaderScope(leaderId: string): SQL {
  return sql`with tree (id) as (select ${leaderId}::uuid)`;
}

export interface Window {
  organizationId: string;
  from: Date;
  now: Date;
}

async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

// Rows are grouped by the week's first instant (Monday 00:00 UTC, in 7-day bins from a Monday:
// plain arithmetic, a third of the cost of date_trunc in a time zone) and only the groups are
// labelled: formatting every row's week cost more than the rest of the grouping on a large tree.
const weekOf = (column: SQL) => sql`date_bin('7 days', ${column}, timestamptz '2000-01-03 00:00:00+00')`;
const weekLabel = sql`to_char(week_start at time zone 'UTC', 'YYYY-MM-DD')`;

export interface TreePerson {
  id: string;
  name: string;
  title: string;
  managerId: string | null;
}

export function findTreePeople(db: Db, scope: SQL, organizationId: string): Promise<TreePerson[]> {
  return rowsOf(
    db,
    sql`${scope} select p.id, p.name, p.title, p.manager_id as "managerId"
      from tree join people p on p.id = tree.id and p.organization_id = ${organizationId}
      order by p.name, p.id`,
  );
}

/** Grouped twice in one pass: by leader (week null) and by week (leader null). */
export interface CadenceRow {
  leaderId: string | null;
  week: string | null;
  planned: number;
  held: number;
}

/**
 * The 1:1s of the people in the set as reports (the root's own with their manager aside), by the
 * leader who held them and by week; a lateral probe per person keeps to the report index.
 */
export function findCadence(
  db: Db,
  scope: SQL,
  window: Window,
  rootId: string | null,
): Promise<CadenceRow[]> {
  return rowsOf(
    db,
    sql`${scope} select leader_id as "leaderId", ${weekLabel} as week, count(*)::int as planned,
        count(*) filter (where status = 'completed')::int as held
      from (select m.leader_id, m.status, ${weekOf(sql`m.starts_at`)} as week_start
        from tree cross join lateral (
          select m.leader_id, m.status, m.starts_at from meetings m
          where m.organization_id = ${window.organizationId} and m.report_id = tree.id
            and m.starts_at >= ${window.from.toISOString()}::timestamptz
            and m.starts_at < ${window.now.toISOString()}::timestamptz) m
        where ${rootId === null ? sql`true` : sql`tree.id <> ${rootId}`}) held
      group by grouping sets ((leader_id), (week_start))`,
  );
}

/** The 1:1s one leader held in the window, by week. */
export function findLeaderCadence(db: Db, leaderId: string, window: Window): Promise<CadenceRow[]> {
  return rowsOf(
    db,
    sql`select leader_id as "leaderId", ${weekLabel} as week, count(*)::int as planned,
        count(*) filter (where status = 'completed')::int as held
      from (select m.leader_id, m.status, ${weekOf(sql`m.starts_at`)} as week_start from meetings m
        where m.organization_id = ${window.organizationId} and m.leader_id = ${leaderId}
          and m.starts_at >= ${window.from.toISOString()}::timestamptz
          and m.starts_at < ${window.now.toISOString()}::timestamptz) held
      group by grouping sets ((leader_id), (week_start))`,
  );
}

export interface AnalysisRow {
  leaderId: string | null;
  week: string | null;
  analysed: number;
  coaching: number;
  mixed: number;
  checkIn: number;
  unscored: number;
  averageScore: number | null;
  averageAskTell: number | null;
  averageTalkShare: number | null;
}

/** Verdicts and averages of the analysed 1:1s, by leader and by week, from the figures stored beside each analysis. */
export function findAnalyses(db: Db, scope: SQL, window: Window): Promise<AnalysisRow[]> {
  return rowsOf(
    db,
    sql`${scope} select leader_id as "leaderId", ${weekLabel} as week, count(*)::int as analysed,
        count(*) filter (where verdict = 'coaching')::int as coaching,
        count(*) filter (where verdict = 'mixed')::int as mixed,
        count(*) filter (where verdict = 'check-in')::int as "checkIn",
        count(*) filter (where verdict is null)::int as unscored,
        avg(score)::float8 as "averageScore",
        avg(ask_tell_ratio)::float8 as "averageAskTell",
        avg(talk_share)::float8 as "averageTalkShare"
      from (select a.leader_id, a.verdict, a.score, ${weekOf(sql`a.meeting_starts_at`)} as week_start,
          a.ask_tell_ratio, a.talk_share
        from tree cross join lateral (
          select a.leader_id, a.verdict, a.score, a.meeting_starts_at, a.ask_tell_ratio, a.talk_share
          from meeting_analyses a
          where a.organization_id = ${window.organizationId} and a.leader_id = tree.id
            and a.meeting_starts_at >= ${window.from.toISOString()}::timestamptz
            and a.meeting_starts_at < ${window.now.toISOString()}::timestamptz) a) analysed
      group by grouping sets ((leader_id), (week_start))`,
  );
}

export interface StepRow {
  leaderId: string;
  due: number;
  doneOnTime: number;
  overdue: number;
  open: number;
}

/**
 * Next steps of each leader's 1:1s: due in the window (dropped aside) and done by their due date,
 * as `core/meetings/follow-through.ts` counts them; open and overdue ones whenever agreed. Two
 * lateral probes per person, made for an index on (organization, leader, status, due date).
 */
export function findSteps(db: Db, scope: SQL, window: Window): Promise<StepRow[]> {
  const from = window.from.toISOString().slice(0, 10);
  const today = window.now.toISOString().slice(0, 10);
  return rowsOf(
    db,
    sql`${scope} select tree.id as "leaderId", due.due, due."doneOnTime", open.open, open.overdue
      from tree
      cross join lateral (
        select count(*)::int as due,
          count(*) filter (where s.status = 'done' and (s.completed_at at time zone 'UTC')::date <= s.due_date)::int as "doneOnTime"
        from next_steps s
        where s.organization_id = ${window.organizationId} and s.leader_id = tree.id and s.status in ('open', 'done')
          and s.due_date >= ${from}::date and s.due_date <= ${today}::date) due
      cross join lateral (
        select count(*)::int as open, count(*) filter (where s.due_date < ${today}::date)::int as overdue
        from next_steps s
        where s.organization_id = ${window.organizationId} and s.leader_id = tree.id and s.status = 'open') open
      where due.due > 0 or open.open > 0`,
  );
}

export interface AssessmentRow {
  subjectId: string;
  kind: 'self' | 'manager';
  ratings: unknown;
}

/** Each person's latest submitted manager assessment, else their latest submitted self assessment. */
export function findLatestAssessments(
  db: Db,
  scope: SQL,
  organizationId: string,
  rootId: string,
): Promise<AssessmentRow[]> {
  return rowsOf(
    db,
    sql`${scope} select distinct on (a.subject_id) a.subject_id as "subjectId", a.kind, a.ratings
      from skill_assessments a join tree on tree.id = a.subject_id
      where a.organization_id = ${organizationId} and a.status = 'submitted' and a.subject_id <> ${rootId}
      order by a.subject_id, (a.kind = 'manager') desc, a.submitted_at desc nulls last, a.created_at desc`,
  );
}

/** Academy modules completed per person (lesson, quiz, practice and a met assignment, as the Academy counts). */
export function findAcademyCompletions(
  db: Db,
  scope: SQL,
  organizationId: string,
  rootId: string,
): Promise<Array<{ personId: string; completed: number }>> {
  return rowsOf(
    db,
    sql`${scope} select g.person_id as "personId", count(*)::int as completed
      from academy_progress g join tree on tree.id = g.person_id
      where g.organization_id = ${organizationId} and g.person_id <> ${rootId}
        and g.lesson_completed_at is not null and g.quiz_passed_at is not null
        and g.practice_completed_at is not null and g.assignment_status = 'met'
      group by g.person_id`,
  );
}

/** People below the root with no completed 1:1 as the report since `since`. */
export function findReportsWithoutOneOnOne(
  db: Db,
  scope: SQL,
  window: Window,
  rootId: string,
  since: Date,
): Promise<Array<{ personId: string }>> {
  return rowsOf(
    db,
    sql`${scope} select tree.id as "personId" from tree
      where tree.id <> ${rootId} and not exists (
        select 1 from meetings m
        where m.organization_id = ${window.organizationId} and m.report_id = tree.id and m.status = 'completed'
          and m.starts_at >= ${since.toISOString()}::timestamptz and m.starts_at < ${window.now.toISOString()}::timestamptz)`,
  );
}

/** The verdicts of each leader's latest analysed 1:1s, newest first, for leaders with at least `count`. */
export function findLatestVerdicts(
  db: Db,
  scope: SQL,
  organizationId: string,
  count: number,
): Promise<Array<{ leaderId: string; verdicts: Array<string | null> }>> {
  return rowsOf(
    db,
    sql`${scope} select tree.id as "leaderId", array_agg(latest.verdict order by latest.meeting_starts_at desc) as verdicts
      from tree cross join lateral (
        select a.verdict, a.meeting_starts_at from meeting_analyses a
        where a.organization_id = ${organizationId} and a.leader_id = tree.id
        order by a.meeting_starts_at desc limit ${count}) latest
      group by tree.id having count(*) >= ${count}`,
  );
}

/** Pulse surveys led by someone of the set. */
export function findTeamSurveys(db: Db, scope: SQL, organizationId: string): Promise<Array<{ id: string }>> {
  return rowsOf(
    db,
    sql`${scope} select s.id from pulse_surveys s join tree on tree.id = s.team_lead_id
      where s.organization_id = ${organizationId} order by s.created_at, s.id`,
  );
}
