import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { AppError } from '../../core/errors.ts';

export function register(program: Command) {
  program
    .command('classify')
    .description(
      'Label utterances read as JSON Lines {"id","text"} on standard input: writes {"id","act","topic"} per line, in order',
    )
    .action(async () => {
      // Loaded here, not at start-up: the model is only needed by this command.
      const { classifyTurn } = await import('../../core/coaching/classify.ts');
      await classifyLines(process.stdin, process.stdout, (text) => classifyTurn(text));
    });
}

type Label = { act: string; topic: string };

// Output is gathered into chunks: one write per line would cost more than the classification.
const chunkLines = 256;

/** Streams JSON Lines in and out; a bad line stops with its line number, after the good ones. */
export async function classifyLines(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  label: (text: string) => Label,
): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let chunk = '';
  let pending = 0;
  let lineNumber = 0;
  let written = 0;
  try {
    for await (const line of lines) {
      lineNumber += 1;
      if (line.trim() === '') continue;
      const { id, text } = readLine(line, lineNumber);
      const { act, topic } = label(text);
      chunk += `${JSON.stringify({ id, act, topic })}\n`;
      written += 1;
      pending += 1;
      if (pending >= chunkLines) {
        await write(output, chunk);
        chunk = '';
        pending = 0;
      }
    }
  } finally {
    if (chunk !== '') await write(output, chunk);
  }
  return written;
}

function readLine(line: string, lineNumber: number): { id: unknown; text: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw badLine(lineNumber, `not valid JSON (${(error as Error).message})`, error);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badLine(lineNumber, 'expected an object like {"id": "u1", "text": "How did it go?"}');
  }
  const { id, text } = value as Record<string, unknown>;
  if (typeof id !== 'string' && typeof id !== 'number') {
    throw badLine(lineNumber, '"id" must be a string or a number');
  }
  if (typeof text !== 'string') throw badLine(lineNumber, '"text" must be a string');
  return { id, text };
}

function badLine(line: number, message: string, cause?: unknown): AppError {
  return new AppError('VALIDATION_FAILED', 'The input is not JSON Lines of {"id", "text"}.', {
    fields: [{ path: 'stdin', line, message }],
    cause,
  });
}

function write(output: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const isFlushed = output.write(text, (error) => (error ? reject(error) : undefined));
    if (isFlushed) resolve();
    else output.once('drain', resolve);
  });
}
