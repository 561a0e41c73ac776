import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CsvText,
  DashboardView,
  HtmlText,
  InsightsCsvQuery,
  InsightsParams,
  InsightsQuery,
  LeaderInsightsParams,
  LeaderInsightsQuery,
  LeaderInsightsView,
} from '../../../contracts/insights.ts';
import { tenantOf } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { auditSourceOf } from '../audit/audit.service.ts';
import { getDashboard } from './dashboard.service.ts';
import { exportDashboard } from './dashboard-export.ts';
import { getLeaderInsights } from './leader-insights.service.ts';

const tags = ['insights'];
const treeRule =
  'Your own reporting tree, or someone’s below you; admins and owners too (their role opens no other tree). Any other tree answers 404. Figures only: no meeting title, note, quote or transcript.';

export const insightsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/orgs/:org/insights/dashboard',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'The executive dashboard of a reporting tree',
          description: `${treeRule} Pulse figures come from the pulse results, with their five-person rule.`,
          params: InsightsParams,
          querystring: InsightsQuery,
          response: { 200: DashboardView },
        },
      },
      async (request) => getDashboard(ctx.db, tenantOf(request), request.query),
    );
    app.get(
      '/api/orgs/:org/insights/dashboard.csv',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'One chart of the dashboard as CSV',
          description: treeRule,
          params: InsightsParams,
          querystring: InsightsCsvQuery,
          response: { 200: CsvText },
        },
      },
      async (request, reply) => {
        const { section, ...query } = request.query;
        const csv = await exportDashboard(
          ctx.db,
          tenantOf(request),
          query,
          { kind: 'csv', section },
          auditSourceOf(request),
        );
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="tandem-${section}.csv"`)
          .send(csv);
      },
    );
    app.get(
      '/api/orgs/:org/insights/report',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'A printable one-page report of the dashboard for a leadership review',
          description: treeRule,
          params: InsightsParams,
          querystring: InsightsQuery,
          response: { 200: HtmlText },
        },
      },
      async (request, reply) => {
        const html = await exportDashboard(
          ctx.db,
          tenantOf(request),
          request.query,
          { kind: 'report' },
          auditSourceOf(request),
        );
        return reply.type('text/html; charset=utf-8').send(html);
      },
    );
    app.get(
      '/api/orgs/:org/insights/leaders/:personId',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'One leader’s coaching figures over the weeks',
          description:
            'For the leader and their manager chain (admins too see only their own chain): score trend, verdicts, ask:tell, talk share, follow-through and cadence kept. Never notes, titles or quotes.',
          params: LeaderInsightsParams,
          querystring: LeaderInsightsQuery,
          response: { 200: LeaderInsightsView },
        },
      },
      async (request) => getLeaderInsights(ctx.db, tenantOf(request), request.params.personId, request.query),
    );
  };
