import { request } from 'undici';
import { AppError } from '../../../core/errors.ts';
import { guardedAgentFor, privateNetworkRefusalIn } from '../../net/guarded-agent.ts';

export interface FeedFetchOptions {
  /** Hosts that may be fetched over plain http and may be private addresses (tests, an in-house server). */
  trustedHttpHosts: string[];
  timeoutMs?: number;
  maxBytes?: number;
}

const MAX_REDIRECTS = 3;

/**
 * Fetches a calendar feed: https only (plain http only for trusted hosts), no private addresses,
 * at most three redirects, a deadline and a size limit. Every hop is a connection through
 * `guardedAgentFor`, which checks the very address it connects to, so neither a redirect nor a
 * name re-pointed after a check reaches the private network. Failures are the member's to fix,
 * so they answer 400 naming the `url` field.
 */
export async function fetchCalendarFeed(rawUrl: string, options: FeedFetchOptions): Promise<string> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const deadline = AbortSignal.timeout(timeoutMs);
  let url = new URL(rawUrl.replace(/^webcal:/i, 'https:'));
  for (let redirects = 0; ; redirects += 1) {
    const answer = await getOnce(url, options.trustedHttpHosts, maxBytes, deadline, timeoutMs);
    if (answer.kind === 'body') return answer.text;
    if (redirects >= MAX_REDIRECTS) throw feedError('The feed redirects too many times.');
    url = new URL(answer.location, url);
  }
}

type Answer = { kind: 'body'; text: string } | { kind: 'redirect'; location: string };

async function getOnce(
  url: URL,
  trustedHosts: string[],
  maxBytes: number,
  deadline: AbortSignal,
  timeoutMs: number,
): Promise<Answer> {
  const isTrusted = trustedHosts.includes(url.hostname.replace(/^\[|\]$/g, ''));
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isTrusted))
    throw feedError('The feed address must start with https://.');
  let response: Awaited<ReturnType<typeof request>>;
  try {
    response = await request(url, {
      signal: deadline,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      headers: { accept: 'text/calendar, */*;q=0.5', 'accept-encoding': 'identity', 'user-agent': 'Tandem' },
      dispatcher: guardedAgentFor(trustedHosts),
    });
  } catch (error) {
    throw fetchFailure(error, deadline, timeoutMs);
  }
  const status = response.statusCode;
  const location = response.headers.location;
  if (status >= 300 && status < 400 && location) {
    await response.body.dump();
    return { kind: 'redirect', location: Array.isArray(location) ? (location[0] ?? '') : location };
  }
  if (status !== 200) {
    await response.body.dump();
    throw feedError(`The feed answered HTTP ${status}.`);
  }
  if (Number(response.headers['content-length'] ?? 0) > maxBytes) {
    response.body.destroy();
    throw tooLarge(maxBytes);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) {
        response.body.destroy();
        throw tooLarge(maxBytes);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw deadline.aborted
      ? fetchFailure(error, deadline, timeoutMs)
      : feedError('The feed broke off while it was read.', error);
  }
  return { kind: 'body', text: Buffer.concat(chunks).toString('utf8') };
}

function fetchFailure(error: unknown, deadline: AbortSignal, timeoutMs: number): AppError {
  if (privateNetworkRefusalIn(error))
    return feedError('The feed address points into a private network.', error);
  const code = (error as NodeJS.ErrnoException).code;
  if (deadline.aborted || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT')
    return feedError(`The feed did not answer within ${formatDuration(timeoutMs)}.`, error);
  return feedError(
    `The feed could not be reached (${code ?? (error instanceof Error ? error.message : String(error))}).`,
    error,
  );
}

function formatDuration(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} seconds` : `${ms} ms`;
}

function feedError(message: string, cause?: unknown): AppError {
  return new AppError('VALIDATION_FAILED', message, { fields: [{ path: 'body.url', message }], cause });
}

function tooLarge(maxBytes: number): AppError {
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `The feed is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`,
  );
}
