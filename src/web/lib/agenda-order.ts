/**
 * The ids in their new order after moving one item a step up (-1) or down (+1); the same order
 * when the move would leave the list.
 */
export function moveItem(ids: readonly string[], id: string, step: -1 | 1): string[] {
  const from = ids.indexOf(id);
  const to = from + step;
  if (from < 0 || to < 0 || to >= ids.length) return [...ids];
  const next = [...ids];
  next[from] = ids[to] as string;
  next[to] = id;
  return next;
}
