import { Alert, Box, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconLinkOff } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { createLazyRoute } from '@tanstack/react-router';
import { isApiError } from '../../api/client.ts';
import { answerPulseByLink, pulseFormQuery } from '../../api/pulse.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { Logo } from '../../components/logo.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { AnonymityPromise, PulseForm } from './pulse-form.tsx';
import { AnsweredNotice, ClosedNotice } from './pulse-notices.tsx';

export const Route = createLazyRoute('/pulse/$token')({ component: PulseAnswerPage });

/** Public: the mailed link is the credential, so nobody signs in and nothing ties answers to a name. */
function PulseAnswerPage() {
  const { token } = Route.useParams();
  const form = useQuery(pulseFormQuery(token));
  const answer = useMutation({
    mutationFn: (answers: Record<string, number | string>) => answerPulseByLink(token, answers),
  });
  return (
    <main>
      <Box maw={960} mx="auto" px="md" py="xl">
        <Stack gap="lg">
          <Logo size={28} />
          {form.isPending ? (
            <PageLoader />
          ) : form.isError ? (
            isApiError(form.error, 'NOT_FOUND') ? (
              <>
                <Title order={1}>Culture pulse</Title>
                <Alert
                  color="red"
                  variant="light"
                  icon={<IconLinkOff size={18} aria-hidden="true" />}
                  title="This link does not lead to a pulse"
                >
                  Check that the whole link from your email was copied. Each link belongs to one person and
                  one round.
                </Alert>
              </>
            ) : isApiError(form.error, 'GONE') ? (
              <>
                <Title order={1}>Culture pulse</Title>
                <ClosedNotice />
              </>
            ) : (
              <ErrorAlert error={form.error} />
            )
          ) : (
            <>
              <Stack gap={4}>
                <Text fz="sm" c="dimmed">
                  {form.data.organizationName}
                </Text>
                <Title order={1}>{form.data.surveyTitle}</Title>
                <Text c="dimmed" fz="sm">
                  A short pulse about {form.data.teamLeadName}’s team. It takes about two minutes.
                </Text>
              </Stack>
              <AnonymityPromise />
              {answer.isSuccess ? (
                <Alert
                  color="teal"
                  variant="light"
                  icon={<IconCircleCheck size={18} aria-hidden="true" />}
                  title="Thank you"
                  role="status"
                >
                  Your answers are in. {form.data.teamLeadName} sees the team’s results once the round closes,
                  and only if five or more people answered.
                </Alert>
              ) : form.data.hasAnswered || isApiError(answer.error, 'CONFLICT') ? (
                <AnsweredNotice />
              ) : isApiError(answer.error, 'GONE') ? (
                <ClosedNotice />
              ) : (
                <PulseForm
                  form={form.data}
                  isSubmitting={answer.isPending}
                  error={answer.error}
                  onSubmit={(answers) => answer.mutate(answers)}
                />
              )}
            </>
          )}
        </Stack>
      </Box>
    </main>
  );
}
