/** One step of a 1:1's flow, shown on the meeting page as its outline. */
export interface FlowStep {
  key: string;
  title: string;
  prompt: string;
}

export interface MeetingTemplate {
  key: string;
  name: string;
  description: string;
  steps: FlowStep[];
}

/** The 1:1 types Tandem ships; organizations add their own beside them. */
export const builtInTemplates: readonly MeetingTemplate[] = [
  {
    key: 'standard',
    name: 'Coaching 1:1',
    description:
      'The default flow: commitments first, the report’s topics, coaching on one of them, and clear next steps.',
    steps: [
      {
        key: 'review',
        title: 'What did we commit to?',
        prompt: 'Go through last time’s next steps: done, still open, or dropped, and why.',
      },
      {
        key: 'topics',
        title: 'Your topics',
        prompt:
          'The report leads. Status lives in the async update, so spend this time on what needs thinking.',
      },
      {
        key: 'coaching',
        title: 'Coaching on one topic',
        prompt:
          'Pick one topic and work it through: Goal (what do you want?), Reality (what is happening?), Options (what could you do?), Will (what will you do?).',
      },
      {
        key: 'next-steps',
        title: 'Next steps',
        prompt: 'End with action: each step has an owner and a date. Ideally the report proposes them.',
      },
    ],
  },
  {
    key: 'first-one-on-one',
    name: 'First 1:1',
    description: 'Getting to know each other and agreeing how you will work together.',
    steps: [
      {
        key: 'story',
        title: 'Your story',
        prompt: 'Where have you been, what are you proud of, what do you want next?',
      },
      {
        key: 'working-style',
        title: 'How you like to work',
        prompt: 'Communication, feedback, focus time, what frustrates you.',
      },
      {
        key: 'expectations',
        title: 'What we expect of each other',
        prompt: 'What does a great quarter look like? What do you need from me?',
      },
      {
        key: 'cadence',
        title: 'How our 1:1s will run',
        prompt: 'Your agenda, async status before we meet, next steps at the end.',
      },
      { key: 'next-steps', title: 'Next steps', prompt: 'Each with an owner and a date.' },
    ],
  },
  {
    key: 'career-conversation',
    name: 'Career conversation',
    description:
      'A longer look past the current work: aspirations, strengths, the next role and the path to it.',
    steps: [
      {
        key: 'aspirations',
        title: 'Where you want to go',
        prompt: 'In two or three years, what work would make you proud?',
      },
      {
        key: 'strengths',
        title: 'Strengths and gaps',
        prompt: 'Which skills carry you there, which are missing? Use the 12-skill model.',
      },
      {
        key: 'experiences',
        title: 'Experiences to seek',
        prompt: 'Projects, stretch assignments, people to learn from.',
      },
      { key: 'plan', title: 'A development plan', prompt: 'Up to three skills, with actions and dates.' },
      { key: 'next-steps', title: 'Next steps', prompt: 'Each with an owner and a date.' },
    ],
  },
  {
    key: 'skip-level',
    name: 'Skip-level 1:1',
    description: 'A leader with their manager’s report: listening for what the org chart hides.',
    steps: [
      { key: 'working', title: 'What is working', prompt: 'What should we protect as we grow?' },
      {
        key: 'in-the-way',
        title: 'What gets in the way',
        prompt: 'Processes, decisions, tools that slow the team down.',
      },
      { key: 'ideas', title: 'Ideas', prompt: 'If you ran this team for a week, what would you change?' },
      { key: 'support', title: 'How I can help', prompt: 'What would you like me to know or do?' },
      { key: 'next-steps', title: 'Next steps', prompt: 'Each with an owner and a date.' },
    ],
  },
];

export function findBuiltInTemplate(key: string): MeetingTemplate | undefined {
  return builtInTemplates.find((template) => template.key === key);
}
