/** The facts about a next step that accountability figures need. */
export interface NextStepFacts {
  status: 'open' | 'done' | 'dropped';
  dueDate: string | null;
  /** When it was marked done, as an ISO instant. */
  completedAt: string | null;
}

/** Whether an open step's due date (a local YYYY-MM-DD) is before `today`. */
export function isOverdue(step: NextStepFacts, today: string): boolean {
  return step.status === 'open' && step.dueDate !== null && step.dueDate < today;
}

/**
 * Follow-through: of the steps that were due by `today` (dropped ones aside), the share done by
 * their due date. Done on the due date itself counts as on time.
 */
export function followThrough(
  steps: readonly NextStepFacts[],
  today: string,
): { due: number; doneOnTime: number; rate: number | null } {
  let due = 0;
  let doneOnTime = 0;
  for (const step of steps) {
    if (step.status === 'dropped' || step.dueDate === null || step.dueDate > today) continue;
    due++;
    if (step.status === 'done' && step.completedAt !== null && step.completedAt.slice(0, 10) <= step.dueDate)
      doneOnTime++;
  }
  return { due, doneOnTime, rate: due === 0 ? null : doneOnTime / due };
}
