import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CalendarFeedCreated,
  CalendarFeedView,
  CalendarText,
  CalendarTokenParams,
} from '../../../contracts/calendar.ts';
import { NoContent, OrgParams } from '../../../contracts/common.ts';
import { MeetingParams } from '../../../contracts/meetings.ts';
import { tenantOf } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { auditSourceOf } from '../audit/audit.service.ts';
import { buildMeetingFile, buildPersonFeed } from './calendar-events.service.ts';
import * as feeds from './calendar-feeds.service.ts';

const tags = ['calendar'];
const CALENDAR_TYPE = 'text/calendar; charset=utf-8';

export const calendarRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/orgs/:org/calendar-feed',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Create my private calendar feed, replacing (and revoking) the one I had',
          description:
            'The answer is the only time the feed URL is shown. Anyone holding the URL can read the times and names of my 1:1s, never their content.',
          params: OrgParams,
          response: { 201: CalendarFeedCreated },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await feeds.createCalendarFeed(ctx.db, tenantOf(request), ctx.publicUrl, auditSourceOf(request)),
          ),
    );
    app.get(
      '/api/orgs/:org/calendar-feed',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Whether I have a calendar feed (never its URL)',
          params: OrgParams,
          response: { 200: CalendarFeedView },
        },
      },
      async (request) => feeds.findCalendarFeed(ctx.db, tenantOf(request)),
    );
    app.delete(
      '/api/orgs/:org/calendar-feed',
      {
        config: { access: 'org-member' },
        schema: { tags, summary: 'Revoke my calendar feed', params: OrgParams, response: { 204: NoContent } },
      },
      async (request, reply) => {
        await feeds.revokeCalendarFeed(ctx.db, tenantOf(request));
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/api/calendar/:token.ics',
      {
        // The secret in the URL is the credential: calendar apps cannot sign in.
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'A private iCalendar feed of one person’s 1:1s (last 30 days, next 180)',
          description: 'Skipped 1:1s are listed as cancelled. An unknown or revoked token answers 404.',
          params: CalendarTokenParams,
          response: { 200: CalendarText, 304: NoContent.describe('The feed is unchanged since that ETag') },
        },
      },
      async (request, reply) => {
        const owner = await feeds.getFeedOwner(ctx.db, request.params.token);
        const text = await buildPersonFeed(ctx.db, owner, ctx.publicUrl);
        // Calendar apps poll; an unchanged feed is answered with 304 and no body.
        const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
        reply.header('etag', etag).header('cache-control', 'private, no-cache');
        if (request.headers['if-none-match'] === etag) return reply.status(304).send(null);
        return reply.type(CALENDAR_TYPE).send(text);
      },
    );
    app.get(
      '/api/orgs/:org/meetings/:meetingId/ics',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Download one of my 1:1s as an .ics file',
          params: MeetingParams,
          response: { 200: CalendarText },
        },
      },
      async (request, reply) => {
        const file = await buildMeetingFile(
          ctx.db,
          tenantOf(request),
          request.params.meetingId,
          ctx.publicUrl,
          auditSourceOf(request),
        );
        return reply
          .type(CALENDAR_TYPE)
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .send(file.text);
      },
    );
  };
