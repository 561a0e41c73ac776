import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { InvitationView } from '../../../contracts/organizations.ts';
import { AppError } from '../../../core/errors.ts';
import type { Actor } from '../../auth/actor.ts';
import { hashToken } from '../../auth/actor.ts';
import type { OrgRole, Tenant } from '../../auth/policy.ts';
import type { Db } from '../../db/client.ts';
import { invitations, memberships, organizations, people, user } from '../../db/schema.ts';
import type { Mailer } from '../../mail/mailer.ts';
import { type AuditSource, recordAuditEvent } from '../audit/audit.service.ts';

const INVITATION_DAYS = 14;
type InvitationRow = typeof invitations.$inferSelect;

function statusOf(row: InvitationRow, now = new Date()): InvitationView['status'] {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  return row.expiresAt < now ? 'expired' : 'pending';
}

function toView(row: InvitationRow): InvitationView {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    status: statusOf(row),
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listInvitations(db: Db, tenant: Tenant): Promise<InvitationView[]> {
  const rows = await db
    .select()
    .from(invitations)
    .where(eq(invitations.organizationId, tenant.organizationId))
    .orderBy(desc(invitations.createdAt))
    .limit(500);
  return rows.map(toView);
}

/** Invites an address by mail; the link carries a random token of which only a hash is stored. */
export async function createInvitation(
  db: Db,
  mailer: Mailer,
  publicUrl: string,
  tenant: Tenant,
  inviter: Actor,
  input: { email: string; role: OrgRole },
  ip: string | null,
): Promise<InvitationView> {
  if (input.role === 'owner' && tenant.role !== 'owner') {
    throw new AppError('FORBIDDEN', 'Only an owner can invite another owner.', {
      fields: [{ path: 'body.role', message: 'needs an owner to grant' }],
    });
  }
  const [member] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(user, eq(user.id, memberships.userId))
    .where(and(eq(memberships.organizationId, tenant.organizationId), eq(user.email, input.email)))
    .limit(1);
  if (member) {
    throw new AppError('ALREADY_EXISTS', `${input.email} is already a member of ${tenant.name}.`, {
      fields: [{ path: 'body.email', message: 'is already a member' }],
    });
  }
  const token = randomBytes(24).toString('base64url');
  const row = await db.transaction(async (tx) => {
    // A new invitation replaces any pending one for the same address.
    await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(invitations.organizationId, tenant.organizationId),
          eq(invitations.email, input.email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      );
    const [inserted] = await tx
      .insert(invitations)
      .values({
        organizationId: tenant.organizationId,
        email: input.email,
        role: input.role,
        tokenHash: hashToken(token),
        invitedBy: inviter.userId,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      })
      .returning();
    await recordAuditEvent(tx, {
      organizationId: tenant.organizationId,
      actor: inviter,
      action: 'member.invited',
      subjectType: 'invitation',
      subjectId: inserted!.id,
      detail: { email: input.email, role: input.role },
      ip,
    });
    return inserted!;
  });
  const link = `${publicUrl}/invitations/${token}`;
  await mailer.send({
    organizationId: tenant.organizationId,
    to: input.email,
    kind: 'invitation',
    subject: `${inviter.name} invited you to ${tenant.name} on Tandem`,
    text: `Hello,\n\n${inviter.name} invited you to join ${tenant.name} on Tandem, where leaders and their people run one-on-ones that coach instead of check in.\n\nAccept the invitation here (sign up with ${input.email} if you have no account yet):\n\n${link}\n\nThe link expires in ${INVITATION_DAYS} days.\n`,
  });
  return toView(row);
}

export async function revokeInvitation(
  db: Db,
  tenant: Tenant,
  invitationId: string,
  source: AuditSource,
): Promise<void> {
  const revoked = await db
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(invitations.id, invitationId),
        eq(invitations.organizationId, tenant.organizationId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning({ id: invitations.id });
  if (revoked.length === 0) throw new AppError('NOT_FOUND', 'No pending invitation with this id.');
  await recordAuditEvent(db, {
    ...source,
    organizationId: tenant.organizationId,
    action: 'invitation.revoked',
    subjectType: 'invitation',
    subjectId: invitationId,
  });
}

async function getPendingInvitation(db: Db, token: string) {
  const [row] = await db
    .select({
      invitation: invitations,
      organizationName: organizations.name,
      organizationSlug: organizations.slug,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(eq(invitations.tokenHash, hashToken(token)))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'This invitation link is not valid.');
  const status = statusOf(row.invitation);
  if (status !== 'pending')
    throw new AppError('GONE', `This invitation has been ${status === 'expired' ? 'expired' : status}.`);
  return row;
}

export async function previewInvitation(db: Db, token: string) {
  const row = await getPendingInvitation(db, token);
  return {
    organizationName: row.organizationName,
    organizationSlug: row.organizationSlug,
    email: row.invitation.email,
    role: row.invitation.role,
  };
}

/** The invited address must be the signed-in account's: a forwarded link does not let someone else in. */
export async function acceptInvitation(db: Db, actor: Actor, token: string): Promise<void> {
  const { invitation } = await getPendingInvitation(db, token);
  if (invitation.email !== actor.email.toLowerCase()) {
    throw new AppError(
      'FORBIDDEN',
      `This invitation is for ${invitation.email}; you are signed in as ${actor.email}.`,
    );
  }
  await db.transaction(async (tx) => {
    await tx
      .insert(memberships)
      .values({ organizationId: invitation.organizationId, userId: actor.userId, role: invitation.role })
      .onConflictDoNothing();
    await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, invitation.id));
    await recordAuditEvent(tx, {
      organizationId: invitation.organizationId,
      actor,
      action: 'member.joined',
      subjectType: 'invitation',
      subjectId: invitation.id,
      detail: { role: invitation.role },
    });
    const [person] = await tx
      .select({ id: people.id, userId: people.userId })
      .from(people)
      .where(and(eq(people.organizationId, invitation.organizationId), eq(people.email, invitation.email)))
      .limit(1);
    // A directory entry already linked to another account keeps it: its 1:1 history is that person's.
    if (person?.userId && person.userId !== actor.userId) {
      throw new AppError(
        'CONFLICT',
        `The directory entry for ${invitation.email} belongs to another account; ask an admin to check it.`,
      );
    }
    if (person) await tx.update(people).set({ userId: actor.userId }).where(eq(people.id, person.id));
    else
      await tx.insert(people).values({
        organizationId: invitation.organizationId,
        email: invitation.email,
        name: actor.name,
        userId: actor.userId,
      });
  });
}
