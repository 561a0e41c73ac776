import type { Command } from 'commander';
import { AppError } from '../../core/errors.ts';

const formats = ['json', 'md'] as const;

interface ExportOptions {
  person: string;
  format: string;
  org?: string;
  with?: string;
}

export function register(program: Command) {
  program
    .command('export-meetings')
    .description(
      'Print the 1:1 history a person may read (agenda, status updates, shared notes, their own private notes) as JSON or Markdown',
    )
    .requiredOption('--person <email>', 'whose 1:1s to export')
    .option('--format <format>', `${formats.join(' or ')}`, 'md')
    .option('--org <slug>', 'the organization, when the person is in several')
    .option('--with <email>', 'only the 1:1s with this person')
    .action(async (options: ExportOptions) => {
      if (!(formats as readonly string[]).includes(options.format)) {
        throw new AppError('VALIDATION_FAILED', `Unknown format "${options.format}".`, {
          fields: [{ path: 'format', message: `must be ${formats.join(' or ')}` }],
        });
      }
      const { openConfiguredDatabase } = await import('../../server/serve.ts');
      const { createTextSealer } = await import('../../server/crypto/sealed-text.ts');
      const history = await import('../../server/features/timeline/meeting-history.service.ts');
      const { renderHistoryMarkdown } = await import('../../server/features/timeline/history-markdown.ts');
      const { recordAuditEvent } = await import('../../server/features/audit/audit.service.ts');
      const { database, secret } = await openConfiguredDatabase();
      try {
        const reader = await history.getHistoryReader(database.db, options.person, options.org);
        const withPersonId = options.with
          ? await history.getOtherPersonId(database.db, reader.tenant, options.with)
          : undefined;
        const exported = await history.exportMeetingHistory(database.db, createTextSealer(secret), reader, {
          withPersonId,
        });
        // An operator at the command line is nobody the log can name; what left, and whose, it can.
        await recordAuditEvent(database.db, {
          organizationId: reader.tenant.organizationId,
          actor: null,
          action: 'export.meetings',
          subjectType: 'person',
          subjectId: reader.tenant.personId,
          detail: {
            via: 'command',
            format: options.format,
            meetings: exported.meetings.length,
            withPersonId: withPersonId ?? null,
          },
        });
        process.stdout.write(
          options.format === 'json'
            ? `${JSON.stringify(exported, null, 2)}\n`
            : renderHistoryMarkdown(exported),
        );
      } finally {
        await database.close();
      }
    });
}
