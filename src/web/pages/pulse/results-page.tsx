import {
  Alert,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconClockHour4, IconUsers } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createLazyRoute, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { PulseResultsView } from '../../../contracts/pulse.ts';
import { closePulseRound, type PulseRound, pulseKey, pulseResultsQuery } from '../../api/pulse.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDate } from '../../lib/format.ts';
import { notifyDone, notifyFailed } from '../../lib/notify.ts';
import { useCurrentOrg } from '../../lib/use-org.ts';
import { formatEnps, formatRate, formatRoundDate, formatRoundTick, formatSafety } from './pulse-figures.ts';
import { RoundDetails } from './round-details.tsx';
import { TrendChart } from './trend-chart.tsx';

export const Route = createLazyRoute('/o/$org/pulse/surveys/$surveyId')({ component: PulseResultsPage });

const WHOLE_TEAM = 'all';

function hiddenReason(round: PulseRound, minimum: number): string {
  if (round.visibility === 'open')
    return `Still open until ${formatDate(round.closesAt)}: figures appear once it closes, so nobody can be read from answers arriving one by one.`;
  return `Fewer than ${minimum} answered, so no figure is shown: with so few, answers could be traced to people.`;
}

function OpenRoundCard({ round, minimum }: { round: PulseRound; minimum: number }) {
  const { slug } = useCurrentOrg();
  const queryClient = useQueryClient();
  const close = useMutation({
    mutationFn: () => closePulseRound(slug, round.id),
    onSuccess: async () => {
      notifyDone('The round is closed.');
      await queryClient.invalidateQueries({ queryKey: pulseKey(slug) });
    },
    onError: (error) => notifyFailed('The round could not be closed', error),
  });
  const respondents = round.respondents ?? 0;
  const [isConfirming, setIsConfirming] = useState(false);
  return (
    <Alert
      color="tandem"
      variant="light"
      icon={<IconClockHour4 size={18} aria-hidden="true" />}
      title="A round is open"
    >
      <Stack gap="sm">
        <Text fz="sm">
          {round.invited === null
            ? `Open until ${formatDate(round.closesAt)}.`
            : `${respondents} of ${round.invited} have answered (${formatRate(round.responseRate)}); it stays open until ${formatDate(round.closesAt)}.`}{' '}
          Figures appear once it closes with {minimum} or more answers.
        </Text>
        {isConfirming ? (
          <Stack gap="xs">
            <Text fz="sm" fw={600}>
              {round.invited === null
                ? 'Close it now? Nobody can answer it after that.'
                : round.invited === respondents
                  ? 'Everyone asked has answered. Close it now to read the results?'
                  : `Close it now? ${round.invited - respondents} of ${round.invited} have not answered and could no longer answer.`}
            </Text>
            <Group gap="xs">
              <Button size="xs" loading={close.isPending} onClick={() => close.mutate()}>
                Yes, close the round
              </Button>
              <Button size="xs" variant="default" onClick={() => setIsConfirming(false)}>
                Keep it open
              </Button>
            </Group>
          </Stack>
        ) : (
          <Group>
            <Button size="xs" variant="default" onClick={() => setIsConfirming(true)}>
              Close this round now
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

function RoundsTable({
  rounds,
  minimum,
  isNarrowed,
}: {
  rounds: PulseRound[];
  minimum: number;
  isNarrowed: boolean;
}) {
  // Focusable, so a keyboard can scroll the table sideways on a phone.
  return (
    <Table.ScrollContainer minWidth={520} type="native" tabIndex={0} role="region" aria-label="Rounds table">
      <Table verticalSpacing="xs">
        <Table.Caption>
          Every round, oldest first. Rounds without figures show only how many answered.
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Round</Table.Th>
            <Table.Th scope="col">Answered</Table.Th>
            <Table.Th scope="col">Safety (1–7)</Table.Th>
            <Table.Th scope="col">eNPS</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rounds.map((round) => (
            <Table.Tr key={round.id}>
              <Table.Th scope="row" fw={500}>
                {formatRoundDate(round.opensAt)}
              </Table.Th>
              <Table.Td>
                {round.invited === null
                  ? (round.respondents ?? '—')
                  : `${round.respondents} of ${round.invited} (${formatRate(round.responseRate)})`}
              </Table.Td>
              {round.visibility === 'shown' ? (
                <>
                  <Table.Td>{round.safety ? formatSafety(round.safety.score) : '—'}</Table.Td>
                  <Table.Td>{round.enps === null ? '—' : formatEnps(round.enps)}</Table.Td>
                </>
              ) : (
                <Table.Td colSpan={2}>
                  <Text fz="sm" c="dimmed">
                    {round.visibility === 'open'
                      ? 'Open: figures once closed'
                      : isNarrowed
                        ? 'Not shown for this team alone'
                        : `Under ${minimum}: not shown`}
                  </Text>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Results({ data }: { data: PulseResultsView }) {
  const minimum = data.minimumGroupSize;
  const shown = data.rounds.filter((round) => round.visibility === 'shown');
  const latest = data.rounds.at(-1);
  const latestShown = shown.at(-1);
  const open = data.rounds.filter((round) => round.visibility === 'open');
  const points = (figure: (round: PulseRound) => number | null) =>
    data.rounds.map((round) => ({
      key: round.id,
      label: formatRoundDate(round.opensAt),
      tick: formatRoundTick(round.opensAt),
      value: figure(round),
    }));
  return (
    <Stack gap="lg">
      {open.map((round) => (
        <OpenRoundCard key={round.id} round={round} minimum={minimum} />
      ))}
      {latest && latest.visibility === 'too-few' ? (
        <Alert
          color="gray"
          variant="light"
          icon={<IconUsers size={18} aria-hidden="true" />}
          title="The latest round has too few answers to show"
        >
          {latest.invited === null
            ? hiddenReason(latest, minimum)
            : `${latest.respondents} of ${latest.invited} answered (${formatRate(latest.responseRate)}). ${hiddenReason(latest, minimum)}`}
        </Alert>
      ) : null}
      {data.survey.questions.some((question) => question.kind !== 'text') ? (
        <Card padding="lg">
          <Title order={2} size="h3" mb="md">
            Over time
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" mb="md">
            {data.survey.questions.some((question) => question.kind === 'agreement') ? (
              <TrendChart
                title="Psychological safety"
                points={points((round) => round.safety?.score ?? null)}
                min={1}
                max={7}
                format={formatSafety}
              />
            ) : null}
            {data.survey.questions.some((question) => question.kind === 'nps') ? (
              <TrendChart
                title="eNPS"
                points={points((round) => round.enps)}
                min={-100}
                max={100}
                format={formatEnps}
              />
            ) : null}
          </SimpleGrid>
          <RoundsTable rounds={data.rounds} minimum={minimum} isNarrowed={data.group !== null} />
        </Card>
      ) : null}
      {latestShown ? (
        <Stack gap="md" component="section" aria-labelledby="latest-round">
          <Title order={2} size="h3" id="latest-round">
            Latest results: {formatRoundDate(latestShown.opensAt)}
          </Title>
          <RoundDetails round={latestShown} minimumGroupSize={minimum} />
        </Stack>
      ) : (
        <Text c="dimmed" fz="sm">
          No round has closed with {minimum} or more answers yet, so there are no figures to show.
        </Text>
      )}
    </Stack>
  );
}

function PulseResultsPage() {
  const { slug } = useCurrentOrg();
  const { surveyId } = Route.useParams();
  const { group } = Route.useSearch();
  const navigate = useNavigate();
  const results = useQuery(pulseResultsQuery(slug, surveyId, group));
  const survey = results.data?.survey;
  const back = (
    <AnchorLink to="/o/$org/pulse" params={{ org: slug }} fz="sm" c="dimmed" w="fit-content">
      ← Culture pulse
    </AnchorLink>
  );
  return (
    <>
      <PageHeader
        eyebrow={back}
        title={survey?.title ?? 'Pulse results'}
        description={
          survey
            ? `${survey.teamLead.name}’s ${survey.scope === 'tree' ? 'whole tree' : 'direct reports'}. Answers are anonymous; figures appear for rounds closed with ${results.data?.minimumGroupSize} or more answers.`
            : undefined
        }
        actions={
          results.data && results.data.groupsAvailable.length > 0 ? (
            <Select
              label="Team"
              w={260}
              allowDeselect={false}
              data={[
                { value: WHOLE_TEAM, label: 'Everyone asked' },
                ...results.data.groupsAvailable.map((entry) => ({ value: entry.key, label: entry.name })),
              ]}
              value={group ?? WHOLE_TEAM}
              onChange={(value) =>
                navigate({
                  to: '/o/$org/pulse/surveys/$surveyId',
                  params: { org: slug, surveyId },
                  search: { group: value === WHOLE_TEAM || value === null ? undefined : value },
                })
              }
            />
          ) : null
        }
      />
      {results.isPending ? (
        <Skeleton h={240} radius="lg" />
      ) : results.isError ? (
        <ErrorAlert error={results.error} />
      ) : (
        <>
          {results.data.group ? (
            <Text fz="sm" mb="md">
              Narrowed to <strong>{results.data.group.name}</strong>. A team’s response rate is not known, as
              people move between teams.
            </Text>
          ) : null}
          <Results data={results.data} />
        </>
      )}
    </>
  );
}
