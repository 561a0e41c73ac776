import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import pc from 'picocolors';
import type { MeetingAnalysis } from '../../core/coaching/analysis-types.ts';
import { AppError, isAppError } from '../../core/errors.ts';
import type { Question } from '../../core/questions/question-bank.ts';
import { formatReport } from './analyze-report.ts';

interface AnalyzeOptions {
  leader?: string;
  json?: boolean;
}

export function register(program: Command) {
  program
    .command('analyze')
    .description(
      'Analyse 1:1 transcripts (WebVTT, SRT, Google Meet copy or "Name: text" lines): coaching score, evidence and suggestions',
    )
    .argument('<files...>', 'transcript files')
    .option('--leader <name>', 'the leader’s speaker name (else: the speaker who asks the most questions)')
    .option('--json', 'print JSON: one object for one file, an array for several')
    .action(async (files: string[], options: AnalyzeOptions) => {
      const results = await analyzeFiles(files, options);
      if (options.json) {
        const body = results.length === 1 ? results[0] : results;
        process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
        return;
      }
      const colors = pc.createColors(process.stdout.isTTY === true);
      process.stdout.write(results.map((r) => formatReport(r.file, r, colors)).join('\n'));
    });
}

type FileAnalysis = { file: string } & MeetingAnalysis;

async function analyzeFiles(files: readonly string[], options: AnalyzeOptions): Promise<FileAnalysis[]> {
  // Loaded on use: `tandem --help` should not pay for the NLP model.
  const [{ analyzeMeeting }, { parseTranscript }] = await Promise.all([
    import('../../core/coaching/analyze-meeting.ts'),
    import('../../core/transcripts/parse-transcript.ts'),
  ]);
  const questionBank = await loadBank();
  const showsBar = files.length > 1 && process.stderr.isTTY === true;
  const bar = showsBar
    ? new SingleBar({ format: 'analysing {bar} {value}/{total} {file}', stream: process.stderr })
    : null;
  bar?.start(files.length, 0, { file: '' });
  // Notes wait for the bar to finish, so they do not tear it.
  const notes: string[] = [];
  const results: FileAnalysis[] = [];
  try {
    for (const file of files) {
      bar?.update(results.length, { file: basename(file) });
      const bytes = readTranscript(file);
      const transcript = inFile(file, () => parseTranscript(bytes, { fileName: basename(file) }));
      const analysis = inFile(file, () =>
        analyzeMeeting(
          { utterances: transcript.utterances, ...(options.leader ? { leader: options.leader } : {}) },
          questionBank === null ? {} : { questionBank },
        ),
      );
      if (analysis.leaderInferred && analysis.leader !== null) {
        const note = `${file}: took ${analysis.leader.name} as the leader: ${analysis.leader.reason}. Name another with --leader.`;
        if (bar === null) process.stderr.write(`${note}\n`);
        else notes.push(note);
      }
      results.push({ file, ...analysis });
    }
    bar?.update(results.length, { file: '' });
  } finally {
    bar?.stop();
    for (const note of notes) process.stderr.write(`${note}\n`);
  }
  return results;
}

function readTranscript(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String(code ?? error);
    throw new AppError('VALIDATION_FAILED', `Cannot read ${file}: ${reason}.`, { cause: error });
  }
}

// An error about a transcript names the file, since several may be analysed at once. Fields that
// only repeat the message are dropped; those pointing at a line stay.
function inFile<T>(file: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!isAppError(error)) throw error;
    const fields = error.fields.filter(
      (field) => field.line !== undefined || field.message !== error.message,
    );
    throw new AppError(error.code, `${file}: ${error.message}`, { fields, cause: error });
  }
}

async function loadBank(): Promise<readonly Question[] | null> {
  const { loadQuestionBank } = await import('../../server/content/load-question-bank.ts');
  try {
    return await loadQuestionBank();
  } catch (error) {
    // Suggestions still come with built-in questions; the analysis itself does not need the bank.
    process.stderr.write(
      `tandem: the question bank could not be read, using built-in questions (${(error as Error).message})\n`,
    );
    return null;
  }
}
