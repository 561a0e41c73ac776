import './insights.css';
import { Select, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createLazyRoute, useNavigate } from '@tanstack/react-router';
import { Line, LineChart, ResponsiveContainer } from 'recharts';
import type { LeaderInsightsView } from '../../../contracts/insights.ts';
import { leaderInsightsQuery } from '../../api/insights.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { DEFAULT_WEEKS, periodChoices } from '../../insights-routes.tsx';
import { plural } from '../../lib/format.ts';
import { useCurrentOrg } from '../../lib/use-org.ts';
import {
  ChartFrame,
  chartAxes,
  chartColors,
  chartMargin,
  FiguresTable,
  SectionCard,
  WeekRows,
} from './chart-parts.tsx';
import {
  coachingShareOf,
  formatAskTell,
  formatScore,
  formatShare,
  formatWeek,
  ratio,
} from './insight-figures.ts';
import { Stat } from './stat.tsx';
import { CadenceChart, VerdictMixChart } from './week-charts.tsx';

export const Route = createLazyRoute('/o/$org/insights/leaders/$personId')({ component: LeaderPage });

type Week = LeaderInsightsView['byWeek'][number];

export function scoreSummary(weeks: readonly Week[]): string {
  const scored = weeks.filter((week): week is Week & { averageScore: number } => week.averageScore !== null);
  const first = scored[0];
  const last = scored.at(-1);
  if (!first || !last) return 'No 1:1 in this period has been analysed yet, so there is no score to follow.';
  if (first === last)
    return `Coaching score ${formatScore(last.averageScore)} in the week of ${formatWeek(last.week)}.`;
  return `Coaching score from ${formatScore(first.averageScore)} in the week of ${formatWeek(first.week)} to ${formatScore(last.averageScore)} in the week of ${formatWeek(last.week)}.`;
}

function ScoreTrend({ weeks }: { weeks: readonly Week[] }) {
  const data = weeks.map((week) => ({ label: formatWeek(week.week), score: week.averageScore }));
  return (
    <Stack gap="xs">
      <Text fz="sm" fw={600}>
        {scoreSummary(weeks)}
      </Text>
      <ChartFrame height={200}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} accessibilityLayer={false} margin={chartMargin}>
            {chartAxes({ yDomain: [0, 100] })}
            <Line
              dataKey="score"
              name="Average score"
              stroke={chartColors.held}
              strokeWidth={2.5}
              dot={{ r: 3, fill: chartColors.held }}
              connectNulls
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </ChartFrame>
      <FiguresTable
        caption="Average coaching score (0–100) of the analysed 1:1s, week by week"
        minWidth={280}
      >
        <WeekRows
          weeks={weeks}
          weekOf={(week) => week.week}
          columns={[
            { header: 'Analysed', cell: (week) => week.coaching + week.mixed + week.checkIn },
            { header: 'Average score', cell: (week) => formatScore(week.averageScore) },
          ]}
        />
      </FiguresTable>
    </Stack>
  );
}

function LeaderFiguresView({ view }: { view: LeaderInsightsView }) {
  const { figures } = view;
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
        <Stat
          label="Score"
          value={formatScore(figures.averageScore)}
          detail={`average of ${figures.analysed} analysed`}
        />
        <Stat
          label="Coaching"
          value={formatShare(coachingShareOf(figures.verdicts))}
          detail={`${figures.verdicts.coaching} coaching · ${figures.verdicts.mixed} mixed · ${figures.verdicts.checkIn} check-in`}
        />
        <Stat
          label="Ask:tell"
          value={formatAskTell(figures.averageAskTell)}
          detail="questions per telling statement"
        />
        <Stat
          label="Talk share"
          value={formatShare(figures.averageTalkShare)}
          detail="of the words were theirs"
        />
        <Stat
          label="Follow-through"
          value={formatShare(figures.followThrough)}
          detail={`${figures.stepsDoneOnTime} of ${figures.stepsDue} next steps on time`}
        />
        <Stat
          label="1:1s held"
          value={formatShare(ratio(figures.held, figures.planned))}
          detail={`${figures.held} of ${figures.planned} planned`}
        />
      </SimpleGrid>
      <SectionCard
        id="score"
        title="Coaching score"
        description="The analyser’s 0–100 score, averaged per week."
      >
        <ScoreTrend weeks={view.byWeek} />
      </SectionCard>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <SectionCard id="mix" title="Coaching mix" description="Their analysed 1:1s each week.">
          <VerdictMixChart
            weeks={view.byWeek}
            caption={`${view.leader.name}’s analysed 1:1s by verdict, week by week`}
          />
        </SectionCard>
        <SectionCard id="cadence" title="1:1s held and planned" description="Their scheduled 1:1s each week.">
          <CadenceChart
            weeks={view.byWeek}
            caption={`${view.leader.name}’s 1:1s planned and held, week by week`}
          />
        </SectionCard>
      </SimpleGrid>
    </Stack>
  );
}

function LeaderPage() {
  const { slug } = useCurrentOrg();
  const { personId } = Route.useParams();
  const search = Route.useSearch();
  const navigate = useNavigate();
  const weeks = search.weeks ?? DEFAULT_WEEKS;
  const insights = useQuery({
    ...leaderInsightsQuery(slug, personId, weeks),
    placeholderData: keepPreviousData,
  });
  const view = insights.data;
  return (
    <>
      <PageHeader
        eyebrow={
          <AnchorLink
            to="/o/$org/insights"
            params={{ org: slug }}
            search={{ weeks: search.weeks }}
            fz="sm"
            c="dimmed"
            w="fit-content"
          >
            ← Insights
          </AnchorLink>
        }
        title={view ? view.leader.name : 'Leader'}
        description={
          view
            ? `${view.leader.title ? `${view.leader.title}, ` : ''}${plural(view.figures.teamSize, 'direct report')}. Their coaching figures over the last ${weeks} weeks: the content of their 1:1s stays between them and their reports.`
            : undefined
        }
        actions={
          <Select
            label="Period"
            w={140}
            allowDeselect={false}
            data={periodChoices.map((choice) => ({ value: String(choice), label: `${choice} weeks` }))}
            value={String(weeks)}
            onChange={(value) =>
              value &&
              navigate({
                to: '/o/$org/insights/leaders/$personId',
                params: { org: slug, personId },
                search: { weeks: Number(value) === DEFAULT_WEEKS ? undefined : Number(value) },
              })
            }
          />
        }
      />
      {insights.isPending ? (
        <Skeleton h={320} radius="lg" />
      ) : insights.isError ? (
        <ErrorAlert error={insights.error} />
      ) : (
        <LeaderFiguresView view={insights.data} />
      )}
    </>
  );
}
