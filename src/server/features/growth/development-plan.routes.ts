import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DevelopmentPlanInput, DevelopmentPlanView } from '../../../contracts/growth.ts';
import { PersonParams } from '../../../contracts/people.ts';
import { tenantOf } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import * as plans from './development-plan.service.ts';

const tags = ['growth'];

export const developmentPlanRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/orgs/:org/people/:personId/development-plan',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'A person’s development plan: up to three skills with actions and Academy modules',
          description:
            'For the person and their manager chain; `suggestions` come from the latest assessments.',
          params: PersonParams,
          response: { 200: DevelopmentPlanView },
        },
      },
      async (request) => plans.getDevelopmentPlan(ctx.db, tenantOf(request), request.params.personId),
    );
    app.put(
      '/api/orgs/:org/people/:personId/development-plan',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Replace a person’s development plan (at most three skills)',
          description: 'Leave `moduleId` out to use the Academy module of the skill; `null` for none.',
          params: PersonParams,
          body: DevelopmentPlanInput,
          response: { 200: DevelopmentPlanView },
        },
      },
      async (request) =>
        plans.putDevelopmentPlan(ctx.db, tenantOf(request), request.params.personId, request.body.items),
    );
  };
