import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  MeetingParams,
  PrivateNoteInput,
  PrivateNoteView,
  SharedNotesInput,
  SharedNotesView,
  StatusUpdateInput,
  StatusUpdateView,
} from '../../../contracts/meetings.ts';
import { actorOf, tenantOf } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import * as notes from './notes.service.ts';
import { publishChange } from './publish-change.ts';

const tags = ['notes'];

export const notesRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.put(
      '/api/orgs/:org/meetings/:meetingId/status-update',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'The report’s async status update (wins, in progress, blocked)',
          params: MeetingParams,
          body: StatusUpdateInput,
          response: { 200: StatusUpdateView },
        },
      },
      async (request) => {
        const saved = await notes.saveStatusUpdate(
          ctx.db,
          tenantOf(request),
          request.params.meetingId,
          request.body,
        );
        await publishChange(ctx, request, request.params.meetingId, 'status');
        return saved;
      },
    );
    app.put(
      '/api/orgs/:org/meetings/:meetingId/notes/shared',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Save the shared notes (Markdown), if nobody saved since `baseVersion`',
          description:
            'A newer version on the server answers 409 CONFLICT with `current` (body, version) to merge into.',
          params: MeetingParams,
          body: SharedNotesInput,
          response: { 200: SharedNotesView },
        },
      },
      async (request) => {
        const saved = await notes.saveSharedNotes(
          ctx.db,
          tenantOf(request),
          request.params.meetingId,
          request.body.body,
          request.body.baseVersion,
        );
        await publishChange(ctx, request, request.params.meetingId, 'notes');
        return saved;
      },
    );
    app.get(
      '/api/orgs/:org/meetings/:meetingId/notes/private',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'My private note on this 1:1 (only its author can read it)',
          params: MeetingParams,
          response: { 200: PrivateNoteView },
        },
      },
      async (request) =>
        notes.readPrivateNote(
          ctx.db,
          ctx.sealer,
          tenantOf(request),
          actorOf(request).userId,
          request.params.meetingId,
        ),
    );
    app.put(
      '/api/orgs/:org/meetings/:meetingId/notes/private',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Save my private note (encrypted at rest)',
          params: MeetingParams,
          body: PrivateNoteInput,
          response: { 200: PrivateNoteView },
        },
      },
      async (request) => {
        const saved = await notes.savePrivateNote(
          ctx.db,
          ctx.sealer,
          tenantOf(request),
          actorOf(request).userId,
          request.params.meetingId,
          request.body.body,
        );
        // For the caches of every app server only: the other participant's page never hears of it.
        await publishChange(ctx, request, request.params.meetingId, 'private-note');
        return saved;
      },
    );
  };
