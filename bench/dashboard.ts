import { sql } from 'drizzle-orm';
import { isPostgresAvailable } from '../test/support/databases.ts';
import { createTestApp, ownerWithOrganization } from '../test/support/test-app.ts';
import { loadDashboardOrganization } from './dashboard-data.ts';
import { type BenchFigure, median, printFigures, timeIt } from './support.ts';

/**
 * The executive dashboard for the CEO's whole tree of a 10,000-person organization with two years
 * of weekly 1:1s and their analyses (about a million of each), on PostgreSQL when it answers.
 * Targets: the load under 3 minutes, the dashboard's median under 500 ms. Baseline: reading the
 * organization itself through the same app and policy. `--quick`: 1,000 people, one year.
 */
export async function runDashboardBench(options: {
  quick: boolean;
  kind?: 'embedded' | 'postgres';
}): Promise<BenchFigure[]> {
  const kind = options.kind ?? ((await isPostgresAvailable()) ? 'postgres' : 'embedded');
  const size = options.quick ? { people: 1_000, weeks: 52 } : { people: 10_000, weeks: 104 };
  const runs = options.quick ? 5 : 11;
  const t = await createTestApp(kind);
  try {
    const owner = await ownerWithOrganization(t.app, 'Cora Ceo');
    const slug = owner.org.slug;
    const ceoId = (await owner.client.get(`/api/orgs/${slug}/people?q=cora`)).json().items[0].id as string;
    const load = await timeIt(() => loadDashboardOrganization(t.ctx.db, owner.org.id, ceoId, size));
    if (process.argv.includes('--verbose')) console.log(load.result);

    const measure = async () => {
      const times: number[] = [];
      const baseline: number[] = [];
      let treeSize = 0;
      for (let run = 0; run < runs; run++) {
        const read = await timeIt(() => owner.client.get(`/api/orgs/${slug}/insights/dashboard?weeks=12`));
        if (read.result.statusCode !== 200)
          throw new Error(`dashboard answered ${read.result.statusCode}: ${read.result.body}`);
        treeSize = read.result.json().treeSize;
        times.push(read.ms);
        baseline.push((await timeIt(() => owner.client.get(`/api/orgs/${slug}`))).ms);
      }
      return { median: median(times), slowest: Math.max(...times), baseline: median(baseline), treeSize };
    };
    // Fresh statistics after a bulk load, as autovacuum would gather them on a running server.
    await t.ctx.db.execute(sql`analyze`);
    const now = await measure();

    const label = `${size.people.toLocaleString('en')} people, ${size.weeks} weeks (${kind})`;
    const loadSeconds = load.ms / 1000;
    return [
      {
        name: `load ${label}: ${load.result.meetings} 1:1s, ${load.result.analyses} analyses`,
        value: loadSeconds,
        unit: 's',
        target: '< 180 s',
        isMet: loadSeconds < 180,
      },
      {
        name: `dashboard of the CEO's tree (${now.treeSize} people), median of ${runs}`,
        value: now.median,
        unit: 'ms',
        baseline: { name: 'organization read', value: now.baseline },
        ratio: now.median / now.baseline,
        target: '< 500 ms',
        isMet: now.median < 500,
      },
      { name: '  its slowest run', value: now.slowest, unit: 'ms' },
    ];
  } finally {
    await t.close();
  }
}

if (import.meta.main) {
  const quick = process.argv.includes('--quick');
  printFigures('Executive dashboard', await runDashboardBench({ quick }));
  process.exit(0);
}
