import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SessionView } from '../../../contracts/accounts.ts';
import { NoContent, OrgParams } from '../../../contracts/common.ts';
import {
  InvitationCreateInput,
  InvitationParams,
  InvitationPreview,
  InvitationTokenParams,
  InvitationView,
} from '../../../contracts/organizations.ts';
import { actorOf, tenantOf } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import { getSessionView } from '../accounts/accounts.service.ts';
import { auditSourceOf } from '../audit/audit.service.ts';
import * as invitations from './invitations.service.ts';

const tags = ['invitations'];

export const invitationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/orgs/:org/invitations',
      {
        config: { access: 'org-admin' },
        schema: {
          tags,
          summary: 'Invitations of this organization',
          params: OrgParams,
          response: { 200: z.array(InvitationView) },
        },
      },
      async (request) => invitations.listInvitations(ctx.db, tenantOf(request)),
    );

    app.post(
      '/api/orgs/:org/invitations',
      {
        config: { access: 'org-admin' },
        schema: {
          tags,
          summary: 'Invite someone by email',
          params: OrgParams,
          body: InvitationCreateInput,
          response: { 201: InvitationView },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await invitations.createInvitation(
              ctx.db,
              ctx.mailer,
              ctx.publicUrl,
              tenantOf(request),
              actorOf(request),
              request.body,
              request.ip,
            ),
          ),
    );

    app.delete(
      '/api/orgs/:org/invitations/:invitationId',
      {
        config: { access: 'org-admin' },
        schema: {
          tags,
          summary: 'Revoke a pending invitation',
          params: InvitationParams,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await invitations.revokeInvitation(
          ctx.db,
          tenantOf(request),
          request.params.invitationId,
          auditSourceOf(request),
        );
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/invitations/:token',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'What an invitation link is for',
          params: InvitationTokenParams,
          response: { 200: InvitationPreview },
        },
      },
      async (request) => invitations.previewInvitation(ctx.db, request.params.token),
    );

    app.post(
      '/api/invitations/:token/accept',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'Accept an invitation as the signed-in account',
          params: InvitationTokenParams,
          response: { 200: SessionView },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await invitations.acceptInvitation(ctx.db, actor, request.params.token);
        return getSessionView(ctx.db, actor.userId);
      },
    );
  };
