import { eq } from 'drizzle-orm';
import type { AuthHooks } from '../../auth/better-auth.ts';
import type { Db } from '../../db/client.ts';
import { memberships, user } from '../../db/schema.ts';
import type { Mailer } from '../../mail/mailer.ts';

/**
 * The mails better-auth asks us to send. Each is filed under the person's first organization, so
 * without SMTP an owner can still find it in that organization's outbox.
 */
export function accountMails(db: Db, mailer: Mailer, publicUrl: string): AuthHooks {
  async function organizationOf(email: string): Promise<string | null> {
    const [row] = await db
      .select({ organizationId: memberships.organizationId })
      .from(memberships)
      .innerJoin(user, eq(user.id, memberships.userId))
      .where(eq(user.email, email))
      .orderBy(memberships.createdAt)
      .limit(1);
    return row?.organizationId ?? null;
  }
  async function organizationOfUser(userId: string): Promise<string | null> {
    const [row] = await db
      .select({ organizationId: memberships.organizationId })
      .from(memberships)
      .where(eq(memberships.userId, userId))
      .orderBy(memberships.createdAt)
      .limit(1);
    return row?.organizationId ?? null;
  }
  return {
    async sendPasswordReset({ email, name, token }) {
      const link = `${publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
      await mailer.send({
        organizationId: await organizationOf(email),
        to: email,
        kind: 'password-reset',
        subject: 'Reset your Tandem password',
        text: `Hello ${name},\n\nSomeone (hopefully you) asked to reset the password of your Tandem account. Choose a new password here:\n\n${link}\n\nThe link works once and expires in one hour. If you did not ask for this, you can ignore this mail; your password stays as it is.\n`,
      });
    },
    async sendEmailChangeVerification({ userId, newEmail, name, url }) {
      await mailer.send({
        organizationId: await organizationOfUser(userId),
        to: newEmail,
        kind: 'email-change',
        subject: 'Confirm your new email address for Tandem',
        text: `Hello ${name},\n\nConfirm that ${newEmail} is your new sign-in address for Tandem:\n\n${url}\n\nUntil you confirm, you keep signing in with your old address.\n`,
      });
    },
  };
}
