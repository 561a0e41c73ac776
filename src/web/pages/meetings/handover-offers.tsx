import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SeriesView } from '../../../contracts/meetings.ts';
import { meetingsKey, seriesQuery } from '../../api/meetings.ts';
import { handOverSeries } from '../../api/series.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { firstName } from '../../lib/format.ts';
import { notifyDone } from '../../lib/notify.ts';
import { useMyPerson } from '../../lib/use-my-person.ts';

function HandoverOffer({ org, series }: { org: string; series: SeriesView }) {
  const queryClient = useQueryClient();
  const next = series.suggestedLeader;
  const { person: me } = useMyPerson();
  const leads = series.leader.id === me?.id ? 'you still lead' : `${series.leader.name} still leads`;
  const mutation = useMutation({
    mutationFn: (leaderId: string) => handOverSeries(org, series.id, leaderId),
    onSuccess: async (changed) => {
      await queryClient.invalidateQueries({ queryKey: meetingsKey(org) });
      notifyDone(`${changed.leader.name} now leads the 1:1s with ${firstName(changed.report.name)}.`);
    },
  });
  if (!next) return null;
  return (
    <Alert
      color="tandem"
      variant="light"
      icon={<IconArrowsExchange size={18} aria-hidden="true" />}
      title={`Hand this 1:1 series over to ${next.name}?`}
    >
      <Stack gap="sm">
        <Text fz="sm">
          {series.report.name} now reports to {next.name} in the org chart, but {leads} their 1:1s. The
          agenda, notes and next steps stay with the series.
        </Text>
        <ErrorAlert error={mutation.error} />
        <Group gap="xs">
          <Button size="sm" loading={mutation.isPending} onClick={() => mutation.mutate(next.id)}>
            Hand over to {firstName(next.name)}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** Series whose report has a new manager in the org chart, each with an offer to hand it over. */
export function HandoverOffers({ org }: { org: string }) {
  const series = useQuery(seriesQuery(org));
  const offers = (series.data ?? []).filter((s) => s.isActive && s.suggestedLeader !== null);
  if (offers.length === 0) return null;
  return (
    <Stack gap="sm" mb="lg">
      {offers.map((s) => (
        <HandoverOffer key={s.id} org={org} series={s} />
      ))}
    </Stack>
  );
}
