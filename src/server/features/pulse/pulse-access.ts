import { AppError } from '../../../core/errors.ts';
import { hasDirectReports, managerChain, type ReportingLine } from '../../../core/people/reporting-lines.ts';
import { isOrgAdmin, type Tenant } from '../../auth/policy.ts';
import type { Db } from '../../db/client.ts';
import * as repository from './pulse.repository.ts';

/**
 * Who may schedule, change and read a team's pulse: org admins, the team's lead, and the lead's
 * manager chain (an executive for any team in their tree). Everyone else is told it does not exist.
 */
export function canManageTeam(tenant: Tenant, lines: readonly ReportingLine[], leadId: string): boolean {
  return isOrgAdmin(tenant) || isOwnTeam(tenant, lines, leadId);
}

/** The caller leads the team or is above its lead: their place in the org chart, not their role. */
function isOwnTeam(tenant: Tenant, lines: readonly ReportingLine[], leadId: string): boolean {
  if (!tenant.personId) return false;
  return tenant.personId === leadId || managerChain(lines, leadId).includes(tenant.personId);
}

/** A manager schedules pulses for their own reporting tree; an admin for any team. */
export function assertCanScheduleFor(tenant: Tenant, lines: readonly ReportingLine[], leadId: string): void {
  if (isOrgAdmin(tenant)) return;
  if (!tenant.personId || !hasDirectReports(lines, tenant.personId))
    throw new AppError('FORBIDDEN', 'Pulses are scheduled by managers, for their own teams, and by admins.');
  if (!canManageTeam(tenant, lines, leadId))
    throw new AppError(
      'FORBIDDEN',
      'You can schedule a pulse only for yourself or a leader in your reporting tree.',
      {
        fields: [{ path: 'body.teamLeadId', message: 'is not in your reporting tree' }],
      },
    );
}

/**
 * A survey the caller may manage and read, with the reporting lines used to decide; NOT_FOUND
 * otherwise. `isByAdminRole` says the caller reads it only because they are an admin or owner
 * (the audit log records those reads).
 */
export async function getManagedSurvey(db: Db, tenant: Tenant, surveyId: string) {
  const survey = await repository.findSurvey(db, tenant.organizationId, surveyId);
  const lines = await repository.findDirectory(db, tenant.organizationId);
  if (!survey || !canManageTeam(tenant, lines, survey.teamLeadId))
    throw new AppError('NOT_FOUND', 'No pulse you may see with this id.');
  return { survey, lines, isByAdminRole: !isOwnTeam(tenant, lines, survey.teamLeadId) };
}
