import { createHash } from 'node:crypto';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.ts';
import type { AppContext } from '../context.ts';
import { apiTokens, user } from '../db/schema.ts';
import { hasRecentEvent } from '../features/audit/audit.repository.ts';
import { recordAuditEvent } from '../features/audit/audit.service.ts';

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
  if (authorization) return resolveBearer(ctx, request, authorization);
  const cookie = request.headers.cookie;
  if (!cookie) return null;
  const known = ctx.sessions.find(cookie);
  if (known) return known;
  const ticket = ctx.sessions.sessionTicket();
  const found = await ctx.auth.api.getSession({ headers: toHeaders(request) });
  if (!found) return null;
  const actor: Actor = {
    userId: found.user.id,
    email: found.user.email,
    name: found.user.name,
    via: 'session',
  };
  ctx.sessions.remember(cookie, actor, found.session.expiresAt, ticket);
  return actor;
}

async function resolveBearer(
  ctx: AppContext,
  request: FastifyRequest,
  authorization: string,
): Promise<Actor> {
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
    const updated = await ctx.db
      .update(apiTokens)
      .set({ lastUsedAt: new Date() })
      .where(
        and(eq(apiTokens.id, row.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, aMinuteAgo))),
      )
      .returning({ id: apiTokens.id });
    // Only the request that moved lastUsedAt looks at the audit log, so at most one a minute asks.
    if (updated.length > 0) await recordTokenUse(ctx, request, row);
  }
  return { userId: row.userId, email: row.email, name: row.name, via: 'token' };
}

const TOKEN_USE_AUDIT_INTERVAL_MS = 5 * 60_000;

/** A token's use enters the audit log once per five minutes of use, not on every request. */
async function recordTokenUse(
  ctx: AppContext,
  request: FastifyRequest,
  token: { id: string; userId: string; email: string },
) {
  const since = new Date(Date.now() - TOKEN_USE_AUDIT_INTERVAL_MS);
  if (await hasRecentEvent(ctx.db, 'token.used', token.id, since)) return;
  await recordAuditEvent(ctx.db, {
    actor: { userId: token.userId, email: token.email },
    action: 'token.used',
    subjectType: 'api_token',
    subjectId: token.id,
    detail: { method: request.method, route: request.routeOptions.url ?? null },
    ip: request.ip,
  });
}

export function toHeaders(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}
