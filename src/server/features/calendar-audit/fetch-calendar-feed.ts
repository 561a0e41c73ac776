import http from 'node:http';
import https from 'node:https';
import { AppError } from '../../../core/errors.ts';
import { isPrivateHostName, privateNetworkGuard } from '../../net/private-network.ts';

export interface FeedFetchOptions {
  /** Hosts that may be fetched over plain http and may be private addresses (tests, an in-house server). */
  trustedHttpHosts: string[];
  timeoutMs?: number;
  maxBytes?: number;
}

const MAX_REDIRECTS = 3;

/**
 * Fetches a calendar feed: https only (plain http only for trusted hosts), no private addresses,
 * at most three redirects, a deadline and a size limit. Failures are the member's to fix, so
 * they answer 400 naming the `url` field.
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

function getOnce(
  url: URL,
  trustedHosts: string[],
  maxBytes: number,
  deadline: AbortSignal,
  timeoutMs: number,
): Promise<Answer> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const isTrusted = trustedHosts.includes(host);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isTrusted))
    return Promise.reject(feedError('The feed address must start with https://.'));
  if (!isTrusted && isPrivateHostName(host))
    return Promise.reject(feedError('The feed address points into a private network.'));
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<Answer>((resolve, reject) => {
    const request = client.get(
      url,
      {
        signal: deadline,
        timeout: timeoutMs,
        headers: {
          accept: 'text/calendar, */*;q=0.5',
          'accept-encoding': 'identity',
          'user-agent': 'Tandem',
        },
        lookup: isTrusted ? undefined : guardedLookup,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400 && response.headers.location) {
          response.resume();
          resolve({ kind: 'redirect', location: response.headers.location });
          return;
        }
        if (status !== 200) {
          response.resume();
          reject(feedError(`The feed answered HTTP ${status}.`));
          return;
        }
        const declared = Number(response.headers['content-length'] ?? 0);
        if (declared > maxBytes) {
          response.destroy();
          reject(tooLarge(maxBytes));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            response.destroy();
            reject(tooLarge(maxBytes));
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => resolve({ kind: 'body', text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', (error) => reject(feedError('The feed broke off while it was read.', error)));
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', (error) =>
      reject(
        deadline.aborted || error.message === 'timeout'
          ? feedError(`The feed did not answer within ${formatDuration(timeoutMs)}.`, error)
          : isAppErrorLike(error)
            ? error
            : feedError(
                `The feed could not be reached (${(error as NodeJS.ErrnoException).code ?? error.message}).`,
                error,
              ),
      ),
    );
  });
}

const guardedLookup = privateNetworkGuard(() => feedError('The feed address points into a private network.'));

function formatDuration(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} seconds` : `${ms} ms`;
}

function isAppErrorLike(error: unknown): error is AppError {
  return error instanceof AppError;
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
