import type { Utterance } from '../src/core/transcripts/types.ts';

// A 60-minute, two-person 1:1 of about 9,000 words, built from sentences a leader and a report
// would say, so the analyser meets the mix of questions, reflections, status and plans it meets
// in real transcripts. Deterministic: the same seed gives the same meeting.

const leaderSentences = [
  'How did the week go for you?',
  'What options do you see here?',
  'What would make this quarter a clear win for you?',
  'Did you send the invoice report to finance?',
  'Is the billing migration done?',
  'So the budget is where it stalls.',
  'It sounds like you want more room to decide on your own.',
  'What makes the senior option feel right to you?',
  'What would an owner of this team do here?',
  'You need to close those tickets this week.',
  'I think we should move the release to Thursday and tell the client today.',
  'What will you do next, and by when?',
  'Can you have the draft to me by Tuesday?',
  'Last time you said you would talk to Priya about mentoring. How did that go?',
  'That makes sense.',
  'Tell me more about what happened in the planning meeting.',
  'What are you assuming that might not be true?',
  'Make sure QA signs off before you merge anything.',
  'What would help you most from me?',
  'You sound frustrated with how the handover went.',
];

const reportSentences = [
  'I drafted most of the hiring plan, but I got stuck on the budget section.',
  'Two tickets are still open and one step still fails on staging.',
  'Honestly, I am afraid I will not have time to mentor two juniors.',
  'I lean towards the senior hire because the team needs someone who can own the platform work.',
  'The vendor contract is with legal and they promised comments by Wednesday.',
  'I want to grow into a staff role, but I am not sure what that means day to day.',
  'I keep assuming I have to do everything myself.',
  'The dashboard numbers are behind because the data pipeline broke on Monday.',
  'I could pair with Priya, she has mentored juniors before.',
  'I will send you the revised plan with both options by Friday.',
  'Yes, that is right.',
  'The planning meeting went long and we did not decide anything about the roadmap.',
  'I felt blindsided when the scope changed again without anyone asking me.',
  'Maybe I should take the leadership course in the spring.',
  'Okay.',
  'The customer escalation is closed and the account manager is happy again.',
  'I think the real problem is that nobody owns the release process.',
  'I will talk to the team on Monday and come back with a proposal.',
  'We shipped the onboarding flow last Thursday and the numbers look good so far.',
  'Mostly I need you to back me when I push back on new requests.',
];

/** Seeded pseudo-random numbers (mulberry32), so every run builds the same transcript. */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Builds the meeting: turns alternate, the report speaks longer, each turn takes time in
 * proportion to its words with a short pause between turns, and the whole lasts `minutes`.
 */
export function buildBenchTranscript(targetWords = 9000, minutes = 60, seed = 42): Utterance[] {
  const random = randomFrom(seed);
  const pick = (pool: readonly string[]) => pool[Math.floor(random() * pool.length)]!;
  const utterances: Utterance[] = [];
  const secondsPerWord = 0.37;
  let words = 0;
  let clock = 0;
  for (let turn = 0; words < targetWords; turn += 1) {
    const isLeader = turn % 2 === 0;
    const count = isLeader ? 1 + Math.floor(random() * 3) : 2 + Math.floor(random() * 5);
    const text = Array.from({ length: count }, () => pick(isLeader ? leaderSentences : reportSentences)).join(
      ' ',
    );
    const turnWords = text.split(/\s+/).length;
    const start = clock;
    clock += turnWords * secondsPerWord;
    utterances.push({ speaker: isLeader ? 'Sam Rivera' : 'Alex Chen', text, start, end: clock });
    clock += 0.8;
    words += turnWords;
  }
  const stretch = (minutes * 60) / (utterances.at(-1)?.end ?? 1);
  return utterances.map((u) => ({ ...u, start: round(u.start! * stretch), end: round(u.end! * stretch) }));
}

function round(seconds: number): number {
  return Math.round(seconds * 100) / 100;
}
