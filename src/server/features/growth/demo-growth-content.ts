// What the demo's leaders write about themselves and each other in assessments, plans and goals.
// Self comments speak as "I", manager comments to the person as "you", as people write them.

interface SkillComments {
  strength: string;
  development: string;
}

export const selfComments: Record<string, SkillComments> = {
  'coaching-one-on-ones': {
    strength: 'My 1:1s have a steady rhythm now and my team brings the agenda, not me.',
    development: 'When the week is busy my 1:1s slide back into a tour of the task list.',
  },
  'powerful-questions': {
    strength: 'I open most topics with a real question and wait for the answer.',
    development: 'I still ask "have you tried…?" when I already have the answer in mind.',
  },
  'listening-and-reflecting': {
    strength: 'People tell me I am the one who remembers what they said last month.',
    development: 'I catch myself planning my reply while people are still talking.',
  },
  'giving-feedback': {
    strength: 'I give specific feedback within a day or two, good and bad.',
    development: 'I put off the harder conversations until the quarterly review.',
  },
  'inviting-feedback': {
    strength: 'I ask my team what I should stop doing at least once a quarter.',
    development: 'I rarely ask for feedback on my own work, and nobody offers it.',
  },
  'delegating-for-ownership': {
    strength: 'My leads own whole problems now, including the decisions inside them.',
    development: 'I hand out tasks but keep the decisions, so things wait for me.',
  },
  'goals-and-priorities': {
    strength: 'Everyone on the team can name our three priorities for the quarter.',
    development: 'We say yes to too much; the priority list grows but never shrinks.',
  },
  accountability: {
    strength: 'We review last week’s commitments at the start of every 1:1.',
    development: 'Next steps get agreed but I rarely check on them afterwards.',
  },
  'trust-and-safety': {
    strength: 'Bad news reaches me early, usually before it becomes a crisis.',
    development: 'I suspect people soften problems before they bring them to me.',
  },
  'strategic-thinking': {
    strength: 'I connect the team’s work to the company plan in every planning cycle.',
    development: 'Most of my week goes to this week’s fires rather than next year’s problems.',
  },
  'decision-making': {
    strength: 'I make the call when it is mine and say clearly when it is not.',
    development: 'I reopen decisions when someone senior pushes back.',
  },
  'developing-people': {
    strength: 'Two people on my team took on bigger roles this year.',
    development: 'I have not talked about careers with half my team this year.',
  },
};

export const managerComments: Record<string, SkillComments> = {
  'coaching-one-on-ones': {
    strength: 'Your reports describe their 1:1s with you as the most useful half hour of their week.',
    development: 'Your 1:1s read as status meetings; the report does little of the talking.',
  },
  'powerful-questions': {
    strength: 'Your questions move people: I have seen reports change course after one of them.',
    development: 'Most of your questions can be answered with yes or no. Try opening them up.',
  },
  'listening-and-reflecting': {
    strength: 'You sum up what people said before you respond, and they notice.',
    development: 'You often answer before the other person has finished their thought.',
  },
  'giving-feedback': {
    strength: 'Your feedback is specific and timely; the team knows where they stand.',
    development: 'Feedback arrives late and general, usually in the review rather than the week it happened.',
  },
  'inviting-feedback': {
    strength: 'You ask for feedback and act on it visibly, which is why people keep giving it.',
    development: 'I have not seen you ask your team how you could lead them better.',
  },
  'delegating-for-ownership': {
    strength: 'Your team owns its next steps; most of them are proposed by the reports themselves.',
    development: 'Most next steps in your 1:1s are yours to hand out and theirs to carry out.',
  },
  'goals-and-priorities': {
    strength: 'Your team’s goals are clear and you trade off openly when something new comes in.',
    development: 'The team is busy on everything at once; the priorities are not visible from outside.',
  },
  accountability: {
    strength: 'Commitments made in your team get done, and when they slip you hear it early.',
    development: 'Follow-through on agreed next steps is patchy and nobody revisits them.',
  },
  'trust-and-safety': {
    strength: 'People bring you problems early and say what they think in your meetings.',
    development: 'Problems in your area reach me before they reach you.',
  },
  'strategic-thinking': {
    strength: 'You bring options for next year, not only answers for this week.',
    development: 'Your updates are about delivery; I would like to hear where the area should go.',
  },
  'decision-making': {
    strength: 'You decide with the right people in the room and the reasons written down.',
    development: 'Decisions in your area wait for you, or get escalated to me.',
  },
  'developing-people': {
    strength: 'You grow people: two of your reports are ready for a bigger role.',
    development: 'I would like to see a development conversation with each of your reports this half.',
  },
};

