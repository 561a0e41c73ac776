import type { SQL } from 'drizzle-orm';
import type { DashboardView } from '../../../contracts/insights.ts';
import type { Verdict } from '../../../core/coaching/analysis-types.ts';
import {
  CHECK_IN_STREAK,
  isCheckInStreak,
  STALE_REPORT_DAYS,
  safetyDrop,
} from '../../../core/insights/flags.ts';
import { fillSeries, rounded, shareOf } from '../../../core/insights/ratios.ts';
import { heatmapLevels } from '../../../core/insights/skills-heatmap.ts';
import { daysBefore, recentWeeks, windowStart } from '../../../core/insights/weeks.ts';
import { skillLevels } from '../../../core/skills/skill-model.ts';
import type { Tenant } from '../../auth/policy.ts';
import { loadAcademy } from '../../content/load-academy.ts';
import { loadSkillModel } from '../../content/load-skill-model.ts';
import type { Db } from '../../db/client.ts';
import { getResults } from '../pulse/pulse-results.service.ts';
import * as repository from './insights.repository.ts';
import { getDashboardRoot, type InsightsPerson } from './insights-access.ts';

type LeaderFigures = DashboardView['leaders'][number];
type Flag = DashboardView['flags']['items'][number];

const FLAGS_SHOWN_PER_KIND = 100;

const personOf = (people: Map<string, repository.TreePerson>, id: string): InsightsPerson => {
  const person = people.get(id);
  return person ? { id, name: person.name, title: person.title } : { id, name: 'Former member', title: '' };
};

function verdictCounts(row: repository.AnalysisRow | undefined) {
  return {
    coaching: row?.coaching ?? 0,
    mixed: row?.mixed ?? 0,
    checkIn: row?.checkIn ?? 0,
    unscored: row?.unscored ?? 0,
  };
}

/** A leader's row of the dashboard from the grouped rows of each section. */
export function toLeaderFigures(
  leader: InsightsPerson,
  teamSize: number,
  cadence: repository.CadenceRow | undefined,
  analyses: repository.AnalysisRow | undefined,
  steps: repository.StepRow | undefined,
): LeaderFigures {
  return {
    leader,
    teamSize,
    analysed: analyses?.analysed ?? 0,
    averageScore: rounded(analyses?.averageScore, 1),
    verdicts: verdictCounts(analyses),
    averageAskTell: rounded(analyses?.averageAskTell),
    averageTalkShare: rounded(analyses?.averageTalkShare, 3),
    planned: cadence?.planned ?? 0,
    held: cadence?.held ?? 0,
    stepsDue: steps?.due ?? 0,
    stepsDoneOnTime: steps?.doneOnTime ?? 0,
    followThrough: shareOf(steps?.doneOnTime ?? 0, steps?.due ?? 0),
  };
}

export function byLeader<T extends { leaderId: string | null }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.flatMap((row) => (row.leaderId === null ? [] : [[row.leaderId, row] as const])));
}

export function byWeek<T extends { week: string | null }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.flatMap((row) => (row.week === null ? [] : [[row.week, row] as const])));
}

/** Every team pulse led inside the tree, through the pulse results service so its anonymity rules hold. */
async function findPulseTrends(
  db: Db,
  tenant: Tenant,
  scope: SQL,
  people: Map<string, repository.TreePerson>,
) {
  const surveys = await repository.findTeamSurveys(db, scope, tenant.organizationId);
  const trends: DashboardView['pulse'] = [];
  for (const survey of surveys) {
    const results = await getResults(db, tenant, survey.id, {});
    trends.push({
      surveyId: survey.id,
      title: results.survey.title,
      team: personOf(people, results.survey.teamLead.id),
      rounds: results.rounds
        .filter((round) => round.visibility !== 'open')
        .map((round) => ({
          closesAt: round.closesAt,
          visibility: round.visibility,
          respondents: round.visibility === 'shown' ? round.respondents : null,
          safetyScore: round.safety?.score ?? null,
          enps: round.enps,
        })),
    });
  }
  return trends;
}

