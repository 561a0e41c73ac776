/** Levels 1 (beginning) … 4 (role model) in the model's skill order; null where the skill was not rated. */
export function heatmapLevels(ratings: unknown, skillIds: readonly string[]): Array<number | null> {
  const given = typeof ratings === 'object' && ratings !== null ? (ratings as Record<string, unknown>) : {};
  return skillIds.map((id) => {
    const level = given[id];
    return typeof level === 'number' && Number.isInteger(level) && level >= 1 && level <= 4 ? level : null;
  });
}
