import { describe, expect, it } from 'vitest';
import { heatmapLevels } from './skills-heatmap.ts';

describe('the skills heatmap row', () => {
  it('gives levels in the model’s order and leaves unrated or malformed skills empty', () => {
    expect(
      heatmapLevels({ listening: 3, feedback: 9, delegation: 1.5, coaching: 2 }, [
        'coaching',
        'listening',
        'feedback',
        'delegation',
        'focus',
      ]),
    ).toEqual([2, 3, null, null, null]);
    expect(heatmapLevels(null, ['coaching'])).toEqual([null]);
  });
});