/** The executive dashboard of one reporting tree: figures only, never a meeting's content. */
export async function getDashboard(
  db: Db,
  tenant: Tenant,
  query: { weeks: number; rootId?: string },
  now = new Date(),
): Promise<DashboardView> {
  const root = await getDashboardRoot(db, tenant, query.rootId);
  const scope = repository.treeScope(tenant.organizationId, root.id);
  const window = { organizationId: tenant.organizationId, from: windowStart(now, query.weeks), now };
  const [tree, cadence, analyses, steps, assessments, academy, stale, latest, skills, modules] =
    await Promise.all([
      repository.findTreePeople(db, scope, tenant.organizationId),
      repository.findCadence(db, scope, window, root.id),
      repository.findAnalyses(db, scope, window),
      repository.findSteps(db, scope, window),
      repository.findLatestAssessments(db, scope, tenant.organizationId, root.id),
      repository.findAcademyCompletions(db, scope, tenant.organizationId, root.id),
      repository.findReportsWithoutOneOnOne(db, scope, window, root.id, daysBefore(now, STALE_REPORT_DAYS)),
      repository.findLatestVerdicts(db, scope, tenant.organizationId, CHECK_IN_STREAK),
      loadSkillModel(),
      loadAcademy(),
    ]);
  const people = new Map(tree.map((person) => [person.id, person]));
  const pulse = await findPulseTrends(db, tenant, scope, people);
  const teamSizes = new Map<string, number>();
  for (const person of tree)
    if (person.managerId && person.id !== root.id)
      teamSizes.set(person.managerId, (teamSizes.get(person.managerId) ?? 0) + 1);

  const weeks = recentWeeks(now, query.weeks);
  const cadenceByLeader = byLeader(cadence);
  const analysesByLeader = byLeader(analyses);
  const stepsByLeader = byLeader(steps);
  const leaderIds = [
    ...new Set([...cadenceByLeader.keys(), ...analysesByLeader.keys(), ...stepsByLeader.keys()]),
  ];
  const leaders = leaderIds
    .map((id) =>
      toLeaderFigures(
        personOf(people, id),
        teamSizes.get(id) ?? 0,
        cadenceByLeader.get(id),
        analysesByLeader.get(id),
        stepsByLeader.get(id),
      ),
    )
    .sort((a, b) => a.leader.name.localeCompare(b.leader.name));

  const flags = collectFlags(people, stale, latest, pulse);
  return {
    root,
    generatedAt: now.toISOString(),
    weeks,
    treeSize: tree.length - 1,
    cadence: fillSeries(weeks, byWeek(cadence), () => undefined).map((row, index) => ({
      week: weeks[index]!,
      planned: row?.planned ?? 0,
      held: row?.held ?? 0,
    })),
    verdictsByWeek: fillSeries(weeks, byWeek(analyses), () => undefined).map((row, index) => ({
      week: weeks[index]!,
      ...verdictCounts(row),
    })),
    leaders,
    overdueByTeam: steps
      .filter((row) => row.open > 0)
      .map((row) => ({ team: personOf(people, row.leaderId), overdue: row.overdue, open: row.open }))
      .sort((a, b) => b.overdue - a.overdue || a.team.name.localeCompare(b.team.name)),
    skills: {
      skills: skills.map((skill) => ({ id: skill.id, name: skill.name })),
      levels: [...skillLevels],
      people: assessments
        .map((row) => ({
          person: personOf(people, row.subjectId),
          source: row.kind,
          levels: heatmapLevels(
            row.ratings,
            skills.map((skill) => skill.id),
          ),
        }))
        .sort((a, b) => a.person.name.localeCompare(b.person.name)),
    },
    academy: {
      modules: modules.length,
      people: academy
        .map((row) => ({ person: personOf(people, row.personId), completed: row.completed }))
        .sort((a, b) => b.completed - a.completed || a.person.name.localeCompare(b.person.name)),
    },
    pulse,
    flags,
  };
}

function collectFlags(
  people: Map<string, repository.TreePerson>,
  stale: ReadonlyArray<{ personId: string }>,
  latest: ReadonlyArray<{ leaderId: string; verdicts: Array<string | null> }>,
  pulse: DashboardView['pulse'],
): DashboardView['flags'] {
  const byName = (a: Flag, b: Flag) => a.person.name.localeCompare(b.person.name);
  const noOneOnOne: Flag[] = stale.map((row) => ({
    kind: 'no-recent-one-on-one',
    person: personOf(people, row.personId),
    message: `No 1:1 held in the last ${STALE_REPORT_DAYS / 7} weeks.`,
  }));
  const streaks: Flag[] = latest
    .filter((row) => isCheckInStreak(row.verdicts as Array<Verdict | null>))
    .map((row) => ({
      kind: 'check-in-streak',
      person: personOf(people, row.leaderId),
      message: `The last ${CHECK_IN_STREAK} analysed 1:1s were all check-ins.`,
    }));
  const safety: Flag[] = pulse.flatMap((trend) => {
    const drop = safetyDrop(trend.rounds);
    return drop
      ? [
          {
            kind: 'safety-fell' as const,
            person: trend.team,
            message: `Psychological safety fell from ${drop.from} to ${drop.to} between the last two rounds shown.`,
          },
        ]
      : [];
  });
  const groups = [noOneOnOne, safety, streaks];
  return {
    total: groups.reduce((sum, group) => sum + group.length, 0),
    items: groups.flatMap((group) => group.sort(byName).slice(0, FLAGS_SHOWN_PER_KIND)),
  };
}
