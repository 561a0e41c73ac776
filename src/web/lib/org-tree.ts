import type { OrgChartView } from '../../contracts/people.ts';

export type OrgChartNodeView = OrgChartView['nodes'][number];

export interface OrgTreeNode {
  value: string;
  label: string;
  nodeProps: { person: OrgChartNodeView; teamSize: number };
  children: OrgTreeNode[];
}

export interface OrgTree {
  data: OrgTreeNode[];
  byId: Map<string, OrgChartNodeView>;
  depth: number;
}

const byName = (a: OrgChartNodeView, b: OrgChartNodeView) => a.name.localeCompare(b.name);

/**
 * Turns the API's flat node list into nested tree data, children sorted by name. A reporting
 * line that loops back on itself is cut where it repeats, so a bad import cannot hang the page.
 */
export function buildOrgTree(chart: OrgChartView): OrgTree {
  const byId = new Map(chart.nodes.map((node) => [node.id, node]));
  const childrenOf = new Map<string, OrgChartNodeView[]>();
  for (const node of chart.nodes) {
    if (!node.managerId || !byId.has(node.managerId)) continue;
    const siblings = childrenOf.get(node.managerId) ?? [];
    siblings.push(node);
    childrenOf.set(node.managerId, siblings);
  }
  let depth = 0;
  const seen = new Set<string>();
  const build = (node: OrgChartNodeView, level: number): OrgTreeNode => {
    seen.add(node.id);
    depth = Math.max(depth, level);
    const children = (childrenOf.get(node.id) ?? [])
      .filter((child) => !seen.has(child.id))
      .sort(byName)
      .map((child) => build(child, level + 1));
    const teamSize = children.reduce((sum, child) => sum + 1 + child.nodeProps.teamSize, 0);
    return { value: node.id, label: node.name, nodeProps: { person: node, teamSize }, children };
  };
  const rootIds =
    chart.roots.length > 0 ? chart.roots : chart.nodes.filter((n) => !n.managerId).map((n) => n.id);
  const roots = rootIds
    .map((id) => byId.get(id))
    .filter((node): node is OrgChartNodeView => Boolean(node))
    .sort(byName);
  const data = roots.map((root) => build(root, 1));
  // People caught in a loop have no root above them; show them at the top rather than hide them.
  for (const node of chart.nodes.slice().sort(byName)) {
    if (!seen.has(node.id)) data.push(build(node, 1));
  }
  return { data, byId, depth };
}

/** The chain of managers above a person, nearest first. */
export function managersOf(personId: string, byId: Map<string, OrgChartNodeView>): string[] {
  const chain: string[] = [];
  let current = byId.get(personId)?.managerId ?? null;
  while (current && !chain.includes(current) && byId.has(current)) {
    chain.push(current);
    current = byId.get(current)?.managerId ?? null;
  }
  return chain;
}
