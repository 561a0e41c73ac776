import { Alert, Button, Collapse, Divider, Stack, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertCircle, IconBuildingSkyscraper } from '@tabler/icons-react';
import { useState } from 'react';
import type { SsoErrorCode } from '../../contracts/sso.ts';
import { startSsoSignIn } from '../api/sso.ts';

/** What each refusal of the callback means to the person who was sent back. */
const ssoMessages: Record<SsoErrorCode, { title: string; text: string }> = {
  not_configured: {
    title: 'No single sign-on for this address',
    text: 'No organization signs in this address or name with its company account. Check it, or sign in with your password.',
  },
  state_invalid: {
    title: 'This sign-in expired',
    text: 'The sign-in was started elsewhere, took longer than ten minutes, or was already used. Start again.',
  },
  provider_error: {
    title: 'Your company’s sign-in was cancelled',
    text: 'Your company’s provider did not sign you in. Try again, or ask your IT team.',
  },
  provider_unreachable: {
    title: 'Your company’s sign-in does not answer',
    text: 'Tandem could not reach your company’s provider. Try again in a moment, or ask your admin to check the settings.',
  },
  token_expired: {
    title: 'The sign-in took too long',
    text: 'The proof of your sign-in had expired when it reached Tandem. Start again.',
  },
  token_audience: {
    title: 'The sign-in was meant for another application',
    text: 'Your company’s provider answered for a different client. Ask your admin to check the client ID.',
  },
  token_nonce: {
    title: 'The sign-in did not match',
    text: 'The answer belonged to another sign-in. Start again from this page.',
  },
  token_invalid: {
    title: 'The sign-in could not be verified',
    text: 'Tandem refused your provider’s answer. Start again, or ask your admin to check the settings.',
  },
  email_unverified: {
    title: 'No verified address',
    text: 'Your company’s provider did not confirm your email address. Ask your IT team.',
  },
  email_domain: {
    title: 'This address is not your organization’s',
    text: 'You signed in with an address outside your organization’s domain. Sign in with your work account.',
  },
  account_exists: {
    title: 'Sign in with your password',
    text: 'An account with this address already exists; sign in with your password.',
  },
  failed: {
    title: 'The sign-in failed',
    text: 'Something went wrong on our side. Try again; if it keeps happening, tell your admin.',
  },
};

export function SsoErrorAlert({ code }: { code: string | undefined }) {
  if (!code) return null;
  const message = ssoMessages[code as SsoErrorCode] ?? ssoMessages.failed;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle size={18} aria-hidden="true" />}
      title={message.title}
      role="alert"
    >
      {message.text}
    </Alert>
  );
}

/** "Sign in with your company (SSO)": a work address or the organization's name, then the provider. */
export function SsoSignIn({
  returnTo,
  isOpenAtFirst,
}: {
  returnTo: string | undefined;
  isOpenAtFirst: boolean;
}) {
  const [isOpen, toggle] = useDisclosure(isOpenAtFirst);
  const [login, setLogin] = useState('');
  const [isLeaving, setIsLeaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Stack gap="md">
      <Divider label="or" labelPosition="center" />
      <Button
        variant="default"
        fullWidth
        leftSection={<IconBuildingSkyscraper size={16} aria-hidden="true" />}
        onClick={toggle.toggle}
        aria-expanded={isOpen}
        aria-controls="sso-sign-in"
      >
        Sign in with your company (SSO)
      </Button>
      <Collapse expanded={isOpen}>
        <form
          id="sso-sign-in"
          onSubmit={(event) => {
            event.preventDefault();
            if (login.trim().length < 2) {
              setError('Enter your work email or your organization’s name in Tandem');
              return;
            }
            setIsLeaving(true);
            startSsoSignIn(login, returnTo).then(
              ({ redirectTo }) => window.location.assign(redirectTo),
              (failure: unknown) => {
                setIsLeaving(false);
                setError(failure instanceof Error ? failure.message : 'Single sign-on could not start.');
              },
            );
          }}
          noValidate
        >
          <Stack gap="sm">
            <TextInput
              label="Work email or organization"
              description="e.g. ana@yourcompany.com, or the name in your Tandem address (/o/name)"
              autoComplete="email"
              value={login}
              error={error}
              onChange={(event) => {
                setLogin(event.currentTarget.value);
                setError(null);
              }}
            />
            <Button type="submit" variant="light" fullWidth loading={isLeaving}>
              Continue to your company’s sign-in
            </Button>
          </Stack>
        </form>
      </Collapse>
    </Stack>
  );
}
