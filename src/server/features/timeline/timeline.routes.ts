import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OrgParams } from '../../../contracts/common.ts';
import {
  SearchQuery,
  SearchResults,
  Timeline,
  TimelineParams,
  TimelineQuery,
} from '../../../contracts/timeline.ts';
import { tenantOf } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { searchMeetings } from './search.service.ts';
import { getTimeline } from './timeline.service.ts';

const tags = ['timeline'];

export const timelineRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/orgs/:org/timeline/:personId',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Memory across meetings: my past 1:1s with one person, latest first',
          description:
            'Each meeting with its topics, next steps, status update and the start of its shared notes. A person you have no 1:1 with answers 404.',
          params: TimelineParams,
          querystring: TimelineQuery,
          response: { 200: Timeline },
        },
      },
      async (request) => getTimeline(ctx.db, tenantOf(request), request.params.personId, request.query),
    );
  };

export const searchRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/orgs/:org/search',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Full-text search across my own 1:1s: agenda, shared notes, status updates, next steps',
          description:
            'Only meetings you are one of the two people of; private notes are never searched. Web-search syntax: words, "a phrase", -word.',
          params: OrgParams,
          querystring: SearchQuery,
          response: { 200: SearchResults },
        },
      },
      async (request) => searchMeetings(ctx.db, tenantOf(request), request.query),
    );
  };
