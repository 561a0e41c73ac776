import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CustomQuestionInput,
  MeetingTemplateInput,
  QuestionView,
  TemplateView,
} from '../../contracts/questions.ts';
import { api } from './client.ts';
import { orgKey } from './organizations.ts';

export type CustomQuestion = z.input<typeof CustomQuestionInput>;
export type TemplateInput = z.input<typeof MeetingTemplateInput>;

export const questionBankKey = (org: string) => [...orgKey(org), 'question-bank'] as const;
export const templatesKey = (org: string) => [...orgKey(org), 'meeting-templates'] as const;

export const questionBankQuery = (org: string, q: string) =>
  queryOptions({
    queryKey: [...questionBankKey(org), q],
    queryFn: ({ signal }) =>
      api<QuestionView[]>('GET', `/api/orgs/${org}/questions`, { query: { q, limit: 60 }, signal }),
  });

export function addQuestion(org: string, input: CustomQuestion) {
  return api<QuestionView>('POST', `/api/orgs/${org}/questions`, { body: input });
}

export function removeQuestion(org: string, questionId: string) {
  return api<null>('DELETE', `/api/orgs/${org}/questions/${questionId}`);
}

export const templatesQuery = (org: string) =>
  queryOptions({
    queryKey: templatesKey(org),
    queryFn: () => api<TemplateView[]>('GET', `/api/orgs/${org}/meeting-templates`),
  });

export function addTemplate(org: string, input: TemplateInput) {
  return api<TemplateView>('POST', `/api/orgs/${org}/meeting-templates`, { body: input });
}

export function removeTemplate(org: string, key: string) {
  return api<null>('DELETE', `/api/orgs/${org}/meeting-templates/${key}`);
}
