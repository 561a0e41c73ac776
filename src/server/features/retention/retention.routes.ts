import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OrgParams } from '../../../contracts/common.ts';
import { RetentionSettingsInput, RetentionSettingsView } from '../../../contracts/retention.ts';
import { tenantOf } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { recordRequestEvent } from '../audit/audit.service.ts';
import * as retention from './retention.service.ts';

const tags = ['settings'];

export const retentionRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/orgs/:org/settings/retention',
      {
        config: { access: 'org-owner' },
        schema: {
          tags,
          summary: 'How long the organization keeps transcripts',
          params: OrgParams,
          response: { 200: RetentionSettingsView },
        },
      },
      async (request) => retention.getRetention(ctx.db, tenantOf(request)),
    );

    app.put(
      '/api/orgs/:org/settings/retention',
      {
        config: { access: 'org-owner' },
        schema: {
          tags,
          summary: 'Delete transcripts older than a number of days (null keeps them)',
          description:
            'Counted from the day of the 1:1. The periodic sweep of every app server (and `tandem retention`) deletes older transcripts; scores, verdicts and other figures of their analyses stay, quotes go.',
          params: OrgParams,
          body: RetentionSettingsInput,
          response: { 200: RetentionSettingsView },
        },
      },
      async (request) => {
        const saved = await retention.setRetention(ctx.db, tenantOf(request), request.body);
        await recordRequestEvent(ctx.db, request, {
          action: 'retention.changed',
          detail: { transcriptDays: saved.transcriptDays },
        });
        return saved;
      },
    );
  };
