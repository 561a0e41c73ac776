import { createHash } from 'node:crypto';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.ts';
import type { AppContext } from '../context.ts';
import { apiTokens, user } from '../db/schema.ts';

export interface Actor {
  userId: string;
  email: string;
  name: string;
  via: 'session' | 'token';
}

export const API_TOKEN_PREFIX = 'tdm_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Who is calling: a Bearer personal API token, else the session cookie, else nobody. */
export async function resolveActor(ctx: AppContext, request: FastifyRequest): Promise<Actor | null> {
  const authorization = request.headers.authorization;
  if (authorization) return resolveBearer(ctx, authorization);
  if (!request.headers.cookie) return null;
  const found = await ctx.auth.api.getSession({ headers: toHeaders(request) });
  if (!found) return null;
  return { userId: found.user.id, email: found.user.email, name: found.user.name, via: 'session' };
}

async function resolveBearer(ctx: AppContext, authorization: string): Promise<Actor> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match?.[1]?.startsWith(API_TOKEN_PREFIX)) {
    throw new AppError(
      'UNAUTHENTICATED',
      'The Authorization header must be "Bearer tdm_…" with a personal API token.',
    );
  }
  const [row] = await ctx.db
    .select({
      id: apiTokens.id,
      userId: user.id,
      email: user.email,
      name: user.name,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .innerJoin(user, eq(user.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashToken(match[1])), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row) throw new AppError('UNAUTHENTICATED', 'This API token is unknown or has been revoked.');
  // Recording use at most once a minute keeps token-authenticated reads from writing every time.
  const aMinuteAgo = new Date(Date.now() - 60_000);
  if (!row.lastUsedAt || row.lastUsedAt < aMinuteAgo) {
    await ctx.db
      .update(apiTokens)
      .set({ lastUsedAt: new Date() })
      .where(
        and(eq(apiTokens.id, row.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, aMinuteAgo))),
      );
  }
  return { userId: row.userId, email: row.email, name: row.name, via: 'token' };
}

export function toHeaders(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}
