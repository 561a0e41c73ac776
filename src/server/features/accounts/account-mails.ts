import type { AuthHooks } from '../../auth/better-auth.ts';
import type { Mailer } from '../../mail/mailer.ts';

/**
 * The mails better-auth asks us to send. They carry sign-in secrets (reset and confirmation
 * links), so they are never filed under an organization: its outbox is readable by admins, and a
 * reset link there would let an admin take over a member's account. Without SMTP, an operator
 * with access to the server reads them with `tandem mail --to EMAIL`.
 */
export function accountMails(mailer: Mailer, publicUrl: string): AuthHooks {
  return {
    async sendPasswordReset({ email, name, token }) {
      const link = `${publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
      await mailer.send({
        organizationId: null,
        to: email,
        kind: 'password-reset',
        subject: 'Reset your Tandem password',
        text: `Hello ${name},\n\nSomeone (hopefully you) asked to reset the password of your Tandem account. Choose a new password here:\n\n${link}\n\nThe link works once and expires in one hour. If you did not ask for this, you can ignore this mail; your password stays as it is.\n`,
      });
    },
    async sendEmailChangeVerification({ newEmail, name, url }) {
      await mailer.send({
        organizationId: null,
        to: newEmail,
        kind: 'email-change',
        subject: 'Confirm your new email address for Tandem',
        text: `Hello ${name},\n\nConfirm that ${newEmail} is your new sign-in address for Tandem:\n\n${url}\n\nUntil you confirm, you keep signing in with your old address.\n`,
      });
    },
  };
}
