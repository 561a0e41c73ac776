import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import pc from 'picocolors';
import { AppError } from '../../core/errors.ts';

export function register(program: Command) {
  program
    .command('import-people')
    .description(
      'Import people and reporting lines from a CSV file (email,name,title,manager_email,start_date,time_zone)',
    )
    .argument('<file>', 'the CSV file')
    .requiredOption('--org <slug>', 'the organization')
    .option('--dry-run', 'validate and count, change nothing')
    .option('--json', 'print JSON')
    .action(async (file: string, options: { org: string; dryRun?: boolean; json?: boolean }) => {
      let csv: string;
      try {
        csv = readFileSync(file, 'utf8');
      } catch (error) {
        throw new AppError(
          'VALIDATION_FAILED',
          `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`,
          { cause: error },
        );
      }
      const { openConfiguredDatabase } = await import('../../server/serve.ts');
      const { findTenantBySlug } = await import(
        '../../server/features/organizations/organizations.service.ts'
      );
      const { importPeople } = await import('../../server/features/people/people.service.ts');
      const { tellRunningServers } = await import('../../server/events/event-bus.ts');
      const { database } = await openConfiguredDatabase();
      try {
        const tenant = await findTenantBySlug(database.db, options.org);
        const result = await importPeople(database.db, tenant, csv, Boolean(options.dryRun));
        // Names, titles and managers show on the meeting pages the servers remember. The import is
        // saved by now, so a failed announcement is a warning, not a failed command.
        if (!result.dryRun && result.created + result.updated > 0)
          await tellRunningServers(database, tenant.organizationId).catch((error: unknown) =>
            process.stderr.write(
              `tandem: imported, but could not tell the running servers (${String(error)}); their meeting pages show the change within a minute\n`,
            ),
          );
        if (options.json) process.stdout.write(`${JSON.stringify(result)}\n`);
        else {
          const verb = result.dryRun ? pc.yellow('would import (dry run)') : pc.green('imported');
          process.stdout.write(
            `${verb} ${result.rows} rows: ${result.created} new, ${result.updated} updated, ${result.unchanged} unchanged\n`,
          );
        }
      } finally {
        await database.close();
      }
    });
}
