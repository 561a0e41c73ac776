import Fastify from 'fastify';
import { freePort } from '../test/e2e/harness.ts';
import { createTestApp, ownerWithOrganization } from '../test/support/test-app.ts';
import { generateOrgChartCsv } from './people-import.ts';
import { type BenchFigure, load, printFigures } from './support.ts';

const connections = 10;
const topic = { title: 'How the carrier rollout is going' };

/** A bare Fastify app with one JSON route to read and one to write: the baseline of every API figure. */
async function measureBareRoutes(seconds: number) {
  const bare = Fastify();
  let created = 0;
  bare.get('/bare', async () => ({ status: 'ok', items: [1, 2, 3] }));
  bare.post('/bare', async (request, reply) => {
    const { title } = request.body as { title: string };
    return reply.status(201).send({ id: ++created, title });
  });
  const port = await freePort();
  await bare.listen({ port, host: '127.0.0.1' });
  try {
    const url = `http://127.0.0.1:${port}/bare`;
    return {
      read: await load(url, { seconds, connections }),
      write: await load(url, { seconds, connections, body: topic }),
    };
  } finally {
    await bare.close();
  }
}

/**
 * Throughput of the API against a bare Fastify route measured in the same run, on loopback with
 * 10 connections, a Bearer token each call: a read (a directory page of 20 of 500 people, with
 * managers and report counts, a search term) and a write (a topic added to a 1:1's shared
 * agenda: validation, membership, the insert and the live update to the meeting's listeners).
 */
export async function runApiBench(options: {
  quick: boolean;
  kind: 'embedded' | 'postgres';
}): Promise<BenchFigure[]> {
  const seconds = options.quick ? 2 : 10;
  const bare = await measureBareRoutes(seconds);
  const t = await createTestApp(options.kind);
  try {
    const owner = await ownerWithOrganization(t.app);
    const slug = owner.org.slug;
    await owner.client.post(`/api/orgs/${slug}/people/import`, { csv: generateOrgChartCsv(500) });
    const reportId = (await owner.client.get(`/api/orgs/${slug}/people?q=person1@`)).json().items[0].id;
    const meeting = await owner.client.post(`/api/orgs/${slug}/meetings`, {
      withPersonId: reportId,
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    if (meeting.statusCode !== 201)
      throw new Error(`meeting answered ${meeting.statusCode}: ${meeting.body}`);
    const token = (await owner.client.post('/api/tokens', { name: 'bench' })).json().token as string;
    const headers = { authorization: `Bearer ${token}` };
    const port = await freePort();
    await t.app.listen({ port, host: '127.0.0.1' });
    const api = `http://127.0.0.1:${port}/api/orgs/${slug}`;
    const read = await load(`${api}/people?limit=20&q=person`, { seconds, connections, headers });
    const write = await load(`${api}/meetings/${meeting.json().id}/agenda`, {
      seconds,
      connections,
      headers,
      body: topic,
    });
    const kind = options.kind;
    return [
      { name: `bare Fastify JSON GET route (beside ${kind})`, value: bare.read.rps, unit: 'req/s' },
      {
        name: `authenticated directory page read (${kind})`,
        value: read.rps,
        unit: 'req/s',
        baseline: { name: 'bare GET route', value: bare.read.rps },
        ratio: read.rps / bare.read.rps,
      },
      { name: `  its p99 latency (${kind}), errors ${read.errors}`, value: read.p99, unit: 'ms' },
      { name: `bare Fastify JSON POST route (beside ${kind})`, value: bare.write.rps, unit: 'req/s' },
      {
        name: `agenda topic added, authenticated (${kind})`,
        value: write.rps,
        unit: 'req/s',
        baseline: { name: 'bare POST route', value: bare.write.rps },
        ratio: write.rps / bare.write.rps,
      },
      { name: `  its p99 latency (${kind}), errors ${write.errors}`, value: write.p99, unit: 'ms' },
    ];
  } finally {
    await t.close();
  }
}

if (import.meta.main) {
  const quick = process.argv.includes('--quick');
  printFigures('API reads and writes', await runApiBench({ quick, kind: 'embedded' }));
  process.exit(0);
}
