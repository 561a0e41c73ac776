import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/** A year: browsers keep to https for that long after one visit. */
const HSTS_MAX_AGE_SECONDS = 31_536_000;

/**
 * What every answer tells the browser about how it may be used, in two sets.
 *
 * Documents (the web app, the printable report, the API documentation) get helmet's full set: a
 * CSP without inline scripts, no framing, nosniff, no referrer, cross-origin isolation, HSTS
 * behind https.
 *
 * Data (everything else under /api/: JSON, problem details, CSV and calendar files) is never
 * rendered as a page, so the headers that only steer a document (DNS prefetch, download prompts,
 * origin-keyed agents, cross-domain policies, the old XSS auditor) do nothing there. It gets the
 * ones that protect data: a CSP that allows nothing and no framing (in case it is ever opened as
 * a page), nosniff, no referrer, same-origin reads only, HSTS behind https, and `no-store`, because
 * what a 1:1 says must not stay in a shared computer's browser cache. Five headers (six behind
 * https) instead of eleven (twelve): the cached meeting page is served as fast as its bytes go
 * out, and every header is bytes for both ends to write and parse.
 */
export function installSecurityHeaders(app: FastifyInstance, options: { isHttps: boolean }) {
  // Configured once: @fastify/helmet configures the library anew on every request, parsing the
  // policy each time (a twentieth of the time of a meeting page served from memory).
  const setDocumentHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: options.isHttps ? [] : null,
      },
    },
    hsts: options.isHttps ? { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: true } : false,
    // Nobody frames Tandem, the same answer as CSP's frame-ancestors 'none' for older browsers.
    xFrameOptions: { action: 'deny' },
  });
  const dataHeaders: Array<[string, string]> = [
    ['content-security-policy', "default-src 'none'; frame-ancestors 'none'"],
    ['x-content-type-options', 'nosniff'],
    ['referrer-policy', 'no-referrer'],
    ['cross-origin-resource-policy', 'same-origin'],
    ['cache-control', 'no-store'],
  ];
  // The same policy helmet writes for documents.
  if (options.isHttps)
    dataHeaders.push(['strict-transport-security', `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`]);
  app.addHook('onRequest', (request, reply, done) => {
    if (isData(request.url)) {
      // A route may still say otherwise (a calendar feed's own cache-control): its headers win.
      for (const [name, value] of dataHeaders) reply.raw.setHeader(name, value);
      return done();
    }
    setDocumentHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
  });
  // A route under /api/ that answers a document (the printable report) gets the document's set
  // over the data's (it keeps no-store: a report is as private as the pages it sums up).
  app.addHook('onSend', (request, reply, payload, done) => {
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && type.startsWith('text/html') && isData(request.url)) {
      return setDocumentHeaders(request.raw, reply.raw, (error?: unknown) =>
        error ? done(error as Error) : done(null, payload),
      );
    }
    done(null, payload);
  });
}

function isData(url: string): boolean {
  const path = url.split('?', 1)[0]!;
  return path.startsWith('/api/') && path !== '/api/docs' && !path.startsWith('/api/docs/');
}
