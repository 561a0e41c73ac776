import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CohortInput,
  CohortMemberParams,
  CohortMembersInput,
  CohortParams,
  CohortReport,
  CohortSummary,
} from '../../../contracts/academy.ts';
import { NoContent, OrgParams } from '../../../contracts/common.ts';
import { tenantOf } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { auditSourceOf } from '../audit/audit.service.ts';
import * as cohorts from './cohorts.service.ts';

const tags = ['leader academy'];

export const cohortRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/orgs/:org/academy/cohorts',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'The cohorts I run or belong to (an admin sees all)',
          params: OrgParams,
          response: { 200: z.array(CohortSummary) },
        },
      },
      async (request) => cohorts.listCohorts(ctx.db, tenantOf(request)),
    );
    app.post(
      '/api/orgs/:org/academy/cohorts',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Start a cohort (admins and executives); the caller owns it',
          params: OrgParams,
          body: CohortInput,
          response: { 201: CohortSummary },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await cohorts.createCohort(ctx.db, tenantOf(request), request.body)),
    );
    app.get(
      '/api/orgs/:org/academy/cohorts/:cohortId',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Each member’s completion, quiz and practice scores and assignment status',
          description:
            'For the cohort’s owner and the organization’s admins. Never practice transcripts, 1:1 content or 1:1 figures.',
          params: CohortParams,
          response: { 200: CohortReport },
        },
      },
      async (request) =>
        cohorts.getCohortReport(ctx.db, tenantOf(request), request.params.cohortId, auditSourceOf(request)),
    );
    app.post(
      '/api/orgs/:org/academy/cohorts/:cohortId/members',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Add people to a cohort I run',
          params: CohortParams,
          body: CohortMembersInput,
          response: { 200: CohortSummary },
        },
      },
      async (request) =>
        cohorts.addMembers(ctx.db, tenantOf(request), request.params.cohortId, request.body.personIds),
    );
    app.delete(
      '/api/orgs/:org/academy/cohorts/:cohortId/members/:personId',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Take someone out of a cohort I run (their progress stays theirs)',
          params: CohortMemberParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await cohorts.removeMember(
          ctx.db,
          tenantOf(request),
          request.params.cohortId,
          request.params.personId,
        );
        return reply.status(204).send(null);
      },
    );
  };
