import './insights.css';
import {
  Alert,
  Button,
  Card,
  Group,
  List,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconInfoCircle, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createLazyRoute, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import {
  type CalendarAuditItem,
  type CalendarAuditResult,
  calendarAuditEventsQuery,
  calendarAuditQuery,
  calendarAuditsKey,
  deleteCalendarAudit,
  myCalendarAuditsQuery,
} from '../../api/calendar-audits.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatCalendarDate, plural } from '../../lib/format.ts';
import { notifyDone, notifyFailed } from '../../lib/notify.ts';
import { useCurrentOrg } from '../../lib/use-org.ts';
import { CalendarEventsTable } from './calendar-events-table.tsx';
import { CalendarHoursChart, CoachingShareByWeek, shareSummary } from './calendar-hours.tsx';
import { CalendarImportForm } from './calendar-import-form.tsx';
import { SectionCard } from './chart-parts.tsx';
import { formatHours, formatShare } from './insight-figures.ts';
import { Stat } from './stat.tsx';

export const Route = createLazyRoute('/o/$org/insights/calendar')({ component: CalendarAuditPage });

function periodOf(audit: Pick<CalendarAuditItem, 'periodStart' | 'periodEnd' | 'timeZone'>): string {
  const day = (iso: string) =>
    new Date(iso).toLocaleDateString('en-CA', {
      timeZone: audit.timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
  // The end is exclusive: the last audited day is the one before it.
  const lastDay = new Date(new Date(audit.periodEnd).getTime() - 1).toISOString();
  return `${formatCalendarDate(day(audit.periodStart))} – ${formatCalendarDate(day(lastDay))}`;
}

function ImportNotes({ result }: { result: CalendarAuditResult }) {
  const { declined, allDay, cancelled } = result.leftOut;
  const leftOut = declined + allDay + cancelled;
  return (
    <Alert
      color="tandem"
      variant="light"
      icon={<IconInfoCircle size={18} aria-hidden="true" />}
      title="Calendar imported"
    >
      {plural(result.eventCount, 'event')} audited.
      {leftOut > 0
        ? ` Left out: ${declined} declined, ${allDay} all-day and ${cancelled} cancelled.`
        : ' Nothing was left out.'}
      {result.unknownTimeZones.length > 0
        ? ` Unknown time zones (${result.unknownTimeZones.join(', ')}) were read in ${result.timeZone}.`
        : ''}
    </Alert>
  );
}

function AuditView({ org, auditId }: { org: string; auditId: string }) {
  const summary = useQuery(calendarAuditQuery(org, auditId));
  const events = useQuery(calendarAuditEventsQuery(org, auditId));
  if (summary.isPending) return <Skeleton h={320} radius="lg" />;
  if (summary.isError) return <ErrorAlert error={summary.error} />;
  const audit = summary.data;
  const total = audit.total;
  return (
    <Stack gap="lg">
      <Text fz="sm" fw={600}>
        {shareSummary(audit)}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Stat
          label="Coaching share"
          value={formatShare(total.coachingShare)}
          detail="of your meeting hours"
        />
        <Stat
          label="Meetings"
          value={formatHours(total.meetingHours)}
          detail={`${audit.eventCount} events in ${audit.weeks.length} weeks`}
        />
        <Stat
          label="1:1s"
          value={formatHours(total.hoursByClass['one-on-one'] ?? 0)}
          detail={`${formatHours(total.oneOnOneHours.coaching)} coaching, ${formatHours(total.oneOnOneHours.checkIn)} check-in`}
        />
        <Stat
          label="Focus"
          value={formatHours(total.hoursByClass.focus ?? 0)}
          detail="time kept for thinking"
        />
      </SimpleGrid>
      <SectionCard
        id="hours"
        title="Hours by class"
        description="Each week of the period, stacked by what the time was for."
      >
        <CalendarHoursChart summary={audit} />
      </SectionCard>
      <SectionCard id="share" title="Coaching share, week by week">
        <CoachingShareByWeek weeks={audit.weeks} />
      </SectionCard>
      <SectionCard
        id="events"
        title="Events"
        description="What each event was counted as, and the rule that decided."
      >
        {events.isPending ? (
          <Skeleton h={200} />
        ) : events.isError ? (
          <ErrorAlert error={events.error} />
        ) : (
          <CalendarEventsTable org={org} auditId={auditId} timeZone={audit.timeZone} events={events.data} />
        )}
        <details className="tandem-figures">
          <summary>How events are classed</summary>
          <List type="ordered" fz="sm" spacing={4}>
            {audit.rules.map((rule) => (
              <List.Item key={rule}>{rule}</List.Item>
            ))}
          </List>
        </details>
      </SectionCard>
    </Stack>
  );
}

function CalendarAuditPage() {
  const { slug } = useCurrentOrg();
  const search = Route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [lastImport, setLastImport] = useState<CalendarAuditResult | null>(null);
  const audits = useQuery(myCalendarAuditsQuery(slug));
  const selected = search.audit ?? audits.data?.[0]?.id;
  const choose = (audit: string | undefined) =>
    navigate({ to: '/o/$org/insights/calendar', params: { org: slug }, search: { audit }, replace: true });
  const remove = useMutation({
    mutationFn: (auditId: string) => deleteCalendarAudit(slug, auditId),
    onSuccess: async () => {
      notifyDone('The audit and its events are deleted.');
      setLastImport(null);
      await choose(undefined);
      await queryClient.invalidateQueries({ queryKey: calendarAuditsKey(slug) });
    },
    onError: (error) => notifyFailed('The audit could not be deleted', error),
  });
  return (
    <>
      <PageHeader
        eyebrow={
          <AnchorLink to="/o/$org/insights" params={{ org: slug }} fz="sm" c="dimmed" w="fit-content">
            ← Insights
          </AnchorLink>
        }
        title="Calendar audit"
        description="Where your weeks go: import your calendar and see the hours of 1:1s, status meetings, strategy, outside meetings and focus time, and how much of it was coaching. Only you can see your audits."
      />
      <Stack gap="lg">
        <Card padding="lg" component="section" aria-labelledby="import-title">
          <Title order={2} size="h3" id="import-title" mb="sm">
            Import a calendar
          </Title>
          <CalendarImportForm
            org={slug}
            onImported={(result) => {
              setLastImport(result);
              void choose(result.id);
            }}
          />
        </Card>
        {lastImport && lastImport.id === selected ? <ImportNotes result={lastImport} /> : null}
        {audits.isPending ? (
          <Skeleton h={120} radius="lg" />
        ) : audits.isError ? (
          <ErrorAlert error={audits.error} />
        ) : !selected ? (
          <Text c="dimmed" fz="sm">
            No audit yet. Import an .ics export of your calendar above to see where your time goes.
          </Text>
        ) : (
          <Stack gap="md">
            <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
              <Select
                label="Audit"
                w={{ base: '100%', xs: 380 }}
                allowDeselect={false}
                data={audits.data.map((audit) => ({
                  value: audit.id,
                  label: `${audit.sourceName}: ${periodOf(audit)}`,
                }))}
                value={selected}
                onChange={(value) => value && void choose(value)}
              />
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={16} aria-hidden="true" />}
                loading={remove.isPending}
                onClick={() => remove.mutate(selected)}
              >
                Delete this audit
              </Button>
            </Group>
            <AuditView key={selected} org={slug} auditId={selected} />
          </Stack>
        )}
      </Stack>
    </>
  );
}
