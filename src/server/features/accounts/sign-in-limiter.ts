import { and, count, eq, gt, lt, or } from 'drizzle-orm';
import { AppError } from '../../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { signInFailures } from '../../db/schema.ts';

export const MAX_FAILURES_PER_MINUTE = 10;
const WINDOW_MS = 60_000;

/**
 * Refuses a sign-in after 10 failures within a minute for the same address or the same IP.
 * Failures live in the database so the limit holds across several app servers.
 */
export async function assertSignInAllowed(db: Db, email: string, ip: string): Promise<void> {
  const since = new Date(Date.now() - WINDOW_MS);
  const [byEmail] = await db
    .select({ n: count() })
    .from(signInFailures)
    .where(and(eq(signInFailures.email, email), gt(signInFailures.at, since)));
  const [byIp] = await db
    .select({ n: count() })
    .from(signInFailures)
    .where(and(eq(signInFailures.ip, ip), gt(signInFailures.at, since)));
  if ((byEmail?.n ?? 0) >= MAX_FAILURES_PER_MINUTE || (byIp?.n ?? 0) >= MAX_FAILURES_PER_MINUTE) {
    throw new AppError(
      'RATE_LIMITED',
      'Too many failed sign-ins. Wait a minute and try again, or reset your password.',
      {
        details: { retryAfterSeconds: 60 },
      },
    );
  }
}

export async function recordSignInFailure(db: Db, email: string, ip: string): Promise<void> {
  await db.insert(signInFailures).values({ email, ip });
  // Old failures are worthless; prune them as we go instead of running a separate job.
  await db.delete(signInFailures).where(or(lt(signInFailures.at, new Date(Date.now() - 10 * WINDOW_MS))));
}
