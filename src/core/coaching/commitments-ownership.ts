import type { Commitment, NextStepInput, Ownership } from './analysis-types.ts';
import { ratio } from './metrics-text.ts';

export interface ActionEnding {
  endedWithAction: boolean;
  /** The step or sentence that shows it: a commitment heard, or a next step's title. */
  closingStep: Commitment | NextStepInput | null;
}

/** Whether the meeting closed with a next step that has an owner and a due date. */
export function findActionEnding(
  nextSteps: readonly NextStepInput[],
  commitments: readonly Commitment[],
  turnCount: number,
): ActionEnding {
  const step = nextSteps.find((s) => hasOwner(s) && isFilled(s.dueDate));
  if (step !== undefined) return { endedWithAction: true, closingStep: step };
  // A step agreed in the last third still closes the meeting; one from the opening status round
  // ("I'll merge it by Friday") is a task report, not the 1:1's ending.
  const closingFrom = Math.min(Math.floor((turnCount * 2) / 3), Math.max(0, turnCount - 8));
  const heard = commitments.findLast(
    (c) => c.owners.length > 0 && c.due !== null && (c.source === 'notes' || c.turn >= closingFrom),
  );
  return { endedWithAction: heard !== undefined, closingStep: heard ?? null };
}

/**
 * Who proposed and who owns the next steps. The app's next steps win when there are any; else the
 * commitments heard in the meeting (or written in the notes) stand in for them.
 */
export function measureOwnership(
  nextSteps: readonly NextStepInput[],
  commitments: readonly Commitment[],
  leader: string | null,
  report: string | null,
): Ownership {
  if (nextSteps.length > 0) {
    const withOwner = nextSteps.filter(hasOwner);
    const owned = withOwner.filter(
      (s) => s.ownerIsReport ?? (report !== null && isSamePerson(s.owner, report)),
    ).length;
    const withProposer = nextSteps.filter((s) => s.proposedBy === 'leader' || s.proposedBy === 'report');
    return {
      source: 'next-steps',
      steps: nextSteps.length,
      ownedByReport: ratio(owned, withOwner.length),
      proposedByReport: ratio(
        withProposer.filter((s) => s.proposedBy === 'report').length,
        withProposer.length,
      ),
    };
  }
  const heard = commitments.filter((c) => c.source === 'transcript');
  const pool = heard.length > 0 ? heard : commitments;
  if (pool.length === 0) return { source: null, steps: 0, ownedByReport: null, proposedByReport: null };
  // Owners repeat from step to step (two people in a 1:1), so each name is compared once.
  const known = new Map<string, boolean>();
  const isReport = (name: string): boolean => {
    let answer = known.get(name);
    if (answer === undefined) {
      answer = report !== null ? isSamePerson(name, report) : leader !== null && !isSamePerson(name, leader);
      known.set(name, answer);
    }
    return answer;
  };
  const canTell = report !== null || leader !== null;
  // "We'll…" is shared: it counts for the report in proportion to the people who took it on.
  const owned = pool.reduce((n, c) => n + c.owners.filter(isReport).length / c.owners.length, 0);
  const proposed = pool.filter((c) => c.proposedBy !== null);
  return {
    source: heard.length > 0 ? 'transcript' : 'notes',
    steps: pool.length,
    ownedByReport: canTell ? ratio(owned, pool.length) : null,
    proposedByReport: canTell
      ? ratio(proposed.filter((c) => c.proposedBy !== null && isReport(c.proposedBy)).length, proposed.length)
      : null,
  };
}

function hasOwner(step: NextStepInput): boolean {
  return step.ownerIsReport !== undefined || isFilled(step.owner);
}

function isFilled(value: string | null | undefined): boolean {
  return value !== undefined && value !== null && value.trim() !== '';
}

// "Priya" in a note or a next step names the speaker "Priya Natarajan".
function isSamePerson(name: string | null | undefined, speaker: string): boolean {
  if (name === null || name === undefined) return false;
  const a = name.trim().toLowerCase();
  const b = speaker.trim().toLowerCase();
  return a === b || b.split(/\s+/)[0] === a || a.split(/\s+/)[0] === b;
}
