import { isPostgresAvailable } from '../test/support/databases.ts';
import { runAnalyserBench } from './analyser.ts';
import { runApiBench } from './api.ts';
import { runDashboardBench } from './dashboard.ts';
import { runLoadBench } from './load.ts';
import { runMeetingPageBench } from './meeting-page.ts';
import { runPeopleImportBench } from './people-import.ts';
import { type BenchFigure, printFigures, printHeader } from './support.ts';

/** What every benchmark of the suite is given. */
export interface BenchRun {
  quick: boolean;
  /** The databases to measure on: embedded always, PostgreSQL when it answers. */
  kinds: Array<'embedded' | 'postgres'>;
  postgresUrl: string;
}

interface Benchmark {
  title: string;
  run(options: BenchRun): Promise<BenchFigure[]>;
}

/**
 * Runs `measure` once per database kind and puts the figures of all kinds in one list, then each
 * PostgreSQL figure that has a baseline again beside its embedded twin (same name, other kind).
 */
async function onEachDatabase(
  options: BenchRun,
  measure: (kind: 'embedded' | 'postgres') => Promise<BenchFigure[]>,
): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  for (const kind of options.kinds) figures.push(...(await measure(kind)));
  const comparisons = figures.flatMap((figure) => {
    const twin = figures.find((other) => other.name === figure.name.replace('(postgres)', '(embedded)'));
    return figure.baseline && figure.name.includes('(postgres)') && twin
      ? [
          {
            name: figure.name.replace('(postgres)', '(PostgreSQL vs embedded)'),
            value: figure.value,
            unit: figure.unit,
            baseline: { name: 'embedded', value: twin.value },
            ratio: figure.value / twin.value,
          },
        ]
      : [];
  });
  return [...figures, ...comparisons];
}

/**
 * The suite, in the order it runs. A new benchmark is one entry here; its file also runs alone
 * (`node bench/<name>.ts`). Every figure is printed beside a baseline measured in the same run.
 */
const benchmarks: Benchmark[] = [
  {
    title: 'People import (10,000 rows) vs a bare insert (--quick: embedded only, where its target is)',
    run: (options) =>
      onEachDatabase(options.quick ? { ...options, kinds: ['embedded'] } : options, (kind) =>
        runPeopleImportBench({
          quick: options.quick,
          databaseUrl: kind === 'postgres' ? options.postgresUrl : undefined,
        }),
      ),
  },
  {
    title: 'API reads and writes vs a bare Fastify JSON route (10 connections)',
    run: (options) => onEachDatabase(options, (kind) => runApiBench({ quick: options.quick, kind })),
  },
  {
    title: 'Meeting page with five years of weekly history',
    run: (options) => onEachDatabase(options, (kind) => runMeetingPageBench({ quick: options.quick, kind })),
  },
  { title: 'Coaching analyser vs bare tokenization', run: (options) => runAnalyserBench(options) },
  {
    title: 'Executive dashboard on a generated organization',
    run: (options) => runDashboardBench({ quick: options.quick, kind: options.kinds.at(-1) }),
  },
  {
    title: 'Load: the demo under a mix of reads and writes (100 connections, 60 s; --quick 10 for 5 s)',
    // --quick measures the embedded database only: seeding the demo is most of a short run.
    run: (options) =>
      onEachDatabase(options.quick ? { ...options, kinds: ['embedded'] } : options, (kind) =>
        runLoadBench({ quick: options.quick, kind, postgresUrl: options.postgresUrl }),
      ),
  },
];

const quick = process.argv.includes('--quick');
// `npm run bench -- --quick dashboard` runs only the benchmarks whose title mentions a given word.
const only = process.argv.slice(2).filter((argument) => !argument.startsWith('--'));
const options: BenchRun = {
  quick,
  kinds: (await isPostgresAvailable().catch(() => false)) ? ['embedded', 'postgres'] : ['embedded'],
  postgresUrl: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
};
const started = performance.now();
printHeader();
for (const benchmark of benchmarks) {
  if (only.length > 0 && !only.some((word) => benchmark.title.toLowerCase().includes(word.toLowerCase())))
    continue;
  const benchmarkStarted = performance.now();
  const figures = await benchmark.run(options);
  printFigures(
    `${benchmark.title} (${((performance.now() - benchmarkStarted) / 1000).toFixed(0)} s)`,
    figures,
  );
}
const os = await import('node:os');
console.log(
  `\nMachine: ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}, Node ${process.version}, ` +
    `databases: ${options.kinds.join(' and ')}${quick ? ', --quick' : ''}; whole run ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
process.exit(0);
