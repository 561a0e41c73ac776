import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NoContent, OrgParams } from '../../../contracts/common.ts';
import {
  GoalCreateInput,
  GoalLinkInput,
  GoalLinkParams,
  GoalParams,
  GoalUpdateInput,
  GoalView,
} from '../../../contracts/growth.ts';
import { MeetingParams } from '../../../contracts/meetings.ts';
import { PersonParams } from '../../../contracts/people.ts';
import { tenantOf } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import * as goals from './goals.service.ts';

const tags = ['goals'];

export const goalRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/orgs/:org/goals',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Set a growth or performance goal for yourself, or for someone in your reporting line',
          params: OrgParams,
          body: GoalCreateInput,
          response: { 201: GoalView },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await goals.createGoal(ctx.db, tenantOf(request), request.body)),
    );
    app.get(
      '/api/orgs/:org/people/:personId/goals',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'A person’s goals, open and at risk first (for the person and their manager chain)',
          params: PersonParams,
          response: { 200: z.array(GoalView) },
        },
      },
      async (request) => goals.listPersonGoals(ctx.db, tenantOf(request), request.params.personId),
    );
    app.get(
      '/api/orgs/:org/meetings/:meetingId/goals',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'The open goals of a 1:1’s two people that you may see, to link topics and next steps to',
          params: MeetingParams,
          response: { 200: z.array(GoalView) },
        },
      },
      async (request) => goals.listMeetingGoals(ctx.db, tenantOf(request), request.params.meetingId),
    );
    app.get(
      '/api/orgs/:org/goals/:goalId',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'A goal with its linked topics and next steps, and the progress they suggest',
          params: GoalParams,
          response: { 200: GoalView },
        },
      },
      async (request) => goals.getGoal(ctx.db, tenantOf(request), request.params.goalId),
    );
    app.patch(
      '/api/orgs/:org/goals/:goalId',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Edit a goal, its status or its progress',
          description: 'Setting `status: done` without `progress` sets the progress to 100.',
          params: GoalParams,
          body: GoalUpdateInput,
          response: { 200: GoalView },
        },
      },
      async (request) => goals.updateGoal(ctx.db, tenantOf(request), request.params.goalId, request.body),
    );
    app.delete(
      '/api/orgs/:org/goals/:goalId',
      {
        config: { access: 'org-member' },
        schema: { tags, summary: 'Delete a goal', params: GoalParams, response: { 204: NoContent } },
      },
      async (request, reply) => {
        await goals.deleteGoal(ctx.db, tenantOf(request), request.params.goalId);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/api/orgs/:org/goals/:goalId/links',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary:
            'Link a goal to an agenda item or a next step of a 1:1 you and the goal’s owner take part in',
          params: GoalParams,
          body: GoalLinkInput,
          response: { 201: GoalView },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await goals.addGoalLink(ctx.db, tenantOf(request), request.params.goalId, request.body)),
    );
    app.delete(
      '/api/orgs/:org/goals/:goalId/links/:linkId',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Unlink a topic or next step',
          params: GoalLinkParams,
          response: { 200: GoalView },
        },
      },
      async (request) =>
        goals.deleteGoalLink(ctx.db, tenantOf(request), request.params.goalId, request.params.linkId),
    );
  };
