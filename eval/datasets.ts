import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Act, Topic } from '../src/core/coaching/labels.ts';

/** A turn of an evaluation conversation: `act` is set on the leader's turns only. */
export interface EvalTurn {
  speaker: string;
  text: string;
  isLeader: boolean;
  act?: Act;
  topic?: Topic;
}

/** A whole conversation with a transcript-level label: coaching (positive) or not. */
export interface EvalConversation {
  id: string;
  leader: string;
  isCoaching: boolean;
  turns: EvalTurn[];
}

export const repoRoot = join(import.meta.dirname, '..');
export const workplaceDir = join(repoRoot, 'eval', 'workplace');
export const annomiDir = join(repoRoot, '..', 'shared', 'eval', 'annomi-dev');

interface WorkplaceFile {
  id: string;
  kind: 'coaching' | 'check-in';
  leader: string;
  turns: Array<{ speaker: string; text: string; act?: Act; topic?: Topic }>;
}

/** The team's workplace transcripts; files that fail to parse are reported and skipped. */
export function readWorkplaceSet(dir: string = workplaceDir): {
  conversations: EvalConversation[];
  problems: string[];
} {
  const conversations: EvalConversation[] = [];
  const problems: string[] = [];
  if (!existsSync(dir)) return { conversations, problems: [`${dir} does not exist`] };
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    try {
      const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as WorkplaceFile;
      if (!Array.isArray(data.turns)) throw new Error('no turns array');
      conversations.push({
        id: data.id ?? file,
        leader: data.leader,
        isCoaching: data.kind === 'coaching',
        turns: data.turns.map((t) => ({ ...t, isLeader: t.speaker === data.leader })),
      });
    } catch (error) {
      problems.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { conversations, problems };
}

interface AnnomiUtterance {
  speaker: 'therapist' | 'client';
  text: string;
  behaviour?: string;
  question_subtype?: string | null;
}

interface AnnomiConversation {
  transcript_id: number;
  mi_quality: 'high' | 'low';
  utterances: AnnomiUtterance[];
}

/** Maps AnnoMI's counsellor behaviour onto our acts, as its README describes. */
function annomiAct(u: AnnomiUtterance): Act | undefined {
  switch (u.behaviour) {
    case 'question':
      return u.question_subtype === 'open' ? 'open_question' : 'closed_question';
    case 'reflection':
      return 'reflection';
    case 'therapist_input':
      return 'telling';
    case 'other':
      return 'other';
    default:
      return undefined;
  }
}

/**
 * AnnoMI development conversations (therapist as leader, high MI quality as "coaching"), or
 * null when the folder is not there. Measured against, never trained on.
 */
export function findAnnomiConversations(dir: string = annomiDir): EvalConversation[] | null {
  const path = join(dir, 'conversations.jsonl');
  if (!existsSync(path)) return null;
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const c = JSON.parse(line) as AnnomiConversation;
      return {
        id: `annomi-${c.transcript_id}`,
        leader: 'therapist',
        isCoaching: c.mi_quality === 'high',
        turns: c.utterances.map((u) => {
          const act = u.speaker === 'therapist' ? annomiAct(u) : undefined;
          return act === undefined
            ? { speaker: u.speaker, text: u.text, isLeader: u.speaker === 'therapist' }
            : { speaker: u.speaker, text: u.text, isLeader: true, act };
        }),
      };
    });
}

interface AnnomiTherapistLine {
  id: string;
  text: string;
  tandem_label: Act;
}

/** AnnoMI counsellor utterances with their mapped act, or null when the file is not there. */
export function findAnnomiUtterances(dir: string = annomiDir): AnnomiTherapistLine[] | null {
  const path = join(dir, 'therapist_utterances.jsonl');
  if (!existsSync(path)) return null;
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as AnnomiTherapistLine);
}
