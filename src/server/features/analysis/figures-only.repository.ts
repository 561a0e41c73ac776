import { inArray } from 'drizzle-orm';
import type { MeetingAnalysis } from '../../../core/coaching/analysis-types.ts';
import { figuresOnly } from '../../../core/coaching/figures-only.ts';
import type { Db } from '../../db/client.ts';
import { meetingAnalyses } from '../../db/schema-meetings.ts';

/** The analyses of these meetings keep their figures and lose every quote: their transcripts are gone. */
export async function keepFiguresOnly(db: Db, meetingIds: readonly string[]): Promise<void> {
  if (meetingIds.length === 0) return;
  const rows = await db
    .select({ meetingId: meetingAnalyses.meetingId, result: meetingAnalyses.result })
    .from(meetingAnalyses)
    .where(inArray(meetingAnalyses.meetingId, [...meetingIds]));
  for (const row of rows) {
    await db
      .update(meetingAnalyses)
      .set({ result: figuresOnly(row.result as MeetingAnalysis) })
      .where(inArray(meetingAnalyses.meetingId, [row.meetingId]));
  }
}
