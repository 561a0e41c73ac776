import { z } from 'zod';
import { IsoDateTime } from './common.ts';

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);

/**
 * A webhook must be https, so the reminder (which names agenda topics) is not sent in the clear;
 * plain http is accepted only on the machine itself (a local relay, or a test receiver).
 */
export function isAllowedWebhookUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  return (
    url.protocol === 'http:' &&
    (LOOPBACK_HOSTS.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname))
  );
}

export const WebhookUrl = z
  .string()
  .trim()
  .max(2_000)
  .refine(
    isAllowedWebhookUrl,
    'must be an https:// URL of an incoming webhook (http:// only for this machine, e.g. 127.0.0.1)',
  );

export const NotificationPreferencesView = z
  .object({
    isReminderEnabled: z.boolean().describe('A reminder the day before each 1:1'),
    isDigestEnabled: z.boolean().describe('A Monday digest of my open next steps'),
    webhookUrl: z
      .string()
      .nullable()
      .describe('A Slack-compatible incoming webhook that also gets reminders'),
    updatedAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'NotificationPreferences' });
export type NotificationPreferencesView = z.infer<typeof NotificationPreferencesView>;

export const NotificationPreferencesInput = z.strictObject({
  isReminderEnabled: z.boolean(),
  isDigestEnabled: z.boolean(),
  webhookUrl: WebhookUrl.nullable(),
});
export type NotificationPreferencesInput = z.infer<typeof NotificationPreferencesInput>;
