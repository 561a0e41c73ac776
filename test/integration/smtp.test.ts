import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ownerWithOrganization, type TestApp } from '../support/test-app.ts';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback: Tandem must speak the protocol, not just write an outbox row. */
describe('mail over SMTP', () => {
  let t: TestApp;
  let smtp: SMTPServer;
  const received: Received[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => {
          raw += chunk.toString('utf8');
        });
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            raw,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.server.address() as AddressInfo;
    t = await createTestApp('embedded', {
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      MAIL_FROM: 'Tandem <tandem@harborpine.example>',
    });
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('sends an invitation through the SMTP server and records it as sent', async () => {
    const { client, org } = await ownerWithOrganization(t.app);
    const invited = await client.post(`/api/orgs/${org.slug}/invitations`, {
      email: 'new.leader@example.com',
      role: 'member',
    });
    expect(invited.statusCode).toBe(201);
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(['new.leader@example.com']);
    expect(received[0]!.from).toBe('tandem@harborpine.example');
    expect(received[0]!.raw).toMatch(/Subject: .*invited you to/);
    expect(received[0]!.raw).toMatch(/\/invitations\/[\w-]+/);
    const outbox = (await client.get(`/api/orgs/${org.slug}/outbox`)).json();
    expect(outbox[0]).toMatchObject({ to: 'new.leader@example.com', delivery: 'sent' });
  });
});
