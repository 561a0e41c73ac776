import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ModuleParams,
  PracticeSessionParams,
  PracticeSessionView,
  PracticeTurnInput,
  PracticeTurnView,
} from '../../../contracts/academy.ts';
import { actorOf, tenantOf } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import * as practice from './practice.service.ts';

const tags = ['leader academy'];
const privacy =
  'A role-play and its transcript are readable only by the learner who started it; cohort owners and admins see its score alone.';

export const practiceRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/orgs/:org/academy/modules/:moduleId/practice',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Start a role-play of the module: the simulated report speaks first',
          description: privacy,
          params: ModuleParams,
          response: { 201: PracticeSessionView },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await practice.startSession(
              ctx.db,
              tenantOf(request),
              actorOf(request).userId,
              request.params.moduleId,
            ),
          ),
    );
    app.get(
      '/api/orgs/:org/academy/practice/:sessionId',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'One of my role-plays: its transcript, and its score once it has ended',
          description: privacy,
          params: PracticeSessionParams,
          response: { 200: PracticeSessionView },
        },
      },
      async (request) =>
        practice.getSession(ctx.db, tenantOf(request), actorOf(request).userId, request.params.sessionId),
    );
    app.post(
      '/api/orgs/:org/academy/practice/:sessionId/turns',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Say a line in the role-play: how it was read, the feedback, and the report’s reply',
          description: `The line is classified at once (open or closed question, reflection, telling) and steers the report. When the role-play ends, it is scored by the same analyser as real 1:1s and the best score goes into my progress; a finished role-play answers 409. ${privacy}`,
          params: PracticeSessionParams,
          body: PracticeTurnInput,
          response: { 200: PracticeTurnView },
        },
      },
      async (request) =>
        practice.takeTurn(
          ctx.db,
          tenantOf(request),
          actorOf(request).userId,
          request.params.sessionId,
          request.body.line,
        ),
    );
  };
