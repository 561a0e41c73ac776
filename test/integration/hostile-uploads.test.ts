import { gzipSync } from 'node:zlib';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizations, people } from '../../src/server/db/schema.ts';
import { calendarAudits } from '../../src/server/db/schema-insights.ts';
import { meetingAnalyses, transcripts } from '../../src/server/db/schema-meetings.ts';
import { databaseKinds } from '../support/databases.ts';
import {
  type Client,
  createTestApp,
  ownerWithOrganization,
  TEST_ORIGIN,
  type TestApp,
} from '../support/test-app.ts';

const MB = 1024 * 1024;
const HEADER = 'email,name,title,manager_email,start_date,time_zone';

/** A gzip "bomb": a few kilobytes that would inflate to 50 MB of zeros. */
const bomb = gzipSync(Buffer.alloc(50 * MB));
const zip = Buffer.concat([
  Buffer.from('PK\x03\x04\x14\x00\x00\x00\x08\x00', 'latin1'),
  bomb.subarray(10, 400),
]);
/** Bytes of a picture, not text: NULs and high bytes. */
const binary = Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 37) % 256));

/**
 * Every upload route (people CSV, transcript, .ics calendar) and plain JSON routes, fed what a
 * careless or hostile client sends: each is refused with a 4xx problem naming what is wrong, the
 * server stays up, and nothing is written.
 */
