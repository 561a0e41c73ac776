import { existsSync } from 'node:fs';
import { isPostgresAvailable } from '../test/support/databases.ts';
import { runApiReadBench } from './api-read.ts';
import { runDashboardBench } from './dashboard.ts';
import { runMeetingPageBench } from './meeting-page.ts';
import { runPeopleImportBench } from './people-import.ts';
import { type BenchFigure, printFigures } from './support.ts';

/**
 * Every benchmark, each figure beside a baseline measured in the same run. `--quick` keeps the
 * whole run under two minutes. The figures go into docs/BENCHMARKS.md.
 */
const quick = process.argv.includes('--quick');
const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const hasPostgres = await isPostgresAvailable().catch(() => false);

printFigures('People import (10,000 rows)', await runPeopleImportBench({ quick }));
if (hasPostgres)
  printFigures(
    'People import on PostgreSQL',
    await runPeopleImportBench({ quick, databaseUrl: postgresUrl }),
  );

const reads: BenchFigure[] = await runApiReadBench({ quick, kind: 'embedded' });
if (hasPostgres) reads.push(...(await runApiReadBench({ quick, kind: 'postgres' })).slice(1));
printFigures('API reads vs a bare Fastify route (10 connections)', reads);

const page: BenchFigure[] = await runMeetingPageBench({ quick, kind: 'embedded' });
if (hasPostgres) page.push(...(await runMeetingPageBench({ quick, kind: 'postgres' })));
printFigures('Meeting page with five years of weekly history', page);

if (existsSync(new URL('./analyser.ts', import.meta.url))) {
  const { runAnalyserBench } = (await import('./analyser.ts')) as {
    runAnalyserBench: (options: { quick: boolean }) => Promise<BenchFigure[]>;
  };
  printFigures('Coaching analyser', await runAnalyserBench({ quick }));
}
console.log(
  `\nMachine: ${(await import('node:os')).cpus().length} cores, Node ${process.version}${quick ? ', --quick' : ''}`,
);
process.exit(0);
