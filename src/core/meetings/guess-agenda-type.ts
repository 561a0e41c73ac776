import type { AgendaItemType } from '../questions/question-bank.ts';

// Ordered: the first type whose cues appear wins, so the more specific types come first.
const cues: Array<[AgendaItemType, RegExp]> = [
  [
    'feedback',
    /\b(feedback|how did i|how am i doing|retro(spective)?|went well|could have gone better|critique|review of my)\b/i,
  ],
  [
    'growth',
    /\b(career|promotion|promoted|learn(ing)?|skills?|course|mentor(ing)?|grow(th)?|develop(ment)?|training|conference|stretch|next role|certification|path to|senior|lead role|become a)\b/i,
  ],
  [
    'mindset',
    /\b(confiden(ce|t)|overwhelm(ed)?|stress(ed)?|imposter|motivat(ion|ed)|mindset|stuck|frustrat(ed|ion)|worried|anxious|doubt|perspective|burn(ed|t)? ?out)\b/i,
  ],
  [
    'decision',
    /\b(decide|decision|choose|choice|whether to|should we|trade-?off|options? for|pick between|approve|sign-?off)\b/i,
  ],
  [
    'goal',
    /\b(goals?|okrs?|objectives?|targets?|quarter(ly)? plan|roadmap|priorit(y|ies|ize)|vision|north star)\b/i,
  ],
  [
    'challenge',
    /\b(problem|issue|challenge|blocker|blocked|risk|conflict|struggl(e|ing)|difficult|escalat(e|ion)|concern|tension)\b/i,
  ],
  [
    'personal',
    /\b(vacation|holiday|leave|family|health|wedding|baby|move|moving|personal|weekend|sick|time off|days off|weeks off|pto|off in)\b/i,
  ],
  [
    'status',
    /\b(status|update|progress|done|finished|shipped|on track|eta|where we are|recap|report(ing)? on|numbers|metrics|tickets?|sprint)\b/i,
  ],
];

/**
 * A sensible default type for an agenda item from its title, which the author can change:
 * "Update on the Q3 migration" → status, "Should we hire a contractor?" → decision.
 */
export function guessAgendaType(title: string): AgendaItemType {
  for (const [type, pattern] of cues) if (pattern.test(title)) return type;
  return 'challenge';
}
