import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { createLazyRoute } from '@tanstack/react-router';
import { PasswordResetRequestInput } from '../../contracts/accounts.ts';
import { requestPasswordReset } from '../api/accounts.ts';
import { AuthLayout } from '../components/auth-layout.tsx';
import { ErrorAlert } from '../components/error-alert.tsx';
import { AnchorLink } from '../components/links.tsx';
import { showFieldErrors, zodValidate } from '../lib/forms.ts';

export const Route = createLazyRoute('/forgot-password')({ component: ForgotPasswordPage });

function ForgotPasswordPage() {
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { email: '' },
    validate: zodValidate(PasswordResetRequestInput),
  });
  const mutation = useMutation({
    mutationFn: (values: { email: string }) => requestPasswordReset(values.email),
    onError: (error) => showFieldErrors(form, error, ['email']),
  });

  return (
    <AuthLayout
      title="Reset your password"
      description="Enter the email you sign in with. We will send you a link to choose a new password."
      footer={
        <AnchorLink to="/sign-in" fz="sm" fw={500}>
          Back to sign in
        </AnchorLink>
      }
    >
      {mutation.isSuccess ? (
        <Alert
          color="teal"
          variant="light"
          icon={<IconMailCheck size={18} aria-hidden="true" />}
          title="Check your inbox"
          role="status"
        >
          If {mutation.variables.email} has a Tandem account, a reset link is on its way. No email after a few
          minutes? Look in your spam folder, or ask your Tandem admin: without a mail server, messages wait in
          the admin's outbox.
        </Alert>
      ) : (
        <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
          <Stack gap="md">
            <ErrorAlert error={mutation.error} />
            <TextInput
              label="Email"
              type="email"
              autoComplete="email"
              required
              autoFocus
              key={form.key('email')}
              {...form.getInputProps('email')}
            />
            <Button type="submit" fullWidth loading={mutation.isPending}>
              Send reset link
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
