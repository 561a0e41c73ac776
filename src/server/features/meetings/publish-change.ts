import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { MeetingEvent } from '../../events/event-bus.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** This write changed a 1:1 and said so; other writes drop this server's meeting pages. */
    hasPublishedMeetingChange: boolean;
  }
}

/**
 * Tells the other participant's open page that something changed, and every app server's cache of
 * the pair's pages; a failed notify never fails the write. This server's cache is dropped before
 * the answer leaves, so the writer's next read shows the change whichever way the event travels.
 */
export async function publishChange(
  ctx: AppContext,
  request: FastifyRequest,
  meetingId: string,
  kind: MeetingEvent['kind'],
) {
  const event: MeetingEvent = { meetingId, kind, byPersonId: request.tenant?.personId ?? null };
  ctx.meetingPages.forget(event);
  request.hasPublishedMeetingChange = true;
  try {
    await ctx.events.publish(event);
  } catch (error) {
    request.log.warn({ err: error, meetingId }, 'could not publish a live update');
  }
}
