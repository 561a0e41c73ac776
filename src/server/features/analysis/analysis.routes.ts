import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AnalysisShareInput,
  AnalysisView,
  OrgOnlyParams,
  TranscriptUploadInput,
  TrendQuery,
  TrendView,
} from '../../../contracts/analysis.ts';
import { NoContent } from '../../../contracts/common.ts';
import { MeetingParams } from '../../../contracts/meetings.ts';
import { tenantOf } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { publishChange } from '../meetings/publish-change.ts';
import * as analysis from './analysis.service.ts';

const tags = ['coaching analysis'];

export const analysisRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.put(
      '/api/orgs/:org/meetings/:meetingId/transcript',
      {
        config: { access: 'org-member' },
        bodyLimit: 15 * 1024 * 1024,
        schema: {
          tags,
          summary: 'Upload the meeting’s transcript and analyse it',
          description:
            'WebVTT (Zoom, Teams), SRT, a Google Meet copy or plain `Name: text` lines, as `text` or as the file `base64`. `consent: true` records that both participants agreed. A file that cannot be read answers 422 with the line and stores nothing. The analysis runs on this server; no text leaves it.',
          params: MeetingParams,
          body: TranscriptUploadInput,
          response: { 200: AnalysisView },
        },
      },
      async (request) => {
        const result = await analysis.uploadTranscript(
          ctx.db,
          tenantOf(request),
          request.params.meetingId,
          request.body,
        );
        await publishChange(ctx, request, request.params.meetingId, 'analysis');
        return result;
      },
    );
    app.delete(
      '/api/orgs/:org/meetings/:meetingId/transcript',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Delete the transcript (either participant); the figures stay, the quotes go',
          params: MeetingParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await analysis.deleteTranscript(ctx.db, tenantOf(request), request.params.meetingId);
        await publishChange(ctx, request, request.params.meetingId, 'analysis');
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/api/orgs/:org/meetings/:meetingId/analysis',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'The coaching report of a 1:1',
          description:
            'The leader sees it all; the report sees the topics and next steps, and the score once the leader shares it.',
          params: MeetingParams,
          response: { 200: AnalysisView },
        },
      },
      async (request) => analysis.getAnalysis(ctx.db, tenantOf(request), request.params.meetingId),
    );
    app.post(
      '/api/orgs/:org/meetings/:meetingId/analysis',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary:
            'Analyse the 1:1 again from what it has (its transcript, else agenda, notes and next steps)',
          params: MeetingParams,
          response: { 200: AnalysisView },
        },
      },
      async (request) => {
        const result = await analysis.analyzeStoredMeeting(
          ctx.db,
          tenantOf(request),
          request.params.meetingId,
        );
        await publishChange(ctx, request, request.params.meetingId, 'analysis');
        return result;
      },
    );
    app.patch(
      '/api/orgs/:org/meetings/:meetingId/analysis',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'The leader shares (or stops sharing) the score with the report',
          params: MeetingParams,
          body: AnalysisShareInput,
          response: { 200: AnalysisView },
        },
      },
      async (request) => {
        const result = await analysis.setShared(
          ctx.db,
          tenantOf(request),
          request.params.meetingId,
          request.body.isSharedWithReport,
        );
        await publishChange(ctx, request, request.params.meetingId, 'analysis');
        return result;
      },
    );
    app.get(
      '/api/orgs/:org/coaching/trend',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'A leader’s coaching scores over their last analysed 1:1s',
          description: 'For the leader and their manager chain; figures only, never meeting content.',
          params: OrgOnlyParams,
          querystring: TrendQuery,
          response: { 200: TrendView },
        },
      },
      async (request) => analysis.getTrend(ctx.db, tenantOf(request), request.query),
    );
  };
