import { Badge, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconHeartbeat, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createLazyRoute } from '@tanstack/react-router';
import type { PulseFormView, PulseSurveyView } from '../../../contracts/pulse.ts';
import { isApiError } from '../../api/client.ts';
import {
  answerPulseInApp,
  openPulseRoundsQuery,
  pulseKey,
  pulseLeadsQuery,
  pulseSurveysQuery,
} from '../../api/pulse.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { CardLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDate, plural } from '../../lib/format.ts';
import { notifyDone } from '../../lib/notify.ts';
import { useCurrentOrg } from '../../lib/use-org.ts';
import { AnonymityPromise, PulseForm } from './pulse-form.tsx';
import { AnsweredNotice, ClosedNotice } from './pulse-notices.tsx';
import { ScheduleDialog } from './schedule-dialog.tsx';

export const Route = createLazyRoute('/o/$org/pulse')({ component: PulsePage });

const cadenceWords = { once: 'Once', monthly: 'Monthly', quarterly: 'Quarterly' } as const;

function OpenRound({ form }: { form: PulseFormView }) {
  const { slug } = useCurrentOrg();
  const queryClient = useQueryClient();
  const answer = useMutation({
    mutationFn: (answers: Record<string, number | string>) => answerPulseInApp(slug, form.roundId, answers),
    onSuccess: async () => {
      notifyDone('Thank you: your answers are in, without your name.');
      await queryClient.invalidateQueries({ queryKey: pulseKey(slug) });
    },
  });
  return (
    <Stack gap="md" component="section" aria-labelledby={`round-${form.roundId}`}>
      <div>
        <Title order={2} id={`round-${form.roundId}`}>
          {form.surveyTitle}
        </Title>
        <Text fz="sm" c="dimmed">
          About {form.teamLeadName}’s team · open until {formatDate(form.closesAt)}
        </Text>
      </div>
      {form.hasAnswered || isApiError(answer.error, 'CONFLICT') ? (
        <AnsweredNotice />
      ) : isApiError(answer.error, 'GONE') ? (
        <ClosedNotice />
      ) : (
        <PulseForm
          form={form}
          isSubmitting={answer.isPending}
          error={answer.error}
          onSubmit={(answers) => answer.mutate(answers)}
        />
      )}
    </Stack>
  );
}

function SurveyCard({ survey }: { survey: PulseSurveyView }) {
  const { slug } = useCurrentOrg();
  const round = survey.latestRound;
  return (
    <CardLink
      to="/o/$org/pulse/surveys/$surveyId"
      params={{ org: slug, surveyId: survey.id }}
      padding="lg"
      className="tandem-stat"
    >
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={2}>
          <Title order={3} size="h4">
            {survey.title}
          </Title>
          <Text fz="sm" c="dimmed">
            {survey.teamLead.name}’s {survey.scope === 'tree' ? 'whole tree' : 'direct reports'} ·{' '}
            {cadenceWords[survey.cadence]} · {plural(survey.roundCount, 'round')}
            {round ? ` · latest: ${round.respondents} of ${round.invited} answered` : ''}
          </Text>
        </Stack>
        <Group gap="xs">
          {round?.isOpen ? <Badge color="tandem">Open until {formatDate(round.closesAt)}</Badge> : null}
          {survey.isActive ? null : <Badge color="gray">Stopped</Badge>}
        </Group>
      </Group>
    </CardLink>
  );
}

function PulsePage() {
  const { slug } = useCurrentOrg();
  const open = useQuery(openPulseRoundsQuery(slug));
  const surveys = useQuery(pulseSurveysQuery(slug));
  const leads = useQuery(pulseLeadsQuery(slug));
  const [isScheduling, dialog] = useDisclosure(false);
  const canSchedule = (leads.data?.length ?? 0) > 0;
  const waiting = open.data?.filter((form) => !form.hasAnswered) ?? [];
  return (
    <>
      <PageHeader
        title="Culture pulse"
        description="A few anonymous questions on how safe it feels to speak up on a team, repeated over time, so leaders see the trend and not a person."
        actions={
          canSchedule ? (
            <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={dialog.open}>
              Schedule a pulse
            </Button>
          ) : null
        }
      />
      <Stack gap="xl">
        {open.isPending ? (
          <Skeleton h={120} radius="lg" />
        ) : open.isError ? (
          <ErrorAlert error={open.error} />
        ) : open.data.length === 0 ? (
          <Card padding="lg">
            <Group gap="sm" wrap="nowrap">
              <IconHeartbeat size={20} aria-hidden="true" color="var(--mantine-color-dimmed)" />
              <Text fz="sm" c="dimmed">
                No pulse is asking you anything right now.
              </Text>
            </Group>
          </Card>
        ) : (
          <Stack gap="xl">
            {waiting.length > 0 ? <AnonymityPromise /> : null}
            {open.data.map((form) => (
              <OpenRound key={form.roundId} form={form} />
            ))}
          </Stack>
        )}
        <Stack gap="md" component="section" aria-labelledby="pulse-surveys">
          <Title order={2} id="pulse-surveys">
            Team results
          </Title>
          {surveys.isPending ? (
            <Skeleton h={80} radius="lg" />
          ) : surveys.isError ? (
            <ErrorAlert error={surveys.error} />
          ) : surveys.data.length === 0 ? (
            <Text fz="sm" c="dimmed">
              {canSchedule
                ? 'No pulse runs for your teams yet. Schedule one to see how it feels to work on them.'
                : 'Results appear here for the teams you lead, once a pulse runs for them.'}
            </Text>
          ) : (
            surveys.data.map((survey) => <SurveyCard key={survey.id} survey={survey} />)
          )}
        </Stack>
      </Stack>
      {canSchedule ? (
        <ScheduleDialog opened={isScheduling} onClose={dialog.close} leads={leads.data ?? []} />
      ) : null}
    </>
  );
}
