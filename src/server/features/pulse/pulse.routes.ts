import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NoContent, OrgParams } from '../../../contracts/common.ts';
import {
  PulseAnswerInput,
  PulseFormView,
  PulseLeadView,
  PulseResultsQuery,
  PulseResultsView,
  PulseRoundParams,
  PulseSurveyInput,
  PulseSurveyParams,
  PulseSurveyUpdate,
  PulseSurveyView,
  PulseTokenParams,
} from '../../../contracts/pulse.ts';
import { tenantOf } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { auditSourceOf } from '../audit/audit.service.ts';
import * as answers from './pulse-answers.service.ts';
import * as results from './pulse-results.service.ts';
import * as surveys from './pulse-surveys.service.ts';

const tags = ['culture pulse'];
const anonymity =
  'Answers are stored without the person (only their team group); figures appear once a round has closed with five or more respondents, and no route returns one person’s answers.';

export const pulseRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/orgs/:org/pulse/surveys',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Schedule a team pulse and open its first round',
          description: `Admins for any team, managers for themselves and leaders in their tree. Everyone in scope (never the lead) is mailed a personal link. A scope of fewer than five people is refused. ${anonymity}`,
          params: OrgParams,
          body: PulseSurveyInput,
          response: { 201: PulseSurveyView },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await surveys.createSurvey(ctx, tenantOf(request), request.body)),
    );
    app.get(
      '/api/orgs/:org/pulse/surveys',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'The pulses the caller may read (their team’s, their tree’s; all for admins)',
          params: OrgParams,
          response: { 200: z.array(PulseSurveyView) },
        },
      },
      async (request) => surveys.listSurveys(ctx.db, tenantOf(request)),
    );
    app.patch(
      '/api/orgs/:org/pulse/surveys/:surveyId',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Rename a pulse, or stop (or resume) its later rounds',
          params: PulseSurveyParams,
          body: PulseSurveyUpdate,
          response: { 200: PulseSurveyView },
        },
      },
      async (request) =>
        surveys.updateSurvey(ctx.db, tenantOf(request), request.params.surveyId, request.body),
    );
    app.get(
      '/api/orgs/:org/pulse/surveys/:surveyId/results',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'A pulse’s results per round: the trend, team cuts and free text',
          description: `For the team’s lead, their manager chain and admins. ${anonymity} \`?group=\` narrows to one team and answers 400 when that team could not be shown without isolating fewer than five people.`,
          params: PulseSurveyParams,
          querystring: PulseResultsQuery,
          response: { 200: PulseResultsView },
        },
      },
      async (request) =>
        results.getResults(
          ctx.db,
          tenantOf(request),
          request.params.surveyId,
          request.query,
          auditSourceOf(request),
        ),
    );
    app.post(
      '/api/orgs/:org/pulse/rounds/:roundId/close',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Close an open round now, so its results can be read',
          params: PulseRoundParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await surveys.closeRound(ctx.db, tenantOf(request), request.params.roundId);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/api/orgs/:org/pulse/leads',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'The leaders the caller may schedule a pulse for, with how many each scope asks',
          params: OrgParams,
          response: { 200: z.array(PulseLeadView) },
        },
      },
      async (request) => surveys.listLeads(ctx.db, tenantOf(request)),
    );
    app.get(
      '/api/orgs/:org/pulse/open',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'The pulse rounds open now that ask the caller, with their questions',
          params: OrgParams,
          response: { 200: z.array(PulseFormView) },
        },
      },
      async (request) => answers.listOpenRounds(ctx.db, tenantOf(request)),
    );
    app.post(
      '/api/orgs/:org/pulse/rounds/:roundId/answer',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Answer a pulse round in the app',
          description: `409 when already answered (here or through the mailed link), 410 when the round has closed. ${anonymity}`,
          params: PulseRoundParams,
          body: PulseAnswerInput,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await answers.answerInApp(ctx.db, tenantOf(request), request.params.roundId, request.body.answers);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/api/pulse/:token',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'The questions behind a mailed pulse link (the token is the credential)',
          description: '404 for an unknown link, 410 once the round has closed.',
          params: PulseTokenParams,
          response: { 200: PulseFormView },
        },
      },
      async (request) => answers.getFormByToken(ctx.db, request.params.token),
    );
    app.post(
      '/api/pulse/:token',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Answer a pulse round through its mailed link',
          description: `409 when already answered, 410 when the round has closed. ${anonymity}`,
          params: PulseTokenParams,
          body: PulseAnswerInput,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await answers.answerByToken(ctx.db, request.params.token, request.body.answers);
        return reply.status(204).send(null);
      },
    );
  };
