import './academy.css';
import { Badge, Card, Group, Progress, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCertificate, IconClock, IconUsersGroup } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { createLazyRoute } from '@tanstack/react-router';
import { catalogueQuery } from '../../api/academy.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ButtonLink, CardLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useCurrentOrg } from '../../lib/use-org.ts';
import { ModuleProgressBar } from './module-progress.tsx';

export const Route = createLazyRoute('/o/$org/academy')({ component: CataloguePage });

function CataloguePage() {
  const { slug } = useCurrentOrg();
  const catalogue = useQuery(catalogueQuery(slug));
  const data = catalogue.data;
  return (
    <>
      <PageHeader
        title="Leader Academy"
        description="Twelve 30-minute modules, one per leadership skill. Each has a lesson, a worked example, a quiz, a role-play scored by the same analyser as your 1:1s, and an assignment checked in your next real 1:1."
        actions={
          <>
            <ButtonLink
              variant="default"
              to="/o/$org/academy/cohorts"
              params={{ org: slug }}
              leftSection={<IconUsersGroup size={16} aria-hidden="true" />}
            >
              Cohorts
            </ButtonLink>
            <ButtonLink
              variant="default"
              to="/o/$org/academy/certificate"
              params={{ org: slug }}
              leftSection={<IconCertificate size={16} aria-hidden="true" />}
            >
              Certificate
            </ButtonLink>
          </>
        }
      />
      <ErrorAlert error={catalogue.error} />
      {catalogue.isPending ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {Array.from({ length: 6 }, (_, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
            <Skeleton key={index} h={190} radius="lg" />
          ))}
        </SimpleGrid>
      ) : data ? (
        <Stack gap="lg">
          <Card padding="lg">
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Stack gap={2}>
                <Text fw={600}>
                  {data.completedModules} of {data.totalModules} modules complete
                </Text>
                <Text fz="sm" c="dimmed">
                  {data.certificateId
                    ? 'You have earned your certificate.'
                    : 'Complete every module to earn your certificate.'}
                </Text>
              </Stack>
              <Progress
                value={(data.completedModules / Math.max(1, data.totalModules)) * 100}
                w={{ base: '100%', sm: 280 }}
                size="lg"
                aria-label={`${data.completedModules} of ${data.totalModules} modules complete`}
              />
            </Group>
          </Card>
          <SimpleGrid
            cols={{ base: 1, sm: 2, lg: 3 }}
            spacing="md"
            component="ol"
            className="tandem-plain-list"
          >
            {data.modules.map((module) => (
              <li key={module.id}>
                <CardLink
                  to="/o/$org/academy/$moduleId"
                  params={{ org: slug, moduleId: module.id }}
                  padding="lg"
                  h="100%"
                  className="tandem-stat"
                >
                  <Stack gap="sm" h="100%" justify="space-between">
                    <Stack gap={6}>
                      <Group gap="xs" justify="space-between" wrap="nowrap">
                        <Badge color="gray">Module {module.order}</Badge>
                        <Group gap={4} wrap="nowrap">
                          <IconClock size={14} aria-hidden="true" color="var(--mantine-color-dimmed)" />
                          <Text fz="xs" c="dimmed">
                            {module.minutes} min
                          </Text>
                        </Group>
                      </Group>
                      <Title order={2} size="h4">
                        {module.title}
                      </Title>
                      <Text fz="sm" c="dimmed" lineClamp={3}>
                        {module.summary}
                      </Text>
                    </Stack>
                    <ModuleProgressBar progress={module.progress} label={module.title} />
                  </Stack>
                </CardLink>
              </li>
            ))}
          </SimpleGrid>
        </Stack>
      ) : null}
    </>
  );
}
