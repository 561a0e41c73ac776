import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';

export function register(program: Command) {
  program
    .command('demo')
    .description(
      'Start Tandem on its own data folder (./data-demo) seeded with the Harbor & Pine demo organization',
    )
    .option('--seed-only', 'seed the demo data and exit instead of serving')
    .action(async (options: { seedOnly?: boolean }) => {
      const { buildApp } = await import('../../server/app.ts');
      const { seedDemo } = await import('../../server/features/demo/seed-demo.ts');
      const { openConfiguredDatabase, serve } = await import('../../server/serve.ts');
      const opened = await openConfiguredDatabase({
        TANDEM_DATA_DIR: './data-demo',
      });
      const password = demoPassword(opened.env.TANDEM_DATA_DIR, opened.env.TANDEM_DEMO_PASSWORD);
      const { app, ctx } = await buildApp({ ...opened, logger: false });
      const result = await seedDemo(ctx, password);
      await app.close();
      const url = opened.env.PUBLIC_URL ?? `http://localhost:${opened.env.PORT}`;
      process.stdout.write(
        `\n${pc.bold('Tandem demo')}: ${result.created ? 'seeded' : 'already seeded'} the organization "${result.slug}"\n` +
          `Open ${pc.cyan(url)} and sign in as any of these (password ${pc.bold(password)}):\n` +
          result.accounts
            .map((account) => `  ${account.role.padEnd(10)} ${account.name.padEnd(16)} ${account.email}`)
            .join('\n') +
          '\n\n',
      );
      if (options.seedOnly) {
        await opened.database.close();
        return;
      }
      await serve(opened);
    });
}

/** The demo password: from TANDEM_DEMO_PASSWORD, else generated once and kept beside the data. */
function demoPassword(dataDir: string, configured: string | undefined): string {
  if (configured) return configured;
  const file = path.join(dataDir, 'demo-password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const generated = `pine-${randomBytes(6).toString('hex')}`;
  writeFileSync(file, generated, { mode: 0o600 });
  return generated;
}
