import { Alert, Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { createLazyRoute } from '@tanstack/react-router';
import { confirmPasswordReset } from '../api/accounts.ts';
import { ApiError } from '../api/client.ts';
import { AuthLayout } from '../components/auth-layout.tsx';
import { ErrorAlert } from '../components/error-alert.tsx';
import { AnchorLink, ButtonLink } from '../components/links.tsx';
import { showFieldErrors } from '../lib/forms.ts';

export const Route = createLazyRoute('/reset-password')({ component: ResetPasswordPage });

function ResetPasswordPage() {
  const { token } = Route.useSearch();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { password: '', confirm: '' },
    validate: {
      password: (value) => (value.length < 10 ? 'Must be at least 10 characters' : null),
      confirm: (value, values) => (value !== values.password ? 'The two passwords differ' : null),
    },
  });
  const mutation = useMutation({
    mutationFn: (values: { password: string }) => confirmPasswordReset(token, values.password),
    onError: (error) => showFieldErrors(form, error, ['password']),
  });
  const isLinkBroken =
    !token ||
    (mutation.error instanceof ApiError && ['GONE', 'NOT_FOUND'].includes(mutation.error.code)) ||
    (mutation.error instanceof ApiError && mutation.error.fields.some((f) => f.path.endsWith('token')));

  if (isLinkBroken) {
    return (
      <AuthLayout
        title="This reset link does not work"
        description="It may have expired or been used already."
      >
        <ButtonLink to="/forgot-password" fullWidth>
          Send a new link
        </ButtonLink>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Choose a new password"
      footer={
        <AnchorLink to="/sign-in" fz="sm" fw={500}>
          Back to sign in
        </AnchorLink>
      }
    >
      {mutation.isSuccess ? (
        <Stack gap="md">
          <Alert
            color="teal"
            variant="light"
            icon={<IconCircleCheck size={18} aria-hidden="true" />}
            title="Password changed"
            role="status"
          >
            You can now sign in with your new password.
          </Alert>
          <ButtonLink to="/sign-in" fullWidth>
            Sign in
          </ButtonLink>
        </Stack>
      ) : (
        <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
          <Stack gap="md">
            <ErrorAlert
              error={
                mutation.error instanceof ApiError && mutation.error.fields.length > 0 ? null : mutation.error
              }
            />
            <PasswordInput
              label="New password"
              description="At least 10 characters."
              autoComplete="new-password"
              required
              autoFocus
              key={form.key('password')}
              {...form.getInputProps('password')}
            />
            <PasswordInput
              label="Repeat the new password"
              autoComplete="new-password"
              required
              key={form.key('confirm')}
              {...form.getInputProps('confirm')}
            />
            <Button type="submit" fullWidth loading={mutation.isPending}>
              Save new password
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
