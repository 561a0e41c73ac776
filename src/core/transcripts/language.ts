// Very common English function words. Words that are just as common in German, Spanish, French,
// Dutch or Italian ("a", "in", "so", "was", "no", "me", "he", "on", "will", "also") are left out,
// so that only English lifts the share.
const englishFunctionWords = new Set([
  'about',
  'after',
  'all',
  'and',
  'any',
  'are',
  'as',
  'at',
  'be',
  'because',
  'been',
  'before',
  'being',
  'but',
  'by',
  'can',
  "can't",
  'could',
  'did',
  "didn't",
  'do',
  'does',
  "doesn't",
  "don't",
  'for',
  'from',
  'get',
  'going',
  'got',
  'had',
  'have',
  'her',
  'him',
  'his',
  'how',
  'i',
  "i'd",
  "i'll",
  "i'm",
  "i've",
  'if',
  'into',
  'is',
  'it',
  "it's",
  'its',
  'just',
  'know',
  "let's",
  'like',
  'more',
  'my',
  'need',
  'not',
  'of',
  'one',
  'or',
  'other',
  'our',
  'out',
  'really',
  'she',
  'should',
  'some',
  'something',
  'than',
  'that',
  "that's",
  'the',
  'their',
  'them',
  'then',
  'there',
  "there's",
  'these',
  'they',
  'think',
  'this',
  'those',
  'to',
  'up',
  'us',
  'very',
  'want',
  'we',
  "we're",
  'well',
  'were',
  'what',
  'when',
  'where',
  'which',
  'who',
  'why',
  'with',
  "won't",
  'would',
  'yeah',
  'yes',
  'you',
  "you're",
  'your',
]);

/** Fewer words than this cannot tell a language apart; such text gets the benefit of the doubt. */
const minTokens = 15;
/** English conversation runs at 35–45% of these words; other languages stay under 5%. */
const englishShareThreshold = 0.15;
/** The share at which English is beyond doubt. */
const clearlyEnglishShare = 0.3;
/** Words after which more text no longer adds certainty. */
const fullEvidenceTokens = 60;

/**
 * Whether texts (a transcript's utterances) are English, from the share of common English function
 * words among their words. With less than 15 words it answers English with confidence 0: too
 * little to judge, and a short English 1:1 should not be refused.
 * @example detectEnglish(['Wie lief die Woche? Ich bin mit dem Projekt nicht zufrieden.', …]) // { isEnglish: false, … }
 */
export function detectEnglish(texts: string[]): { isEnglish: boolean; confidence: number } {
  const tally = { tokens: 0, hits: 0 };
  for (const text of texts) {
    if (!tallyAsciiWords(text, tally)) tallyWords(text, tally);
  }
  const { tokens, hits } = tally;
  if (tokens < minTokens) return { isEnglish: true, confidence: 0 };
  const share = hits / tokens;
  const isEnglish = share >= englishShareThreshold;
  const margin = isEnglish
    ? (share - englishShareThreshold) / (clearlyEnglishShare - englishShareThreshold)
    : (englishShareThreshold - share) / englishShareThreshold;
  const evidence = Math.min(1, tokens / fullEvidenceTokens);
  const confidence = 0.5 + 0.5 * Math.min(1, margin) * evidence;
  return { isEnglish, confidence: Math.round(confidence * 100) / 100 };
}

interface Tally {
  tokens: number;
  hits: number;
}

// The function words as a table of letters (a–z, then the apostrophe), so a word is looked up
// while it is scanned, without cutting it out of the text. State 0 is "no function word"; 1 is
// the start.
const apostropheSymbol = 26;
const symbols = 27;
const { moves, isWordEnd } = buildWordTable([...englishFunctionWords]);

function buildWordTable(words: readonly string[]): { moves: Int32Array; isWordEnd: Uint8Array } {
  const states = 2 + words.reduce((n, w) => n + w.length, 0);
  const moves = new Int32Array(states * symbols);
  const isWordEnd = new Uint8Array(states);
  let used = 2;
  for (const word of words) {
    let state = 1;
    for (let i = 0; i < word.length; i += 1) {
      const c = word.charCodeAt(i);
      const at = state * symbols + (c === 39 ? apostropheSymbol : c - 97);
      if (moves[at] === 0) {
        moves[at] = used;
        used += 1;
      }
      state = moves[at] as number;
    }
    isWordEnd[state] = 1;
  }
  return { moves, isWordEnd };
}

const wordPattern = /\p{L}+(?:'\p{L}+)*/gu;

function tallyWords(text: string, tally: Tally): void {
  for (const token of text.toLowerCase().replace(/[’‘]/g, "'").match(wordPattern) ?? []) {
    tally.tokens += 1;
    if (englishFunctionWords.has(token)) tally.hits += 1;
  }
}

// The same words as the pattern, scanned by hand for text in ASCII (curly apostrophes allowed):
// on a long meeting the Unicode pattern cost as much as the rest of the analysis' own counting.
// False, with nothing tallied, when another character appears: that text is left to the pattern.
function tallyAsciiWords(text: string, tally: Tally): boolean {
  const length = text.length;
  for (let i = 0; i < length; i += 1) {
    const c = text.charCodeAt(i);
    if (c > 127 && c !== 8217 && c !== 8216) return false;
  }
  let i = 0;
  while (i < length) {
    if (!isAsciiLetter(text.charCodeAt(i))) {
      i += 1;
      continue;
    }
    let state = 1;
    while (i < length && isAsciiLetter(text.charCodeAt(i))) {
      state = moveOn(state, (text.charCodeAt(i) | 32) - 97);
      i += 1;
    }
    // "don't", "I’m": an apostrophe followed by a letter continues the word.
    while (i + 1 < length && isApostrophe(text.charCodeAt(i)) && isAsciiLetter(text.charCodeAt(i + 1))) {
      state = moveOn(state, apostropheSymbol);
      i += 1;
      while (i < length && isAsciiLetter(text.charCodeAt(i))) {
        state = moveOn(state, (text.charCodeAt(i) | 32) - 97);
        i += 1;
      }
    }
    tally.tokens += 1;
    if (isWordEnd[state] === 1) tally.hits += 1;
  }
  return true;
}

function moveOn(state: number, symbol: number): number {
  return state === 0 ? 0 : (moves[state * symbols + symbol] as number);
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 8217 || c === 8216;
}
