import { Stack, Table, Text } from '@mantine/core';
import { Bar, BarChart, ResponsiveContainer } from 'recharts';
import type { CalendarAuditSummary } from '../../api/calendar-audits.ts';
import { eventClassLabels, eventClassOrder } from './calendar-labels.ts';
import { ChartFrame, ChartLegend, chartAxes, chartMargin, FiguresTable, WeekRows } from './chart-parts.tsx';
import {
  formatHours,
  formatHoursChange,
  formatPointsChange,
  formatShare,
  formatWeek,
} from './insight-figures.ts';

type Week = CalendarAuditSummary['weeks'][number];

/** The first and last week's coaching share in one sentence. */
export function shareSummary(summary: CalendarAuditSummary): string {
  const total = `Coaching 1:1s were ${formatShare(summary.total.coachingShare)} of your ${formatHours(summary.total.meetingHours)} in meetings`;
  const last = summary.weeks.at(-1);
  if (!last || summary.weeks.length < 2) return `${total}.`;
  return `${total}; ${formatShare(last.coachingShare)} in the week of ${formatWeek(last.weekStart)} (${formatPointsChange(last.change?.coachingShare ?? null)} on the week before).`;
}

/** Hours per week stacked by class, with the same hours and their change in a table. */
export function CalendarHoursChart({ summary }: { summary: CalendarAuditSummary }) {
  const data = summary.weeks.map((week) => ({ label: formatWeek(week.weekStart), ...week.hoursByClass }));
  return (
    <Stack gap="xs">
      <ChartLegend entries={eventClassOrder.map((eventClass) => eventClassLabels[eventClass])} />
      <ChartFrame height={240}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} accessibilityLayer={false} margin={chartMargin}>
            {chartAxes({ format: formatHours })}
            {eventClassOrder.map((eventClass) => (
              <Bar
                key={eventClass}
                dataKey={eventClass}
                name={eventClassLabels[eventClass].label}
                stackId="hours"
                fill={eventClassLabels[eventClass].color}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
      <FiguresTable caption="Hours by class each week, with the change from the week before" minWidth={640}>
        <WeekRows
          weeks={summary.weeks}
          weekOf={(week) => week.weekStart}
          columns={eventClassOrder.map((eventClass) => ({
            header: eventClassLabels[eventClass].label,
            cell: (week: Week) => (
              <>
                {formatHours(week.hoursByClass[eventClass] ?? 0)}
                {week.change ? (
                  <Text component="span" fz="xs" c="dimmed">
                    {' '}
                    ({formatHoursChange(week.change.hoursByClass[eventClass] ?? 0)})
                  </Text>
                ) : null}
              </>
            ),
          }))}
        />
      </FiguresTable>
    </Stack>
  );
}

/** The coaching share of each week beside the week before: the figure the audit is for. */
export function CoachingShareByWeek({ weeks }: { weeks: readonly Week[] }) {
  return (
    <Table.ScrollContainer
      minWidth={460}
      type="native"
      tabIndex={0}
      role="region"
      aria-label="Coaching share by week"
    >
      <Table verticalSpacing={6} fz="sm" className="tandem-tabular">
        <Table.Caption>
          The coaching share is the hours of 1:1s that Tandem’s analysis found coaching, over all your meeting
          hours.
        </Table.Caption>
        <WeekRows
          weeks={weeks}
          weekOf={(week) => week.weekStart}
          columns={[
            { header: 'Meetings', cell: (week) => formatHours(week.meetingHours) },
            { header: 'Coaching 1:1s', cell: (week) => formatHours(week.oneOnOneHours.coaching) },
            { header: 'Coaching share', cell: (week) => formatShare(week.coachingShare), fw: 600 },
            {
              header: 'Change',
              cell: (week) => (week.change ? formatPointsChange(week.change.coachingShare) : '—'),
            },
          ]}
        />
      </Table>
    </Table.ScrollContainer>
  );
}
