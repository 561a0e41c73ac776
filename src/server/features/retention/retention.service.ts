import { and, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import type { RetentionSettingsInput, RetentionSettingsView } from '../../../contracts/retention.ts';
import type { Tenant } from '../../auth/policy.ts';
import type { Db } from '../../db/client.ts';
import { meetings, transcripts } from '../../db/schema-meetings.ts';
import { retentionSettings } from '../../db/schema-trust.ts';
import { FIGURES_ONLY_BATCH, keepFiguresOnly } from '../analysis/figures-only.repository.ts';

const DAY_MS = 86_400_000;

export async function getRetention(db: Db, tenant: Tenant): Promise<RetentionSettingsView> {
  const [row] = await db
    .select()
    .from(retentionSettings)
    .where(eq(retentionSettings.organizationId, tenant.organizationId))
    .limit(1);
  return { transcriptDays: row?.transcriptDays ?? null, updatedAt: row?.updatedAt.toISOString() ?? null };
}

export async function setRetention(
  db: Db,
  tenant: Tenant,
  input: RetentionSettingsInput,
): Promise<RetentionSettingsView> {
  const values = {
    organizationId: tenant.organizationId,
    transcriptDays: input.transcriptDays,
    updatedAt: new Date(),
  };
  await db
    .insert(retentionSettings)
    .values(values)
    .onConflictDoUpdate({ target: retentionSettings.organizationId, set: values });
  return getRetention(db, tenant);
}

export interface RetentionResult {
  organizations: number;
  transcripts: number;
}

/**
 * Deletes, in every organization that set a limit, the transcripts of 1:1s held more than that
 * many days ago (by the meeting's date: how old the conversation is, not when it was uploaded),
 * keeping the analyses' figures. It works `batchSize` meetings per transaction, so a large
 * organization neither holds one long transaction nor sends more ids than a statement can bind.
 * Running it again, or on several servers at once, deletes each transcript once: a delete of a
 * row already gone deletes nothing.
 */
export async function runRetentionSweep(
  db: Db,
  now = new Date(),
  options: { batchSize?: number } = {},
): Promise<RetentionResult> {
  const batchSize = options.batchSize ?? FIGURES_ONLY_BATCH;
  const settings = await db
    .select({ organizationId: retentionSettings.organizationId, days: retentionSettings.transcriptDays })
    .from(retentionSettings)
    .where(isNotNull(retentionSettings.transcriptDays));
  let removed = 0;
  for (const { organizationId, days } of settings) {
    const cutoff = new Date(now.getTime() - (days ?? 0) * DAY_MS);
    for (;;) {
      const deletedInBatch = await db.transaction(async (tx) => {
        const batch = tx
          .select({ id: transcripts.meetingId })
          .from(transcripts)
          .innerJoin(meetings, eq(meetings.id, transcripts.meetingId))
          .where(and(eq(transcripts.organizationId, organizationId), lt(meetings.startsAt, cutoff)))
          .limit(batchSize);
        const deleted = await tx
          .delete(transcripts)
          .where(and(eq(transcripts.organizationId, organizationId), inArray(transcripts.meetingId, batch)))
          .returning({ meetingId: transcripts.meetingId });
        await keepFiguresOnly(
          tx,
          deleted.map((row) => row.meetingId),
          batchSize,
        );
        return deleted.length;
      });
      removed += deletedInBatch;
      // An empty batch means nothing is left, or another sweep is deleting the rest right now.
      if (deletedInBatch === 0) break;
    }
  }
  return { organizations: settings.length, transcripts: removed };
}
