import type { ServerResponse } from 'node:http';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OrgParams } from '../../../contracts/common.ts';
import {
  AdHocMeetingInput,
  CloseMeetingInput,
  MeetingPage,
  MeetingParams,
  MeetingSummary,
  MeetingsQuery,
  MeetingUpdateInput,
  MyNextSteps,
} from '../../../contracts/meetings.ts';
import { actorOf, tenantOf } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { getOwnMeeting } from './meeting-access.ts';
import { getMeetingPage } from './meeting-page.service.ts';
import { pairOf } from './meeting-page-cache.ts';
import * as meetingsService from './meetings.service.ts';
import { listMyNextSteps } from './next-steps.service.ts';
import { publishChange } from './publish-change.ts';

const tags = ['meetings'];

/** What the route's response schema would make of the page (checked, encoded, JSON), made once. */
const serializeMeetingPage = (page: z.input<typeof MeetingPage>) =>
  Buffer.from(JSON.stringify(z.encode(MeetingPage, page as z.output<typeof MeetingPage>)));
/** Sends JSON made by serializeMeetingPage (a Buffer goes out as it is, unchecked again). */
function sendSerialized(reply: FastifyReply, json: Buffer) {
  return reply.type('application/json; charset=utf-8').send(json);
}

export const meetingRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    // Open event streams are ended at shutdown, so closing the server does not wait on them.
    const streams = new Set<ServerResponse>();
    app.addHook('preClose', async () => {
      for (const stream of streams) stream.end();
    });

    app.get(
      '/api/orgs/:org/meetings',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'My 1:1s: upcoming or past',
          params: OrgParams,
          querystring: MeetingsQuery,
          response: { 200: z.array(MeetingSummary) },
        },
      },
      async (request) => meetingsService.listMyMeetings(ctx.db, tenantOf(request), request.query),
    );

    app.post(
      '/api/orgs/:org/meetings',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Add an ad hoc 1:1',
          params: OrgParams,
          body: AdHocMeetingInput,
          response: { 201: MeetingSummary },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await meetingsService.createAdHocMeeting(ctx.db, tenantOf(request), request.body)),
    );

    app.get(
      '/api/orgs/:org/meetings/:meetingId',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'The meeting page: agenda, status, notes, next steps and what was committed last time',
          description: 'Only the two participants can read it; anyone else, admins included, gets 404.',
          params: MeetingParams,
          response: { 200: MeetingPage },
        },
      },
      async (request, reply) => {
        const tenant = tenantOf(request);
        const key = {
          organizationId: tenant.organizationId,
          meetingId: request.params.meetingId,
          userId: actorOf(request).userId,
          personId: tenant.personId,
        };
        const cached = ctx.meetingPages.find(key);
        // The page as this viewer last had it, checked and serialized then; the policy hook above
        // has already checked the session and membership of this request.
        if (cached) return sendSerialized(reply, cached);
        const ticket = ctx.meetingPages.ticket();
        const page = await getMeetingPage(ctx.db, ctx.sealer, tenant, key.userId, key.meetingId);
        const json = serializeMeetingPage(page);
        ctx.meetingPages.remember(key, ticket, {
          json,
          pair: pairOf({ leaderId: page.meeting.leader.id, reportId: page.meeting.report.id }),
          meetingIds: [page.meeting.id, page.previousMeetingId, page.nextMeetingId],
        });
        return sendSerialized(reply, json);
      },
    );

    app.patch(
      '/api/orgs/:org/meetings/:meetingId',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Move or skip a 1:1',
          params: MeetingParams,
          body: MeetingUpdateInput,
          response: { 200: MeetingSummary },
        },
      },
      async (request) => {
        const updated = await meetingsService.updateMeeting(
          ctx.db,
          tenantOf(request),
          request.params.meetingId,
          request.body,
        );
        await publishChange(ctx, request, updated.id, 'meeting');
        return updated;
      },
    );

    app.post(
      '/api/orgs/:org/meetings/:meetingId/close',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Close a 1:1',
          description: 'Needs at least one next step with an owner and a due date, or `noNextStepsReason`.',
          params: MeetingParams,
          body: CloseMeetingInput,
          response: { 200: MeetingSummary },
        },
      },
      async (request) => {
        const closed = await meetingsService.closeMeeting(
          ctx.db,
          tenantOf(request),
          request.params.meetingId,
          request.body.noNextStepsReason,
        );
        await publishChange(ctx, request, closed.id, 'meeting');
        return closed;
      },
    );

    app.get(
      '/api/orgs/:org/meetings/:meetingId/events',
      {
        config: { access: 'org-member', isLongLived: true },
        schema: {
          tags,
          summary: 'Live changes to this 1:1 as server-sent events',
          description:
            'Each event is `event: change` with data `{meetingId, kind, byPersonId}`; reload the part named by `kind`.',
          params: MeetingParams,
          response: { 200: z.string().describe('text/event-stream') },
        },
      },
      async (request, reply) => {
        const { meeting } = await getOwnMeeting(ctx.db, tenantOf(request), request.params.meetingId);
        reply.hijack();
        const raw = reply.raw;
        raw.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
        });
        raw.write(': connected\n\nretry: 2000\n\n');
        const unsubscribe = ctx.events.subscribe(meeting.id, (event) => {
          // That a private note was written is the author's business alone.
          if (event.kind === 'private-note') return;
          raw.write(`event: change\ndata: ${JSON.stringify(event)}\n\n`);
        });
        // Proxies close idle connections; a comment every 25 s keeps the stream open.
        const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), 25_000);
        streams.add(raw);
        request.raw.on('close', () => {
          clearInterval(heartbeat);
          unsubscribe();
          streams.delete(raw);
        });
      },
    );

    app.get(
      '/api/orgs/:org/next-steps/mine',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'My open next steps across all 1:1s, overdue first, with my follow-through',
          params: OrgParams,
          response: { 200: MyNextSteps },
        },
      },
      async (request) => listMyNextSteps(ctx.db, tenantOf(request)),
    );
  };
