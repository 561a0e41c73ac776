import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PeoplePage, PersonView } from '../../contracts/people.ts';
import { api } from '../api/client.ts';
import { orgKey } from '../api/organizations.ts';
import { useCurrentOrg } from './use-org.ts';

// The session names the account, not the person of the directory: the directory is searched by
// the account's email, which is unique in an organization.
const myPersonQuery = (org: string, email: string) =>
  queryOptions({
    queryKey: [...orgKey(org), 'my-person', email],
    queryFn: async ({ signal }): Promise<PersonView | null> => {
      const page = await api<PeoplePage>('GET', `/api/orgs/${org}/people`, {
        query: { q: email, limit: 20 },
        signal,
      });
      return page.items.find((person) => person.email.toLowerCase() === email.toLowerCase()) ?? null;
    },
    staleTime: 5 * 60_000,
  });

/** The signed-in person in this organization's directory; null while loading or when absent. */
export function useMyPerson(): { person: PersonView | null; isPending: boolean } {
  const { slug, session } = useCurrentOrg();
  const query = useQuery(myPersonQuery(slug, session.user.email));
  return { person: query.data ?? null, isPending: query.isPending };
}
