import type { Command } from 'commander';
import { openConfiguredDatabase, serve } from '../../server/serve.ts';

export function register(program: Command) {
  program
    .command('serve')
    .description('Migrate the database and serve the API and web app (the same as npm start)')
    .action(async () => {
      await serve(await openConfiguredDatabase());
    });
}
