import type { Command } from 'commander';

export function register(program: Command) {
  program
    .command('retention')
    .description(
      'Delete the transcripts each organization asked to keep no longer (Settings → Retention), keeping their figures. The server does this itself every few minutes; run it from cron when TANDEM_REMINDERS_EVERY_MINUTES=0. Safe to run on several machines at once.',
    )
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const { openConfiguredDatabase } = await import('../../server/serve.ts');
      const { runRetentionSweep } = await import('../../server/features/retention/retention.service.ts');
      const { database } = await openConfiguredDatabase();
      try {
        const result = await runRetentionSweep(database.db, new Date());
        process.stdout.write(
          options.json
            ? `${JSON.stringify(result)}\n`
            : `Deleted ${result.transcripts} transcript(s) past their organization's retention (${result.organizations} organization(s) with a limit).\n`,
        );
      } finally {
        await database.close();
      }
    });
}
