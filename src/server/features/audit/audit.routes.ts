import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditEventsPage, AuditEventsQuery, AuditParams } from '../../../contracts/audit.ts';
import { tenantOf } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { listAuditEvents } from './audit.service.ts';

const tags = ['audit'];

export const auditRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/orgs/:org/audit-events',
      {
        config: { access: 'org-owner' },
        schema: {
          tags,
          summary:
            "The organization's audit log, newest first: sign-ins and token use of its members, exports, role changes, invitations, and admins' reads of other people's data",
          params: AuditParams,
          querystring: AuditEventsQuery,
          response: { 200: AuditEventsPage },
        },
      },
      async (request) => listAuditEvents(ctx.db, tenantOf(request), request.query),
    );
  };
