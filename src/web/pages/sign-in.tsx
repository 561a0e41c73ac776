import { Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createLazyRoute, useNavigate } from '@tanstack/react-router';
import { SignInInput } from '../../contracts/accounts.ts';
import { signIn } from '../api/accounts.ts';
import { ApiError } from '../api/client.ts';
import { rememberSession } from '../api/session.ts';
import { AuthLayout } from '../components/auth-layout.tsx';
import { ErrorAlert } from '../components/error-alert.tsx';
import { AnchorLink } from '../components/links.tsx';
import { SsoErrorAlert, SsoSignIn } from '../components/sso-sign-in.tsx';
import { showFieldErrors, zodValidate } from '../lib/forms.ts';

export const Route = createLazyRoute('/sign-in')({ component: SignInPage });

function rateLimitMessage(error: ApiError): string {
  const seconds = Number(error.extra.retryAfterSeconds);
  if (!Number.isFinite(seconds) || seconds <= 0) return error.detail;
  const minutes = Math.ceil(seconds / 60);
  return `Too many attempts. For your safety, try again in ${minutes === 1 ? 'a minute' : `${minutes} minutes`}, or reset your password.`;
}

function SignInPage() {
  const { redirect, ssoError } = Route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { email: '', password: '' },
    validate: zodValidate(SignInInput),
  });
  const mutation = useMutation({
    mutationFn: signIn,
    onSuccess: async (session) => {
      rememberSession(queryClient, session);
      await navigate({ to: redirect ?? '/' });
    },
    onError: (error) => showFieldErrors(form, error, ['email', 'password']),
  });
  const error = mutation.error;
  const shownError =
    error instanceof ApiError && error.code === 'RATE_LIMITED'
      ? new ApiError({ ...error, detail: rateLimitMessage(error), fields: [] })
      : error instanceof ApiError && error.code === 'VALIDATION_FAILED' && error.fields.length > 0
        ? null
        : error;

  return (
    <AuthLayout
      title="Sign in to Tandem"
      description="Welcome back. Your 1:1s are waiting."
      footer={
        <>
          New to Tandem?{' '}
          <AnchorLink to="/sign-up" fz="sm" fw={500}>
            Create an account
          </AnchorLink>
        </>
      }
    >
      <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
        <Stack gap="md">
          <SsoErrorAlert code={mutation.isIdle ? ssoError : undefined} />
          <ErrorAlert error={shownError} />
          <TextInput
            label="Email"
            type="email"
            autoComplete="email"
            required
            autoFocus
            key={form.key('email')}
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            key={form.key('password')}
            {...form.getInputProps('password')}
          />
          <Group justify="flex-end" mt={-6}>
            <AnchorLink to="/forgot-password" fz="sm">
              Forgot your password?
            </AnchorLink>
          </Group>
          <Button type="submit" fullWidth loading={mutation.isPending}>
            Sign in
          </Button>
        </Stack>
      </form>
      <SsoSignIn returnTo={redirect} isOpenAtFirst={Boolean(ssoError)} />
    </AuthLayout>
  );
}
