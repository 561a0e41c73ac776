import { request } from 'undici';
import { isAllowedWebhookUrl } from '../../../contracts/notifications.ts';
import { guardedAgentFor, privateNetworkRefusalIn } from '../../net/guarded-agent.ts';

export const WEBHOOK_TIMEOUT_MS = 5_000;

/** What the sweep logs; Fastify's and pino's loggers fit. */
export interface SweepLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface WebhookOptions {
  /** Hosts in the private network that webhooks may reach (an in-house chat server; tests). */
  trustedPrivateHosts: readonly string[];
}

/**
 * Posts `{ text }` to a Slack-compatible incoming webhook. A slow or failing receiver costs at
 * most five seconds and a log line; it never fails the sweep. Redirects are not followed, so an
 * https hook cannot bounce the message to plain http or to another host, and a hook that is or
 * resolves to a private address is refused unless its host is trusted: a member's webhook must
 * not let them make the server call into its own network. The check is made on the address the
 * connection goes to (`guardedAgentFor`), so a name re-pointed after a check cannot slip past it.
 */
export async function postToWebhook(
  url: string,
  text: string,
  log: SweepLog,
  options: WebhookOptions = { trustedPrivateHosts: [] },
): Promise<boolean> {
  // Checked again here: a URL stored before the rule tightened must not be called either.
  if (!isAllowedWebhookUrl(url)) {
    log.warn({ webhookHost: hostOf(url) }, 'webhook URL is not allowed; reminder not posted');
    return false;
  }
  const target = new URL(url);
  try {
    const response = await request(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      dispatcher: guardedAgentFor(options.trustedPrivateHosts),
    });
    // The body is not needed; reading it releases the connection.
    await response.body.dump();
    const status = response.statusCode;
    if (status >= 200 && status < 300) return true;
    log.warn({ webhookHost: target.host, status }, 'webhook refused the reminder');
    return false;
  } catch (error) {
    const message = privateNetworkRefusalIn(error)
      ? 'webhook points into the private network; reminder not posted'
      : 'webhook could not be reached';
    log.warn({ webhookHost: target.host, err: error }, message);
    return false;
  }
}

// Webhook URLs carry their secret in the path, so logs name the host only.
function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).host : 'unparseable URL';
}
