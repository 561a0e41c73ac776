import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NoContent, OrgParams } from '../../../contracts/common.ts';
import {
  MemberParams,
  MemberRoleInput,
  MemberView,
  OrganizationCreateInput,
  OrganizationView,
  OutboxMessageView,
} from '../../../contracts/organizations.ts';
import { actorOf, tenantOf } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { auditSourceOf } from '../audit/audit.service.ts';
import { invitationRoutes } from './invitations.routes.ts';
import * as organizations from './organizations.service.ts';

const tags = ['organizations'];

export const organizationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/orgs',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'Create an organization; you become its owner',
          body: OrganizationCreateInput,
          response: { 201: OrganizationView },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await organizations.createOrganization(ctx.db, actorOf(request), request.body)),
    );

    app.get(
      '/api/orgs/:org',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'An organization you belong to',
          params: OrgParams,
          response: { 200: OrganizationView },
        },
      },
      async (request) => organizations.getOrganization(ctx.db, tenantOf(request)),
    );

    app.get(
      '/api/orgs/:org/members',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Members and their roles',
          params: OrgParams,
          response: { 200: z.array(MemberView) },
        },
      },
      async (request) => organizations.listMembers(ctx.db, tenantOf(request)),
    );

    app.patch(
      '/api/orgs/:org/members/:userId',
      {
        config: { access: 'org-admin' },
        schema: {
          tags,
          summary: "Change a member's role",
          params: MemberParams,
          body: MemberRoleInput,
          response: { 200: MemberView },
        },
      },
      async (request) =>
        organizations.changeMemberRole(
          ctx.db,
          tenantOf(request),
          request.params.userId,
          request.body.role,
          auditSourceOf(request),
        ),
    );

    app.delete(
      '/api/orgs/:org/members/:userId',
      {
        config: { access: 'org-admin' },
        schema: {
          tags,
          summary: 'Remove a member from the organization',
          params: MemberParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await organizations.removeMember(
          ctx.db,
          tenantOf(request),
          request.params.userId,
          auditSourceOf(request),
        );
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/orgs/:org/outbox',
      {
        config: { access: 'org-admin' },
        schema: {
          tags,
          summary: 'Mail Tandem sent (or, without SMTP, keeps here) for this organization',
          params: OrgParams,
          response: { 200: z.array(OutboxMessageView) },
        },
      },
      async (request) => organizations.listOutbox(ctx.db, tenantOf(request)),
    );

    await app.register(invitationRoutes(ctx));
  };
