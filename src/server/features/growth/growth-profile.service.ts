import { and, eq } from 'drizzle-orm';
import type { PersonGrowth } from '../../../contracts/growth.ts';
import type { PersonRef } from '../../../contracts/meetings.ts';
import {
  diagnoseGaps,
  type EvidenceReading,
  ratingChanges,
  suggestFocusSkills,
} from '../../../core/skills/diagnose-gaps.ts';
import type { Tenant } from '../../auth/policy.ts';
import type { Db } from '../../db/client.ts';
import { skillAssessments } from '../../db/schema-growth.ts';
import { findPersonRefs, refOf } from '../meetings/meeting-access.ts';
import { type AssessmentRow, listSubmittedAssessments } from './assessments.service.ts';
import { getGrowthSubject } from './growth-access.ts';
import { measureSkillEvidence } from './skill-evidence.ts';
import { loadSkillsById } from './skills.service.ts';

function summaryOf(row: AssessmentRow, refs: Map<string, PersonRef>) {
  return {
    id: row.id,
    kind: row.kind,
    assessor: refOf(refs, row.assessorId),
    submittedAt: row.submittedAt!.toISOString(),
    ratings: row.ratings,
    comments: row.comments,
  };
}

/** The latest and the one before it, of one kind, from a history sorted oldest first. */
function lastTwo(history: AssessmentRow[], kind: 'self' | 'manager') {
  const ofKind = history.filter((row) => row.kind === kind);
  return { latest: ofKind.at(-1) ?? null, previous: ofKind.at(-2) ?? null };
}

/**
 * A person's growth as they and their manager chain see it: the latest submitted self and manager
 * ratings side by side, the gaps between them, what their own 1:1 figures show, and every
 * submitted assessment over time.
 */
export async function getPersonGrowth(
  db: Db,
  tenant: Tenant,
  personId: string,
  now = new Date(),
): Promise<PersonGrowth> {
  const subject = await getGrowthSubject(db, tenant, personId);
  const [skills, history, evidence, drafts] = await Promise.all([
    loadSkillsById(),
    listSubmittedAssessments(db, tenant.organizationId, [subject.id]),
    measureSkillEvidence(db, tenant.organizationId, subject.id, now),
    db
      .select({ id: skillAssessments.id })
      .from(skillAssessments)
      .where(
        and(
          eq(skillAssessments.organizationId, tenant.organizationId),
          eq(skillAssessments.subjectId, subject.id),
          eq(skillAssessments.assessorId, tenant.personId!),
          eq(skillAssessments.status, 'draft'),
        ),
      )
      .limit(1),
  ]);
  const refs = await findPersonRefs(db, tenant.organizationId, [
    subject.id,
    ...(subject.managerId ? [subject.managerId] : []),
    ...history.map((row) => row.assessorId),
  ]);
  const self = lastTwo(history, 'self');
  const manager = lastTwo(history, 'manager');
  const selfChanges = ratingChanges(self.previous?.ratings ?? null, self.latest?.ratings ?? null);
  const managerChanges = ratingChanges(manager.previous?.ratings ?? null, manager.latest?.ratings ?? null);
  const evidenceOf = (skillId: string) => {
    const metric = skills.get(skillId)?.evidence;
    return metric ? evidence[metric] : null;
  };
  const readings: Record<string, EvidenceReading | null> = Object.fromEntries(
    [...skills.keys()].map((id) => [id, evidenceOf(id)?.reading ?? null]),
  );
  const gaps = diagnoseGaps(
    [...skills.keys()],
    self.latest?.ratings ?? null,
    manager.latest?.ratings ?? null,
    readings,
  );
  const nameOf = (skillId: string) => skills.get(skillId)?.name ?? skillId;
  return {
    person: refOf(refs, subject.id),
    manager: subject.managerId ? refOf(refs, subject.managerId) : null,
    latestSelf: self.latest ? summaryOf(self.latest, refs) : null,
    latestManager: manager.latest ? summaryOf(manager.latest, refs) : null,
    skills: [...skills.values()].map((skill) => ({
      skillId: skill.id,
      name: skill.name,
      self: self.latest?.ratings[skill.id] ?? null,
      manager: manager.latest?.ratings[skill.id] ?? null,
      selfComment: self.latest?.comments[skill.id] ?? null,
      managerComment: manager.latest?.comments[skill.id] ?? null,
      selfChange: selfChanges[skill.id] ?? null,
      managerChange: managerChanges[skill.id] ?? null,
      evidence: evidenceOf(skill.id),
    })),
    gaps: gaps.map((gap) => ({ ...gap, name: nameOf(gap.skillId) })),
    suggestedFocus: suggestFocusSkills(gaps),
    history: history.map((row) => summaryOf(row, refs)),
    myDraftId: drafts[0]?.id ?? null,
  };
}
