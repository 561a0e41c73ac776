// The phrases that make a sentence a commitment. Matched on lower-case text with curly quotes
// straightened; each pattern's last group is the verb, checked against the lists below.

const days = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri';
const months =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const period = '(?:day|week|month|quarter|sprint|year)';
const moment = [
  'tomorrow(?: morning| afternoon| evening)?',
  'tonight',
  'today',
  'later today',
  'eod|eow|cob|end of play',
  `end of (?:the |this |next )?${period}`,
  `the end of (?:the |this |next )?${period}`,
  `(?:this|next|the) (?:${days}|week|month|quarter|sprint|afternoon|morning|evening|weekend)`,
  `next (?:one-on-one|1:1|1-1|meeting|check-in|time)`,
  `our next (?:one-on-one|1:1|1-1|meeting|check-in|session|chat)`,
  `(?:${days})(?: morning| afternoon| evening)?`,
  `(?:${months}) \\d{1,2}(?:st|nd|rd|th)?`,
  `(?:the )?\\d{1,2}(?:st|nd|rd|th)(?: of (?:${months}))?`,
  '\\d{4}-\\d{2}-\\d{2}',
  'noon|lunch(?:time)?',
].join('|');

/** A due phrase: "by Friday", "before our next 1:1", "end of the week", "in two weeks". */
export const duePattern = new RegExp(
  `\\b(?:(?:by|before|on|until|for|no later than) (?:${moment})|(?:${moment})|(?:in|within) (?:a|an|one|two|three|four|a couple of|\\d+) (?:days?|weeks?|hours?)|before (?:we|our|the) (?:next|meet|talk|speak)\\w*(?: (?:meeting|one-on-one|1:1|time))?)\\b`,
);

const lead =
  '(?:also |just |then |definitely |probably |quickly |first |go ahead and |try to |make sure to |make sure i |aim to |plan to )*';

/**
 * "I'll…", "I'm going to…": the speaker takes it on. "I can…" is captured in its own group, since
 * it is an offer only with a date ("I can send it Friday", not "I'm not sure I can mentor two").
 */
export const offerPattern = new RegExp(
  `\\bi(?:'ll| will| shall|'m going to| am going to|'m gonna|'d be happy to| would be happy to| commit to| promise to|( can)) ${lead}([a-z]+)`,
);

/** "Let me check with finance": usually something done on the spot, so it needs one of a few verbs. */
export const letMePattern = /\blet me (check|follow|find|loop|dig|confirm|reach|ping|chase|sort|get back)\b/;

/** "We'll…", "let's…": both take it on. */
export const sharedPattern = new RegExp(
  `\\b(?:we(?:'ll| will| shall|'re going to| are going to)|let's|let us) ${lead}([a-z]+)`,
);

/** "Can you…", "I need you to…", "so you'll…": the other person is asked to take it on. */
export const requestPattern = new RegExp(
  `\\b(?:(?:can|could|would|will) you (?:please )?|you(?:'ll| will|'re going to| are going to| need to| have to| must) |i(?:'d like| would like| need| want) you to |please )${lead}([a-z]+)`,
);

/** A clause that opens with a verb ("so ping them tomorrow"): an instruction, a step only with a date. */
export const imperativePattern =
  /^(?:(?:so|and|then|also|please|just|okay|ok|now|first|next|but)\b,? )*([a-z]+)\b/;

/** Where one instruction ends and the next begins inside a sentence. */
export const clauseBreak = /[,;:]\s*|\s+(?:and|then|so|but)\s+/;

/** A sentence that opens with a question word is asking, not assigning ("How would you…"). */
export const whOpening = /^(?:\W*\w+,? ){0,2}?(?:what|how|why|where|when|who|which)\b/;

/** Verbs that on their own make a concrete next step. */
export const actionVerbs = new Set(
  `send share draft write finish complete set book schedule check follow email ping call message
  reach loop speak sync meet prepare update review circulate put pull bring find dig read run test
  fix ship build create start plan map outline sketch block own post submit file raise escalate
  confirm document record summarize summarise organize organise sort flag introduce connect invite
  shadow pair practise practice collect gather interview list propose present pick choose decide
  book sign deliver hand forward cc reply respond clean close hire onboard train coach mentor rewrite
  redo revise rework compare estimate price measure track journal research wrap`.split(/\s+/),
);

/** Verbs that are a next step only with a due date ("I'll think about it by Friday"). */
export const weakVerbs = new Set(
  'think look try talk see get have go come work figure reflect do make take give ask'.split(' '),
);
