/** A foreign key: rows of `table` point at rows of `references`. */
export interface TableReference {
  table: string;
  references: string;
}

/**
 * The tables in an order where every table comes after the tables it references, so a restore
 * can insert them one after the other without breaking a foreign key. Ties go alphabetically, so
 * the same schema always gives the same order. A table referencing itself is left to the caller
 * (it fills those columns after the table's rows are in); a cycle between tables throws, since no
 * order of inserts could restore it.
 */
export function orderTablesByDependency(
  tables: readonly string[],
  references: readonly TableReference[],
): string[] {
  const known = new Set(tables);
  const dependsOn = new Map<string, Set<string>>(tables.map((table) => [table, new Set<string>()]));
  for (const { table, references: target } of references) {
    if (table === target || !known.has(table) || !known.has(target)) continue;
    dependsOn.get(table)?.add(target);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  const remaining = [...tables].sort();
  while (remaining.length > 0) {
    const index = remaining.findIndex((table) =>
      [...(dependsOn.get(table) ?? [])].every((target) => placed.has(target)),
    );
    if (index === -1) {
      throw new Error(`The tables ${remaining.join(', ')} reference each other in a cycle.`);
    }
    const [next] = remaining.splice(index, 1) as [string];
    ordered.push(next);
    placed.add(next);
  }
  return ordered;
}
