import './insights.css';
import { Button, Select, SimpleGrid, Skeleton, Stack } from '@mantine/core';
import { IconCalendarStats, IconPrinter } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createLazyRoute, useNavigate } from '@tanstack/react-router';
import type { DashboardView } from '../../../contracts/insights.ts';
import {
  type DashboardScope,
  dashboardCsvHref,
  dashboardQuery,
  dashboardReportHref,
} from '../../api/insights.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ButtonLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { DEFAULT_WEEKS, periodChoices } from '../../insights-routes.tsx';
import { useCurrentOrg } from '../../lib/use-org.ts';
import { AttentionFlags } from './attention-flags.tsx';
import { SectionCard } from './chart-parts.tsx';
import {
  coachingShareOf,
  formatAskTell,
  formatShare,
  ratio,
  sumVerdicts,
  weightedAverage,
} from './insight-figures.ts';
import { LeadersTable } from './leaders-table.tsx';
import { PulseTrends } from './pulse-trends.tsx';
import { SkillsHeatmap } from './skills-heatmap.tsx';
import { Stat } from './stat.tsx';
import { AcademyProgress, OverdueByTeam } from './team-figures.tsx';
import { CadenceChart, VerdictMixChart } from './week-charts.tsx';

export const Route = createLazyRoute('/o/$org/insights')({ component: DashboardPage });

const MY_TREE = 'mine';

function HeadlineFigures({ view }: { view: DashboardView }) {
  const planned = view.cadence.reduce((sum, week) => sum + week.planned, 0);
  const held = view.cadence.reduce((sum, week) => sum + week.held, 0);
  const mix = sumVerdicts(view.verdictsByWeek);
  const due = view.leaders.reduce((sum, leader) => sum + leader.stepsDue, 0);
  const onTime = view.leaders.reduce((sum, leader) => sum + leader.stepsDoneOnTime, 0);
  const overdue = view.overdueByTeam.reduce((sum, team) => sum + team.overdue, 0);
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
      <Stat
        label="1:1s held"
        value={formatShare(ratio(held, planned))}
        detail={`${held} of ${planned} planned`}
      />
      <Stat
        label="Coaching"
        value={formatShare(coachingShareOf(mix))}
        detail={`of ${mix.coaching + mix.mixed + mix.checkIn} analysed 1:1s`}
      />
      <Stat
        label="Ask:tell"
        value={formatAskTell(weightedAverage(view.leaders, (leader) => leader.averageAskTell))}
        detail={`leaders’ talk share ${formatShare(weightedAverage(view.leaders, (leader) => leader.averageTalkShare))}`}
      />
      <Stat
        label="Follow-through"
        value={formatShare(ratio(onTime, due))}
        detail={`${onTime} of ${due} next steps on time`}
      />
      <Stat label="Overdue" value={String(overdue)} detail="next steps past their date" />
    </SimpleGrid>
  );
}

function Dashboard({ org, view, scope }: { org: string; view: DashboardView; scope: DashboardScope }) {
  const csv = (section: Parameters<typeof dashboardCsvHref>[2]) => dashboardCsvHref(org, scope, section);
  return (
    <Stack gap="lg">
      <HeadlineFigures view={view} />
      <SectionCard
        id="flags"
        title="Needs attention"
        description="Reports without a 1:1 in four weeks, teams whose safety fell, leaders whose recent 1:1s were all check-ins."
        csvHref={csv('flags')}
      >
        <AttentionFlags org={org} view={view} />
      </SectionCard>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <SectionCard
          id="mix"
          title="Coaching mix over time"
          description="Analysed 1:1s each week: coaching, mixed or a status check-in."
          csvHref={csv('verdicts-by-week')}
        >
          <VerdictMixChart weeks={view.verdictsByWeek} caption="Analysed 1:1s by verdict, week by week" />
        </SectionCard>
        <SectionCard
          id="cadence"
          title="1:1s held and planned"
          description="1:1s scheduled each week, and how many took place."
          csvHref={csv('cadence')}
        >
          <CadenceChart weeks={view.cadence} caption="1:1s planned and held, week by week" />
        </SectionCard>
      </SimpleGrid>
      <SectionCard
        id="leaders"
        title="Leaders"
        description="Each leader’s mix, ask:tell (questions per telling statement), talk share and follow-through. Open a name for their figures over time."
        csvHref={csv('leaders')}
      >
        <LeadersTable org={org} leaders={view.leaders} weeks={scope.weeks} />
      </SectionCard>
      <SectionCard
        id="pulse"
        title="Culture pulse"
        description="Psychological safety and eNPS of each pulse in the tree, only for rounds with five or more answers."
        csvHref={csv('pulse')}
      >
        <PulseTrends org={org} trends={view.pulse} />
      </SectionCard>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <SectionCard id="overdue" title="Overdue next steps by team" csvHref={csv('overdue-by-team')}>
          <OverdueByTeam rows={view.overdueByTeam} />
        </SectionCard>
        <SectionCard id="academy" title="Leader Academy" csvHref={csv('academy')}>
          <AcademyProgress academy={view.academy} />
        </SectionCard>
      </SimpleGrid>
      <SectionCard
        id="skills"
        title="Skills"
        description="The latest level in each of the twelve leadership skills, from the manager’s assessment where there is one."
        csvHref={csv('skills')}
      >
        <SkillsHeatmap skills={view.skills} />
      </SectionCard>
    </Stack>
  );
}

