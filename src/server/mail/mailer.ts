import { eq } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../db/client.ts';
import { outbox } from '../db/schema.ts';

export interface MailMessage {
  /** The organization the mail belongs to, so its owners and admins can read it in the outbox. */
  organizationId: string | null;
  to: string;
  subject: string;
  text: string;
  /** What the mail is for (`invitation`, `password-reset`, …), for the outbox and for tests. */
  kind: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<{ id: string; delivery: 'outbox' | 'sent' | 'failed' }>;
  readonly isSmtp: boolean;
}

/**
 * Every mail is recorded first; with SMTP configured it is then sent, otherwise it stays in the
 * outbox that owners and admins read in the app, so sign-up and invitations work offline.
 */
export function createMailer(db: Db, options: { smtpUrl?: string; from: string }): Mailer {
  const transport: Transporter | null = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  return {
    isSmtp: transport !== null,
    async send(message) {
      const [row] = await db
        .insert(outbox)
        .values({
          organizationId: message.organizationId,
          toAddress: message.to,
          subject: message.subject,
          textBody: message.text,
          kind: message.kind,
          delivery: 'outbox',
        })
        .returning({ id: outbox.id });
      const id = row!.id;
      if (!transport) return { id, delivery: 'outbox' };
      try {
        await transport.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
        });
        await db.update(outbox).set({ delivery: 'sent', attempts: 1 }).where(eq(outbox.id, id));
        return { id, delivery: 'sent' };
      } catch (error) {
        await db
          .update(outbox)
          .set({
            delivery: 'failed',
            attempts: 1,
            error: error instanceof Error ? error.message : String(error),
          })
          .where(eq(outbox.id, id));
        return { id, delivery: 'failed' };
      }
    },
  };
}
