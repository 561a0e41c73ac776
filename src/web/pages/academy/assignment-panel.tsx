import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconTarget } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { academyKey, type ModuleView, startAssignment } from '../../api/academy.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { MarkdownView } from '../../components/markdown-view.tsx';
import {
  assignmentMetricLabels,
  assignmentStatusLabels,
  formatMetric,
  formatTarget,
} from '../../lib/academy-labels.ts';
import { formatDate } from '../../lib/format.ts';

export function AssignmentPanel({ org, module }: { org: string; module: ModuleView }) {
  const queryClient = useQueryClient();
  const start = useMutation({
    mutationFn: () => startAssignment(org, module.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: academyKey(org) }),
  });
  const progress = module.progress.assignment;
  const status = assignmentStatusLabels[progress.status];
  const evidence = progress.evidence;
  return (
    <Stack gap="md">
      <Card padding="lg">
        <Group justify="space-between" wrap="wrap" gap="xs" mb="xs">
          <Title order={2} size="h4">
            {module.assignment.title}
          </Title>
          <Badge color={status.color} data-testid="assignment-status">
            {status.label}
          </Badge>
        </Group>
        <MarkdownView>{module.assignment.description}</MarkdownView>
        <Title order={3} size="h5" mt="md" mb={6}>
          What your next 1:1 is checked for
        </Title>
        <Table.ScrollContainer
          minWidth={420}
          type="native"
          tabIndex={0}
          role="region"
          aria-label="Assignment checks"
        >
          <Table verticalSpacing="xs" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Figure</Table.Th>
                <Table.Th>Target</Table.Th>
                {evidence ? (
                  <>
                    <Table.Th>Before</Table.Th>
                    <Table.Th>In that 1:1</Table.Th>
                    <Table.Th>Result</Table.Th>
                  </>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(evidence ?? module.assignment.checks).map((check) => {
                const decided = evidence ? evidence.find((e) => e.metric === check.metric) : undefined;
                return (
                  <Table.Tr key={check.metric}>
                    <Table.Td>{assignmentMetricLabels[check.metric].label}</Table.Td>
                    <Table.Td className="tandem-nowrap">{formatTarget(check)}</Table.Td>
                    {decided ? (
                      <>
                        <Table.Td className="tandem-tabular">
                          {formatMetric(check.metric, decided.before)}
                        </Table.Td>
                        <Table.Td className="tandem-tabular" fw={600}>
                          {formatMetric(check.metric, decided.value)}
                        </Table.Td>
                        <Table.Td>
                          <Badge color={decided.isMet ? 'teal' : 'orange'}>
                            {decided.isMet ? 'Met' : 'Not met'}
                          </Badge>
                        </Table.Td>
                      </>
                    ) : null}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <ErrorAlert error={start.error} />
      {progress.status === 'not-started' ? (
        <Group>
          <Button
            loading={start.isPending}
            leftSection={<IconTarget size={16} aria-hidden="true" />}
            onClick={() => start.mutate()}
          >
            Start the assignment
          </Button>
          <Text fz="sm" c="dimmed">
            Your next 1:1 that you lead and analyse is checked against it.
          </Text>
        </Group>
      ) : progress.status === 'pending' ? (
        <Alert color="yellow" variant="light" title="Waiting for your next 1:1" role="status">
          {progress.waitingFor ??
            'Lead your next 1:1 and upload its transcript: the analyser checks it against the figures above.'}
          {progress.startedAt ? ` Started ${formatDate(progress.startedAt)}.` : ''}
        </Alert>
      ) : (
        <Alert
          color={progress.status === 'met' ? 'teal' : 'orange'}
          variant="light"
          role="status"
          title={progress.status === 'met' ? 'Assignment met' : 'Not met this time'}
        >
          <Text fz="sm">
            Checked on your 1:1
            {progress.withName ? ` with ${progress.withName}` : ''}
            {progress.meetingStartsAt ? ` on ${formatDate(progress.meetingStartsAt)}` : ''}
            {progress.source === 'notes' ? ', from its notes' : ', from its transcript'}.{' '}
            {progress.meetingId ? (
              <AnchorLink
                to="/o/$org/meetings/$meetingId"
                params={{ org, meetingId: progress.meetingId }}
                search={{ view: 'coaching' }}
                fz="sm"
                inherit
                underline="always"
              >
                Open its coaching report
              </AnchorLink>
            ) : null}
          </Text>
          {progress.status === 'not-met' ? (
            <Button
              mt="sm"
              size="xs"
              variant="default"
              loading={start.isPending}
              onClick={() => start.mutate()}
            >
              Try again in my next 1:1
            </Button>
          ) : null}
        </Alert>
      )}
    </Stack>
  );
}