/** Actions a development plan names for a skill, the first with a measure a 1:1 can show. */
export const planActions: Record<string, string[]> = {
  'coaching-one-on-ones': [
    'Ask reports to post status the day before, and open each 1:1 with "what deserves our time today?".',
    'Keep my talk share under half in at least three 1:1s a month; check it on the coaching report.',
  ],
  'powerful-questions': [
    'Open every agenda topic with a what or how question, and count them on the coaching report.',
    'Use one question from the strategy set in each 1:1 and wait out the silence after it.',
  ],
  'listening-and-reflecting': [
    'Reflect back what I heard before asking the next question, at least three times per 1:1.',
    'Take no notes during the first ten minutes of a 1:1, and summarise at the end instead.',
  ],
  'giving-feedback': [
    'Give one piece of specific feedback each week, within two days of what happened.',
    'Prepare the two hard conversations I have been putting off and hold them this month.',
  ],
  'inviting-feedback': [
    'End each 1:1 this quarter with "what could I do differently for you?".',
    'Run a stop/start/continue on my own leadership with the team before the next offsite.',
  ],
  'delegating-for-ownership': [
    'Let the report propose and own the next steps in every 1:1; aim for two out of three.',
    'Hand over the vendor review end to end, including the final decision.',
  ],
  'goals-and-priorities': [
    'Agree three goals per report for the quarter and review them monthly in the 1:1.',
    'Write down what we stop doing each time we take on something new.',
  ],
  accountability: [
    'Start every 1:1 with last time’s next steps and close each one with an owner and a date.',
    'Review my own open commitments every Friday and close or renegotiate them.',
  ],
  'trust-and-safety': [
    'Share one of my own mistakes in the next team meeting and what I learned from it.',
    'Thank the first person who brings bad news each week, before asking anything else.',
  ],
  'strategic-thinking': [
    'Block two hours a week for next year’s questions and bring one to my manager’s 1:1.',
    'Draft a one-page view of where the area should be in eighteen months.',
  ],
  'decision-making': [
    'For each open decision, write who decides, by when, and with whose input.',
    'Ask "what would you do?" before giving my view on a decision that is the report’s.',
  ],
  'developing-people': [
    'Hold a career conversation with each report this half, separate from the weekly 1:1.',
    'Agree a stretch assignment with one report who is ready for more.',
  ],
};

export interface GoalTemplate {
  kind: 'growth' | 'performance';
  title: string;
  description: string;
  measure: string;
  /** Which of the person's own next steps count toward the goal. */
  steps: RegExp;
}

export const goalTemplates: GoalTemplate[] = [
  {
    kind: 'growth',
    title: 'Bring decisions with options to my 1:1s, not open problems',
    description: 'Arrive with two options and a recommendation for each decision I need from my manager.',
    measure: 'Every decision topic in my 1:1s comes with options for a full quarter',
    steps: /options|roadmap slot|Decline the next custom request/i,
  },
  {
    kind: 'growth',
    title: 'Learn the commercial side: pricing and data analysis',
    description: 'Close the gaps that keep me out of pricing and account reviews.',
    measure: 'Run one pricing review and one account analysis without help',
    steps: /SQL pairing|pricing review|churn analysis/i,
  },
  {
    kind: 'growth',
    title: 'Grow the new hires instead of fixing their work',
    description: 'Spend time each week coaching the two newest people rather than redoing their work.',
    measure: 'Both new hires run their own hand-offs by the end of the quarter',
    steps: /mentoring session|hand-off checklist/i,
  },
  {
    kind: 'performance',
    title: 'Keep our two largest accounts through renewal',
    description: 'Both accounts renew in the spring and have raised concerns about response times.',
    measure: 'Both renewals signed, with response times under four hours',
    steps: /customer demo|churn analysis|Call the customer back|export feature/i,
  },
  {
    kind: 'performance',
    title: 'Finish the platform migration without a customer incident',
    description: 'Move the remaining services to the new platform and retire the old cluster.',
    measure: 'Old cluster switched off; no customer-facing incident caused by the move',
    steps: /migration|release checklist|backlog numbers/i,
  },
  {
    kind: 'performance',
    title: 'Close the quarter’s vendor and board reporting on time',
    description: 'The vendor contract and the board numbers slipped last quarter.',
    measure: 'Contract signed and board numbers delivered a week before the board meeting',
    steps: /vendor contract|board deck|dashboard/i,
  },
];
