import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OrgParams } from '../../../contracts/common.ts';
import {
  SeriesCreateInput,
  SeriesParams,
  SeriesUpdateInput,
  SeriesView,
} from '../../../contracts/meetings.ts';
import { tenantOf } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import * as seriesService from './series.service.ts';

const tags = ['series'];

export const seriesRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/orgs/:org/series',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'My recurring 1:1s (as leader or as report)',
          params: OrgParams,
          response: { 200: z.array(SeriesView) },
        },
      },
      async (request) => seriesService.listMySeries(ctx.db, tenantOf(request)),
    );
    app.post(
      '/api/orgs/:org/series',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Start a recurring 1:1 with one person; the next meetings are generated at once',
          description:
            'Cadence weekly, biweekly, monthly (same weekday of the month) or custom with an RFC 5545 RRULE. Times stay at the same wall-clock time in `timeZone` across daylight-saving changes.',
          params: OrgParams,
          body: SeriesCreateInput,
          response: { 201: SeriesView },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await seriesService.createSeries(ctx.db, tenantOf(request), request.body)),
    );
    app.patch(
      '/api/orgs/:org/series/:seriesId',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Change a series: schedule, template, hand it to a new leader, or stop it',
          params: SeriesParams,
          body: SeriesUpdateInput,
          response: { 200: SeriesView },
        },
      },
      async (request) =>
        seriesService.updateSeries(ctx.db, tenantOf(request), request.params.seriesId, request.body),
    );
  };
