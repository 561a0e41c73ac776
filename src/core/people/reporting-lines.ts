/** One person's place in the org chart: who they report to. */
export interface ReportingLine {
  id: string;
  managerId: string | null;
}

/** The managers above a person, nearest first; a cycle in imported lines stops the walk. */
export function managerChain(lines: readonly ReportingLine[], personId: string): string[] {
  const managerOf = new Map(lines.map((line) => [line.id, line.managerId]));
  const chain: string[] = [];
  let current = managerOf.get(personId) ?? null;
  while (current && !chain.includes(current) && current !== personId) {
    chain.push(current);
    current = managerOf.get(current) ?? null;
  }
  return chain;
}

/** Whether someone has direct reports, which is what makes them a manager. */
export function hasDirectReports(lines: readonly ReportingLine[], personId: string): boolean {
  return lines.some((line) => line.managerId === personId);
}
