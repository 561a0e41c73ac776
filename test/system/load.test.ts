import { describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { runLoad } from '../support/load-mix.ts';

const postgresAdminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

describe.each(await databaseKinds())('the server under load on the %s database', (kind) => {
  it('serves 100 connections for a minute of meeting pages, agenda items, next steps and transcripts without an error or a growing memory (what stays reachable)', async () => {
    const run = await runLoad({
      kind,
      postgresAdminUrl,
      connections: 100,
      seconds: 60,
      ratioSeconds: 5,
      ratioRounds: 4,
    });
    for (const each of run.kinds) {
      console.log(
        `${kind}: ${each.name}: ${each.requests} requests, p50 ${each.p50} ms, p99 ${each.p99} ms, statuses ${JSON.stringify(each.statusCounts)}`,
      );
    }
    console.log(
      `${kind}: live ${run.liveBeforeMb.toFixed(0)} MB after warm-up, ${run.liveAfterMb.toFixed(0)} MB after the run; ` +
        `RSS ${run.rssBeforeMb.toFixed(0)} MB and ${run.rssAfterMb.toFixed(0)} MB; ` +
        `meeting-page read ${run.pageReadRps.toFixed(0)} req/s vs bare Fastify ${run.bareRps.toFixed(0)} req/s; ` +
        `ratio per round ${run.ratioRounds.map((round) => round.ratio.toFixed(3)).join(', ')}: median ${run.ratio.toFixed(3)}`,
    );
    const failures = run.kinds.filter((each) => each.non2xx > 0).map((each) => each.firstFailure);
    expect(failures).toEqual([]);
    expect(run.kinds.map((each) => [each.name, each.errors, each.serverErrors])).toEqual(
      run.kinds.map((each) => [each.name, 0, 0]),
    );
    const total = run.kinds.reduce((sum, each) => sum + each.requests, 0);
    expect(total).toBeGreaterThan(1_000);
    for (const each of run.kinds) expect(each.requests, each.name).toBeGreaterThan(10);
    // A leak is what stays reachable: live memory after a full collection (test/support/heap-on-signal.ts),
    // V8's heap in use and what its objects hold outside it (buffers, PGlite's WebAssembly memory).
    expect(run.liveAfterMb).toBeLessThanOrEqual(run.liveBeforeMb * 1.2);
    // Resident memory follows how far V8 has let its heap grow, not what the server keeps (×0.63 to
    // ×1.59 between runs of this test with live memory flat; at most 145 MB more), and the same
    // collection hardly lowers it. So it only guards against a runaway V8 is not told of (native
    // memory): 600 MB more in a minute.
    expect(run.rssAfterMb - run.rssBeforeMb).toBeLessThanOrEqual(600);
  }, 600_000);
});
