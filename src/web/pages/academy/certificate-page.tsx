import './academy.css';
import { Anchor, Button, Card, Group, List, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { createLazyRoute } from '@tanstack/react-router';
import { certificateQuery } from '../../api/academy.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { Logo } from '../../components/logo.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDate } from '../../lib/format.ts';
import { useCurrentOrg } from '../../lib/use-org.ts';

export const Route = createLazyRoute('/o/$org/academy/certificate')({ component: CertificatePage });

function CertificatePage() {
  const { slug } = useCurrentOrg();
  const status = useQuery(certificateQuery(slug));
  const certificate = status.data?.certificate ?? null;
  const verifyUrl = certificate ? new URL(certificate.verifyPath, window.location.origin).href : '';
  return (
    <>
      <div className="tandem-no-print">
        <PageHeader
          eyebrow={
            <AnchorLink to="/o/$org/academy" params={{ org: slug }} fz="sm" c="dimmed" w="fit-content">
              ← Leader Academy
            </AnchorLink>
          }
          title="Certificate"
          description="Earned by completing all twelve modules: lesson, quiz, role-play and an assignment met in a real 1:1."
          actions={
            certificate ? (
              <Button
                leftSection={<IconPrinter size={16} aria-hidden="true" />}
                onClick={() => window.print()}
              >
                Print
              </Button>
            ) : null
          }
        />
      </div>
      {status.isPending ? (
        <Skeleton h={320} radius="lg" />
      ) : status.isError ? (
        <ErrorAlert error={status.error} />
      ) : certificate ? (
        <Card padding="xl" className="tandem-certificate" maw={760} mx="auto">
          <Stack gap="md" align="center">
            <Logo size={28} />
            <Text tt="uppercase" fz="xs" fw={600} c="dimmed" style={{ letterSpacing: '0.12em' }}>
              Certificate of completion
            </Text>
            <Title order={2} fz={32}>
              {certificate.name}
            </Title>
            <Text>
              completed the Tandem Leader Academy: twelve leadership skills, each practised in a role-play and
              shown in a real 1:1.
            </Text>
            <Text fz="sm" c="dimmed">
              {certificate.organizationName} · {formatDate(certificate.issuedAt)}
            </Text>
            <Text fz="xs" c="dimmed">
              Verify at{' '}
              <Anchor href={verifyUrl} fz="xs">
                {verifyUrl}
              </Anchor>{' '}
              (code {certificate.id})
            </Text>
          </Stack>
        </Card>
      ) : (
        <Card padding="lg" maw={640}>
          <Title order={2} size="h4" mb="xs">
            {status.data.completedModules} of {status.data.totalModules} modules complete
          </Title>
          <Text fz="sm" c="dimmed" mb="sm">
            Still to complete:
          </Text>
          <List fz="sm" spacing={4}>
            {status.data.remaining.map((title) => (
              <List.Item key={title}>{title}</List.Item>
            ))}
          </List>
          <Group mt="md">
            <AnchorLink to="/o/$org/academy" params={{ org: slug }} fz="sm">
              Back to the modules
            </AnchorLink>
          </Group>
        </Card>
      )}
    </>
  );
}
