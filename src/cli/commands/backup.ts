import type { Command } from 'commander';

export function register(program: Command) {
  program
    .command('backup')
    .description(
      'Write the whole instance (every table, as of one instant) to a file, restorable on the embedded database or PostgreSQL. The embedded database must not be in use by a running server; PostgreSQL can be backed up while serving.',
    )
    .argument('<file>', 'the backup file to write (gzip’d JSON Lines, e.g. tandem-2026-05-01.tandem.gz)')
    .option('--json', 'print JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const { openConfiguredDatabase } = await import('../../server/serve.ts');
      const { writeBackup } = await import('../../server/features/backup/backup.service.ts');
      const { readVersion } = await import('../../server/version.ts');
      const { database, secret } = await openConfiguredDatabase();
      try {
        const summary = await writeBackup(database.db, file, {
          secret,
          databaseKind: database.kind,
          tandemVersion: readVersion(),
        });
        process.stdout.write(
          options.json
            ? `${JSON.stringify(summary)}\n`
            : `Backed up ${summary.rows} rows of ${summary.tables} tables to ${file}.\nKeep the server secret with it: private notes in it open only with the same TANDEM_SECRET (or data folder secret file).\n`,
        );
      } finally {
        await database.close();
      }
    });

  program
    .command('restore')
    .description(
      'Restore a backup into an empty database (the embedded one or PostgreSQL, whichever made it), in one transaction: a damaged file changes nothing. Needs the server secret the backup was made with.',
    )
    .argument('<file>', 'the backup file')
    .option(
      '--replace',
      'delete everything in the database first (instead of refusing a database that holds data)',
    )
    .option(
      '--accept-other-secret',
      'restore a backup made with another server secret, leaving out the private notes and single sign-on secrets it sealed',
    )
    .option('--json', 'print JSON')
    .action(
      async (file: string, options: { replace?: boolean; acceptOtherSecret?: boolean; json?: boolean }) => {
        const { openConfiguredDatabase } = await import('../../server/serve.ts');
        const { restoreBackup } = await import('../../server/features/backup/restore.service.ts');
        const { readVersion } = await import('../../server/version.ts');
        const { database, secret } = await openConfiguredDatabase();
        try {
          const summary = await restoreBackup(database.db, file, {
            secret,
            tandemVersion: readVersion(),
            replace: options.replace,
            acceptOtherSecret: options.acceptOtherSecret,
          });
          const where = database.kind === 'embedded' ? 'the embedded database' : 'PostgreSQL';
          process.stdout.write(
            options.json
              ? `${JSON.stringify(summary)}\n`
              : `Restored ${summary.rows} rows of ${summary.tables} tables into ${where} (backup of ${summary.backup.createdAt}, Tandem ${summary.backup.tandemVersion}, ${summary.backup.databaseKind}).${summary.leftOut > 0 ? `\nLeft out ${summary.leftOut} sealed rows (private notes, single sign-on secrets) made with another secret.` : ''}\n`,
          );
        } finally {
          await database.close();
        }
      },
    );
}
