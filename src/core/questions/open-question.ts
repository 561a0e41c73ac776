// Words that open a closed question: the listener can answer with "yes" or "no".
const auxiliaries = new Set([
  'is',
  'are',
  'am',
  'do',
  'does',
  'did',
  'can',
  'could',
  'would',
  'will',
  'should',
  'have',
  'has',
  'had',
  'was',
  'were',
  'may',
  'might',
  'shall',
  'must',
]);

// Negative contractions whose stem is not simply the word without "n't".
const irregularNegatives: Record<string, string> = { "can't": 'can', "won't": 'will', "shan't": 'shall' };

const whWords = new Set(['what', 'why', 'how', 'when', 'where', 'who', 'whom', 'whose', 'which']);

// Imperatives that invite an open answer, matched as word sequences.
const openInvitations = [
  ['tell', 'me'],
  ['tell', 'us'],
  ['describe'],
  ['walk', 'me', 'through'],
  ['talk', 'me', 'through'],
  ['help', 'me', 'understand'],
  ['say', 'more'],
  ['explain'],
];

// Fillers that may precede the question itself ("So, what happened?").
const connectors = new Set(['and', 'but', 'so', 'then', 'okay', 'ok', 'well', 'now', 'also', 'or']);

// After when/where/how/what, a subject starts a subordinate clause ("When you did that, …").
const subjects = new Set([
  'you',
  'we',
  'they',
  'i',
  'it',
  'this',
  'that',
  'these',
  'those',
  'the',
  'a',
  'an',
  'your',
  'our',
  'my',
  'their',
  'he',
  'she',
  'people',
  'someone',
  'everyone',
  'things',
]);

// Short tags that turn a statement or an open question into a closed one ("…, right?").
const closingTags = new Set(['right', 'correct', 'yes', 'no', 'ok', 'okay', 'agreed', 'true']);

const pronouns = new Set(['you', 'it', 'we', 'they', 'that', 'this', 'i', 'he', 'she', 'there']);

type Opening = 'closed' | 'open' | 'subordinate' | 'none';

/**
 * Whether a question invites only "yes" or "no" (or a pick between given options) rather than an
 * open answer. Example: `isYesNoQuestion('Did that work?')` is true,
 * `isYesNoQuestion('What did you learn?')` is false.
 */
export function isYesNoQuestion(text: string): boolean {
  const normalized = text.toLowerCase().replace(/[‘’`]/g, "'").replace(/\s+/g, ' ').trim();
  if (normalized === '') return false;
  const segment = questionSentence(normalized);
  const clauses = segment
    .split(/[,;:()—–.!?]| - /)
    .map(words)
    .filter((clause) => clause.length > 0);

  const openings = clauses.map((clause) => openingOf(withoutConnectors(clause)));
  let decisive = openings.findIndex((opening) => opening === 'closed' || opening === 'open');
  // With no main clause, a lone "when you …" / "how you doing" is the question itself.
  if (decisive === -1) decisive = openings.indexOf('subordinate');
  if (decisive === -1) {
    return segment.endsWith('?') || clauses.some((clause) => clause.includes('or'));
  }
  if (openings[decisive] === 'closed') return true;
  return clauses.slice(decisive + 1).some(isClosingClause);
}

// The last sentence that asks something is the one the listener answers.
function questionSentence(text: string): string {
  const sentences = text.split(/(?<=[.!?])\s+/);
  const asking = sentences.filter((sentence) => sentence.endsWith('?'));
  return asking.at(-1) ?? text;
}

function words(clause: string): string[] {
  return clause.split(/[^a-z0-9']+/).filter((word) => /[a-z0-9]/.test(word));
}

function withoutConnectors(clause: string[]): string[] {
  let start = 0;
  while (start < clause.length - 1 && connectors.has(clause[start]!)) start += 1;
  return clause.slice(start);
}

function openingOf(clause: string[]): Opening {
  const first = clause[0];
  if (first === undefined) return 'none';
  if (openInvitations.some((phrase) => phrase.every((word, index) => clause[index] === word))) return 'open';
  const base = baseWord(first);
  if (auxiliaries.has(base)) return 'closed';
  if (!whWords.has(base)) return 'none';
  // "When you did that, …" is a subordinate clause; "Why you?" and "What's the …" still ask.
  const next = clause[1];
  const isSubordinate = base === first && base !== 'why' && next !== undefined && subjects.has(next);
  return isSubordinate ? 'subordinate' : 'open';
}

// "what's" → "what", "didn't" → "did", "can't" → "can".
function baseWord(word: string): string {
  const irregular = irregularNegatives[word];
  if (irregular !== undefined) return irregular;
  if (word.endsWith("n't")) return word.slice(0, -3);
  return word.replace(/'(s|re|d|ll|ve|m)$/, '');
}

// A clause after the open part that closes it again: a choice ("…, stay or leave?", "…, or not?")
// or a tag ("…, right?", "…, isn't it?", "…, and did it work?").
function isClosingClause(clause: string[]): boolean {
  if (clause[0] === 'or') return true;
  const rest = withoutConnectors(clause);
  const opening = openingOf(rest);
  if (opening === 'open') return false;
  if (rest.length <= 2 && rest.every((word) => closingTags.has(word))) return true;
  if (opening === 'closed' && rest.length <= 5 && pronouns.has(rest[1] ?? '')) return true;
  return opening === 'none' && rest.includes('or');
}
