import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { MeetingEvent } from '../../events/event-bus.ts';

/** Tells the other participant's open page that something changed; a failed notify never fails the write. */
export async function publishChange(
  ctx: AppContext,
  request: FastifyRequest,
  meetingId: string,
  kind: MeetingEvent['kind'],
) {
  try {
    await ctx.events.publish({ meetingId, kind, byPersonId: request.tenant?.personId ?? null });
  } catch (error) {
    request.log.warn({ err: error, meetingId }, 'could not publish a live update');
  }
}
