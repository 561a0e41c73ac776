import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { NoContent, OrgParams } from '../../../contracts/common.ts';
import {
  AssessmentCreateInput,
  AssessmentParams,
  AssessmentsOverview,
  AssessmentUpdateInput,
  AssessmentView,
} from '../../../contracts/growth.ts';
import { tenantOf } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import * as assessments from './assessments.service.ts';

const tags = ['growth'];

export const assessmentRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/orgs/:org/assessments',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'My assessments to do: my drafts, my last self-assessment, and my direct reports',
          params: OrgParams,
          response: { 200: AssessmentsOverview },
        },
      },
      async (request) => assessments.getAssessmentsOverview(ctx.db, tenantOf(request)),
    );
    app.post(
      '/api/orgs/:org/assessments',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Start (or resume) a self-assessment, or a manager assessment of a direct report',
          description:
            '`kind: self` rates yourself; `kind: manager` rates a person whose manager you are in the org chart (403 otherwise). An unsubmitted one of the same kind answers 200 with that draft.',
          params: OrgParams,
          body: AssessmentCreateInput,
          response: { 200: AssessmentView, 201: AssessmentView },
        },
      },
      async (request, reply) => {
        const started = await assessments.startAssessment(ctx.db, tenantOf(request), request.body);
        return reply.status(started.isNew ? 201 : 200).send(started.assessment);
      },
    );
    app.get(
      '/api/orgs/:org/assessments/:assessmentId',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary:
            'An assessment: a draft for its author only; once submitted, for the person and their manager chain',
          params: AssessmentParams,
          response: { 200: AssessmentView },
        },
      },
      async (request) => assessments.getAssessment(ctx.db, tenantOf(request), request.params.assessmentId),
    );
    app.put(
      '/api/orgs/:org/assessments/:assessmentId',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Save a draft’s ratings (1 beginning … 4 role model) and comments, per skill',
          params: AssessmentParams,
          body: AssessmentUpdateInput,
          response: { 200: AssessmentView },
        },
      },
      async (request) =>
        assessments.updateAssessment(ctx.db, tenantOf(request), request.params.assessmentId, request.body),
    );
    app.delete(
      '/api/orgs/:org/assessments/:assessmentId',
      {
        config: { access: 'org-member' },
        schema: { tags, summary: 'Discard my draft', params: AssessmentParams, response: { 204: NoContent } },
      },
      async (request, reply) => {
        await assessments.deleteAssessment(ctx.db, tenantOf(request), request.params.assessmentId);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/api/orgs/:org/assessments/:assessmentId/submit',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary:
            'Submit a draft with all twelve skills rated; it then shows to the person and their manager chain',
          params: AssessmentParams,
          response: { 200: AssessmentView },
        },
      },
      async (request) => assessments.submitAssessment(ctx.db, tenantOf(request), request.params.assessmentId),
    );
  };
