import { describe, expect, it } from 'vitest';
import { formatMetric, formatTarget } from './academy-labels.ts';

describe('assignment figures in words', () => {
  it('shows shares as whole percentages and counts as numbers', () => {
    expect(formatMetric('leaderTalkShare', 0.444)).toBe('44%');
    expect(formatMetric('openQuestions', 5)).toBe('5');
    expect(formatMetric('reflectionToQuestion', 0.3333)).toBe('0.33');
    expect(formatMetric('openQuestions', null)).toBe('—');
  });

  it('says a target as a person would', () => {
    expect(formatTarget({ metric: 'openQuestions', min: 5 })).toBe('at least 5');
    expect(formatTarget({ metric: 'leaderTalkShare', max: 0.5 })).toBe('at most 50%');
    expect(formatTarget({ metric: 'statusShare', min: 0.1, max: 0.3 })).toBe('between 10% and 30%');
  });
});
