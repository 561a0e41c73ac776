import { isAppError } from '../core/errors.ts';

/**
 * Runs a CLI action with one error style: an AppError is the user's mistake (exit 2, message on
 * standard error); anything else is ours (exit 1, with the stack for a bug report).
 */
export async function runCommand(action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (isAppError(error)) {
      process.stderr.write(`tandem: ${error.message}\n`);
      for (const field of error.fields) {
        const where =
          field.line === undefined
            ? field.path
            : `line ${field.line}${field.column ? `, ${field.column}` : ''}`;
        process.stderr.write(`  ${where}: ${field.message}\n`);
      }
      process.exitCode = 2;
      return;
    }
    process.stderr.write(
      `tandem: unexpected error\n${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exitCode = 1;
  }
}
