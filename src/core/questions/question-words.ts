// Words too common to say what a question or an agenda item is about.
const stopWords = new Set(
  `a about above after again against all am an and any are as at be because been before being below
  between both but by can could did do does doing down during each few for from further had has have
  having he her here hers him his how i if in into is it its itself just let me more most my myself
  no nor not now of off on once only or other our ours out over own same she should so some such than
  that the their them then there these they this those through to too under until up very was we were
  what when where which while who whom why will with would you your yours yourself yourselves
  get got make made one really thing things week today ll re ve don`.split(/\s+/),
);

/** Lower-case words of a text, apostrophes folded ("what's" → "what", "isn't" → "isn"). */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’](s|re|ve|ll|d|m|t)\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** The words of a text that carry meaning, each reduced to a rough stem. */
export function keywordsOf(text: string): string[] {
  return [
    ...new Set(
      wordsOf(text)
        .filter((word) => !stopWords.has(word) && word.length > 1)
        .map(stemOf),
    ),
  ];
}

/**
 * A crude English stem, enough for prefix matching: "decisions" → "decision", "hiring" → "hir",
 * "shipped" → "ship", "priorities" → "priority". Only query words go through it; they are then
 * matched against the start of the question's words, so it need not be a real root.
 */
export function stemOf(word: string): string {
  if (word.length <= 3) return word;
  if (/ies$|ied$/.test(word) && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(s|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (/[^s]s$/.test(word)) return word.slice(0, -1);
  for (const suffix of ['ing', 'ed']) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      const stem = word.slice(0, -suffix.length);
      // "shipped" → "shipp" → "ship"; "called" keeps its double l.
      return /([^aeiouls])\1$/.test(stem) ? stem.slice(0, -1) : stem;
    }
  }
  return word;
}

/** Whether any of the words starts with the given stem. */
export function hasWordStartingWith(words: readonly string[], stem: string): boolean {
  return words.some((word) => word.startsWith(stem));
}
