import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NoContent, OrgParams } from '../../../contracts/common.ts';
import {
  CustomQuestionInput,
  QuestionParams,
  QuestionsQuery,
  QuestionView,
  SuggestionsQuery,
} from '../../../contracts/questions.ts';
import { actorOf, tenantOf } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import * as questions from './questions.service.ts';

const tags = ['questions'];

export const questionRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/orgs/:org/questions',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Search the coaching question bank: the shipped questions and the organization’s own',
          description:
            'Every given criterion must hold; with `q`, the best matches come first. Without it, the organization’s own questions come first.',
          params: OrgParams,
          querystring: QuestionsQuery,
          response: { 200: z.array(QuestionView) },
        },
      },
      async (request) => questions.searchBank(ctx.db, tenantOf(request), request.query),
    );
    app.get(
      '/api/orgs/:org/questions/suggestions',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'A few questions to ask about an agenda item, spread over the GROW stages',
          description: 'The same item always gets the same questions; its words steer the choice.',
          params: OrgParams,
          querystring: SuggestionsQuery,
          response: { 200: z.array(QuestionView) },
        },
      },
      async (request) => questions.suggestForAgendaItem(ctx.db, tenantOf(request), request.query),
    );
    app.post(
      '/api/orgs/:org/questions',
      {
        config: { access: 'org-admin' },
        schema: {
          tags,
          summary: 'Add a question of the organization’s own to its bank',
          description: 'It must be open: a question that can be answered with yes or no is refused (400).',
          params: OrgParams,
          body: CustomQuestionInput,
          response: { 201: QuestionView },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await questions.addCustomQuestion(
              ctx.db,
              tenantOf(request),
              actorOf(request).userId,
              request.body,
            ),
          ),
    );
    app.delete(
      '/api/orgs/:org/questions/:questionId',
      {
        config: { access: 'org-admin' },
        schema: {
          tags,
          summary: 'Remove a question of the organization’s own (shipped ones stay)',
          params: QuestionParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await questions.deleteCustomQuestion(ctx.db, tenantOf(request), request.params.questionId);
        return reply.status(204).send(null);
      },
    );
  };