describe.each(await databaseKinds())('hostile uploads on the %s database', (kind) => {
  let t: TestApp;
  let slug: string;
  let owner: Client;
  let meetingId: string;
  let before: Record<string, number>;

  async function rowCounts() {
    const tables = { organizations, people, calendarAudits, transcripts, meetingAnalyses };
    const counted: Record<string, number> = {};
    for (const [name, table] of Object.entries(tables)) {
      const [row] = await t.ctx.db.select({ n: count() }).from(table);
      counted[name] = row?.n ?? 0;
    }
    return counted;
  }

  /** A raw request with the owner's session: the payload goes out exactly as given. */
  function send(
    method: 'POST' | 'PUT',
    url: string,
    payload: string | Buffer,
    headers: Record<string, string> = {},
  ) {
    return t.app.inject({
      method,
      url,
      payload,
      headers: { cookie: owner.cookie!, origin: TEST_ORIGIN, 'content-type': 'application/json', ...headers },
    });
  }

  const uploads = () => [
    {
      name: 'people CSV',
      method: 'POST' as const,
      url: `/api/orgs/${slug}/people/import`,
      field: 'csv',
      limit: 11 * MB,
    },
    {
      name: 'transcript',
      method: 'PUT' as const,
      url: `/api/orgs/${slug}/meetings/${meetingId}/transcript`,
      field: 'text',
      extra: { consent: true },
      limit: 15 * MB,
    },
    {
      name: 'calendar',
      method: 'POST' as const,
      url: `/api/orgs/${slug}/calendar-audits`,
      field: 'text',
      limit: 15 * MB,
    },
    { name: 'organization', method: 'POST' as const, url: '/api/orgs', field: 'name', limit: 1 * MB },
  ];

  beforeAll(async () => {
    t = await createTestApp(kind);
    const created = await ownerWithOrganization(t.app);
    slug = created.org.slug;
    owner = created.client;
    const imported = await owner.post(`/api/orgs/${slug}/people/import`, {
      csv: `${HEADER}\nrae@upload.test,Rae Report,Engineer,${created.email},,\n`,
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const rae = (await owner.get(`/api/orgs/${slug}/people?q=rae`)).json().items[0];
    const meeting = await owner.post(`/api/orgs/${slug}/meetings`, {
      withPersonId: rae.id,
      startsAt: '2026-01-05T10:00:00Z',
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    meetingId = meeting.json().id;
    before = await rowCounts();
  });
  afterAll(() => t.close());

  it('answers a body over each route’s limit with 413 problem+json', async () => {
    for (const upload of uploads()) {
      const response = await send(
        upload.method,
        upload.url,
        JSON.stringify({ [upload.field]: 'x'.repeat(upload.limit + 1) }),
      );
      expect(response.statusCode, upload.name).toBe(413);
      expect(response.headers['content-type'], upload.name).toMatch(/^application\/problem\+json/);
      expect(response.json().code).toBe('PAYLOAD_TOO_LARGE');
    }
  });

  it('refuses a compressed body instead of inflating it', async () => {
    for (const upload of uploads()) {
      const response = await send(upload.method, upload.url, bomb, { 'content-encoding': 'gzip' });
      expect(response.statusCode, upload.name).toBe(415);
      expect(response.json().detail).toMatch(/Content-Encoding "gzip".*uncompressed/);
    }
  });

  it('refuses JSON nested 100,000 levels deep with a 400, not a crash', async () => {
    for (const upload of uploads()) {
      const deep = `{"${upload.field}":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
      const response = await send(upload.method, upload.url, deep);
      expect(response.statusCode, upload.name).toBe(400);
      expect(response.json().code).toBe('VALIDATION_FAILED');
    }
    const deepObjects = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    expect((await send('POST', '/api/orgs', deepObjects)).statusCode).toBe(400);
  });

  it('refuses a gzip or zip file disguised as text, as files and as text', async () => {
    for (const [archive, bytes] of [
      ['gzip', bomb],
      ['zip', zip],
    ] as const) {
      const transcript = await owner.request('PUT', `/api/orgs/${slug}/meetings/${meetingId}/transcript`, {
        base64: bytes.toString('base64'),
        fileName: 'meeting.vtt',
        consent: true,
      });
      expect(transcript.statusCode).toBe(422);
      expect(transcript.json().detail).toContain(`${archive}-compressed file, not a transcript`);
      const calendar = await owner.post(`/api/orgs/${slug}/calendar-audits`, {
        base64: bytes.toString('base64'),
      });
      expect(calendar.statusCode).toBe(422);
      expect(calendar.json().detail).toContain(`${archive}-compressed file, not a calendar`);
      // Pasted as text, the archive's NUL bytes give it away before any parser runs.
      for (const upload of uploads().slice(0, 3)) {
        const response = await owner.request(upload.method, upload.url, {
          [upload.field]: bytes.toString('latin1'),
          ...upload.extra,
        });
        expect(response.statusCode, `${archive} as ${upload.name}`).toBe(400);
        expect(response.json().fields[0]).toEqual({
          path: `body.${upload.field}`,
          message: 'contains a NUL character',
        });
      }
    }
  });

  it('refuses binary content with the reason', async () => {
    const transcript = await owner.request('PUT', `/api/orgs/${slug}/meetings/${meetingId}/transcript`, {
      base64: binary.toString('base64'),
      consent: true,
    });
    expect(transcript.statusCode).toBe(422);
    expect(transcript.json().detail).toMatch(/binary file/);
    const calendar = await owner.post(`/api/orgs/${slug}/calendar-audits`, {
      base64: binary.toString('base64'),
    });
    expect(calendar.statusCode).toBe(422);
    expect(calendar.json().code).toBe('INVALID_CALENDAR');
    const controls = '\u0001\u0002\u0003\u0004\u0005'.repeat(200);
    const csv = await owner.post(`/api/orgs/${slug}/people/import`, { csv: `${HEADER}\n${controls}` });
    expect(csv.statusCode).toBe(422);
    expect(csv.json().fields[0].message).toMatch(/binary file or an unsupported encoding, not a CSV file/);
  });

  it('refuses a 5 MB single line in each text upload, naming the line', async () => {
    const line = 'y'.repeat(5 * MB);
    const csv = await owner.post(`/api/orgs/${slug}/people/import`, { csv: `${HEADER}\n${line}@a.test,A` });
    expect(csv.statusCode).toBe(422);
    expect(csv.json().fields[0]).toMatchObject({
      line: 2,
      message: expect.stringMatching(/Line 2 is longer than 64 KB/),
    });
    const transcript = await owner.request('PUT', `/api/orgs/${slug}/meetings/${meetingId}/transcript`, {
      text: `Ann: hello\nBen: ${line}`,
      consent: true,
    });
    expect(transcript.statusCode).toBe(422);
    expect(transcript.json().fields[0]).toMatchObject({
      line: 2,
      message: expect.stringMatching(/longer than 1 MB/),
    });
    const calendar = await owner.post(`/api/orgs/${slug}/calendar-audits`, {
      text: `BEGIN:VCALENDAR\r\nX-NOTE:${line}\r\nEND:VCALENDAR\r\n`,
    });
    expect(calendar.statusCode).toBe(422);
    expect(calendar.json().fields[0]).toMatchObject({
      line: 2,
      message: expect.stringMatching(/Line 2 is longer than 1 MB/),
    });
  });

  it('refuses a NUL character in any text, query or path with 400 naming the field', async () => {
    const named = await owner.post('/api/orgs', { name: 'Acme\u0000' });
    expect(named.statusCode).toBe(400);
    expect(named.json().fields).toEqual([{ path: 'body.name', message: 'contains a NUL character' }]);
    const searched = await owner.get(`/api/orgs/${slug}/people?q=%00`);
    expect(searched.statusCode).toBe(400);
    expect(searched.json().fields[0].path).toBe('querystring.q');
  });

  it('wrote nothing for any of it', async () => {
    expect(await rowCounts()).toEqual(before);
  });
});
