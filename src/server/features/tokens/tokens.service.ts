import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { ApiTokenView } from '../../../contracts/accounts.ts';
import { AppError } from '../../../core/errors.ts';
import { API_TOKEN_PREFIX, hashToken } from '../../auth/actor.ts';
import { actorOf } from '../../auth/policy.ts';
import type { Db } from '../../db/client.ts';
import { apiTokens, user } from '../../db/schema.ts';
import { recordAuditEvent, recordRequestEvent } from '../audit/audit.service.ts';

type TokenRow = typeof apiTokens.$inferSelect;

function toView(row: TokenRow): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    displayPrefix: row.displayPrefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

/** Creates a personal API token; the token is returned only here, and only its hash is stored. */
export async function createApiToken(
  db: Db,
  userId: string,
  name: string,
): Promise<ApiTokenView & { token: string }> {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const [row] = await db
    .insert(apiTokens)
    .values({ userId, name, tokenHash: hashToken(token), displayPrefix: token.slice(0, 10) })
    .returning();
  return { ...toView(row!), token };
}

export async function listApiTokens(db: Db, userId: string): Promise<ApiTokenView[]> {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map(toView);
}

export async function revokeApiToken(db: Db, userId: string, tokenId: string): Promise<void> {
  const revoked = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (revoked.length === 0) throw new AppError('NOT_FOUND', 'No such API token of yours.');
}

/** The caller creates a token for themself; the audit log names it, never its value. */
export async function createApiTokenAudited(db: Db, request: FastifyRequest, name: string) {
  const created = await createApiToken(db, actorOf(request).userId, name);
  await recordRequestEvent(db, request, {
    action: 'token.created',
    subjectType: 'api_token',
    subjectId: created.id,
    detail: { prefix: created.displayPrefix },
  });
  return created;
}

export async function revokeApiTokenAudited(db: Db, request: FastifyRequest, tokenId: string) {
  await revokeApiToken(db, actorOf(request).userId, tokenId);
  await recordRequestEvent(db, request, {
    action: 'token.revoked',
    subjectType: 'api_token',
    subjectId: tokenId,
  });
}

/** For operators (`tandem token create --email`): a token for the account with this address. */
export async function createApiTokenForEmail(db: Db, email: string, name: string) {
  const [row] = await db
    .select({ id: user.id })
    .from(user)
    .where(eq(user.email, email.trim().toLowerCase()))
    .limit(1);
  if (!row)
    throw new AppError('NOT_FOUND', `No account uses the address ${email}.`, {
      fields: [{ path: 'email', message: 'has no account' }],
    });
  const created = await createApiToken(db, row.id, name);
  await recordAuditEvent(db, {
    actor: { userId: row.id, email },
    action: 'token.created',
    subjectType: 'api_token',
    subjectId: created.id,
    detail: { prefix: created.displayPrefix, via: 'command' },
  });
  return created;
}
