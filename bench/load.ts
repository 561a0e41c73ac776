import { type LoadRun, runLoad } from '../test/support/load-mix.ts';
import { type BenchFigure, printFigures } from './support.ts';

/**
 * The real server in its own process on the seeded demo, driven by autocannon from this process
 * with the mix of a busy organization: meeting pages read, agenda items added, next steps closed
 * and reopened, transcripts uploaded, by the demo's leaders and reports. Then the throughput of an
 * authenticated meeting-page read against a bare Fastify JSON route (also its own process), the
 * same connections, in rounds of one 5 s run each back to back; the figure is the median of the
 * rounds' ratios. Full: 100 connections for 60 s, 4 rounds; --quick: 10 for 5 s, 3 rounds of 2 s.
 */
export async function runLoadBench(options: {
  quick: boolean;
  kind: 'embedded' | 'postgres';
  postgresUrl: string;
}): Promise<BenchFigure[]> {
  const run = await runLoad({
    kind: options.kind,
    postgresAdminUrl: options.postgresUrl,
    connections: options.quick ? 10 : 100,
    seconds: options.quick ? 5 : 60,
    ratioSeconds: options.quick ? 2 : 5,
    ratioRounds: options.quick ? 3 : 4,
    isShort: options.quick,
  });
  return loadFigures(run, options.kind);
}

export function loadFigures(run: LoadRun, kind: string): BenchFigure[] {
  const total = run.kinds.reduce((sum, each) => sum + each.requests, 0);
  const errors = run.kinds.reduce((sum, each) => sum + each.errors, 0);
  const serverErrors = run.kinds.reduce((sum, each) => sum + each.serverErrors, 0);
  const non2xx = run.kinds.reduce((sum, each) => sum + each.non2xx, 0);
  const growth = run.liveAfterMb / run.liveBeforeMb;
  const { ratio } = run;
  return [
    {
      name: `mix, ${run.connections} connections, ${run.seconds} s, ${run.people} people (${kind})`,
      value: total / run.seconds,
      unit: 'req/s',
    },
    {
      name: `  requests ${total}, errors ${errors}, non-2xx ${non2xx}, 5xx ${serverErrors}`,
      value: errors + serverErrors,
      unit: 'bad',
      target: '0',
      isMet: errors === 0 && serverErrors === 0,
    },
    ...run.kinds.flatMap((each) => [
      {
        name: `  ${each.name} (${each.connections} conn.): ${each.requests} req, p50 ${each.p50} ms`,
        value: each.p99,
        unit: 'ms p99',
      },
    ]),
    {
      name: '  server memory still reachable after the run (after a full collection)',
      value: run.liveAfterMb,
      unit: 'MB',
      baseline: { name: 'after warm-up', value: run.liveBeforeMb },
      ratio: growth,
      target: '≤ 1.20',
      isMet: growth <= 1.2,
    },
    {
      name: `  server RSS after the run (idle; at start ${run.rssStartMb.toFixed(0)} MB)`,
      value: run.rssAfterMb,
      unit: 'MB',
      baseline: { name: 'after warm-up', value: run.rssBeforeMb },
      ratio: run.rssAfterMb / run.rssBeforeMb,
    },
    {
      name: `authenticated meeting-page read, ${run.connections} connections (${kind}), means of the rounds; ratio: median of the rounds' ${run.ratioRounds.map((round) => round.ratio.toFixed(2)).join(' ')}`,
      value: run.pageReadRps,
      unit: 'req/s',
      baseline: { name: 'bare Fastify route', value: run.bareRps },
      ratio,
      target: '≥ 0.4',
      isMet: ratio >= 0.4,
    },
  ];
}

if (import.meta.main) {
  const quick = process.argv.includes('--quick');
  const kind = process.argv.includes('--postgres') ? 'postgres' : 'embedded';
  printFigures(
    'Load',
    await runLoadBench({
      quick,
      kind,
      postgresUrl: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    }),
  );
}
