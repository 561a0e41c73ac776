import type { Command } from 'commander';

export function register(program: Command) {
  program
    .command('serve')
    .description('Migrate the database and serve the API and web app (the same as npm start)')
    .action(async () => {
      // The server is loaded when a command runs, so `tandem classify` starts without it.
      const { openConfiguredDatabase, serve } = await import('../../server/serve.ts');
      await serve(await openConfiguredDatabase());
    });
}
