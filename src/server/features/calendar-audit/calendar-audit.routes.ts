import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CalendarAuditEventInput,
  CalendarAuditEventParams,
  CalendarAuditEventView,
  CalendarAuditImported,
  CalendarAuditInput,
  CalendarAuditListItem,
  CalendarAuditParams,
  CalendarAuditSummary,
} from '../../../contracts/calendar-audit.ts';
import { NoContent, OrgParams } from '../../../contracts/common.ts';
import { tenantOf } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import * as audits from './calendar-audit.service.ts';

const tags = ['calendar audit'];
const ownerOnly = 'Only the leader who imported it; anyone else, admins included, gets 404.';

export const calendarAuditRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const trustedHttpHosts = ctx.env.TANDEM_CALENDAR_FEED_HTTP_HOSTS.split(',')
      .map((host) => host.trim())
      .filter(Boolean);

    app.post(
      '/api/orgs/:org/calendar-audits',
      {
        config: { access: 'org-member' },
        bodyLimit: 15 * 1024 * 1024,
        schema: {
          tags,
          summary: 'Import my calendar and classify every event of a period',
          description:
            'An .ics export (Google Calendar, Outlook) as `text` or `base64`, up to 10 MB, or a feed `url` (https). The period defaults to the four whole weeks before this one. Recurring events are expanded (RRULE, EXDATE, moved instances, time zones); declined, cancelled and all-day events are left out and counted in `leftOut`. A file that cannot be read answers 422 with the line and stores nothing.',
          params: OrgParams,
          body: CalendarAuditInput,
          response: { 201: CalendarAuditImported },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await audits.importCalendarAudit(ctx.db, tenantOf(request), request.body, { trustedHttpHosts }),
          ),
    );

    app.get(
      '/api/orgs/:org/calendar-audits',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'My calendar audits, newest first',
          params: OrgParams,
          response: { 200: z.array(CalendarAuditListItem) },
        },
      },
      async (request) => audits.listMyAudits(ctx.db, tenantOf(request)),
    );

    app.get(
      '/api/orgs/:org/calendar-audits/:auditId',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Hours by class per week, the coaching share and the change from week to week',
          description: `The coaching share is the hours of 1:1s whose Tandem analysis says coaching, over all meeting hours. ${ownerOnly}`,
          params: CalendarAuditParams,
          response: { 200: CalendarAuditSummary },
        },
      },
      async (request) => audits.getAuditSummary(ctx.db, tenantOf(request), request.params.auditId),
    );

    app.get(
      '/api/orgs/:org/calendar-audits/:auditId/events',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'The audit’s events with their class and the rule that chose it',
          description: ownerOnly,
          params: CalendarAuditParams,
          response: { 200: z.array(CalendarAuditEventView) },
        },
      },
      async (request) => audits.listEvents(ctx.db, tenantOf(request), request.params.auditId),
    );

    app.patch(
      '/api/orgs/:org/calendar-audits/:auditId/events/:eventId',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Class an event by hand; the summary follows',
          description: ownerOnly,
          params: CalendarAuditEventParams,
          body: CalendarAuditEventInput,
          response: { 200: CalendarAuditEventView },
        },
      },
      async (request) =>
        audits.reclassifyEvent(
          ctx.db,
          tenantOf(request),
          request.params.auditId,
          request.params.eventId,
          request.body.eventClass,
        ),
    );

    app.delete(
      '/api/orgs/:org/calendar-audits/:auditId',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Delete a calendar audit and all its events',
          description: ownerOnly,
          params: CalendarAuditParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await audits.deleteAudit(ctx.db, tenantOf(request), request.params.auditId);
        return reply.status(204).send(null);
      },
    );
  };
