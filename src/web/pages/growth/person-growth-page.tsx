import { useQuery } from '@tanstack/react-query';
import { createLazyRoute } from '@tanstack/react-router';
import { personGrowthQuery } from '../../api/growth.ts';
import { AnchorLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useMyPerson } from '../../lib/use-my-person.ts';
import { useCurrentOrg } from '../../lib/use-org.ts';
import { GrowthView } from './growth-view.tsx';
import { ReportSwitcher, SkillsLink } from './my-growth-page.tsx';

export const Route = createLazyRoute('/o/$org/growth/$personId')({ component: PersonGrowthPage });

function PersonGrowthPage() {
  const { slug } = useCurrentOrg();
  const { personId } = Route.useParams();
  const { person: me } = useMyPerson();
  const growth = useQuery(personGrowthQuery(slug, personId));
  const isMe = me?.id === personId;
  return (
    <>
      <PageHeader
        eyebrow={
          <AnchorLink to="/o/$org/growth" params={{ org: slug }} fz="sm" c="dimmed" w="fit-content">
            ← My growth
          </AnchorLink>
        }
        title={growth.data ? `${growth.data.person.name}’s growth` : 'Growth'}
        description="Their self-assessment beside yours, what their 1:1s show, their goals and their development plan."
        actions={<SkillsLink />}
      />
      <ReportSwitcher current={personId} />
      <GrowthView org={slug} personId={personId} isMe={isMe} />
    </>
  );
}
