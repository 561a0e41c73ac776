import { Alert, Center, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { createLazyRoute } from '@tanstack/react-router';
import { verificationQuery } from '../../api/academy.ts';
import { isApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { Logo } from '../../components/logo.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatDate } from '../../lib/format.ts';

export const Route = createLazyRoute('/certificates/$certificateId')({ component: VerifyCertificatePage });

/** Public: anyone with the code reads the name, organization and date, and nothing else. */
function VerifyCertificatePage() {
  const { certificateId } = Route.useParams();
  const verification = useQuery(verificationQuery(certificateId));
  return (
    <main>
      <Center mih="100vh" p="md">
        <Stack gap="lg" maw={520} w="100%">
          <Logo size={28} />
          <Title order={1}>Certificate check</Title>
          {verification.isPending ? (
            <PageLoader />
          ) : verification.isError ? (
            isApiError(verification.error, 'NOT_FOUND') ? (
              <Alert
                color="red"
                variant="light"
                icon={<IconCircleX size={18} aria-hidden="true" />}
                title="No such certificate"
              >
                No Tandem Leader Academy certificate has the code {certificateId}. Check it was copied in
                full.
              </Alert>
            ) : (
              <ErrorAlert error={verification.error} />
            )
          ) : (
            <Alert
              color={verification.data.isValid ? 'teal' : 'red'}
              variant="light"
              icon={
                verification.data.isValid ? (
                  <IconCircleCheck size={18} aria-hidden="true" />
                ) : (
                  <IconCircleX size={18} aria-hidden="true" />
                )
              }
              title={verification.data.isValid ? 'Valid certificate' : 'This certificate is no longer valid'}
            >
              <Text fz="sm">
                {verification.data.name} completed the Tandem Leader Academy at{' '}
                {verification.data.organizationName} on {formatDate(verification.data.issuedAt)}.
              </Text>
            </Alert>
          )}
        </Stack>
      </Center>
    </main>
  );
}
