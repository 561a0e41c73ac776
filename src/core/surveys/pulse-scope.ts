export type PulseScope = 'tree' | 'direct';

import { managerChain, type ReportingLine } from '../people/reporting-lines.ts';

function reportsByManager(lines: readonly ReportingLine[]): Map<string, string[]> {
  const reports = new Map<string, string[]>();
  for (const line of lines) {
    if (!line.managerId) continue;
    const list = reports.get(line.managerId) ?? [];
    list.push(line.id);
    reports.set(line.managerId, list);
  }
  return reports;
}

/** Everyone a pulse of this team asks: the lead's direct reports, or everyone below the lead; never the lead. */
export function peopleInScope(lines: readonly ReportingLine[], leadId: string, scope: PulseScope): string[] {
  const reports = reportsByManager(lines);
  if (scope === 'direct') return [...(reports.get(leadId) ?? [])];
  const found = new Set<string>();
  const queue = [...(reports.get(leadId) ?? [])];
  while (queue.length > 0) {
    const id = queue.shift()!;
    // A cycle in imported reporting lines must not loop, nor ask the lead about their own team.
    if (found.has(id) || id === leadId) continue;
    found.add(id);
    queue.push(...(reports.get(id) ?? []));
  }
  return [...found];
}

/**
 * The team group a response is filed under, the only trace of where it came from: in `tree`
 * scope the lead's direct report under whom the respondent sits (that report's own answer
 * included), in `direct` scope the lead (one group, so no cuts). Someone who has left the lead's
 * tree since the round opened is filed under the lead too.
 */
export function groupKeyOf(
  lines: readonly ReportingLine[],
  respondentId: string,
  leadId: string,
  scope: PulseScope,
): string {
  if (scope === 'direct') return leadId;
  const chain = [respondentId, ...managerChain(lines, respondentId)];
  const leadAt = chain.indexOf(leadId);
  return leadAt > 0 ? chain[leadAt - 1]! : leadId;
}
