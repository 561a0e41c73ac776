import type { OrganizationExport, PersonalExport } from '../../../contracts/personal-data.ts';
import { AppError } from '../../../core/errors.ts';
import type { TextSealer } from '../../crypto/sealed-text.ts';
import type { Db } from '../../db/client.ts';
import { exportMeetingHistory } from '../timeline/meeting-history.service.ts';
import * as repository from './personal-export.repository.ts';

const PULSE_NOTE =
  'Pulse answers are anonymous by design: Tandem stores them without who gave them, so nobody, you included, can find yours. They are not in this export.';

const NOT_INCLUDED = [
  PULSE_NOTE,
  'Other people’s private notes: a private note is its author’s alone.',
  'Transcripts: each 1:1’s transcript belongs to both participants; open it on the 1:1’s page.',
];

type Row = Record<string, unknown>;
/** Rows as JSON: dates become ISO strings, as everywhere in the API. */
const plain = (rows: readonly object[]): Row[] => JSON.parse(JSON.stringify(rows)) as Row[];

/**
 * Everything a signed-in person may take with them: their account, and in each organization (or
 * only `slug`) their directory entry, the 1:1s they took part in with their own private notes
 * opened, the analyses they may read, their growth and Academy records and their preferences.
 */
export async function exportPersonalData(
  db: Db,
  sealer: TextSealer,
  userId: string,
  slug?: string,
  now = new Date(),
): Promise<PersonalExport> {
  const { account, tokens } = await repository.findAccount(db, userId);
  if (!account) throw new AppError('NOT_FOUND', 'No such account.');
  const memberships = (await repository.findMembershipsOf(db, userId)).filter(
    (membership) => slug === undefined || membership.slug === slug,
  );
  const organizations: OrganizationExport[] = [];
  for (const membership of memberships) {
    organizations.push(await exportOrganization(db, sealer, userId, account, membership, now));
  }
  return {
    exportedAt: now.toISOString(),
    account: { ...account, createdAt: account.createdAt.toISOString() },
    apiTokens: plain(tokens),
    organizations,
    notIncluded: NOT_INCLUDED,
  };
}

async function exportOrganization(
  db: Db,
  sealer: TextSealer,
  userId: string,
  account: { name: string; email: string },
  membership: Awaited<ReturnType<typeof repository.findMembershipsOf>>[number],
  now: Date,
): Promise<OrganizationExport> {
  const personId = await repository.findPersonIdOf(db, membership.organizationId, userId);
  const base = {
    organization: { slug: membership.slug, name: membership.name },
    membership: { role: membership.role, since: membership.since.toISOString() },
    pulse: PULSE_NOTE,
  };
  if (!personId) {
    return {
      ...base,
      person: null,
      oneOnOnes: [],
      analyses: [],
      growth: { goals: [], developmentPlan: [], assessments: [] },
      academy: { progress: [], practice: [], certificates: [] },
      notificationPreferences: null,
    };
  }
  const tenant = {
    organizationId: membership.organizationId,
    slug: membership.slug,
    name: membership.name,
    role: membership.role,
    personId,
  };
  const history = await exportMeetingHistory(
    db,
    sealer,
    { tenant, userId, name: account.name, email: account.email },
    {},
    now,
  );
  const person = await repository.findPersonRecord(db, membership.organizationId, personId);
  const analyses = await repository.findVisibleAnalyses(db, membership.organizationId, personId);
  const records = await repository.findGrowthAndAcademy(db, membership.organizationId, personId, userId);
  return {
    ...base,
    person: person ? plain([person])[0]! : null,
    oneOnOnes: plain(history.meetings),
    analyses: plain(analyses),
    growth: {
      goals: plain(records.ownGoals),
      developmentPlan: plain(records.plan),
      assessments: plain(records.assessments),
    },
    academy: {
      progress: plain(records.progress),
      practice: plain(records.practice),
      certificates: plain(records.issued),
    },
    notificationPreferences: records.preferences ? plain([records.preferences])[0]! : null,
  };
}
