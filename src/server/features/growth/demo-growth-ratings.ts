// How the demo's people rate themselves and are rated: a few rules and a seeded generator.
import {
  diagnoseGaps,
  type EvidenceReading,
  suggestFocusSkills,
} from '../../../core/skills/diagnose-gaps.ts';
import type { Skill } from '../../../core/skills/skill-model.ts';
import { managerComments, selfComments } from './demo-growth-content.ts';

export type Ratings = Record<string, number>;

/** A small seeded generator (xorshift32), so every demo shows the same people growing the same way. */
export function seededRandom(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4_294_967_296;
  };
}

export const clamp = (level: number) => Math.min(4, Math.max(1, Math.round(level)));
export const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** Where a person really is on a skill: from their 1:1 figure when the skill has one, else near their overall lean. */
export function actualLevel(
  reading: EvidenceReading | null,
  tilt: number,
  isLeader: boolean,
  next: () => number,
): number {
  if (reading === 'strong') return next() < 0.25 ? 4 : 3;
  if (reading === 'weak') return next() < 0.6 ? 2 : 1;
  if (reading === 'middling') return next() < 0.5 ? 2 : 3;
  // Someone without reports has had little chance to practise leading people yet.
  return clamp((isLeader ? 2.5 : 2) + 0.8 * tilt + (next() - 0.5) * 1.6);
}

/** Per skill, how far a rater leans: +1 with probability `up`, -1 with probability `down`, else 0. */
export function biases(actual: Ratings, up: number, down: number, next: () => number): Ratings {
  return Object.fromEntries(
    Object.keys(actual).map((skillId) => {
      const roll = next();
      return [skillId, roll < up ? 1 : roll > 1 - down ? -1 : 0];
    }),
  );
}

export function shifted(actual: Ratings, bias: Ratings): Ratings {
  return Object.fromEntries(
    Object.entries(actual).map(([skillId, level]) => [skillId, clamp(level + (bias[skillId] ?? 0))]),
  );
}

/** Two or three skills to work on: the gap diagnosis's suggestions, topped up with the manager's lowest ratings. */
export function focusOf(skills: Skill[], self: Ratings, manager: Ratings): string[] {
  const gaps = diagnoseGaps(
    skills.map((skill) => skill.id),
    self,
    manager,
  );
  const focus = suggestFocusSkills(gaps);
  const lowest = [...skills].sort((a, b) => manager[a.id]! - manager[b.id]!).map((skill) => skill.id);
  for (const skillId of lowest) if (focus.length < 2 && !focus.includes(skillId)) focus.push(skillId);
  return focus;
}

/** A development comment on the lowest-rated focus skill and a strength comment on one of the highest-rated others. */
export function commentsFor(
  kind: 'self' | 'manager',
  ratings: Ratings,
  focus: string[],
  next: () => number,
): Record<string, string> {
  const texts = kind === 'self' ? selfComments : managerComments;
  const comments: Record<string, string> = {};
  const weakest = [...focus].sort((a, b) => ratings[a]! - ratings[b]!)[0];
  if (weakest && ratings[weakest]! <= 2 && texts[weakest]) comments[weakest] = texts[weakest].development;
  const others = Object.entries(ratings).filter(([skillId, level]) => level >= 3 && !focus.includes(skillId));
  const top = Math.max(0, ...others.map(([, level]) => level));
  const best = others.filter(([, level]) => level === top).map(([skillId]) => skillId);
  const strongest = best[Math.floor(next() * best.length)];
  if (strongest && texts[strongest]) comments[strongest] = texts[strongest].strength;
  return comments;
}
