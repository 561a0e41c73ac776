import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiTokenCreated,
  ApiTokenCreateInput,
  ApiTokenView,
  TokenIdParams,
} from '../../../contracts/accounts.ts';
import { NoContent } from '../../../contracts/common.ts';
import { actorOf } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { createApiTokenAudited, listApiTokens, revokeApiTokenAudited } from './tokens.service.ts';

const tags = ['tokens'];

export const tokenRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/tokens',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'Your personal API tokens (never the tokens themselves)',
          response: { 200: z.array(ApiTokenView) },
        },
      },
      async (request) => listApiTokens(ctx.db, actorOf(request).userId),
    );
    app.post(
      '/api/tokens',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'Create a personal API token; the answer is the only time the token is shown',
          body: ApiTokenCreateInput,
          response: { 201: ApiTokenCreated },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createApiTokenAudited(ctx.db, request, request.body.name)),
    );
    app.delete(
      '/api/tokens/:tokenId',
      {
        config: { access: 'signed-in' },
        schema: { tags, summary: 'Revoke a token', params: TokenIdParams, response: { 204: NoContent } },
      },
      async (request, reply) => {
        await revokeApiTokenAudited(ctx.db, request, request.params.tokenId);
        return reply.status(204).send(null);
      },
    );
  };
