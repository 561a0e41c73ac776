import type { Utterance } from '../../../core/transcripts/types.ts';

/**
 * Spoken 1:1s for the demo, assembled from lines we wrote: a coaching conversation (the leader
 * asks, reflects and lets the report decide) or a status check-in (the leader asks for updates,
 * directs and answers their own questions). `variant` picks among the pools deterministically.
 */
type Line = [who: 'leader' | 'report', text: string];

const coachingOpenings: Line[][] = [
  [
    ['leader', 'Hi {R}, good to see you. Before your topics, how did the two steps from last time go?'],
    [
      'report',
      'The checklist with the night shift is done. The pairing session with Jonas slipped, we moved it to Thursday.',
    ],
    ['leader', 'So one landed and one is on its way. What made the checklist work this time?'],
    [
      'report',
      'Honestly, writing it with them instead of for them. They caught two steps I would have missed.',
    ],
  ],
  [
    [
      'leader',
      'Morning {R}. Let us start with what we committed to last week. Where did you land on the pod options?',
    ],
    ['report', 'I drafted both. I lean towards two pods, but I am worried about who leads the second one.'],
    ['leader', 'It sounds like the structure is clear to you and the open question is the people.'],
    ['report', 'Yes, exactly. The structure is the easy part.'],
  ],
  [
    ['leader', 'Hey {R}. What would make this half hour most useful for you today?'],
    ['report', 'I want to think through the pricing meetings. I keep going quiet in them.'],
    ['leader', 'Okay. Before we go there, the demo step from last time, how did it go?'],
    ['report', 'Better. I kept ten minutes for questions and they used all of them.'],
  ],
];

const coachingMiddles: Line[][] = [
  [
    ['leader', 'What would a great outcome look like six weeks from now?'],
    [
      'report',
      'That the second pod runs its own planning and I only join the review. And that nobody feels demoted.',
    ],
    ['leader', 'What is in the way of that today?'],
    [
      'report',
      'Mostly me. I still answer every question in the channel before anyone else can, so nobody else builds the context.',
    ],
    ['leader', 'So the habit that made you reliable is now the thing that keeps the others from growing.'],
    ['report', 'Ouch, but yes. That is fair.'],
    ['leader', 'What options do you see?'],
    [
      'report',
      'I could stay out of the channel for the first hour. Or name a rotating first responder. Or ask Hannah to lead the second pod for a quarter as a trial.',
    ],
    ['leader', 'Which of those would you try first, and why?'],
    ['report', 'The trial with Hannah. It is reversible, and she asked me about leading last month.'],
  ],
  [
    ['leader', 'Tell me more about what happens in those pricing meetings.'],
    [
      'report',
      'Finance talks about margin bridges and contribution and I am not sure I understand, so I stay quiet to avoid looking slow.',
    ],
    ['leader', 'You would rather stay quiet than risk looking slow.'],
    ['report', 'Right. Which is silly, because my team pays for every decision they make in there.'],
    ['leader', 'What assumption are you making about how they would react to a question?'],
    [
      'report',
      'That they would think I do not belong there. Although Amir asked a basic question last time and nobody blinked.',
    ],
    ['leader', 'What would an owner of that budget do before the next meeting?'],
    ['report', 'Read the last two decks, list the terms I do not know, and ask Amir for twenty minutes.'],
    ['leader', 'How confident are you that you will do that this week, on a scale of one to ten?'],
    ['report', 'An eight. The reading is easy, asking Amir is the part I would postpone.'],
  ],
  [
    ['leader', 'What is the decision you are facing with the carrier integration?'],
    [
      'report',
      'Patch it in two weeks for the pilot customer, or rewrite it in six and stop the weekly fires.',
    ],
    ['leader', 'And what matters most to you in choosing?'],
    ['report', 'Keeping the pilot. If we lose them, the rewrite does not matter.'],
    ['leader', 'So the pilot is the constraint and the rewrite is the goal. What would let you have both?'],
    [
      'report',
      'Maybe patch now and schedule the rewrite behind it, with the pilot customer knowing the plan.',
    ],
    ['leader', 'What would you need from me for that?'],
    ['report', 'Backing when sales asks why the rewrite delays the export feature.'],
  ],
];

