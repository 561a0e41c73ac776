import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NoContent } from '../../../contracts/common.ts';
import {
  AgendaItemCreateInput,
  AgendaItemParams,
  AgendaItemUpdateInput,
  AgendaItemView,
  AgendaReorderInput,
  MeetingParams,
} from '../../../contracts/meetings.ts';
import { tenantOf } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import * as agenda from './agenda.service.ts';
import { publishChange } from './publish-change.ts';

const tags = ['agenda'];

export const agendaRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/orgs/:org/meetings/:meetingId/agenda',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Add a topic to the shared agenda (type guessed when absent)',
          params: MeetingParams,
          body: AgendaItemCreateInput,
          response: { 201: AgendaItemView },
        },
      },
      async (request, reply) => {
        const item = await agenda.addAgendaItem(
          ctx.db,
          tenantOf(request),
          request.params.meetingId,
          request.body,
        );
        await publishChange(ctx, request, request.params.meetingId, 'agenda');
        return reply.status(201).send(item);
      },
    );
    app.patch(
      '/api/orgs/:org/meetings/:meetingId/agenda/:itemId',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Edit a topic, change its type, or mark it covered',
          params: AgendaItemParams,
          body: AgendaItemUpdateInput,
          response: { 200: AgendaItemView },
        },
      },
      async (request) => {
        const item = await agenda.updateAgendaItem(
          ctx.db,
          tenantOf(request),
          request.params.meetingId,
          request.params.itemId,
          request.body,
        );
        await publishChange(ctx, request, request.params.meetingId, 'agenda');
        return item;
      },
    );
    app.delete(
      '/api/orgs/:org/meetings/:meetingId/agenda/:itemId',
      {
        config: { access: 'org-member' },
        schema: { tags, summary: 'Remove a topic', params: AgendaItemParams, response: { 204: NoContent } },
      },
      async (request, reply) => {
        await agenda.deleteAgendaItem(
          ctx.db,
          tenantOf(request),
          request.params.meetingId,
          request.params.itemId,
        );
        await publishChange(ctx, request, request.params.meetingId, 'agenda');
        return reply.status(204).send(null);
      },
    );
    app.put(
      '/api/orgs/:org/meetings/:meetingId/agenda/order',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Reorder the agenda',
          params: MeetingParams,
          body: AgendaReorderInput,
          response: { 200: z.array(AgendaItemView) },
        },
      },
      async (request) => {
        const items = await agenda.reorderAgenda(
          ctx.db,
          tenantOf(request),
          request.params.meetingId,
          request.body.itemIds,
        );
        await publishChange(ctx, request, request.params.meetingId, 'agenda');
        return items;
      },
    );
  };
