import type { AssignmentMetric } from '../../core/academy/assignment-metrics.ts';

interface MetricLabel {
  label: string;
  /** Shares are shown as percentages; counts and ratios as numbers. */
  isShare: boolean;
}

export const assignmentMetricLabels: Record<AssignmentMetric, MetricLabel> = {
  openQuestions: { label: 'Open questions you asked', isShare: false },
  openQuestionShare: { label: 'Share of your questions that were open', isShare: true },
  leaderTalkShare: { label: 'Your share of the talking', isShare: true },
  askShare: { label: 'Asking rather than telling', isShare: true },
  reflections: { label: 'Reflections', isShare: false },
  reflectionToQuestion: { label: 'Reflections per question', isShare: false },
  selfAnsweredQuestions: { label: 'Questions you answered yourself', isShare: false },
  nextStepsWithOwnerAndDate: { label: 'Next steps with an owner and a date', isShare: false },
  reportOwnedStepShare: { label: 'Next steps your report owns', isShare: true },
  reviewedPreviousSteps: { label: 'Last time’s steps reviewed', isShare: false },
  mindsetGrowthShare: { label: 'Time on mindset and growth', isShare: true },
  statusShare: { label: 'Time on status', isShare: true },
  score: { label: 'Coaching score', isShare: false },
};

/** A figure of an assignment check in words: "62%", "4", "0.35"; a dash when not measured. */
export function formatMetric(metric: AssignmentMetric, value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (assignmentMetricLabels[metric].isShare) return `${Math.round(value * 100)}%`;
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** The target of a check: "at least 5", "under 50%", "between 20% and 40%". */
export function formatTarget(check: { metric: AssignmentMetric; min?: number; max?: number }): string {
  const min = check.min === undefined ? null : formatMetric(check.metric, check.min);
  const max = check.max === undefined ? null : formatMetric(check.metric, check.max);
  if (min && max) return `between ${min} and ${max}`;
  if (min) return `at least ${min}`;
  if (max) return `at most ${max}`;
  return 'measured';
}

export const assignmentStatusLabels = {
  'not-started': { label: 'Not started', color: 'gray' },
  pending: { label: 'Waiting for your next 1:1', color: 'yellow' },
  met: { label: 'Met', color: 'teal' },
  'not-met': { label: 'Not met yet', color: 'orange' },
} as const;
