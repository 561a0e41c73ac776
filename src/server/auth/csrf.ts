import type { FastifyInstance } from 'fastify';
import { AppError } from '../../core/errors.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie-authenticated writes must come from our own pages. Browsers send `Origin` on every
 * cross-site and same-site write; a write that carries a cookie but no matching Origin (or
 * Referer) is refused. Bearer-token calls carry no ambient credentials and are exempt.
 */
export function installCsrfProtection(
  app: FastifyInstance,
  options: { publicUrl: string; trustProxy: boolean },
) {
  const configuredOrigin = new URL(options.publicUrl).origin;
  app.addHook('onRequest', async (request) => {
    if (safeMethods.has(request.method) || !request.url.startsWith('/api/')) return;
    if (request.headers.authorization) return;
    const origin = request.headers.origin ?? originOf(request.headers.referer);
    const hasCookie = Boolean(request.headers.cookie);
    if (!origin) {
      if (hasCookie)
        throw new AppError(
          'CSRF_REJECTED',
          'A cookie-authenticated write needs an Origin header from Tandem itself.',
        );
      return;
    }
    const requestOrigin = `${request.protocol}://${request.headers.host ?? ''}`;
    if (origin !== configuredOrigin && origin !== requestOrigin) {
      throw new AppError('CSRF_REJECTED', `Requests from ${origin} are not accepted.`);
    }
  });
}

function originOf(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}