const coachingClosings: Line[][] = [
  [
    ['leader', 'What will you do before we meet next week?'],
    ['report', 'I will ask Hannah on Tuesday and write a one-page trial plan by Friday.'],
    [
      'leader',
      'Great. And I will tell Daniel about the trial so he is not surprised. Anything else you need from me?',
    ],
    ['report', 'No, that is it. Thanks, this helped.'],
  ],
  [
    ['leader', 'So what are your next steps, and by when?'],
    ['report', 'I will read the two decks by Wednesday and book time with Amir before Friday.'],
    ['leader', 'Sounds right. How can I support you in the meeting itself?'],
    ['report', 'Maybe ask me directly for my view once, early on. That would break the ice.'],
  ],
];

const checkInScripts: Line[][] = [
  [
    ['leader', 'Okay {R}, let us go through the list. Is the billing migration done?'],
    ['report', 'Not yet, two services left.'],
    [
      'leader',
      'You need to finish those by Friday. Move the invoice service first, then the ledger. Tell the data team to freeze the schema.',
    ],
    ['report', 'Okay.'],
    ['leader', 'Where are we on the backlog? Last week it was over forty tickets.'],
    ['report', 'Forty two, nine older than a week.'],
    [
      'leader',
      'That is too many. Put the old ones at the top of the sprint and close the duplicates. I want it under thirty by the review.',
    ],
    ['report', 'Sure.'],
    [
      'leader',
      'And the Nordic customer wants the export feature again. I told sales it ships in March, so make sure the estimate fits. Does that work?',
    ],
    ['report', 'I think so, if nothing else comes in.'],
    ['leader', 'Good. Did you update the dashboard numbers? I need them for the board deck.'],
    ['report', 'Yes, yesterday.'],
    ['leader', 'Great. Send me the migration status by Friday and we are done.'],
  ],
  [
    ['leader', 'Hi {R}. Quick one today. How are the vendor contracts going?'],
    ['report', 'Two of five are signed. Legal has the other three.'],
    ['leader', 'Chase legal today, they sit on things. Copy me so they see it matters.'],
    ['report', 'Will do.'],
    ['leader', 'What about the fleet schedule, are the four trucks sorted?'],
    ['report', 'Not yet, they are all due the same week.'],
    [
      'leader',
      'Split them over two weeks. Call the garage and move two of them, they always have space on Mondays.',
    ],
    ['report', 'Okay, I will call them.'],
    ['leader', 'And the hiring, did the final round happen?'],
    ['report', 'Tomorrow.'],
    ['leader', 'Fine. Send me your ranking after. Anything else? No? Good, talk next week.'],
  ],
];

function pickFrom<T>(pool: readonly T[], variant: number, salt: number): T {
  return pool[(variant * 7 + salt * 3) % pool.length]!;
}

/** A demo 1:1 of about 8–25 turns with plausible timings (about 2.6 words a second, short pauses). */
export function demoTranscript(
  style: 'coaching' | 'mixed' | 'check-in',
  leaderName: string,
  reportName: string,
  variant: number,
): Utterance[] {
  const lines =
    style === 'coaching'
      ? [
          ...pickFrom(coachingOpenings, variant, 1),
          ...pickFrom(coachingMiddles, variant, 2),
          ...pickFrom(coachingClosings, variant, 3),
        ]
      : style === 'mixed'
        ? // Starts like a coaching 1:1, then slides into updates and instructions.
          [
            ...pickFrom(coachingOpenings, variant, 1),
            ...pickFrom(coachingMiddles, variant, 2).slice(0, 4),
            ...pickFrom(checkInScripts, variant, 1).slice(2),
          ]
        : pickFrom(checkInScripts, variant, 1);
  const firstName = reportName.split(' ')[0]!;
  let clock = 2;
  return lines.map(([who, template]) => {
    const text = template.replaceAll('{R}', firstName);
    const seconds = Math.max(1.5, text.split(/\s+/).length / 2.6);
    const utterance = {
      speaker: who === 'leader' ? leaderName : reportName,
      start: clock,
      end: clock + seconds,
      text,
    };
    clock += seconds + 0.8;
    return utterance;
  });
}
