import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/server/db/client.ts';
import { organizations, people } from '../src/server/db/schema.ts';
import { importPeople } from '../src/server/features/people/people.service.ts';
import { type BenchFigure, printFigures, timeIt } from './support.ts';

/** A 10,000-person org chart: one CEO, then each person manages up to eight. */
export function generateOrgChartCsv(rows: number): string {
  const zones = [
    'Europe/London',
    'America/New_York',
    'Asia/Singapore',
    'Europe/Berlin',
    'America/Los_Angeles',
  ];
  const lines = ['email,name,title,manager_email,start_date,time_zone'];
  for (let index = 0; index < rows; index++) {
    const manager = index === 0 ? '' : `person${Math.floor((index - 1) / 8)}@bench.example`;
    const month = String(1 + (index % 12)).padStart(2, '0');
    lines.push(
      `person${index}@bench.example,Person ${index},Role ${index % 40},${manager},2020-${month}-01,${zones[index % zones.length]}`,
    );
  }
  return lines.join('\n');
}

/** Imports 10,000 rows (target under 10 s on the embedded database), beside a bare bulk insert of the same rows. */
export async function runPeopleImportBench(options: {
  quick: boolean;
  databaseUrl?: string;
}): Promise<BenchFigure[]> {
  const rows = 10_000;
  const database = await openDatabase({ dataDir: '', inMemory: true, databaseUrl: options.databaseUrl });
  await database.migrate();
  const label = database.kind;
  try {
    const [org] = await database.db
      .insert(organizations)
      .values({ name: 'Bench', slug: `bench-${Date.now()}` })
      .returning();
    const tenant = {
      organizationId: org!.id,
      slug: org!.slug,
      name: org!.name,
      role: 'owner' as const,
      personId: null,
    };
    const csv = generateOrgChartCsv(rows);
    const first = await timeIt(() => importPeople(database.db, tenant, csv, false));
    // --quick leaves out the second, unchanged import: the first one carries the target.
    const again = options.quick
      ? undefined
      : await timeIt(() => importPeople(database.db, tenant, csv, false));
    // Baseline: the same rows as one bare multi-row insert per 1,000, no validation, no managers.
    const [other] = await database.db
      .insert(organizations)
      .values({ name: 'Bare', slug: `bare-${Date.now()}` })
      .returning();
    const bare = await timeIt(async () => {
      await database.db.transaction(async (tx) => {
        for (let at = 0; at < rows; at += 1000) {
          await tx.insert(people).values(
            Array.from({ length: 1000 }, (_, offset) => ({
              organizationId: other!.id,
              email: `p${at + offset}@bare.example`,
              name: `P ${at + offset}`,
            })),
          );
        }
      });
    });
    await database.db.execute(sql`select 1`);
    return [
      {
        name: `import 10,000 people, new (${label})`,
        value: first.ms,
        unit: 'ms',
        baseline: { name: 'bare insert', value: bare.ms },
        ratio: first.ms / bare.ms,
        target: '< 10000 ms',
        isMet: first.ms < 10_000,
      },
      ...(again
        ? [{ name: `import the same 10,000 again, unchanged (${label})`, value: again.ms, unit: 'ms' }]
        : []),
    ];
  } finally {
    await database.close();
  }
}

if (import.meta.main) {
  printFigures('People import', await runPeopleImportBench({ quick: process.argv.includes('--quick') }));
}
