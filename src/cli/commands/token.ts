import type { Command } from 'commander';

export function register(program: Command) {
  const token = program.command('token').description('Personal API tokens');
  token
    .command('create')
    .description('Create a personal API token for a user and print it (it is shown only once)')
    .requiredOption('--email <email>', 'the address of the account')
    .option('--name <name>', 'what the token is for', 'Created with the tandem command')
    .option('--json', 'print JSON')
    .action(async (options: { email: string; name: string; json?: boolean }) => {
      const { openConfiguredDatabase } = await import('../../server/serve.ts');
      const { createApiTokenForEmail } = await import('../../server/features/tokens/tokens.service.ts');
      const { database } = await openConfiguredDatabase();
      try {
        const created = await createApiTokenForEmail(database.db, options.email, options.name);
        process.stdout.write(options.json ? `${JSON.stringify(created)}\n` : `${created.token}\n`);
      } finally {
        await database.close();
      }
    });
}
