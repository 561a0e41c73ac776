import { isAllowedWebhookUrl } from '../../../contracts/notifications.ts';

export const WEBHOOK_TIMEOUT_MS = 5_000;

/** What the sweep logs; Fastify's and pino's loggers fit. */
export interface SweepLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/**
 * Posts `{ text }` to a Slack-compatible incoming webhook. A slow or failing receiver costs at
 * most five seconds and a log line; it never fails the sweep. Redirects are refused, so an https
 * hook cannot bounce the message to plain http or to another host.
 */
export async function postToWebhook(url: string, text: string, log: SweepLog): Promise<boolean> {
  // Checked again here: a URL stored before the rule tightened must not be called either.
  if (!isAllowedWebhookUrl(url)) {
    log.warn({ webhookHost: hostOf(url) }, 'webhook URL is not allowed; reminder not posted');
    return false;
  }
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
      redirect: 'error',
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    // The body is not needed; reading it releases the connection.
    await response.body?.cancel();
    if (response.ok) return true;
    log.warn({ webhookHost: hostOf(url), status: response.status }, 'webhook refused the reminder');
    return false;
  } catch (error) {
    log.warn({ webhookHost: hostOf(url), err: error }, 'webhook could not be reached');
    return false;
  }
}

// Webhook URLs carry their secret in the path, so logs name the host only.
function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).host : 'unparseable URL';
}
