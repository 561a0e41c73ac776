import './academy.css';
import { Badge, Button, Card, Group, Skeleton, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconCertificate, IconCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createLazyRoute } from '@tanstack/react-router';
import type { CohortReportView } from '../../api/academy.ts';
import { academyKey, cohortReportQuery, removeCohortMember } from '../../api/academy.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { assignmentStatusLabels } from '../../lib/academy-labels.ts';
import { notifyDone, notifyFailed } from '../../lib/notify.ts';
import { useCurrentOrg } from '../../lib/use-org.ts';

export const Route = createLazyRoute('/o/$org/academy/cohorts/$cohortId')({ component: CohortReportPage });

type Member = CohortReportView['members'][number];
type Figures = Member['modules'][number];

function FiguresCell({ figures, title }: { figures: Figures | undefined; title: string }) {
  if (!figures) return <Text c="dimmed">—</Text>;
  const parts = [
    figures.isLessonRead ? 'lesson read' : 'lesson not read',
    figures.quizScore === null ? 'no quiz' : `quiz ${Math.round(figures.quizScore * 100)}%`,
    figures.practiceScore === null ? 'no role-play' : `role-play ${Math.round(figures.practiceScore)}`,
    `assignment ${assignmentStatusLabels[figures.assignmentStatus].label.toLowerCase()}`,
  ];
  const summary = `${title}: ${parts.join(', ')}`;
  return (
    <Tooltip label={summary} multiline w={240}>
      <Text fz="xs" className="tandem-tabular tandem-nowrap">
        <span aria-hidden="true">
          {figures.isComplete ? (
            <IconCheck size={16} color="var(--mantine-color-success)" />
          ) : (
            <>
              {figures.quizScore === null ? '·' : `${Math.round(figures.quizScore * 100)}%`}
              {figures.practiceScore === null ? '' : ` / ${Math.round(figures.practiceScore)}`}
            </>
          )}
        </span>
        <span className="tandem-sr-only">{summary}</span>
      </Text>
    </Tooltip>
  );
}

function RemoveButton({ cohortId, member }: { cohortId: string; member: Member }) {
  const { slug } = useCurrentOrg();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => removeCohortMember(slug, cohortId, member.personId),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: academyKey(slug) });
      notifyDone(`${member.name} left the cohort; their progress stays theirs.`);
    },
    onError: (error) => notifyFailed('Could not take them out', error),
  });
  return (
    <Button
      variant="subtle"
      color="red"
      size="compact-xs"
      loading={remove.isPending}
      onClick={() => remove.mutate()}
    >
      Remove<span className="tandem-sr-only"> {member.name}</span>
    </Button>
  );
}

function CohortReportPage() {
  const { slug } = useCurrentOrg();
  const { cohortId } = Route.useParams();
  const report = useQuery(cohortReportQuery(slug, cohortId));
  const data = report.data;
  return (
    <>
      <PageHeader
        eyebrow={
          <AnchorLink to="/o/$org/academy/cohorts" params={{ org: slug }} fz="sm" c="dimmed" w="fit-content">
            ← Cohorts
          </AnchorLink>
        }
        title={data?.cohort.name ?? 'Cohort'}
        description="Each member's completion, best quiz score (%) and best role-play score (of 100) per module. Practice transcripts and 1:1 content stay with the learner."
      />
      {report.isPending ? (
        <Skeleton h={240} radius="lg" />
      ) : report.isError ? (
        <ErrorAlert error={report.error} />
      ) : data && data.members.length === 0 ? (
        <Text c="dimmed" fz="sm">
          Nobody is in this cohort yet.
        </Text>
      ) : data ? (
        <Card padding={0}>
          <Table.ScrollContainer
            minWidth={960}
            type="native"
            tabIndex={0}
            role="region"
            aria-label="Members' progress table"
          >
            <Table verticalSpacing="sm" highlightOnHover striped={false} aria-label="Members' progress">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Member</Table.Th>
                  <Table.Th>Done</Table.Th>
                  {data.modules.map((module) => (
                    <Table.Th key={module.id} fz="xs">
                      <Tooltip label={module.title}>
                        <span>
                          <span aria-hidden="true">M{module.order}</span>
                          <span className="tandem-sr-only">{module.title}</span>
                        </span>
                      </Tooltip>
                    </Table.Th>
                  ))}
                  <Table.Th>
                    <span className="tandem-sr-only">Actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.members.map((member) => (
                  <Table.Tr key={member.personId}>
                    <Table.Td>
                      <Stack gap={0}>
                        <Text fz="sm" fw={500}>
                          {member.name}
                        </Text>
                        <Text fz="xs" c="dimmed">
                          {member.title}
                        </Text>
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Text fz="sm" className="tandem-tabular">
                          {member.completedModules}/{data.modules.length}
                        </Text>
                        {member.hasCertificate ? (
                          <Badge color="teal" leftSection={<IconCertificate size={12} aria-hidden="true" />}>
                            Certified
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    {data.modules.map((module) => (
                      <Table.Td key={module.id}>
                        <FiguresCell
                          title={module.title}
                          figures={member.modules.find((m) => m.moduleId === module.id)}
                        />
                      </Table.Td>
                    ))}
                    <Table.Td ta="right">
                      <RemoveButton cohortId={cohortId} member={member} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      ) : null}
    </>
  );
}
