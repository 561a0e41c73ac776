import type { MeetingAnalysis } from '../coaching/analysis-types.ts';

/**
 * What an on-the-job assignment can ask of the leader's next real 1:1, each read from the
 * analysis of that meeting. A figure the analysis could not measure is null, and a check on it
 * is then not met (with that reason), never guessed.
 */
export const assignmentMetrics = [
  'openQuestions',
  'openQuestionShare',
  'leaderTalkShare',
  'askShare',
  'reflections',
  'reflectionToQuestion',
  'selfAnsweredQuestions',
  'nextStepsWithOwnerAndDate',
  'reportOwnedStepShare',
  'reviewedPreviousSteps',
  'mindsetGrowthShare',
  'statusShare',
  'score',
] as const;
export type AssignmentMetric = (typeof assignmentMetrics)[number];

export function readAssignmentMetric(analysis: MeetingAnalysis, metric: AssignmentMetric): number | null {
  switch (metric) {
    case 'openQuestions':
      return analysis.questions?.open ?? null;
    case 'openQuestionShare':
      return analysis.questions?.openShare ?? null;
    case 'leaderTalkShare':
      return analysis.leader?.talkShare ?? null;
    case 'askShare':
      return analysis.questions?.askShare ?? null;
    case 'reflections':
      return analysis.questions?.reflections ?? null;
    case 'reflectionToQuestion':
      return analysis.questions?.reflectionToQuestion ?? null;
    case 'selfAnsweredQuestions':
      return analysis.responses?.selfAnswered ?? null;
    case 'nextStepsWithOwnerAndDate':
      return analysis.endedWithAction ? Math.max(1, analysis.ownership.steps) : 0;
    case 'reportOwnedStepShare':
      return analysis.ownership.ownedByReport;
    case 'reviewedPreviousSteps':
      return analysis.reviewedPreviousSteps === null ? null : analysis.reviewedPreviousSteps ? 1 : 0;
    case 'mindsetGrowthShare':
      return analysis.topics ? (analysis.topics.mindset ?? 0) + (analysis.topics.growth ?? 0) : null;
    case 'statusShare':
      return analysis.topics ? (analysis.topics.status ?? 0) : null;
    case 'score':
      return analysis.score;
  }
}

export interface CheckOutcome {
  metric: AssignmentMetric;
  min?: number;
  max?: number;
  value: number | null;
  isMet: boolean;
}

/** Whether every check of an assignment holds for this analysis, with the figure behind each. */
export function verifyAssignment(
  analysis: MeetingAnalysis,
  checks: ReadonlyArray<{ metric: AssignmentMetric; min?: number; max?: number }>,
) {
  const outcomes: CheckOutcome[] = checks.map((check) => {
    const value = readAssignmentMetric(analysis, check.metric);
    const isMet =
      value !== null &&
      (check.min === undefined || value >= check.min) &&
      (check.max === undefined || value <= check.max);
    return { ...check, value, isMet };
  });
  return { isMet: outcomes.every((outcome) => outcome.isMet), outcomes };
}
