import {
  Alert,
  Button,
  Card,
  Group,
  Progress,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createLazyRoute, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { AssessmentView, SkillView } from '../../../contracts/growth.ts';
import {
  assessmentQuery,
  discardAssessment,
  growthKey,
  saveAssessment,
  skillsQuery,
  submitAssessment,
} from '../../api/growth.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ratingLabels } from '../../lib/growth-labels.ts';
import { notifyDone } from '../../lib/notify.ts';
import { useCurrentOrg } from '../../lib/use-org.ts';

export const Route = createLazyRoute('/o/$org/growth/assessments/$assessmentId')({
  component: AssessmentPage,
});

function SkillRating({
  skill,
  value,
  comment,
  onRate,
  onComment,
  isReadOnly,
}: {
  skill: SkillView;
  value: number | undefined;
  comment: string;
  onRate: (rating: number) => void;
  onComment: (text: string) => void;
  isReadOnly: boolean;
}) {
  const level = skill.levels.find((l) => l.rating === value);
  // Four labelled levels do not fit side by side on a phone.
  const isNarrow = useMediaQuery('(max-width: 36em)');
  return (
    <Card padding="lg" component="section" aria-labelledby={`skill-${skill.id}`}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={`skill-${skill.id}`}>
          {skill.name}
        </Title>
        <Text fz="sm" c="dimmed">
          {skill.definition}
        </Text>
        <SegmentedControl
          aria-label={`Rating for ${skill.name}`}
          disabled={isReadOnly}
          value={value ? String(value) : ''}
          onChange={(v) => onRate(Number(v))}
          data={[1, 2, 3, 4].map((r) => ({ value: String(r), label: `${r} · ${ratingLabels[r]}` }))}
          fullWidth
          orientation={isNarrow ? 'vertical' : 'horizontal'}
        />
        {level ? (
          <Text fz="xs" c="dimmed">
            {level.label}: {level.behaviours.slice(0, 2).join('; ')}.
          </Text>
        ) : null}
        <Textarea
          label="Comment"
          description="An example you saw, in a sentence or two."
          autosize
          minRows={1}
          readOnly={isReadOnly}
          value={comment}
          onChange={(e) => onComment(e.currentTarget.value)}
        />
      </Stack>
    </Card>
  );
}

function AssessmentForm({ assessment, skills }: { assessment: AssessmentView; skills: SkillView[] }) {
  const { slug } = useCurrentOrg();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [ratings, setRatings] = useState<Record<string, number>>(assessment.ratings);
  const [comments, setComments] = useState<Record<string, string>>(assessment.comments);
  const isReadOnly = assessment.status === 'submitted';
  const back = () =>
    assessment.kind === 'self'
      ? navigate({ to: '/o/$org/growth', params: { org: slug } })
      : navigate({ to: '/o/$org/growth/$personId', params: { org: slug, personId: assessment.subject.id } });
  const save = useMutation({
    mutationFn: () => saveAssessment(slug, assessment.id, { ratings, comments }),
    onSuccess: () => notifyDone('Draft saved. Only you can see it until you submit.'),
  });
  const submit = useMutation({
    mutationFn: async () => {
      await saveAssessment(slug, assessment.id, { ratings, comments });
      return submitAssessment(slug, assessment.id);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: growthKey(slug) });
      notifyDone('Assessment submitted.');
      await back();
    },
  });
  const discard = useMutation({
    mutationFn: () => discardAssessment(slug, assessment.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: growthKey(slug) });
      await back();
    },
  });
  const rated = skills.filter((s) => ratings[s.id] !== undefined).length;
  return (
    <Stack gap="md">
      {isReadOnly ? (
        <Alert color="teal" variant="light">
          Submitted. It shows to {assessment.subject.name} and their manager chain.
        </Alert>
      ) : (
        <Card padding="md" pos="sticky" top={8} style={{ zIndex: 2 }}>
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Stack gap={4} style={{ flex: '1 1 12rem' }}>
              <Text fz="sm">
                {rated} of {skills.length} skills rated
              </Text>
              <Progress
                value={(rated / skills.length) * 100}
                size="sm"
                aria-label={`${rated} of ${skills.length} skills rated`}
              />
            </Stack>
            <Group gap="xs">
              <Button
                variant="subtle"
                color="red"
                loading={discard.isPending}
                onClick={() => discard.mutate()}
              >
                Discard
              </Button>
              <Button variant="default" loading={save.isPending} onClick={() => save.mutate()}>
                Save draft
              </Button>
              <Button
                disabled={rated < skills.length}
                loading={submit.isPending}
                onClick={() => submit.mutate()}
              >
                Submit
              </Button>
            </Group>
          </Group>
          <ErrorAlert error={save.error ?? submit.error ?? discard.error} />
        </Card>
      )}
      {skills.map((skill) => (
        <SkillRating
          key={skill.id}
          skill={skill}
          isReadOnly={isReadOnly}
          value={ratings[skill.id]}
          comment={comments[skill.id] ?? ''}
          onRate={(rating) => setRatings({ ...ratings, [skill.id]: rating })}
          onComment={(text) => setComments({ ...comments, [skill.id]: text })}
        />
      ))}
    </Stack>
  );
}

function AssessmentPage() {
  const { slug } = useCurrentOrg();
  const { assessmentId } = Route.useParams();
  const assessment = useQuery(assessmentQuery(slug, assessmentId));
  const skills = useQuery(skillsQuery(slug));
  const data = assessment.data;
  return (
    <>
      <PageHeader
        eyebrow={
          <AnchorLink to="/o/$org/growth" params={{ org: slug }} fz="sm" c="dimmed" w="fit-content">
            ← Growth
          </AnchorLink>
        }
        title={
          data
            ? data.kind === 'self'
              ? 'Self-assessment'
              : `Assessment of ${data.subject.name}`
            : 'Assessment'
        }
        description="Rate each skill by the behaviours you have seen, not by intent. A draft is yours alone; once submitted it shows to the person and their manager chain."
      />
      {assessment.isError || skills.isError ? (
        <ErrorAlert error={assessment.error ?? skills.error} />
      ) : data && skills.data ? (
        <AssessmentForm assessment={data} skills={skills.data} />
      ) : (
        <Skeleton h={420} radius="lg" />
      )}
    </>
  );
}
