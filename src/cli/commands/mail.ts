import type { Command } from 'commander';
import { AppError } from '../../core/errors.ts';

export function register(program: Command) {
  program
    .command('mail')
    .description(
      'Show the mail Tandem kept for an address (password resets, email confirmations): for operators of a server without SMTP',
    )
    .requiredOption('--to <email>', 'the recipient')
    .option('--json', 'print JSON')
    .action(async (options: { to: string; json?: boolean }) => {
      const { openConfiguredDatabase } = await import('../../server/serve.ts');
      const { findMailTo } = await import('../../server/mail/mail-log.ts');
      const { database } = await openConfiguredDatabase();
      try {
        const mails = await findMailTo(database.db, options.to);
        if (mails.length === 0) throw new AppError('NOT_FOUND', `No mail was kept for ${options.to}.`);
        if (options.json) process.stdout.write(`${JSON.stringify(mails)}\n`);
        else
          for (const mail of mails)
            process.stdout.write(
              `--- ${mail.createdAt} · ${mail.subject} (${mail.delivery})\n${mail.text}\n`,
            );
      } finally {
        await database.close();
      }
    });
}
