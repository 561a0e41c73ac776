import { Alert, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createLazyRoute, useNavigate } from '@tanstack/react-router';
import { acceptInvitation } from '../api/accounts.ts';
import { ApiError } from '../api/client.ts';
import { invitationPreviewQuery } from '../api/organizations.ts';
import { rememberSession, sessionQuery } from '../api/session.ts';
import { AuthLayout } from '../components/auth-layout.tsx';
import { ErrorAlert } from '../components/error-alert.tsx';
import { ButtonLink } from '../components/links.tsx';
import { roleLabels } from '../components/role-badge.tsx';

export const Route = createLazyRoute('/invitations/$token')({ component: AcceptInvitationPage });

function AcceptInvitationPage() {
  const { token } = Route.useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const preview = useQuery(invitationPreviewQuery(token));
  const session = useQuery(sessionQuery);
  const accept = useMutation({
    mutationFn: () => acceptInvitation(token),
    onSuccess: async (next) => {
      rememberSession(queryClient, next);
      const slug = preview.data?.organizationSlug ?? next.memberships[0]?.slug;
      if (slug) await navigate({ to: '/o/$org', params: { org: slug } });
      else await navigate({ to: '/' });
    },
  });

  if (preview.isPending || session.isPending) {
    return (
      <AuthLayout title="Opening your invitation">
        <Stack gap="sm" aria-busy="true">
          <Skeleton h={16} />
          <Skeleton h={16} w="70%" />
          <Skeleton h={36} mt="sm" />
        </Stack>
      </AuthLayout>
    );
  }

  if (preview.isError) {
    const isGone = preview.error instanceof ApiError && ['GONE', 'NOT_FOUND'].includes(preview.error.code);
    return (
      <AuthLayout
        title={isGone ? 'This invitation is no longer valid' : 'The invitation could not be opened'}
        description={
          isGone
            ? 'It may have expired, been revoked, or been accepted already. Ask the person who invited you to send a new one.'
            : undefined
        }
      >
        {isGone ? null : <ErrorAlert error={preview.error} />}
        <ButtonLink to="/" variant="light" fullWidth>
          Go to Tandem
        </ButtonLink>
      </AuthLayout>
    );
  }

  const invitation = preview.data;
  const user = session.data?.user;
  const isOtherAccount = Boolean(user && user.email.toLowerCase() !== invitation.email.toLowerCase());

  return (
    <AuthLayout
      title={`Join ${invitation.organizationName}`}
      description={
        <>
          {invitation.email} is invited as {roleLabels[invitation.role].toLowerCase()}. Tandem is where{' '}
          {invitation.organizationName} prepares and runs its one-on-ones.
        </>
      }
    >
      {user ? (
        <Stack gap="md">
          {isOtherAccount ? (
            <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} aria-hidden="true" />}>
              You are signed in as {user.email}. The invitation was sent to {invitation.email}; accepting adds{' '}
              {user.email} to {invitation.organizationName}.
            </Alert>
          ) : (
            <Text fz="sm">Signed in as {user.email}.</Text>
          )}
          <ErrorAlert error={accept.error} />
          <Button fullWidth loading={accept.isPending} onClick={() => accept.mutate()}>
            Accept and join {invitation.organizationName}
          </Button>
        </Stack>
      ) : (
        <Stack gap="sm">
          <ButtonLink to="/sign-up" search={{ invitation: token, email: invitation.email }} fullWidth>
            Create an account and join
          </ButtonLink>
          <Group justify="center" gap={6}>
            <Text fz="sm" c="dimmed">
              Already use Tandem?
            </Text>
            <ButtonLink
              to="/sign-in"
              search={{ redirect: `/invitations/${token}` }}
              variant="subtle"
              size="compact-sm"
            >
              Sign in to accept
            </ButtonLink>
          </Group>
        </Stack>
      )}
    </AuthLayout>
  );
}
