import { useQuery } from '@tanstack/react-query';
import { useRouteContext } from '@tanstack/react-router';
import type { MembershipView, SessionView } from '../../contracts/accounts.ts';
import { sessionQuery } from '../api/session.ts';

export interface CurrentOrg {
  slug: string;
  membership: MembershipView;
  session: SessionView;
  /** Owners and admins manage people, members, invitations and read the outbox. */
  canManage: boolean;
}

/** The organization of the current page and the signed-in person's role in it. */
export function useCurrentOrg(): CurrentOrg {
  const context = useRouteContext({ from: '/o/$org' });
  // The cached session stays fresh after profile or membership changes; the route context is
  // the value at navigation time and serves as the fallback.
  const { data } = useQuery(sessionQuery);
  const session = data ?? context.session;
  const membership =
    session.memberships.find((m) => m.slug === context.membership.slug) ?? context.membership;
  return {
    slug: membership.slug,
    membership,
    session,
    canManage: membership.role === 'owner' || membership.role === 'admin',
  };
}
