import { desc } from 'drizzle-orm';
import { expect } from 'vitest';
import { outbox } from '../../src/server/db/schema.ts';
import { type Client, memberOf, ownerWithOrganization, type TestApp } from '../support/test-app.ts';

const HEADER = 'email,name,title,manager_email,start_date,time_zone';

/**
 * An organization with teams of the sizes the anonymity rules turn on:
 * - Vera (VP, an account) leads Mona (a manager with an account, five reports: a group of 6),
 *   Max (four reports: a group of 5) and Ivy (alone: a group of 1);
 * - Tess leads seven people, the seventh Mia, a member with an account;
 * - Finn leads four.
 * Olivia owns the organization; Nick is a member with no team.
 */
export async function pulseOrganization(t: TestApp) {
  const owner = await ownerWithOrganization(t.app, 'Olivia Owner');
  const slug = owner.org.slug;
  const vera = await memberOf(t, owner.client, slug, 'member', 'Vera Vance');
  const mona = await memberOf(t, owner.client, slug, 'member', 'Mona Morgan');
  const mia = await memberOf(t, owner.client, slug, 'member', 'Mia Moreau');
  const nick = await memberOf(t, owner.client, slug, 'member', 'Nick Noteam');
  const rows = [
    `max@pulse.test,Max Miller,Engineering Manager,${vera.email},,`,
    `ivy@pulse.test,Ivy Ito,Staff Analyst,${vera.email},,`,
    ...[1, 2, 3, 4, 5].map((n) => `a${n}@pulse.test,Ana Platform${n},Engineer,${mona.email},,`),
    ...[1, 2, 3, 4].map((n) => `b${n}@pulse.test,Ben Routing${n},Engineer,max@pulse.test,,`),
    'tess@pulse.test,Tess Turner,Warehouse Manager,,,',
    ...[1, 2, 3, 4, 5, 6].map((n) => `t${n}@pulse.test,Tom Shift${n},Shift Lead,tess@pulse.test,,`),
    'finn@pulse.test,Finn Fischer,Fleet Manager,,,',
    ...[1, 2, 3, 4].map((n) => `f${n}@pulse.test,Fay Fleet${n},Dispatcher,finn@pulse.test,,`),
  ];
  const imported = await owner.client.post(`/api/orgs/${slug}/people/import`, {
    csv: `${HEADER}\n${rows.join('\n')}\n`,
  });
  expect(imported.statusCode, imported.body).toBe(200);
  const people = (await owner.client.get(`/api/orgs/${slug}/people?limit=500`)).json().items as Array<{
    id: string;
    name: string;
    email: string;
  }>;
  const idOf = (name: string) => {
    const found = people.find((person) => person.name === name);
    if (!found) throw new Error(`no person ${name}`);
    return found.id;
  };
  await owner.client.patch(`/api/orgs/${slug}/people/${idOf('Mona Morgan')}`, {
    managerId: idOf('Vera Vance'),
  });
  await owner.client.patch(`/api/orgs/${slug}/people/${idOf('Mia Moreau')}`, {
    managerId: idOf('Tess Turner'),
  });
  return {
    slug,
    owner: owner.client,
    vera: vera.client,
    mona: mona.client,
    mia: mia.client,
    nick: nick.client,
    miaEmail: mia.email,
    veraEmail: vera.email,
    idOf,
  };
}

export type PulseOrganization = Awaited<ReturnType<typeof pulseOrganization>>;

/**
 * The answer links mailed for a survey's rounds, by recipient address, newest mail first per
 * address. Read from the mail log itself: pulse links are kept out of the organization's outbox,
 * which admins can read.
 */
export async function mailedLinks(t: TestApp, surveyTitle: string): Promise<Map<string, string>> {
  const mails = await t.ctx.db
    .select({ to: outbox.toAddress, subject: outbox.subject, text: outbox.textBody, kind: outbox.kind })
    .from(outbox)
    .orderBy(desc(outbox.createdAt));
  const links = new Map<string, string>();
  for (const mail of mails) {
    if (mail.kind !== 'pulse-invitation' || !mail.subject.includes(surveyTitle)) continue;
    const token = /\/pulse\/([\w-]+)/.exec(mail.text)?.[1];
    if (token && !links.has(mail.to)) links.set(mail.to, token);
  }
  return links;
}

/** A full set of answers: every safety item at `level` (reversed items mirrored), eNPS, and optional free text. */
export function answersAt(level: number, enps: number, text?: string) {
  return {
    'mistakes-held-against': 8 - level,
    'raise-problems': level,
    'reject-different': 8 - level,
    'safe-to-risk': level,
    'hard-to-ask-help': 8 - level,
    'no-undermining': level,
    'skills-valued': level,
    enps,
    c1: 4,
    ...(text ? { c2: text } : {}),
  };
}

export const customQuestions = [
  { text: 'My 1:1s help me solve problems, not just report status.', kind: 'scale' },
  { text: 'What is one thing that would make this team better to work in?', kind: 'text' },
];

/** Schedules a one-off pulse as `client` and returns its view. */
export async function schedule(
  client: Client,
  slug: string,
  input: { title: string; teamLeadId: string; scope: 'tree' | 'direct'; cadence?: string },
) {
  const response = await client.post(`/api/orgs/${slug}/pulse/surveys`, {
    cadence: 'once',
    customQuestions,
    ...input,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; latestRound: { id: string; invited: number } };
}
