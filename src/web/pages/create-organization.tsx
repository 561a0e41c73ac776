import { Button, Code, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createLazyRoute, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { OrganizationCreateInput } from '../../contracts/organizations.ts';
import { ApiError } from '../api/client.ts';
import { createOrganization } from '../api/organizations.ts';
import { sessionQuery } from '../api/session.ts';
import { AuthLayout } from '../components/auth-layout.tsx';
import { ErrorAlert } from '../components/error-alert.tsx';
import { AnchorLink } from '../components/links.tsx';
import { slugify } from '../lib/format.ts';
import { showFieldErrors, zodValidate } from '../lib/forms.ts';

export const Route = createLazyRoute('/welcome')({ component: CreateOrganizationPage });

function CreateOrganizationPage() {
  const { session } = Route.useRouteContext();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [isSlugEdited, setSlugEdited] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: '', slug: '' },
    validate: zodValidate(OrganizationCreateInput),
    transformValues: (values) => ({ name: values.name.trim(), slug: values.slug || undefined }),
    onValuesChange: (values, previous) => {
      if (!isSlugEdited && values.name !== previous.name) form.setFieldValue('slug', slugify(values.name));
    },
  });
  const mutation = useMutation({
    mutationFn: createOrganization,
    onSuccess: async (organization) => {
      // The new membership lives in the session; fetch it before the org pages check for it.
      await queryClient.fetchQuery({ ...sessionQuery, staleTime: 0 });
      await navigate({ to: '/o/$org', params: { org: organization.slug } });
    },
    onError: (error) => showFieldErrors(form, error, ['name', 'slug']),
  });
  const isFirst = session.memberships.length === 0;
  const error = mutation.error;
  const slugTaken = error instanceof ApiError && ['ALREADY_EXISTS', 'CONFLICT'].includes(error.code);

  return (
    <AuthLayout
      title={isFirst ? 'Create your organization' : 'Create another organization'}
      description={
        isFirst
          ? `Welcome, ${session.user.name}. An organization holds your people, reporting lines and 1:1s. You will be its owner.`
          : 'Each organization has its own people, members and 1:1s.'
      }
      footer={
        isFirst ? (
          <>Joining a colleague's organization instead? Open the invitation link from your email.</>
        ) : (
          <AnchorLink to="/" fz="sm" fw={500}>
            Back to Tandem
          </AnchorLink>
        )
      }
    >
      <form onSubmit={form.onSubmit((values) => mutation.mutate(values))} noValidate>
        <Stack gap="md">
          <ErrorAlert
            error={slugTaken || (error instanceof ApiError && error.fields.length > 0) ? null : error}
          />
          <TextInput
            label="Organization name"
            description="Usually your company's name, as your people know it."
            autoComplete="organization"
            required
            autoFocus
            {...form.getInputProps('name')}
          />
          <TextInput
            label="Web address"
            description={
              <>
                Your pages will live at <Code>/o/{form.values.slug || 'your-company'}</Code>
              </>
            }
            autoComplete="off"
            spellCheck={false}
            {...form.getInputProps('slug')}
            error={
              form.errors.slug ??
              (slugTaken ? 'Another organization has this address; pick another.' : undefined)
            }
            onChange={(event) => {
              setSlugEdited(true);
              form.setFieldValue('slug', event.currentTarget.value.toLowerCase());
            }}
          />
          <Button type="submit" fullWidth loading={mutation.isPending}>
            Create organization
          </Button>
          {isFirst ? (
            <Text fz="xs" c="dimmed" ta="center">
              Next, you will import your org chart and invite your leaders.
            </Text>
          ) : null}
        </Stack>
      </form>
    </AuthLayout>
  );
}
