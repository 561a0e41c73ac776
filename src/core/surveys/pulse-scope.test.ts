import { describe, expect, it } from 'vitest';
import { hasDirectReports, managerChain } from '../people/reporting-lines.ts';
import { groupKeyOf, peopleInScope } from './pulse-scope.ts';

// vp → m1 → (r1, r2); vp → m2 → r3; vp → ic
const lines = [
  { id: 'ceo', managerId: null },
  { id: 'vp', managerId: 'ceo' },
  { id: 'm1', managerId: 'vp' },
  { id: 'm2', managerId: 'vp' },
  { id: 'ic', managerId: 'vp' },
  { id: 'r1', managerId: 'm1' },
  { id: 'r2', managerId: 'm1' },
  { id: 'r3', managerId: 'm2' },
  { id: 'other', managerId: 'ceo' },
];

describe('who a pulse asks and how answers are grouped', () => {
  it('asks everyone below the lead in a tree pulse and the direct reports in a direct one, never the lead', () => {
    expect(peopleInScope(lines, 'vp', 'tree').sort()).toEqual(['ic', 'm1', 'm2', 'r1', 'r2', 'r3']);
    expect(peopleInScope(lines, 'vp', 'direct').sort()).toEqual(['ic', 'm1', 'm2']);
  });

  it('survives a cycle in the reporting lines without asking the lead', () => {
    const cyclic = [
      { id: 'a', managerId: 'c' },
      { id: 'b', managerId: 'a' },
      { id: 'c', managerId: 'b' },
    ];
    expect(peopleInScope(cyclic, 'a', 'tree').sort()).toEqual(['b', 'c']);
    expect(managerChain(cyclic, 'a')).toEqual(['c', 'b']);
  });

  it('files an answer under the lead’s direct report the respondent sits under', () => {
    expect(groupKeyOf(lines, 'r2', 'vp', 'tree')).toBe('m1');
    expect(groupKeyOf(lines, 'm1', 'vp', 'tree')).toBe('m1');
    expect(groupKeyOf(lines, 'ic', 'vp', 'tree')).toBe('ic');
    expect(groupKeyOf(lines, 'r3', 'vp', 'direct')).toBe('vp');
    expect(groupKeyOf(lines, 'other', 'vp', 'tree')).toBe('vp');
  });

  it('knows managers by their direct reports', () => {
    expect(hasDirectReports(lines, 'm2')).toBe(true);
    expect(hasDirectReports(lines, 'r3')).toBe(false);
  });
});
