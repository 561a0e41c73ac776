import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Role } from '../../contracts/common.ts';
import type {
  InvitationPreview,
  InvitationView,
  MemberView,
  OrganizationView,
  OutboxMessageView,
} from '../../contracts/organizations.ts';
import { api } from './client.ts';

export type InvitationPreviewView = z.infer<typeof InvitationPreview>;

export const orgKey = (org: string) => ['org', org] as const;

export const organizationQuery = (org: string) =>
  queryOptions({
    queryKey: orgKey(org),
    queryFn: () => api<OrganizationView>('GET', `/api/orgs/${org}`),
  });

export const membersQuery = (org: string) =>
  queryOptions({
    queryKey: [...orgKey(org), 'members'],
    queryFn: () => api<MemberView[]>('GET', `/api/orgs/${org}/members`),
  });

export const invitationsQuery = (org: string) =>
  queryOptions({
    queryKey: [...orgKey(org), 'invitations'],
    queryFn: () => api<InvitationView[]>('GET', `/api/orgs/${org}/invitations`),
  });

export const outboxQuery = (org: string) =>
  queryOptions({
    queryKey: [...orgKey(org), 'outbox'],
    queryFn: () => api<OutboxMessageView[]>('GET', `/api/orgs/${org}/outbox`),
  });

export const invitationPreviewQuery = (token: string) =>
  queryOptions({
    queryKey: ['invitation', token],
    queryFn: () => api<InvitationPreviewView>('GET', `/api/invitations/${encodeURIComponent(token)}`),
    retry: false,
  });

export function createOrganization(input: { name: string; slug?: string }) {
  return api<OrganizationView>('POST', '/api/orgs', { body: input });
}

export function changeMemberRole(org: string, userId: string, role: Role) {
  return api<MemberView>('PATCH', `/api/orgs/${org}/members/${encodeURIComponent(userId)}`, {
    body: { role },
  });
}

export function removeMember(org: string, userId: string) {
  return api<null>('DELETE', `/api/orgs/${org}/members/${encodeURIComponent(userId)}`);
}

export function createInvitation(org: string, input: { email: string; role: Role }) {
  return api<InvitationView>('POST', `/api/orgs/${org}/invitations`, { body: input });
}

export function revokeInvitation(org: string, invitationId: string) {
  return api<null>('DELETE', `/api/orgs/${org}/invitations/${invitationId}`);
}
