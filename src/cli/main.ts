#!/usr/bin/env node
import { Command } from 'commander';
import { runCommand } from './run-command.ts';

// Each subcommand lives in its own file under commands/ and registers itself here.
const program = new Command()
  .name('tandem')
  .description('Tandem: one-on-ones that coach, not check in.')
  .showHelpAfterError();

const registrations: Array<Promise<{ register: (program: Command) => void }>> = [
  // subcommands: one line each
  import('./commands/serve.ts'),
  import('./commands/demo.ts'),
  import('./commands/token.ts'),
  import('./commands/mail.ts'),
  import('./commands/import-people.ts'),
  import('./commands/export-meetings.ts'),
  import('./commands/analyze.ts'),
  import('./commands/classify.ts'),
  import('./commands/send-reminders.ts'),
  import('./commands/backup.ts'),
  import('./commands/retention.ts'),
];

for (const module of await Promise.all(registrations)) module.register(program);

await runCommand(() => program.parseAsync(process.argv));
