import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NoContent, OrgParams } from '../../../contracts/common.ts';
import { MeetingTemplateView } from '../../../contracts/meetings.ts';
import { MeetingTemplateInput, TemplateParams } from '../../../contracts/questions.ts';
import { tenantOf } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import * as templates from './meeting-templates.service.ts';

const tags = ['meeting templates'];

export const meetingTemplateRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/orgs/:org/meeting-templates',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'The flows a 1:1 can follow: built-in and the organization’s own',
          params: OrgParams,
          response: { 200: z.array(MeetingTemplateView) },
        },
      },
      async (request) => templates.listTemplates(ctx.db, tenantOf(request)),
    );
    app.post(
      '/api/orgs/:org/meeting-templates',
      {
        config: { access: 'org-admin' },
        schema: {
          tags,
          summary: 'Add a template of the organization’s own',
          description: 'A key already used by a built-in or an existing template answers 409.',
          params: OrgParams,
          body: MeetingTemplateInput,
          response: { 201: MeetingTemplateView },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await templates.createTemplate(ctx.db, tenantOf(request), request.body)),
    );
    app.delete(
      '/api/orgs/:org/meeting-templates/:key',
      {
        config: { access: 'org-admin' },
        schema: {
          tags,
          summary: 'Remove a template of the organization’s own (built-in ones stay)',
          description: 'Meetings that used it show the standard flow from then on; their content stays.',
          params: TemplateParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await templates.deleteTemplate(ctx.db, tenantOf(request), request.params.key);
        return reply.status(204).send(null);
      },
    );
  };
