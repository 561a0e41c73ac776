import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OrgParams } from '../../../contracts/common.ts';
import { PersonalExport } from '../../../contracts/personal-data.ts';
import { actorOf, tenantOf } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { recordRequestEvent } from '../audit/audit.service.ts';
import { exportPersonalData } from './personal-export.service.ts';

const tags = ['account'];
const description =
  'Your account, and in each organization: your directory entry, the 1:1s you took part in (agenda, status updates, shared notes, next steps, and your own private notes, opened), the coaching analyses you may read, your goals, development plan, assessments, Academy progress and notification preferences. Pulse answers are anonymous by design and are not included; nor is anyone else’s private note.';

export const personalDataRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/me/export',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'Download all my data, in every organization, as JSON',
          description,
          response: { 200: PersonalExport },
        },
      },
      async (request, reply) => {
        const exported = await exportPersonalData(ctx.db, ctx.sealer, actorOf(request).userId);
        await recordRequestEvent(ctx.db, request, {
          organizationId: null,
          action: 'export.personal_data',
          subjectType: 'user',
          subjectId: actorOf(request).userId,
          detail: { organizations: exported.organizations.length },
        });
        return reply
          .header('content-disposition', 'attachment; filename="tandem-my-data.json"')
          .send(exported);
      },
    );

    app.get(
      '/api/orgs/:org/me/export',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Download all my data in this organization as JSON',
          description,
          params: OrgParams,
          response: { 200: PersonalExport },
        },
      },
      async (request, reply) => {
        const tenant = tenantOf(request);
        const exported = await exportPersonalData(ctx.db, ctx.sealer, actorOf(request).userId, tenant.slug);
        await recordRequestEvent(ctx.db, request, {
          action: 'export.personal_data',
          subjectType: 'user',
          subjectId: actorOf(request).userId,
        });
        return reply
          .header('content-disposition', `attachment; filename="tandem-my-data-${tenant.slug}.json"`)
          .send(exported);
      },
    );
  };
