import { describe, expect, it } from 'vitest';
import { buildOrgTree, managersOf } from './org-tree.ts';

const node = (id: string, name: string, managerId: string | null) => ({
  id,
  name,
  title: '',
  managerId,
  directReportCount: 0,
});

describe('buildOrgTree', () => {
  it('nests reports under their manager, sorted by name, and counts each whole team', () => {
    const tree = buildOrgTree({
      nodes: [
        node('ceo', 'Ada', null),
        node('b', 'Zoe', 'ceo'),
        node('c', 'Ben', 'ceo'),
        node('d', 'Cy', 'c'),
      ],
      roots: ['ceo'],
    });
    expect(tree.data.map((n) => n.label)).toEqual(['Ada']);
    expect(tree.data[0]?.children.map((n) => n.label)).toEqual(['Ben', 'Zoe']);
    expect(tree.data[0]?.nodeProps.teamSize).toBe(3);
    expect(tree.depth).toBe(3);
  });

  it('still shows people whose reporting line loops back on itself', () => {
    const tree = buildOrgTree({ nodes: [node('a', 'Ann', 'b'), node('b', 'Bo', 'a')], roots: [] });
    const labels = tree.data.flatMap((n) => [n.label, ...n.children.map((c) => c.label)]);
    expect(labels.sort()).toEqual(['Ann', 'Bo']);
  });
});

describe('managersOf', () => {
  it('lists the managers above a person, nearest first', () => {
    const { byId } = buildOrgTree({
      nodes: [node('a', 'Ann', null), node('b', 'Bo', 'a'), node('c', 'Cy', 'b')],
      roots: ['a'],
    });
    expect(managersOf('c', byId)).toEqual(['b', 'a']);
    expect(managersOf('a', byId)).toEqual([]);
  });
});
