import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A stream that stays open (live updates): it never takes a place at the turnstile. */
    isLongLived?: boolean;
  }
}

export interface AdmissionOptions {
  /** API requests worked on at once; the rest wait their turn in arrival order. */
  concurrency: number;
  /** Requests allowed to wait; beyond it the server answers 503 at once instead of piling up. */
  maxWaiting: number;
}

/**
 * A turnstile in front of the API. Without it, a burst of requests all start at once and each of
 * their queries joins the back of the database's queue (the embedded database has one connection,
 * PostgreSQL a pool of ten): a request of twenty queries then waits twenty rounds behind everyone,
 * and under load some writes waited half a minute while reads flowed. Let in a few at a time, in
 * arrival order, a request runs its queries back to back and the wait is shared fairly; memory is
 * bounded by the requests at work, not by the requests in flight.
 *
 * A place is taken once the body has arrived (the first preValidation hook, before the policy
 * looks the caller up), so a client trickling its body in slowly holds no place; live-update
 * streams stay open for hours and the health check must answer while the server is busy, so
 * neither takes one; nor do the web app's files.
 */
export function installAdmission(app: FastifyInstance, options: AdmissionOptions) {
  const turnstile = createTurnstile(options.concurrency);
  app.addHook('preValidation', async (request, reply) => {
    if (!isAdmitted(request)) return;
    if (turnstile.waiting() >= options.maxWaiting)
      throw new AppError('SERVER_BUSY', 'The server is busy; try again in a moment.', {
        details: { retryAfterSeconds: 2 },
      });
    await turnstile.enter();
    // 'close' is emitted once the answer is sent or the client has gone, whichever comes first;
    // a client that left while waiting has nothing more to close, so its place is given back now.
    if (request.raw.destroyed || reply.raw.writableEnded) turnstile.leave();
    else reply.raw.once('close', turnstile.leave);
  });
}

function isAdmitted(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  if (route === undefined || !route.startsWith('/api/')) return false;
  return route !== '/api/health' && request.routeOptions.config.isLongLived !== true;
}

/** A counting semaphore whose waiters enter in arrival order. */
export function createTurnstile(capacity: number) {
  let inside = 0;
  const queue: Array<() => void> = [];
  return {
    waiting: () => queue.length,
    inside: () => inside,
    enter(): Promise<void> {
      if (inside < capacity) {
        inside += 1;
        return Promise.resolve();
      }
      return new Promise((resolve) => queue.push(resolve));
    },
    leave(): void {
      const next = queue.shift();
      // The place passes straight to the next in line, so a newcomer cannot overtake it.
      if (next) next();
      else inside -= 1;
    },
  };
}
