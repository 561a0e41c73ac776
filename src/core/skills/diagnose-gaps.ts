import type { skillEvidenceMetrics } from './skill-model.ts';

/** A rating on the four-level scale: 1 beginning, 2 developing, 3 proficient, 4 role model. */
export type SkillRating = 1 | 2 | 3 | 4;
/** skill id → rating; a skill left out was not rated. */
export type Ratings = Readonly<Record<string, number>>;
export type EvidenceMetric = (typeof skillEvidenceMetrics)[number];

/**
 * How a self and a manager rating of one skill relate:
 * - `blind-spot`: the person rates themself higher than their manager does;
 * - `hidden-strength`: the manager sees more than the person credits themself with;
 * - `agreed-development` / `agreed-strength`: both give the same level, below or at proficient;
 * - `self-only` / `manager-only`: only one of them has rated the skill yet.
 */
export type GapKind =
  | 'blind-spot'
  | 'hidden-strength'
  | 'agreed-development'
  | 'agreed-strength'
  | 'self-only'
  | 'manager-only';

/** What a 1:1 figure says about a skill: a proficient habit, a beginner's, or in between. */
export type EvidenceReading = 'strong' | 'middling' | 'weak';

export interface SkillGap {
  skillId: string;
  self: number | null;
  manager: number | null;
  /** self − manager; null unless both rated the skill. */
  difference: number | null;
  kind: GapKind;
  /** Which rating the 1:1 figure agrees with; null without a figure or when it reads middling. */
  evidenceSides: 'self' | 'manager' | 'both' | 'neither' | null;
}

// A rating of 3 (proficient) or more claims the habit; 2 or less admits it is not there yet.
const PROFICIENT = 3;

/**
 * Where each figure reads strong or weak. The four analyser figures use the coaching score's own
 * "full points" and "no points" marks (docs/COACHING-SCORE.md), so a skill's evidence and a
 * meeting's score never disagree. Follow-through and report-owned steps are not scored there:
 * four steps in five done on time, and most steps owned by the report, are what the essay calls
 * accountability and ownership; under half is the opposite habit.
 */
const evidenceMarks: Record<EvidenceMetric, { strong: number; weak: number; isLowerBetter: boolean }> = {
  leaderTalkShare: { strong: 0.4, weak: 0.75, isLowerBetter: true },
  openQuestionShare: { strong: 0.7, weak: 0.2, isLowerBetter: false },
  reflectionToQuestion: { strong: 0.5, weak: 0.1, isLowerBetter: false },
  askShare: { strong: 0.6, weak: 0.25, isLowerBetter: false },
  followThroughRate: { strong: 0.8, weak: 0.5, isLowerBetter: false },
  reportOwnedSteps: { strong: 0.6, weak: 0.3, isLowerBetter: false },
};

/** Reads a 1:1 figure as strong, middling or weak evidence of its skill; null for an unmeasured figure. */
export function readEvidence(metric: EvidenceMetric, value: number | null): EvidenceReading | null {
  if (value === null || !Number.isFinite(value)) return null;
  const marks = evidenceMarks[metric];
  const isStrong = marks.isLowerBetter ? value <= marks.strong : value >= marks.strong;
  const isWeak = marks.isLowerBetter ? value >= marks.weak : value <= marks.weak;
  return isStrong ? 'strong' : isWeak ? 'weak' : 'middling';
}

function kindOf(self: number | null, manager: number | null): GapKind {
  if (self === null) return 'manager-only';
  if (manager === null) return 'self-only';
  if (self > manager) return 'blind-spot';
  if (self < manager) return 'hidden-strength';
  return self >= PROFICIENT ? 'agreed-strength' : 'agreed-development';
}

function sidesOf(
  self: number | null,
  manager: number | null,
  reading: EvidenceReading | null | undefined,
): SkillGap['evidenceSides'] {
  if (!reading || reading === 'middling') return null;
  const agrees = (rating: number | null) =>
    rating !== null && (reading === 'strong' ? rating >= PROFICIENT : rating < PROFICIENT);
  const withSelf = agrees(self);
  const withManager = agrees(manager);
  if (withSelf && withManager) return 'both';
  if (withSelf) return 'self';
  if (withManager) return 'manager';
  return 'neither';
}

// A one-sided rating shows no disagreement yet, so it ranks below every agreement.
const spread = (gap: SkillGap) => (gap.difference === null ? -1 : Math.abs(gap.difference));

function ratingOf(ratings: Ratings | null, skillId: string): number | null {
  const value = ratings?.[skillId];
  return typeof value === 'number' ? value : null;
}

/**
 * The skills rated by the person, their manager or both, most urgent first: the largest
 * disagreement between the two, then the lowest levels (the mean of the ratings there are), then
 * the order of the model. Skills nobody rated are left out.
 *
 * @example diagnoseGaps(['listening'], { listening: 4 }, { listening: 2 })[0].kind === 'blind-spot'
 */
export function diagnoseGaps(
  skillIds: readonly string[],
  self: Ratings | null,
  manager: Ratings | null,
  evidence: Readonly<Record<string, EvidenceReading | null>> = {},
): SkillGap[] {
  const gaps = skillIds.flatMap((skillId, order) => {
    const selfRating = ratingOf(self, skillId);
    const managerRating = ratingOf(manager, skillId);
    if (selfRating === null && managerRating === null) return [];
    const rated = [selfRating, managerRating].filter((rating): rating is number => rating !== null);
    const gap: SkillGap = {
      skillId,
      self: selfRating,
      manager: managerRating,
      difference: selfRating !== null && managerRating !== null ? selfRating - managerRating : null,
      kind: kindOf(selfRating, managerRating),
      evidenceSides: sidesOf(selfRating, managerRating, evidence[skillId]),
    };
    return [{ gap, order, level: rated.reduce((sum, rating) => sum + rating, 0) / rated.length }];
  });
  return gaps
    .sort((a, b) => spread(b.gap) - spread(a.gap) || a.level - b.level || a.order - b.order)
    .map((entry) => entry.gap);
}

/**
 * Up to `count` skills to work on next, from gaps in `diagnoseGaps` order: those the manager
 * (or, without a manager rating, the person) places below proficient, blind spots first since the
 * person does not yet see them.
 */
export function suggestFocusSkills(gaps: readonly SkillGap[], count = 3): string[] {
  const below = (gap: SkillGap) => (gap.manager ?? gap.self ?? PROFICIENT) < PROFICIENT;
  const candidates = gaps.filter(below);
  return [
    ...candidates.filter((gap) => gap.kind === 'blind-spot'),
    ...candidates.filter((gap) => gap.kind !== 'blind-spot'),
  ]
    .slice(0, count)
    .map((gap) => gap.skillId);
}

/** Per skill, how a rating moved from an earlier round to a later one (later − earlier); skills rated in both only. */
export function ratingChanges(earlier: Ratings | null, later: Ratings | null): Record<string, number> {
  if (!earlier || !later) return {};
  const changes: Record<string, number> = {};
  for (const [skillId, rating] of Object.entries(later)) {
    const before = earlier[skillId];
    if (typeof before === 'number' && typeof rating === 'number') changes[skillId] = rating - before;
  }
  return changes;
}
