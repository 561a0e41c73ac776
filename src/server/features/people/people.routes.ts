import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OrgParams } from '../../../contracts/common.ts';
import {
  OrgChartView,
  PeopleImportInput,
  PeopleImportResult,
  PeoplePage,
  PeopleQuery,
  PersonCreateInput,
  PersonParams,
  PersonUpdateInput,
  PersonView,
} from '../../../contracts/people.ts';
import { tenantOf } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import * as peopleService from './people.service.ts';

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
