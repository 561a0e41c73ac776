import type { MeetingAnalysis } from '../coaching/analysis-types.ts';
import { analyzeMeeting } from '../coaching/analyze-meeting.ts';
import { classifyTurn } from '../coaching/classify.ts';
import type { Act, Topic } from '../coaching/labels.ts';
import { AppError } from '../errors.ts';
import type { Question } from '../questions/question-bank.ts';
import type { AcademyModule } from './academy-module.ts';

export const LEARNER = 'You';

export interface PracticeLine {
  speaker: 'learner' | 'report';
  text: string;
  /** The analyser's reading of a learner's line, with the feedback it earned. */
  act?: Act;
  topic?: Topic;
  feedback?: string;
}

/** Where a role-play stands; plain data, so it can be stored between requests. */
export interface PracticeState {
  moduleId: string;
  nodeId: string;
  lines: PracticeLine[];
  isFinished: boolean;
}

/** Opens a role-play: the simulated report speaks first. */
export function startPractice(module: AcademyModule): PracticeState {
  const node = module.practice.nodes[module.practice.start]!;
  return {
    moduleId: module.id,
    nodeId: module.practice.start,
    lines: [{ speaker: 'report', text: node.says }],
    isFinished: node.isEnd,
  };
}

/**
 * The learner says a line: the analyser classifies it in the moment, the matching branch gives
 * feedback and moves the simulated report on. The same line always takes the same branch.
 */
export function practiceTurn(
  module: AcademyModule,
  state: PracticeState,
  line: string,
): { state: PracticeState; feedback: string; act: Act } {
  if (state.isFinished)
    throw new AppError('CONFLICT', 'This practice has ended; start it again to try another way.');
  const text = line.trim();
  if (text.length === 0 || text.length > 1_000) {
    throw new AppError('VALIDATION_FAILED', 'Say something to your report (up to 1,000 characters).', {
      fields: [{ path: 'body.line', message: 'must be 1–1,000 characters' }],
    });
  }
  const node = module.practice.nodes[state.nodeId];
  if (!node) throw new AppError('CONFLICT', 'This practice no longer matches the module; start it again.');
  const { act, topic } = classifyTurn(text);
  const lower = text.toLowerCase();
  const branch =
    node.branches.find(
      (candidate) =>
        candidate.when === act &&
        (!candidate.mentions || candidate.mentions.some((word) => lower.includes(word.toLowerCase()))),
    ) ?? node.branches.find((candidate) => candidate.when === 'any')!;
  const next = module.practice.nodes[branch.next]!;
  return {
    act,
    feedback: branch.feedback,
    state: {
      ...state,
      nodeId: branch.next,
      isFinished: next.isEnd,
      lines: [
        ...state.lines,
        { speaker: 'learner', text, act, topic, feedback: branch.feedback },
        { speaker: 'report', text: next.says },
      ],
    },
  };
}

/** Scores the role-play with the same analyser that reads real 1:1s, the learner as the leader. */
export function scorePractice(
  module: AcademyModule,
  state: PracticeState,
  questionBank?: readonly Question[],
): MeetingAnalysis {
  const reportName = module.practice.persona.name;
  return analyzeMeeting(
    {
      utterances: state.lines.map((line) => ({
        speaker: line.speaker === 'learner' ? LEARNER : reportName,
        start: null,
        end: null,
        text: line.text,
      })),
      leader: LEARNER,
    },
    { questionBank },
  );
}
