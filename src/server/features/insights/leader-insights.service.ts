import { and, count, eq } from 'drizzle-orm';
import type { LeaderInsightsView } from '../../../contracts/insights.ts';
import { fillSeries, rounded } from '../../../core/insights/ratios.ts';
import { recentWeeks, windowStart } from '../../../core/insights/weeks.ts';
import type { Tenant } from '../../auth/policy.ts';
import type { Db } from '../../db/client.ts';
import { people } from '../../db/schema.ts';
import { byLeader, byWeek, toLeaderFigures } from './dashboard.service.ts';
import * as repository from './insights.repository.ts';
import { getVisibleLeader } from './insights-access.ts';

/** One leader's figures over the weeks: score trend, verdicts, ask:tell, talk share, follow-through, cadence kept. */
export async function getLeaderInsights(
  db: Db,
  tenant: Tenant,
  leaderId: string,
  query: { weeks: number },
  now = new Date(),
): Promise<LeaderInsightsView> {
  const leader = await getVisibleLeader(db, tenant, leaderId);
  const scope = repository.leaderScope(leader.id);
  const window = { organizationId: tenant.organizationId, from: windowStart(now, query.weeks), now };
  const [cadence, analyses, steps, team] = await Promise.all([
    repository.findLeaderCadence(db, leader.id, window),
    repository.findAnalyses(db, scope, window),
    repository.findSteps(db, scope, window),
    db
      .select({ directReports: count() })
      .from(people)
      .where(and(eq(people.organizationId, tenant.organizationId), eq(people.managerId, leader.id))),
  ]);
  const weeks = recentWeeks(now, query.weeks);
  const cadenceByWeek = byWeek(cadence);
  const directReports = team[0]?.directReports ?? 0;
  return {
    leader,
    weeks,
    figures: toLeaderFigures(
      leader,
      directReports,
      byLeader(cadence).get(leader.id),
      byLeader(analyses).get(leader.id),
      byLeader(steps).get(leader.id),
    ),
    byWeek: fillSeries(weeks, byWeek(analyses), () => undefined).map((row, index) => {
      const week = weeks[index]!;
      return {
        week,
        averageScore: rounded(row?.averageScore, 1),
        coaching: row?.coaching ?? 0,
        mixed: row?.mixed ?? 0,
        checkIn: row?.checkIn ?? 0,
        unscored: row?.unscored ?? 0,
        planned: cadenceByWeek.get(week)?.planned ?? 0,
        held: cadenceByWeek.get(week)?.held ?? 0,
      };
    }),
  };
}