function DashboardPage() {
  const { slug } = useCurrentOrg();
  const search = Route.useSearch();
  const navigate = useNavigate();
  const scope: DashboardScope = { weeks: search.weeks ?? DEFAULT_WEEKS, rootId: search.root };
  const dashboard = useQuery({ ...dashboardQuery(slug, scope), placeholderData: keepPreviousData });
  const view = dashboard.data;
  const go = (change: { weeks?: number; root?: string }) =>
    navigate({
      to: '/o/$org/insights',
      params: { org: slug },
      search: (previous) => {
        const next = { ...previous, ...change };
        return {
          weeks: next.weeks === DEFAULT_WEEKS ? undefined : next.weeks,
          root: next.root === MY_TREE ? undefined : next.root,
        };
      },
    });
  const treeOptions = view
    ? [
        { value: MY_TREE, label: 'My reporting tree' },
        ...(search.root ? [{ value: search.root, label: `${view.root.name}’s tree` }] : []),
        ...view.leaders
          .filter((leader) => leader.leader.id !== view.root.id && leader.leader.id !== search.root)
          .map((leader) => ({ value: leader.leader.id, label: `${leader.leader.name}’s tree` })),
      ]
    : [{ value: MY_TREE, label: 'My reporting tree' }];
  return (
    <>
      <PageHeader
        title="Insights"
        description={
          view
            ? `How ${view.root.name}’s tree of ${view.treeSize} people leads its 1:1s, over the last ${scope.weeks} weeks. Figures only: no meeting titles, notes or quotes.`
            : 'How your reporting tree leads its 1:1s. Figures only: no meeting titles, notes or quotes.'
        }
        actions={
          <>
            <Select
              label="Period"
              w={140}
              allowDeselect={false}
              data={periodChoices.map((weeks) => ({ value: String(weeks), label: `${weeks} weeks` }))}
              value={String(scope.weeks)}
              onChange={(value) => value && go({ weeks: Number(value) })}
            />
            <Select
              label="Whose tree"
              w={230}
              allowDeselect={false}
              data={treeOptions}
              value={search.root ?? MY_TREE}
              onChange={(value) => value && go({ root: value })}
            />
          </>
        }
      />
      <Stack gap="lg">
        <Stack gap="xs" className="tandem-insights-links">
          <Button
            component="a"
            href={dashboardReportHref(slug, scope)}
            target="_blank"
            rel="noopener"
            variant="default"
            leftSection={<IconPrinter size={16} aria-hidden="true" />}
          >
            Printable report
          </Button>
          <ButtonLink
            to="/o/$org/insights/calendar"
            params={{ org: slug }}
            variant="light"
            leftSection={<IconCalendarStats size={16} aria-hidden="true" />}
          >
            Audit my calendar
          </ButtonLink>
        </Stack>
        {dashboard.isPending ? (
          <Skeleton h={320} radius="lg" />
        ) : dashboard.isError ? (
          <ErrorAlert error={dashboard.error} />
        ) : (
          <Dashboard org={slug} view={dashboard.data} scope={scope} />
        )}
      </Stack>
    </>
  );
}
