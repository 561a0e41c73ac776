import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  PasswordInput,
  Skeleton,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconShieldLock } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type SsoConfigInput,
  SsoConfigInput as SsoConfigSchema,
  type SsoSettingsView,
} from '../../../contracts/sso.ts';
import { removeSsoSettings, saveSsoSettings, ssoSettingsQuery } from '../../api/sso.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { showFieldErrors, zodValidate } from '../../lib/forms.ts';
import { useCurrentOrg } from '../../lib/use-org.ts';
import { SettingsSection } from './settings-section.tsx';

interface FormValues {
  issuer: string;
  clientId: string;
  clientSecret: string;
  emailDomain: string;
  isEnabled: boolean;
}

/** An empty secret field keeps the stored secret. */
function toInput(values: FormValues): SsoConfigInput {
  return {
    issuer: values.issuer.trim(),
    clientId: values.clientId.trim(),
    clientSecret: values.clientSecret === '' ? undefined : values.clientSecret,
    emailDomain: values.emailDomain.trim().toLowerCase().replace(/^@/, ''),
    isEnabled: values.isEnabled,
  };
}

const validateInput = zodValidate(SsoConfigSchema);

function RedirectUri({ uri }: { uri: string }) {
  return (
    <Stack gap="xs">
      <Code block data-testid="sso-redirect-uri">
        {uri}
      </Code>
      <Group>
        <CopyButton value={uri}>
          {({ copied, copy }) => (
            <Button
              variant="default"
              size="xs"
              leftSection={
                copied ? (
                  <IconCheck size={14} aria-hidden="true" />
                ) : (
                  <IconCopy size={14} aria-hidden="true" />
                )
              }
              onClick={copy}
            >
              {copied ? 'Copied' : 'Copy redirect URI'}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}

function ProviderForm({ settings }: { settings: SsoSettingsView }) {
  const { slug } = useCurrentOrg();
  const queryClient = useQueryClient();
  const config = settings.config;
  const form = useForm<FormValues>({
    mode: 'uncontrolled',
    initialValues: {
      issuer: config?.issuer ?? '',
      clientId: config?.clientId ?? '',
      clientSecret: '',
      emailDomain: config?.emailDomain ?? '',
      isEnabled: config?.isEnabled ?? true,
    },
    validate: (values) => validateInput(toInput(values)),
  });
  const save = useMutation({
    mutationFn: (values: FormValues) => saveSsoSettings(slug, toInput(values)),
    onSuccess: (saved) => {
      queryClient.setQueryData(ssoSettingsQuery(slug).queryKey, saved);
      form.setFieldValue('clientSecret', '');
      notifications.show({ color: 'teal', message: 'Single sign-on is saved.' });
    },
    onError: (error) => showFieldErrors(form, error, ['issuer', 'clientId', 'clientSecret', 'emailDomain']),
  });
  const [isConfirming, confirm] = useDisclosure(false);
  const remove = useMutation({
    mutationFn: () => removeSsoSettings(slug),
    onSuccess: async () => {
      confirm.close();
      form.reset();
      await queryClient.invalidateQueries({ queryKey: ssoSettingsQuery(slug).queryKey });
      notifications.show({ color: 'teal', message: 'Single sign-on is removed.' });
    },
  });
  const hasFieldErrors = Object.keys(form.errors).length > 0;

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack gap="md" maw={520}>
        <ErrorAlert error={hasFieldErrors ? null : save.error} />
        <TextInput
          label="Issuer URL"
          description="The provider’s issuer, e.g. https://login.example.com/your-tenant. It must use https."
          placeholder="https://"
          required
          key={form.key('issuer')}
          {...form.getInputProps('issuer')}
        />
        <TextInput
          label="Client ID"
          required
          key={form.key('clientId')}
          {...form.getInputProps('clientId')}
        />
        <PasswordInput
          label="Client secret"
          description={
            config?.hasClientSecret
              ? 'A secret is stored (never shown). Leave empty to keep it.'
              : 'Stored encrypted; never shown again.'
          }
          required={!config?.hasClientSecret}
          autoComplete="off"
          key={form.key('clientSecret')}
          {...form.getInputProps('clientSecret')}
        />
        <TextInput
          label="Email domain"
          description="People with a verified address of this domain join as members on their first sign-in."
          placeholder="example.com"
          required
          key={form.key('emailDomain')}
          {...form.getInputProps('emailDomain')}
        />
        <Switch
          label="People may sign in with this provider"
          key={form.key('isEnabled')}
          {...form.getInputProps('isEnabled', { type: 'checkbox' })}
        />
        <Group>
          <Button
            type="submit"
            loading={save.isPending}
            leftSection={<IconShieldLock size={16} aria-hidden="true" />}
          >
            Save single sign-on
          </Button>
          {config ? (
            <Button variant="subtle" color="red" onClick={confirm.open}>
              Remove
            </Button>
          ) : null}
        </Group>
      </Stack>
      <Modal opened={isConfirming} onClose={confirm.close} title="Remove single sign-on?">
        <Stack gap="md">
          <Text fz="sm">
            People can no longer sign in with the provider. Their accounts and memberships stay; those without
            a password can set one with “Forgot your password?”.
          </Text>
          <ErrorAlert error={remove.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={confirm.close}>
              Keep it
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
              Remove single sign-on
            </Button>
          </Group>
        </Stack>
      </Modal>
    </form>
  );
}

export function SsoTab() {
  const { slug, membership } = useCurrentOrg();
  const settings = useQuery(ssoSettingsQuery(slug));
  if (settings.isPending) return <Skeleton h={240} />;
  if (settings.isError) return <ErrorAlert error={settings.error} />;
  return (
    <Stack gap="md">
      <SettingsSection
        title="Redirect URI"
        description="Register this address as the redirect (callback) URI of a new web application at your provider."
      >
        <RedirectUri uri={settings.data.redirectUri} />
      </SettingsSection>
      <SettingsSection
        title="Your OpenID Connect provider"
        description={`People of ${membership.name} sign in with “Sign in with your company (SSO)” and their work address or “${slug}”.`}
      >
        {settings.data.config && !settings.data.config.isEnabled ? (
          <Alert color="yellow" variant="light" mb="md">
            Sign-in with this provider is turned off.
          </Alert>
        ) : null}
        <ProviderForm settings={settings.data} />
      </SettingsSection>
    </Stack>
  );
}
