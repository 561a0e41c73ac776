import {
  Alert,
  Button,
  Card,
  Collapse,
  Divider,
  Grid,
  Group,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconEyeOff, IconNotes } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { MeetingPage } from '../../../../contracts/meetings.ts';
import { type Analysis, analysisKey, analysisQuery, analyzeFromNotes } from '../../../api/analysis.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { NextStepItem } from '../../../components/next-step-item.tsx';
import { firstName } from '../../../lib/format.ts';
import { meAndOther } from '../meeting-groups.tsx';
import { ReportBar } from './report-bar.tsx';
import { ScoreParts, Suggestions, Unmeasured } from './report-parts.tsx';
import { FigureGrid, ScoreHero, TopicShares } from './report-summary.tsx';
import { ReportTimeline } from './report-timeline.tsx';
import { TranscriptUpload } from './transcript-upload.tsx';

function FullReport({ analysis }: { analysis: Analysis }) {
  const result = analysis.result;
  // One column on a narrow screen: the advice comes right after the figures, not after every part.
  const isWide = useMediaQuery('(min-width: 75em)', undefined, { getInitialValueInEffect: false });
  const hero = <ScoreHero analysis={analysis} />;
  const figures = <FigureGrid result={result} />;
  const timeline =
    result.timeline && result.leader ? (
      <ReportTimeline timeline={result.timeline} leaderName={result.leader.name} />
    ) : null;
  const parts = result.parts ? <ScoreParts parts={result.parts} /> : null;
  const advice = <Suggestions suggestions={result.suggestions ?? []} />;
  const topics = <TopicShares topics={result.topics} />;
  const unmeasured = <Unmeasured items={result.unmeasured} />;
  if (!isWide) {
    return (
      <Stack gap="md">
        {hero}
        {figures}
        {advice}
        {topics}
        {timeline}
        {parts}
        {unmeasured}
      </Stack>
    );
  }
  return (
    <Grid gap="md">
      <Grid.Col span={7}>
        <Stack gap="md">
          {hero}
          {figures}
          {timeline}
          {parts}
        </Stack>
      </Grid.Col>
      <Grid.Col span={5}>
        <Stack gap="md">
          {advice}
          {topics}
          {unmeasured}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

function SharedBasics({ org, page, analysis }: { org: string; page: MeetingPage; analysis: Analysis }) {
  const queryClient = useQueryClient();
  const { other } = meAndOther(page.meeting);
  return (
    <Stack gap="md">
      <Alert color="gray" variant="light" icon={<IconEyeOff size={18} aria-hidden="true" />}>
        {firstName(other.name)} has not shared the coaching score of this 1:1. You see what it was about and
        what you agreed.
      </Alert>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <TopicShares topics={analysis.result.topics} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card padding="lg" component="section" aria-labelledby="agreed-title">
            <Title order={3} size="h4" id="agreed-title" mb="sm">
              What you agreed
            </Title>
            {page.nextSteps.length === 0 ? (
              <Text fz="sm" c="dimmed">
                No next steps were recorded.
              </Text>
            ) : (
              <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                {page.nextSteps.map((step) => (
                  <li key={step.id} className="tandem-list-row tandem-step-row">
                    <NextStepItem
                      org={org}
                      step={step}
                      onChanged={() => queryClient.invalidateQueries({ queryKey: ['org', org] })}
                    />
                  </li>
                ))}
              </Stack>
            )}
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** The coaching report of a 1:1: upload a transcript, then the score, figures, evidence and advice. */
export function CoachingPanel({ org, page }: { org: string; page: MeetingPage }) {
  const queryClient = useQueryClient();
  const meetingId = page.meeting.id;
  const analysis = useQuery(analysisQuery(org, meetingId));
  const [isReplacing, setReplacing] = useState(false);
  const isLeader = page.meeting.myRole === 'leader';
  const { other } = meAndOther(page.meeting);
  const fromNotes = useMutation({
    mutationFn: () => analyzeFromNotes(org, meetingId),
    onSuccess: (result) => queryClient.setQueryData(analysisKey(org, meetingId), result),
  });

  if (analysis.isPending) return <Skeleton h={320} radius="lg" />;
  if (analysis.isError) return <ErrorAlert error={analysis.error} />;

  if (analysis.data === null) {
    return (
      <Card padding="xl" maw={760}>
        <Stack gap="md">
          <div>
            <Title order={2} size="h3">
              Coaching report
            </Title>
            <Text fz="sm" c="dimmed" mt={4}>
              {isLeader
                ? 'Upload the transcript of this 1:1 and learn, with quotes as evidence, how much you talked, how many questions you asked and where the time went.'
                : `The report judges the leader's coaching, so ${firstName(other.name)} uploads the transcript of this 1:1 when you both agree to it. You will see the topics and next steps here, and the score once ${firstName(other.name)} shares it; you can delete the transcript at any time.`}
            </Text>
          </div>
          {isLeader ? <TranscriptUpload org={org} meetingId={meetingId} /> : null}
          {isLeader ? (
            <>
              <Divider label="no recording?" labelPosition="center" />
              <Group justify="space-between" gap="sm" wrap="wrap">
                <Text fz="sm" c="dimmed" maw={460}>
                  Analyse the agenda, notes and next steps instead. Talk share and questions need a
                  transcript.
                </Text>
                <Button
                  variant="default"
                  leftSection={<IconNotes size={16} aria-hidden="true" />}
                  loading={fromNotes.isPending}
                  onClick={() => fromNotes.mutate()}
                >
                  Analyse from notes
                </Button>
              </Group>
              <ErrorAlert error={fromNotes.error} />
            </>
          ) : null}
        </Stack>
      </Card>
    );
  }

  const view = analysis.data;
  return (
    <Stack gap="md">
      <ReportBar org={org} page={page} analysis={view} onReplace={() => setReplacing(!isReplacing)} />
      <Collapse expanded={isReplacing}>
        <Card padding="lg">
          <TranscriptUpload org={org} meetingId={meetingId} onDone={() => setReplacing(false)} />
        </Card>
      </Collapse>
      {view.visibility === 'full' ? (
        <FullReport analysis={view} />
      ) : (
        <SharedBasics org={org} page={page} analysis={view} />
      )}
    </Stack>
  );
}
