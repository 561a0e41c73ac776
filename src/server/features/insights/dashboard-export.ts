import type { DashboardView, dashboardSections } from '../../../contracts/insights.ts';
import { type CsvCell, toCsv } from '../../../core/insights/csv.ts';
import type { Tenant } from '../../auth/policy.ts';
import type { Db } from '../../db/client.ts';
import { type AuditSource, recordAuditEvent } from '../audit/audit.service.ts';
import { getDashboard } from './dashboard.service.ts';
import { dashboardReport } from './dashboard-report.ts';

export type DashboardSection = (typeof dashboardSections)[number];

/** A dashboard taken out of Tandem, as one chart's CSV or the printable report; the audit log says so. */
export async function exportDashboard(
  db: Db,
  tenant: Tenant,
  query: { weeks: number; rootId?: string },
  format: { kind: 'csv'; section: DashboardSection } | { kind: 'report' },
  source: AuditSource,
): Promise<string> {
  const view = await getDashboard(db, tenant, query);
  await recordAuditEvent(db, {
    ...source,
    organizationId: tenant.organizationId,
    action: format.kind === 'csv' ? 'export.dashboard_csv' : 'export.dashboard_report',
    subjectType: 'person',
    subjectId: view.root.id,
    detail: { weeks: query.weeks, ...(format.kind === 'csv' ? { section: format.section } : {}) },
  });
  return format.kind === 'csv' ? dashboardCsv(view, format.section) : dashboardReport(view);
}

/** One chart's data as CSV: the same figures the dashboard answers, one row per bar or cell. */
export function dashboardCsv(view: DashboardView, section: DashboardSection): string {
  const table = tableOf(view, section);
  return toCsv(table.header, table.rows);
}

function tableOf(view: DashboardView, section: DashboardSection): { header: string[]; rows: CsvCell[][] } {
  switch (section) {
    case 'cadence':
      return {
        header: ['week', 'planned', 'held'],
        rows: view.cadence.map((row) => [row.week, row.planned, row.held]),
      };
    case 'verdicts-by-week':
      return {
        header: ['week', 'coaching', 'mixed', 'check_in', 'unscored'],
        rows: view.verdictsByWeek.map((row) => [
          row.week,
          row.coaching,
          row.mixed,
          row.checkIn,
          row.unscored,
        ]),
      };
    case 'leaders':
      return {
        header: [
          'leader_id',
          'leader',
          'title',
          'direct_reports',
          'planned',
          'held',
          'analysed',
          'average_score',
          'coaching',
          'mixed',
          'check_in',
          'unscored',
          'average_ask_tell',
          'average_talk_share',
          'steps_due',
          'steps_done_on_time',
          'follow_through',
        ],
        rows: view.leaders.map((row) => [
          row.leader.id,
          row.leader.name,
          row.leader.title,
          row.teamSize,
          row.planned,
          row.held,
          row.analysed,
          row.averageScore,
          row.verdicts.coaching,
          row.verdicts.mixed,
          row.verdicts.checkIn,
          row.verdicts.unscored,
          row.averageAskTell,
          row.averageTalkShare,
          row.stepsDue,
          row.stepsDoneOnTime,
          row.followThrough,
        ]),
      };
    case 'overdue-by-team':
      return {
        header: ['team_lead_id', 'team_lead', 'overdue', 'open'],
        rows: view.overdueByTeam.map((row) => [row.team.id, row.team.name, row.overdue, row.open]),
      };
    case 'skills':
      return {
        header: ['person_id', 'person', 'source', ...view.skills.skills.map((skill) => skill.id)],
        rows: view.skills.people.map((row) => [row.person.id, row.person.name, row.source, ...row.levels]),
      };
    case 'academy':
      return {
        header: ['person_id', 'person', 'modules_completed', 'modules'],
        rows: view.academy.people.map((row) => [
          row.person.id,
          row.person.name,
          row.completed,
          view.academy.modules,
        ]),
      };
    case 'pulse':
      return {
        header: [
          'survey_id',
          'team_lead',
          'round_closes_at',
          'visibility',
          'respondents',
          'safety_score',
          'enps',
        ],
        rows: view.pulse.flatMap((trend) =>
          trend.rounds.map((round) => [
            trend.surveyId,
            trend.team.name,
            round.closesAt,
            round.visibility,
            round.respondents,
            round.safetyScore,
            round.enps,
          ]),
        ),
      };
    case 'flags':
      return {
        header: ['kind', 'person_id', 'person', 'message'],
        rows: view.flags.items.map((flag) => [flag.kind, flag.person.id, flag.person.name, flag.message]),
      };
  }
}
