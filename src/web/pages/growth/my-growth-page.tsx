import { Card, Group, SegmentedControl, Skeleton, Stack, Text } from '@mantine/core';
import { IconBook2 } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { createLazyRoute, useNavigate } from '@tanstack/react-router';
import { assessmentsOverviewQuery } from '../../api/growth.ts';
import { ButtonLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useMyPerson } from '../../lib/use-my-person.ts';
import { useCurrentOrg } from '../../lib/use-org.ts';
import { GrowthView } from './growth-view.tsx';

export const Route = createLazyRoute('/o/$org/growth')({ component: MyGrowthPage });

/** Managers switch between their own growth and each direct report's. */
export function ReportSwitcher({ current }: { current: string | null }) {
  const { slug } = useCurrentOrg();
  const navigate = useNavigate();
  const overview = useQuery(assessmentsOverviewQuery(slug));
  const reports = overview.data?.reports ?? [];
  if (reports.length === 0) return null;
  return (
    <Card padding="sm" mb="lg">
      <Group gap="sm" wrap="wrap">
        <Text fz="sm" fw={500} id="growth-of">
          Growth of
        </Text>
        <SegmentedControl
          aria-labelledby="growth-of"
          value={current ?? 'me'}
          onChange={(value) =>
            value === 'me'
              ? void navigate({ to: '/o/$org/growth', params: { org: slug } })
              : void navigate({ to: '/o/$org/growth/$personId', params: { org: slug, personId: value } })
          }
          data={[
            { value: 'me', label: 'Me' },
            ...reports.map((r) => ({ value: r.person.id, label: r.person.name })),
          ]}
          style={{ maxWidth: '100%', overflowX: 'auto' }}
        />
      </Group>
    </Card>
  );
}

export function SkillsLink() {
  const { slug } = useCurrentOrg();
  return (
    <ButtonLink
      variant="default"
      to="/o/$org/skills"
      params={{ org: slug }}
      leftSection={<IconBook2 size={16} aria-hidden="true" />}
    >
      The twelve skills
    </ButtonLink>
  );
}

function MyGrowthPage() {
  const { slug } = useCurrentOrg();
  const { person, isPending } = useMyPerson();
  return (
    <>
      <PageHeader
        title="My growth"
        description="The twelve leadership skills as you and your manager see them, what your 1:1s show, your goals and your development plan."
        actions={<SkillsLink />}
      />
      <ReportSwitcher current={null} />
      {isPending ? (
        <Skeleton h={420} radius="lg" />
      ) : person ? (
        <GrowthView org={slug} personId={person.id} isMe />
      ) : (
        <Stack>
          <Text c="dimmed" fz="sm">
            You are not in this organization’s directory yet, so there is no growth record to show. Ask an
            admin to add you to the people list.
          </Text>
        </Stack>
      )}
    </>
  );
}
