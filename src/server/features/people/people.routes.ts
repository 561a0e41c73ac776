import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OrgParams } from '../../../contracts/common.ts';
import {
  OrgChartView,
  PeopleImportInput,
  PeopleImportResult,
  PeoplePage,
  PeopleQuery,
  PersonCreateInput,
  PersonErasureResult,
  PersonParams,
  PersonUpdateInput,
  PersonView,
} from '../../../contracts/people.ts';
import { tenantOf } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { recordRequestEvent } from '../audit/audit.service.ts';
import * as peopleService from './people.service.ts';
import { erasePerson } from './person-erasure.service.ts';

const tags = ['people'];

export const peopleRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/orgs/:org/people',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'The directory, searchable by name, email or title',
          params: OrgParams,
          querystring: PeopleQuery,
          response: { 200: PeoplePage },
        },
      },
      async (request) => peopleService.listPeople(ctx.db, tenantOf(request), request.query),
    );

    app.post(
      '/api/orgs/:org/people',
      {
        config: { access: 'org-admin' },
        schema: {
          tags,
          summary: 'Add a person to the directory',
          params: OrgParams,
          body: PersonCreateInput,
          response: { 201: PersonView },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await peopleService.createPerson(ctx.db, tenantOf(request), request.body)),
    );

    app.get(
      '/api/orgs/:org/people/:personId',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'One person of the directory',
          params: PersonParams,
          response: { 200: PersonView },
        },
      },
      async (request) => peopleService.getPerson(ctx.db, tenantOf(request), request.params.personId),
    );

    app.patch(
      '/api/orgs/:org/people/:personId',
      {
        config: { access: 'org-admin' },
        schema: {
          tags,
          summary: 'Change a person (title, manager, …)',
          params: PersonParams,
          body: PersonUpdateInput,
          response: { 200: PersonView },
        },
      },
      async (request) =>
        peopleService.updatePerson(ctx.db, tenantOf(request), request.params.personId, request.body),
    );

    app.delete(
      '/api/orgs/:org/people/:personId',
      {
        config: { access: 'org-admin' },
        schema: {
          tags,
          summary: 'Delete a person: their own data goes, the anonymous figures stay',
          description:
            'Deletes the private notes they wrote, the transcripts of their 1:1s (and the quotes analyses took from them), their role-plays, calendar audits and feeds, goals, development plan and assessment comments; replaces their name with “Former member” and their address with a placeholder; ends their membership of this organization and their 1:1 series. Their reports move up to their manager. Meetings, analysis scores and verdicts, next steps, assessment ratings, Academy progress and pulse answers (anonymous) stay, so figures still add up. Their account is not deleted (it may belong to other organizations). Only an owner deletes an owner; nobody deletes themself or the last owner.',
          params: PersonParams,
          response: { 200: PersonErasureResult },
        },
      },
      async (request) => {
        const erased = await erasePerson(ctx.db, tenantOf(request), request.params.personId);
        await recordRequestEvent(ctx.db, request, {
          action: 'person.erased',
          subjectType: 'person',
          subjectId: erased.personId,
          detail: { transcripts: erased.transcripts, privateNotes: erased.privateNotes },
        });
        return erased;
      },
    );

    app.get(
      '/api/orgs/:org/org-chart',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Reporting lines as a tree',
          params: OrgParams,
          response: { 200: OrgChartView },
        },
      },
      async (request) => peopleService.getOrgChart(ctx.db, tenantOf(request)),
    );

    app.post(
      '/api/orgs/:org/people/import',
      {
        config: { access: 'org-admin' },
        bodyLimit: 11 * 1024 * 1024,
        schema: {
          tags,
          summary: 'Import people and reporting lines from CSV',
          description:
            'Header: `email,name,title,manager_email,start_date,time_zone`. The whole file is validated first; any problem answers 422 with every problem by line and column and writes nothing. A valid file is applied in one transaction; importing the same file again changes nothing. `dryRun: true` only validates and counts.',
          params: OrgParams,
          body: PeopleImportInput,
          response: { 200: PeopleImportResult },
        },
      },
      async (request) =>
        peopleService.importPeople(ctx.db, tenantOf(request), request.body.csv, request.body.dryRun),
    );
  };
