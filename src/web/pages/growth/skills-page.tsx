import { Accordion, Badge, Card, Group, List, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { createLazyRoute } from '@tanstack/react-router';
import { skillsQuery } from '../../api/growth.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useCurrentOrg } from '../../lib/use-org.ts';

export const Route = createLazyRoute('/o/$org/skills')({ component: SkillsPage });

function SkillsPage() {
  const { slug } = useCurrentOrg();
  const skills = useQuery(skillsQuery(slug));
  return (
    <>
      <PageHeader
        eyebrow={
          <AnchorLink to="/o/$org/growth" params={{ org: slug }} fz="sm" c="dimmed" w="fit-content">
            ← Growth
          </AnchorLink>
        }
        title="The twelve leadership skills"
        description="What each skill looks like at four levels, from beginning to role model. Self and manager assessments rate against these behaviours; the Academy teaches one skill per module."
      />
      {skills.isPending ? (
        <Skeleton h={480} radius="lg" />
      ) : skills.isError ? (
        <ErrorAlert error={skills.error} />
      ) : (
        <Accordion variant="separated" radius="lg" multiple defaultValue={[skills.data[0]?.id ?? '']}>
          {skills.data.map((skill, index) => (
            <Accordion.Item key={skill.id} value={skill.id}>
              <Accordion.Control>
                <Group gap="sm" wrap="nowrap">
                  <Badge color="gray" variant="light" w={32} style={{ flexShrink: 0 }}>
                    {index + 1}
                  </Badge>
                  <Text fw={600}>{skill.name}</Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="md">
                  <Text fz="sm">{skill.definition}</Text>
                  <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
                    {skill.levels.map((level) => (
                      <Card key={level.key} padding="md" bg="var(--tandem-surface)">
                        <Title order={3} size="h5" mb={6}>
                          {level.rating} · {level.label}
                        </Title>
                        <List fz="xs" spacing={4}>
                          {level.behaviours.map((behaviour) => (
                            <List.Item key={behaviour}>{behaviour}</List.Item>
                          ))}
                        </List>
                      </Card>
                    ))}
                  </SimpleGrid>
                  {skill.questions.length > 0 ? (
                    <Stack gap={4}>
                      <Text fz="xs" fw={600} c="dimmed" tt="uppercase">
                        Questions that practise it
                      </Text>
                      <List fz="sm" spacing={2}>
                        {skill.questions.slice(0, 4).map((question) => (
                          <List.Item key={question.id}>{question.text}</List.Item>
                        ))}
                      </List>
                    </Stack>
                  ) : null}
                  {skill.moduleId ? (
                    <AnchorLink
                      to="/o/$org/academy/$moduleId"
                      params={{ org: slug, moduleId: skill.moduleId }}
                      fz="sm"
                    >
                      Learn it in the Academy
                    </AnchorLink>
                  ) : null}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </>
  );
}
