import { describe, expect, it } from 'vitest';
import { orderTablesByDependency } from './table-order.ts';

describe('the order tables are restored in', () => {
  it('puts every table after the tables it references', () => {
    const order = orderTablesByDependency(
      ['meetings', 'people', 'organizations', 'agenda_items', 'user'],
      [
        { table: 'meetings', references: 'people' },
        { table: 'people', references: 'organizations' },
        { table: 'people', references: 'user' },
        { table: 'agenda_items', references: 'meetings' },
        { table: 'agenda_items', references: 'people' },
      ],
    );
    expect(order.indexOf('organizations')).toBeLessThan(order.indexOf('people'));
    expect(order.indexOf('user')).toBeLessThan(order.indexOf('people'));
    expect(order.indexOf('people')).toBeLessThan(order.indexOf('meetings'));
    expect(order.indexOf('meetings')).toBeLessThan(order.indexOf('agenda_items'));
  });

  it('is the same for the same schema, whatever order the tables were listed in', () => {
    const references = [{ table: 'b', references: 'a' }];
    expect(orderTablesByDependency(['c', 'b', 'a'], references)).toEqual(
      orderTablesByDependency(['a', 'b', 'c'], references),
    );
  });

  it('accepts a table that references itself, such as people and their managers', () => {
    expect(orderTablesByDependency(['people'], [{ table: 'people', references: 'people' }])).toEqual([
      'people',
    ]);
  });

  it('refuses tables that reference each other in a cycle', () => {
    expect(() =>
      orderTablesByDependency(
        ['a', 'b'],
        [
          { table: 'a', references: 'b' },
          { table: 'b', references: 'a' },
        ],
      ),
    ).toThrow(/cycle/);
  });
});
