import type { FastifyInstance } from 'fastify';
import { AppError } from '../core/errors.ts';

/**
 * Refusals every route shares, before any feature sees the request:
 * - a compressed body (`Content-Encoding: gzip`, …): never inflated, so a small request cannot
 *   become gigabytes in memory; clients send bodies as they are.
 * - a NUL character in any text of the body, query or path: PostgreSQL cannot store it in a text
 *   column, and no name, note or file we take has a reason to hold one.
 */
export function installRequestGuards(app: FastifyInstance) {
  app.addHook('onRequest', async (request) => {
    const encoding = request.headers['content-encoding'];
    if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity')
      throw new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        `Request bodies are not accepted with Content-Encoding "${encoding.slice(0, 40)}"; send the body uncompressed.`,
        { fields: [{ path: 'headers.content-encoding', message: 'must be absent or identity' }] },
      );
  });
  // After the policy's own preValidation hook: a caller who may not use a route learns nothing here.
  app.addHook('preValidation', async (request) => {
    const where =
      findNul(request.params, 'params') ??
      findNul(request.query, 'querystring') ??
      findNul(request.body, 'body');
    if (where)
      throw new AppError(
        'VALIDATION_FAILED',
        `${where} contains a NUL character: text cannot hold one, and a binary or compressed file is not text.`,
        {
          fields: [{ path: where, message: 'contains a NUL character' }],
        },
      );
  });
}

interface Visit {
  value: unknown;
  key: string;
  parent: Visit | null;
}

/**
 * The path of the first string holding U+0000, walked without recursion (bodies may nest deeply);
 * the path is spelled only once found, so a deep body does not build a long path per level.
 */
function findNul(value: unknown, root: string): string | null {
  const pending: Visit[] = [{ value, key: root, parent: null }];
  while (pending.length > 0) {
    const visit = pending.pop()!;
    const current = visit.value;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return pathOf(visit);
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        if (key.includes('\u0000')) return pathOf(visit);
        pending.push({ value: item, key, parent: visit });
      }
    }
  }
  return null;
}

function pathOf(visit: Visit): string {
  const keys: string[] = [];
  for (let at: Visit | null = visit; at; at = at.parent) keys.push(at.key);
  return keys.reverse().join('.');
}
