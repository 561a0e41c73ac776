/**
 * What people of the demo write in the pulse's free-text question. Teams whose leaders coach
 * write about the work getting better; teams run on check-ins write about being told, not asked.
 */
export const coachingRemarks = [
  'Our 1:1s have become the place where I think problems through, not only report on them.',
  'Keep ending 1:1s with a next step I own; it is the reason things actually move now.',
  'When I raised the on-call load it was fixed within two weeks. That built a lot of trust.',
  'I feel safe saying I do not know something here, which was not true in my last job.',
  'More cross-team demos, so we see what the other squads are solving.',
  'Onboarding notes are still thin; new people lean on whoever sits closest.',
  'Planning still runs long. A written pre-read would save us an hour a week.',
  'Protect Friday afternoons for deep work; the last two were eaten by escalations.',
  'Clearer priorities between roadmap work and customer escalations would help.',
  'Celebrate the small fixes too, not only the big launches.',
  'Being asked what I would do before hearing the answer has changed how I prepare.',
  'The retro after the outage was the first one where nobody looked for someone to blame.',
] as const;

export const checkInRemarks = [
  '1:1s are mostly a run through my task list; I rarely get to bring up what is blocking me.',
  'Decisions are made above us and we hear about them late.',
  'I would like to be asked what I think before the plan is final.',
  'Mistakes get pointed out in the group channel, which makes people go quiet.',
  'Too many status meetings: the same updates are given three times a week.',
  'Night shift has been short-staffed for months and nobody says when that will change.',
  'More room to try a different approach without having to justify it up front.',
  'Targets changed twice this quarter without an explanation.',
  'Recognition for the people who keep things running, not only for the big deals.',
  'I would value a real conversation about my growth, not only about my numbers.',
  'When I flagged the forecast risk early I was told to just hit the number.',
  'Some of us stopped raising problems because nothing happens afterwards.',
] as const;
