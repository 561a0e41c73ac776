import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  MeetingParams,
  NextStepCreateInput,
  NextStepParams,
  NextStepUpdateInput,
  NextStepView,
} from '../../../contracts/meetings.ts';
import { tenantOf } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import * as steps from './next-steps.service.ts';
import { publishChange } from './publish-change.ts';

const tags = ['next steps'];

export const nextStepRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/orgs/:org/meetings/:meetingId/next-steps',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Add a next step with an owner and a due date',
          params: MeetingParams,
          body: NextStepCreateInput,
          response: { 201: NextStepView },
        },
      },
      async (request, reply) => {
        const step = await steps.addNextStep(
          ctx.db,
          tenantOf(request),
          request.params.meetingId,
          request.body,
        );
        await publishChange(ctx, request, step.meetingId, 'next-steps');
        return reply.status(201).send(step);
      },
    );
    app.patch(
      '/api/orgs/:org/next-steps/:nextStepId',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Mark a next step done, drop it with a reason, reopen or edit it',
          params: NextStepParams,
          body: NextStepUpdateInput,
          response: { 200: NextStepView },
        },
      },
      async (request) => {
        const step = await steps.updateNextStep(
          ctx.db,
          tenantOf(request),
          request.params.nextStepId,
          request.body,
        );
        await publishChange(ctx, request, step.meetingId, 'next-steps');
        return step;
      },
    );
  };
