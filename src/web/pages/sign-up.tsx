import { Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createLazyRoute, useNavigate } from '@tanstack/react-router';
import { SignUpInput } from '../../contracts/accounts.ts';
import { acceptInvitation, signUp } from '../api/accounts.ts';
import { ApiError } from '../api/client.ts';
import { rememberSession } from '../api/session.ts';
import { AuthLayout } from '../components/auth-layout.tsx';
import { ErrorAlert } from '../components/error-alert.tsx';
import { AnchorLink } from '../components/links.tsx';
import { showFieldErrors, zodValidate } from '../lib/forms.ts';

export const Route = createLazyRoute('/sign-up')({ component: SignUpPage });

function SignUpPage() {
  const { invitation, email } = Route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { name: '', email: email ?? '', password: '' },
    validate: zodValidate(SignUpInput),
  });
  const mutation = useMutation({
    mutationFn: async (values: typeof form.values) => {
      const session = await signUp(values);
      rememberSession(queryClient, session);
      // Joining through an invitation: accept it straight away so the new account lands inside
      // the organization that invited it.
      return invitation ? acceptInvitation(invitation) : session;
    },
    onSuccess: async (session) => {
      rememberSession(queryClient, session);
      const joined = session.memberships[0];
      if (joined) await navigate({ to: '/o/$org', params: { org: joined.slug } });
      else await navigate({ to: '/welcome' });
    },
    onError: (error) => showFieldErrors(form, error, ['name', 'email', 'password']),
  });
  const error = mutation.error;
  const hasFieldErrors =
    error instanceof ApiError && error.fields.length > 0 && error.code === 'VALIDATION_FAILED';

  return (
    <AuthLayout
      title={invitation ? 'Create your account to join' : 'Create your Tandem account'}
      description="One-on-ones that coach, not check in. It takes a minute."
      footer={
        <>
          Already have an account?{' '}
          <AnchorLink
            to="/sign-in"
            search={{ redirect: invitation ? `/invitations/${invitation}` : undefined }}
            fz="sm"
            fw={500}
          >
            Sign in
          </AnchorLink>
        </>
      }
    >
      <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
        <Stack gap="md">
          <ErrorAlert
            error={hasFieldErrors ? null : error}
            title={
              error instanceof ApiError && error.code === 'ALREADY_EXISTS'
                ? 'That email already has an account'
                : undefined
            }
          />
          <TextInput
            label="Full name"
            autoComplete="name"
            required
            autoFocus
            key={form.key('name')}
            {...form.getInputProps('name')}
          />
          <TextInput
            label="Work email"
            type="email"
            autoComplete="email"
            required
            readOnly={Boolean(invitation && email)}
            key={form.key('email')}
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label="Password"
            description="At least 10 characters. A short sentence works well."
            autoComplete="new-password"
            required
            key={form.key('password')}
            {...form.getInputProps('password')}
          />
          <Button type="submit" fullWidth loading={mutation.isPending}>
            Create account
          </Button>
          <Text fz="xs" c="dimmed" ta="center">
            Tandem runs on your company's own server. Nothing you write leaves it.
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
