/**
 * Edmondson's team psychological-safety scale (1999): seven statements rated on a 7-point
 * agreement scale; items 1, 3 and 5 are worded negatively and scored in reverse. The wording is
 * ours, close to the published items so the scale keeps its meaning.
 */
export const safetyItems = [
  {
    id: 'mistakes-held-against',
    text: 'If you make a mistake on this team, it is often held against you.',
    isReversed: true,
  },
  {
    id: 'raise-problems',
    text: 'Members of this team are able to bring up problems and tough issues.',
    isReversed: false,
  },
  {
    id: 'reject-different',
    text: 'People on this team sometimes reject others for being different.',
    isReversed: true,
  },
  { id: 'safe-to-risk', text: 'It is safe to take a risk on this team.', isReversed: false },
  {
    id: 'hard-to-ask-help',
    text: 'It is difficult to ask other members of this team for help.',
    isReversed: true,
  },
  {
    id: 'no-undermining',
    text: 'No one on this team would deliberately act in a way that undermines my efforts.',
    isReversed: false,
  },
  {
    id: 'skills-valued',
    text: 'Working with members of this team, my unique skills and talents are valued and utilized.',
    isReversed: false,
  },
] as const;

export const AGREEMENT_SCALE = 7;

/** A respondent's safety score: the mean of the seven items after reversing 1, 3 and 5, from 1 to 7. */
export function safetyScore(answers: Readonly<Record<string, number>>): number | null {
  const values: number[] = [];
  for (const item of safetyItems) {
    const raw = answers[item.id];
    if (raw === undefined) continue;
    values.push(item.isReversed ? AGREEMENT_SCALE + 1 - raw : raw);
  }
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** eNPS: the share of promoters (9–10) minus the share of detractors (0–6), from −100 to 100. */
export function employeeNetPromoterScore(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  const promoters = scores.filter((score) => score >= 9).length;
  const detractors = scores.filter((score) => score <= 6).length;
  return Math.round(((promoters - detractors) / scores.length) * 100);
}
