import { describe, expect, it } from 'vitest';
import { moveItem } from './agenda-order.ts';

describe('moving an agenda topic with the up and down buttons', () => {
  it('swaps a topic with the one above it', () => {
    expect(moveItem(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
  });

  it('swaps a topic with the one below it', () => {
    expect(moveItem(['a', 'b', 'c'], 'a', 1)).toEqual(['b', 'a', 'c']);
  });

  it('leaves the order alone when the topic is already at the edge or unknown', () => {
    expect(moveItem(['a', 'b'], 'a', -1)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 'b', 1)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 'z', 1)).toEqual(['a', 'b']);
  });
});
