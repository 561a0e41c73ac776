import { inArray, sql } from 'drizzle-orm';
import type { MeetingAnalysis } from '../../../core/coaching/analysis-types.ts';
import { figuresOnly } from '../../../core/coaching/figures-only.ts';
import type { Db } from '../../db/client.ts';
import { meetingAnalyses } from '../../db/schema-meetings.ts';

/**
 * Meetings per statement. A statement binds every id it names, and PostgreSQL's protocol caps a
 * statement at 65,535 parameters: one statement for a whole large organization would fail.
 */
export const FIGURES_ONLY_BATCH = 500;

/** The analyses of these meetings keep their figures and lose every quote: their transcripts are gone. */
export async function keepFiguresOnly(
  db: Db,
  meetingIds: readonly string[],
  batchSize = FIGURES_ONLY_BATCH,
): Promise<void> {
  for (let from = 0; from < meetingIds.length; from += batchSize) {
    const ids = meetingIds.slice(from, from + batchSize);
    const rows = await db
      .select({ meetingId: meetingAnalyses.meetingId, result: meetingAnalyses.result })
      .from(meetingAnalyses)
      .where(inArray(meetingAnalyses.meetingId, [...ids]));
    if (rows.length === 0) continue;
    const rewritten = Object.fromEntries(
      rows.map((row) => [row.meetingId, figuresOnly(row.result as MeetingAnalysis)]),
    );
    // One statement for the batch, its results as a single JSON parameter.
    await db.execute(
      sql`update meeting_analyses set result = figures.value
          from jsonb_each(${JSON.stringify(rewritten)}::jsonb) as figures
          where meeting_analyses.meeting_id = figures.key::uuid`,
    );
  }
}
