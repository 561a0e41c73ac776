import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { ApiTokenView } from '../../../contracts/accounts.ts';
import { AppError } from '../../../core/errors.ts';
import { API_TOKEN_PREFIX, hashToken } from '../../auth/actor.ts';
import type { Db } from '../../db/client.ts';
import { apiTokens, user } from '../../db/schema.ts';

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
  return createApiToken(db, row.id, name);
}
