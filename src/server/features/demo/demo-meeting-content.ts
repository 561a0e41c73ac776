import type { AgendaItemType } from '../../../core/questions/question-bank.ts';

/**
 * What the demo's 1:1s talk about. Coaching pairs bring goals, decisions, mindset and growth and
 * end with steps the report proposes; check-in pairs trade status and leave with the leader's
 * instructions. Written for Harbor & Pine, a logistics-software company.
 */
export const coachingTopics: Array<[string, AgendaItemType, string]> = [
  ['What I want to own next quarter', 'goal', 'I would like a piece of the roadmap that is mine end to end.'],
  [
    'Choosing between the carrier API rewrite and the quick patch',
    'decision',
    'Two weeks for the patch, six for the rewrite. The patch keeps the pilot customer happy.',
  ],
  [
    'Feeling out of my depth in the pricing meetings',
    'mindset',
    'Finance uses words I do not know yet and I stop talking.',
  ],
  [
    'Path to senior: what is missing?',
    'growth',
    'I reread the career ladder; design reviews and mentoring are my gaps.',
  ],
  ['How my demo to the Nordic customer landed', 'feedback', 'I ran over time and skipped the questions.'],
  [
    'Hand-offs with the night shift keep failing',
    'challenge',
    'Three misrouted pallets this month, all at the 22:00 hand-off.',
  ],
  [
    'Whether to split the team into two pods',
    'decision',
    'Eight people in one stand-up is slow, but two pods means two leads.',
  ],
  [
    'Saying no to the sales team',
    'mindset',
    'I say yes to every custom request and then we miss the sprint.',
  ],
  ['Learning SQL properly', 'growth', 'I keep asking the data team for simple numbers.'],
  ['Our Q3 goal for on-time delivery', 'goal', 'We are at 91%, the target is 95%. I have three ideas.'],
  [
    'The escalation from the Rotterdam warehouse',
    'challenge',
    'They want a dedicated contact; we cannot staff it yet.',
  ],
  [
    'Feedback for you on sprint planning',
    'feedback',
    'The new format cut the meeting in half; the estimates got worse.',
  ],
  [
    'Should I take the on-call lead role?',
    'decision',
    'More visibility, but less time for the migration I care about.',
  ],
  [
    'Confidence presenting to the leadership team',
    'mindset',
    'I prepare for hours and still freeze on the first question.',
  ],
  ['Mentoring the two new hires', 'growth', 'They ask me everything; I want to teach instead of answer.'],
  [
    'Reducing churn in the enterprise segment',
    'goal',
    'Two accounts signalled they will not renew. Both cite onboarding.',
  ],
];

export const checkInTopics: Array<[string, AgendaItemType, string]> = [
  ['Status of the billing migration', 'status', 'About 70% done, two services left.'],
  ['Where are we on the Q3 numbers?', 'status', 'Pipeline is at 80% of target.'],
  ['Ticket backlog update', 'status', '42 open, 9 older than a week.'],
  ['Update on the fleet maintenance schedule', 'status', 'Four trucks are due for service in the same week.'],
  ['Release checklist for Friday', 'status', 'QA sign-off pending on the mobile build.'],
  ['Recap of the customer call', 'status', 'They asked for the export feature again.'],
  ['Progress on the vendor contracts', 'status', 'Two of five signed.'],
  ['Sprint progress', 'status', 'We are behind by about 8 points.'],
  ['Conflict with the design team about scope', 'challenge', ''],
  ['Hiring update for the open role', 'status', 'Three candidates in the final round.'],
];

export const statusLines = {
  wins: [
    'Shipped the route-optimizer fix; late deliveries in the pilot region dropped by a third.',
    'Closed the renewal with Baltic Freight.',
    'Onboarded the two new dispatchers; both ran a shift alone on Thursday.',
    'Cut the nightly import from 40 to 12 minutes.',
    'Got legal sign-off on the new data-processing terms.',
    'The warehouse scanner rollout is live in all three sites.',
  ],
  inProgress: [
    'Carrier API integration: contract tests written, two endpoints left.',
    'Q3 forecast with finance.',
    'Rewriting the onboarding checklist with the support team.',
    'Interviewing for the data engineer role.',
    'Preparing the quarterly business review for the enterprise accounts.',
  ],
  blocked: [
    'Waiting on the security review for the SSO change.',
    'Need a decision on the overtime budget for December.',
    '',
    'The test environment has been down since Tuesday.',
    '',
  ],
};

export const reportProposedSteps = [
  'Draft two options for the pod split and bring them next week',
  'Ask Jonas for a 30-minute SQL pairing session',
  'Write the hand-off checklist with the night shift lead',
  'Run the next customer demo with a hard stop for questions',
  'Send the churn analysis of the two accounts to the VP',
  'Decline the next custom request and propose the roadmap slot instead',
  'Shadow the pricing review and list the terms I do not know',
  'Pick one mentoring session a week with each new hire',
];

export const leaderAssignedSteps = [
  'Send me the migration status by Friday',
  'Update the backlog numbers in the dashboard',
  'Chase legal about the vendor contract',
  'Fix the release checklist before Thursday',
  'Get the numbers for the board deck',
  'Call the customer back about the export feature',
];

export const sharedNoteTemplates = {
  coaching: (topic: string) =>
    `## ${topic}\n\n- Goal: what a good outcome looks like in six weeks\n- Reality: what has been tried, what is in the way\n- Options: three on the table, one we had not considered\n- Will: the first step and when\n`,
  checkIn: (topic: string) => `## ${topic}\n\n- Numbers reviewed\n- Next update due next week\n`,
};
