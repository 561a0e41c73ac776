import type { Command } from 'commander';

export function register(program: Command) {
  program
    .command('send-reminders')
    .description(
      'Send the 1:1 reminders and Monday digests that are due now, for cron. Safe to run on several machines at once: each mail goes out once. With the embedded database the server sends them itself.',
    )
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const { default: pino } = await import('pino');
      const { openConfiguredDatabase } = await import('../../server/serve.ts');
      const { createMailer } = await import('../../server/mail/mailer.ts');
      const { runReminderSweep } = await import('../../server/features/notifications/reminder-sweep.ts');
      const { env, database } = await openConfiguredDatabase();
      try {
        const result = await runReminderSweep(
          {
            db: database.db,
            mailer: createMailer(database.db, { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM }),
            publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
            env,
          },
          new Date(),
          // Logs go to standard error, so standard output stays the result alone.
          { log: pino({ name: 'send-reminders', level: env.LOG_LEVEL }, pino.destination(2)) },
        );
        process.stdout.write(
          options.json
            ? `${JSON.stringify(result)}\n`
            : `Sent ${result.reminders} reminder(s), ${result.digests} digest(s) and ${result.webhooks} webhook message(s); ${result.failures} failed.\n`,
        );
      } finally {
        await database.close();
      }
    });
}
