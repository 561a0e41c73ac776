import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OrgParams } from '../../../contracts/common.ts';
import {
  NotificationPreferencesInput,
  NotificationPreferencesView,
} from '../../../contracts/notifications.ts';
import { tenantOf } from '../../auth/policy.ts';
import type { AppContext } from '../../context.ts';
import * as preferences from './notification-preferences.service.ts';

const tags = ['notifications'];

export const notificationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/orgs/:org/notification-preferences',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'My reminder and digest settings',
          params: OrgParams,
          response: { 200: NotificationPreferencesView },
        },
      },
      async (request) => preferences.getNotificationPreferences(ctx.db, tenantOf(request)),
    );
    app.put(
      '/api/orgs/:org/notification-preferences',
      {
        config: { access: 'org-member' },
        schema: {
          tags,
          summary: 'Switch my reminders and Monday digest on or off, and set a webhook for reminders',
          description:
            'Reminders go out the day before each 1:1; the digest of open next steps on Monday morning in my time zone. The webhook (Slack-compatible, `{ text }`) must be https.',
          params: OrgParams,
          body: NotificationPreferencesInput,
          response: { 200: NotificationPreferencesView },
        },
      },
      async (request) => preferences.saveNotificationPreferences(ctx.db, tenantOf(request), request.body),
    );
  };
