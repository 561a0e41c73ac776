import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AssessmentsOverview,
  AssessmentView,
  DevelopmentPlanInput,
  DevelopmentPlanView,
  GoalCreateInput,
  GoalUpdateInput,
  GoalView,
  PersonGrowth,
  SkillView,
} from '../../contracts/growth.ts';
import { api } from './client.ts';
import { orgKey } from './organizations.ts';

export type AssessmentsOverviewView = z.infer<typeof AssessmentsOverview>;
export type GoalInput = z.input<typeof GoalCreateInput>;
export type GoalChange = z.input<typeof GoalUpdateInput>;
export type PlanInput = z.input<typeof DevelopmentPlanInput>;

export const growthKey = (org: string) => [...orgKey(org), 'growth'] as const;

export const skillsQuery = (org: string) =>
  queryOptions({
    queryKey: [...orgKey(org), 'skills'],
    queryFn: () => api<SkillView[]>('GET', `/api/orgs/${org}/skills`),
    staleTime: 30 * 60_000,
  });

export const assessmentsOverviewQuery = (org: string) =>
  queryOptions({
    queryKey: [...growthKey(org), 'assessments'],
    queryFn: () => api<AssessmentsOverviewView>('GET', `/api/orgs/${org}/assessments`),
  });

export const assessmentQuery = (org: string, assessmentId: string) =>
  queryOptions({
    queryKey: [...growthKey(org), 'assessment', assessmentId],
    queryFn: () => api<AssessmentView>('GET', `/api/orgs/${org}/assessments/${assessmentId}`),
  });

export function startAssessment(org: string, subjectId: string, kind: 'self' | 'manager') {
  return api<AssessmentView>('POST', `/api/orgs/${org}/assessments`, { body: { subjectId, kind } });
}

export function saveAssessment(
  org: string,
  assessmentId: string,
  input: { ratings: Record<string, number>; comments: Record<string, string> },
) {
  return api<AssessmentView>('PUT', `/api/orgs/${org}/assessments/${assessmentId}`, { body: input });
}

export function submitAssessment(org: string, assessmentId: string) {
  return api<AssessmentView>('POST', `/api/orgs/${org}/assessments/${assessmentId}/submit`);
}

export function discardAssessment(org: string, assessmentId: string) {
  return api<null>('DELETE', `/api/orgs/${org}/assessments/${assessmentId}`);
}

export const personGrowthQuery = (org: string, personId: string) =>
  queryOptions({
    queryKey: [...growthKey(org), 'person', personId],
    queryFn: () => api<PersonGrowth>('GET', `/api/orgs/${org}/people/${personId}/growth`),
  });

export const goalsQuery = (org: string, personId: string) =>
  queryOptions({
    queryKey: [...growthKey(org), 'goals', personId],
    queryFn: () => api<GoalView[]>('GET', `/api/orgs/${org}/people/${personId}/goals`),
  });

export function createGoal(org: string, input: GoalInput) {
  return api<GoalView>('POST', `/api/orgs/${org}/goals`, { body: input });
}

export function updateGoal(org: string, goalId: string, change: GoalChange) {
  return api<GoalView>('PATCH', `/api/orgs/${org}/goals/${goalId}`, { body: change });
}

export function deleteGoal(org: string, goalId: string) {
  return api<null>('DELETE', `/api/orgs/${org}/goals/${goalId}`);
}

export function unlinkGoal(org: string, goalId: string, linkId: string) {
  return api<null>('DELETE', `/api/orgs/${org}/goals/${goalId}/links/${linkId}`);
}

export const developmentPlanQuery = (org: string, personId: string) =>
  queryOptions({
    queryKey: [...growthKey(org), 'plan', personId],
    queryFn: () => api<DevelopmentPlanView>('GET', `/api/orgs/${org}/people/${personId}/development-plan`),
  });

export function saveDevelopmentPlan(org: string, personId: string, input: PlanInput) {
  return api<DevelopmentPlanView>('PUT', `/api/orgs/${org}/people/${personId}/development-plan`, {
    body: input,
  });
}

export function linkGoal(org: string, goalId: string, kind: 'agenda-item' | 'next-step', targetId: string) {
  return api<GoalView>('POST', `/api/orgs/${org}/goals/${goalId}/links`, { body: { kind, targetId } });
}
