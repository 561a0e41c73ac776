import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HealthView } from '../../../contracts/health.ts';
import { AppError } from '../../../core/errors.ts';
import type { AppContext } from '../../context.ts';

export const healthRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/health',
      {
        config: { access: 'public' },
        schema: {
          tags: ['health'],
          summary: 'Whether the server and its database answer',
          response: { 200: HealthView },
        },
      },
      async () => {
        if (!(await ctx.database.ping()))
          throw new AppError('DATABASE_UNAVAILABLE', 'The database does not answer.');
        return { status: 'ok' as const, database: ctx.database.kind, version: ctx.version };
      },
    );
  };
