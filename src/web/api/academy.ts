import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AcademyCatalogue,
  CertificateStatus,
  CertificateVerification,
  CohortReport,
  CohortSummary,
  ModuleDetail,
  ModuleProgress,
  PracticeSessionView,
  PracticeTurnView,
  QuizResult,
} from '../../contracts/academy.ts';
import { api } from './client.ts';
import { orgKey } from './organizations.ts';

export type Catalogue = z.infer<typeof AcademyCatalogue>;
export type ModuleView = z.infer<typeof ModuleDetail>;
export type QuizResultView = z.infer<typeof QuizResult>;
export type PracticeTurn = z.infer<typeof PracticeTurnView>;
export type CertificateStatusView = z.infer<typeof CertificateStatus>;
export type Verification = z.infer<typeof CertificateVerification>;
export type Cohort = z.infer<typeof CohortSummary>;
export type CohortReportView = z.infer<typeof CohortReport>;

export const academyKey = (org: string) => [...orgKey(org), 'academy'] as const;

export const catalogueQuery = (org: string) =>
  queryOptions({
    queryKey: [...academyKey(org), 'catalogue'],
    queryFn: () => api<Catalogue>('GET', `/api/orgs/${org}/academy/modules`),
  });

export const moduleQuery = (org: string, moduleId: string) =>
  queryOptions({
    queryKey: [...academyKey(org), 'module', moduleId],
    queryFn: () => api<ModuleView>('GET', `/api/orgs/${org}/academy/modules/${moduleId}`),
  });

export function markLessonRead(org: string, moduleId: string) {
  return api<ModuleProgress>('POST', `/api/orgs/${org}/academy/modules/${moduleId}/lesson/read`);
}

export function submitQuiz(org: string, moduleId: string, answers: number[]) {
  return api<QuizResultView>('POST', `/api/orgs/${org}/academy/modules/${moduleId}/quiz`, {
    body: { answers },
  });
}

export function startAssignment(org: string, moduleId: string) {
  return api<ModuleProgress>('POST', `/api/orgs/${org}/academy/modules/${moduleId}/assignment/start`);
}

export function startPractice(org: string, moduleId: string) {
  return api<PracticeSessionView>('POST', `/api/orgs/${org}/academy/modules/${moduleId}/practice`);
}

export const practiceQuery = (org: string, sessionId: string) =>
  queryOptions({
    queryKey: [...academyKey(org), 'practice', sessionId],
    queryFn: () => api<PracticeSessionView>('GET', `/api/orgs/${org}/academy/practice/${sessionId}`),
  });

export function sayLine(org: string, sessionId: string, line: string) {
  return api<PracticeTurn>('POST', `/api/orgs/${org}/academy/practice/${sessionId}/turns`, {
    body: { line },
  });
}

export const certificateQuery = (org: string) =>
  queryOptions({
    queryKey: [...academyKey(org), 'certificate'],
    queryFn: () => api<CertificateStatusView>('GET', `/api/orgs/${org}/academy/certificate`),
  });

export const verificationQuery = (certificateId: string) =>
  queryOptions({
    queryKey: ['certificate-verification', certificateId],
    queryFn: () => api<Verification>('GET', `/api/certificates/${encodeURIComponent(certificateId)}`),
    retry: false,
  });

export const cohortsQuery = (org: string) =>
  queryOptions({
    queryKey: [...academyKey(org), 'cohorts'],
    queryFn: () => api<Cohort[]>('GET', `/api/orgs/${org}/academy/cohorts`),
  });

export const cohortReportQuery = (org: string, cohortId: string) =>
  queryOptions({
    queryKey: [...academyKey(org), 'cohort', cohortId],
    queryFn: () => api<CohortReportView>('GET', `/api/orgs/${org}/academy/cohorts/${cohortId}`),
  });

export function createCohort(org: string, input: { name: string; startsOn?: string; personIds: string[] }) {
  return api<Cohort>('POST', `/api/orgs/${org}/academy/cohorts`, { body: input });
}

export function removeCohortMember(org: string, cohortId: string, personId: string) {
  return api<null>('DELETE', `/api/orgs/${org}/academy/cohorts/${cohortId}/members/${personId}`);
}
