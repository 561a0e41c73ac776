import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AcceptedView,
  EmailChangeInput,
  PasswordResetConfirmInput,
  PasswordResetRequestInput,
  ProfileUpdateInput,
  SessionView,
  SignInInput,
  SignUpInput,
  UserView,
  VerifyEmailQuery,
} from '../../../contracts/accounts.ts';
import { NoContent } from '../../../contracts/common.ts';
import { toHeaders } from '../../auth/actor.ts';
import { actorOf } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import * as accounts from './accounts.service.ts';

const tags = ['accounts'];

function setCookies(reply: FastifyReply, cookies: string[]) {
  if (cookies.length > 0) reply.header('set-cookie', cookies);
}

export const accountRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/auth/sign-up',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Create an account and sign in',
          body: SignUpInput,
          response: { 201: SessionView },
        },
      },
      async (request, reply) => {
        const result = await accounts.signUp(ctx, request.body, toHeaders(request), request.ip);
        setCookies(reply, result.setCookies);
        return reply.status(201).send(result.value);
      },
    );

    app.post(
      '/api/auth/sign-in',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Sign in with email and password (a new session each time)',
          description: 'After 10 failed attempts within a minute for one address or one IP, answers 429.',
          body: SignInInput,
          response: { 200: SessionView },
        },
      },
      async (request, reply) => {
        const result = await accounts.signIn(ctx, request.body, toHeaders(request), request.ip);
        setCookies(reply, result.setCookies);
        return result.value;
      },
    );

    app.post(
      '/api/auth/sign-out',
      {
        config: { access: 'signed-in' },
        schema: { tags, summary: 'End this session', response: { 204: NoContent } },
      },
      async (request, reply) => {
        setCookies(reply, await accounts.signOut(ctx, toHeaders(request), actorOf(request), request.ip));
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/auth/session',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'The signed-in user and their organizations',
          response: { 200: SessionView },
        },
      },
      async (request) => accounts.getSessionView(ctx.db, actorOf(request).userId),
    );

    app.post(
      '/api/auth/password-reset/request',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Mail a password-reset link',
          description: 'Answers the same whether or not the address has an account.',
          body: PasswordResetRequestInput,
          response: { 202: AcceptedView },
        },
      },
      async (request, reply) => {
        await accounts.requestPasswordReset(ctx, request.body.email);
        return reply.status(202).send({
          status: 'accepted' as const,
          message: 'If an account uses this address, a reset link is on its way.',
        });
      },
    );

    app.post(
      '/api/auth/password-reset/confirm',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Set a new password with the mailed token',
          body: PasswordResetConfirmInput,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        await accounts.confirmPasswordReset(ctx, request.body.token, request.body.password);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/auth/email-change',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'Change the sign-in address (confirmed by a link mailed to the new address)',
          body: EmailChangeInput,
          response: { 202: AcceptedView },
        },
      },
      async (request, reply) => {
        await accounts.requestEmailChange(ctx, request.body.newEmail, toHeaders(request));
        return reply.status(202).send({
          status: 'accepted' as const,
          message: `A confirmation link was sent to ${request.body.newEmail}.`,
        });
      },
    );

    app.get(
      '/api/auth/verify-email',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Confirm an email change (the link from the mail)',
          querystring: VerifyEmailQuery,
          response: { 302: z.null() },
        },
      },
      async (request, reply) => {
        await accounts.verifyEmail(ctx, request.query.token);
        return reply.redirect('/settings?emailChanged=1');
      },
    );

    app.patch(
      '/api/auth/profile',
      {
        config: { access: 'signed-in' },
        schema: { tags, summary: 'Update your name', body: ProfileUpdateInput, response: { 200: UserView } },
      },
      async (request) => accounts.updateProfile(ctx, actorOf(request).userId, request.body.name),
    );
  };
