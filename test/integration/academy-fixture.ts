import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A small Academy for tests, written into a temporary folder so they do not depend on which of
 * the twelve shipped modules exist yet.
 */
export interface FixtureModule {
  id: string;
  order: number;
  title: string;
  /** Assignment checks as YAML flow items, e.g. `{ metric: openQuestions, min: 3 }`. */
  checks: string[];
}

export const askingModule: FixtureModule = {
  id: 'asking-drill',
  order: 1,
  title: 'Asking before telling',
  checks: ['{ metric: openQuestions, min: 3 }', '{ metric: leaderTalkShare, max: 0.6 }'],
};

export const listeningModule: FixtureModule = {
  id: 'listening-drill',
  order: 2,
  title: 'Listening to understand',
  checks: ['{ metric: openQuestions, min: 2 }'],
};

/** The right answers of every fixture quiz, in order. */
export const quizAnswers = [1, 1, 0, 1, 1];

export function moduleYaml(module: FixtureModule): string {
  return `id: ${module.id}
skill: powerful-questions
order: ${module.order}
title: ${module.title}
minutes: 30
summary: A short module for the integration tests, with a quiz, a branching role-play and an assignment.
objectives: [Ask open questions instead of closed ones, Let the report think out loud]
quiz:
  - { question: Which question is open?, options: [Is it done?, What is in the way?, Did you call them?], answer: 1, explanation: 'It invites an answer longer than a yes or a no.' }
  - { question: Which is closed?, options: [How did it go?, Is it late?, What options do you see?], answer: 1, explanation: It can be answered with yes or no alone. }
  - { question: What follows a reflection?, options: [Silence, Advice, A lecture], answer: 0, explanation: 'Leave room for the report to go on thinking.' }
  - { question: Who should talk most?, options: [The leader, The report, Nobody], answer: 1, explanation: The report does the thinking in a coaching 1:1. }
  - { question: When to advise?, options: [First, After asking, Never ever], answer: 1, explanation: 'Ask first, then offer a view if it is still needed.' }
practice:
  persona: { name: Sam Ortiz, role: Shift lead, situation: Sam's night shift keeps missing the 6am truck and Sam is frustrated with the dispatch team. }
  brief: Find out what is really in the way, with open questions.
  start: opening
  nodes:
    opening:
      says: The 6am truck left without our pallets again.
      branches:
        - { when: open_question, feedback: 'Good, an open question invites Sam to think.', next: opens-up }
        - { when: closed_question, feedback: That was a closed question — try opening it up., next: short }
        - { when: telling, feedback: You jumped to a solution; ask first., next: short }
        - { when: any, feedback: Try a question that invites Sam to explain., next: short }
    short:
      says: Yes, it did.
      branches:
        - { when: open_question, feedback: 'Better, now Sam can explain.', next: opens-up }
        - { when: any, feedback: Sam is still closed; ask what happened., next: end-short }
    opens-up:
      says: Dispatch changes the loading order at 5:30 and nobody tells us. I think we should get the list the night before.
      isEnd: true
    end-short:
      says: Okay, I'll sort it out.
      isEnd: true
assignment:
  title: Ask, then listen
  description: In your next 1:1 ask open questions and leave most of the talking to your report.
  checks: [${module.checks.join(', ')}]
`;
}

/** Writes the modules into a fresh temporary folder and returns it. */
export async function writeAcademy(modules: FixtureModule[]): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'tandem-academy-'));
  for (const module of modules) {
    const moduleFolder = path.join(folder, `${String(module.order).padStart(2, '0')}-${module.id}`);
    await mkdir(moduleFolder);
    await writeFile(path.join(moduleFolder, 'module.yaml'), moduleYaml(module));
    await writeFile(
      path.join(moduleFolder, 'lesson.md'),
      `# ${module.title}\n\nA question hands the thinking to your report.\n`,
    );
    await writeFile(
      path.join(moduleFolder, 'worked-example.md'),
      '## A poor exchange\n\nThe leader tells.\n\n## A good exchange\n\nThe leader asks.\n',
    );
  }
  return folder;
}
