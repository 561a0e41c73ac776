/** Longest speaker label we believe; longer text before a colon is a sentence, not a name. */
const maxNameLength = 60;
const maxNameWords = 6;

// Lowercase words that belong inside real names ("Ana de la Cruz", "Jan van Dijk").
const nameParticles = new Set([
  'al',
  'bin',
  'da',
  'das',
  'de',
  'del',
  'della',
  'der',
  'di',
  'dos',
  'du',
  'el',
  'la',
  'le',
  'ten',
  'ter',
  'van',
  'von',
  'y',
  'zu',
]);

// Labels of the metadata lines people paste above a transcript ("Date: 4 March"); they are never speakers.
const metadataLabels = new Set([
  'action items',
  'agenda',
  'attendees',
  'date',
  'duration',
  'fw',
  'fwd',
  'http',
  'https',
  'kind',
  'language',
  'location',
  'mailto',
  'meeting',
  'next steps',
  'note',
  'notes',
  'participants',
  're',
  'recording',
  'subject',
  'summary',
  'tel',
  'time',
  'title',
  'topic',
  'transcript',
  'update',
  'when',
  'where',
]);

// Commas and slashes appear in directory names ("Whitfield, Dana") and pronouns ("(she/her)").
const allowedCharacters = /^[\p{L}\p{M}\p{N} .,'’\-_()[\]/@+&]+$/u;

// A transcript repeats a handful of names thousands of times; remembering the verdicts makes a
// long transcript several times faster. Bounded, so odd input cannot grow it without limit.
const verdicts = new Map<string, boolean>();
const maxVerdicts = 1000;

/** Whether a label before a colon reads as a person's name rather than the start of a sentence. */
export function isSpeakerName(label: string): boolean {
  const known = verdicts.get(label);
  if (known !== undefined) return known;
  const verdict = judgeSpeakerName(label);
  if (verdicts.size >= maxVerdicts) verdicts.clear();
  verdicts.set(label, verdict);
  return verdict;
}

function judgeSpeakerName(label: string): boolean {
  const name = normalizeSpeaker(label);
  if (name.length === 0 || name.length > maxNameLength) return false;
  if (!/^[\p{L}\p{N}]/u.test(name) || !allowedCharacters.test(name)) return false;
  if (metadataLabels.has(name.toLowerCase())) return false;
  const words = name.split(' ');
  if (words.length > maxNameWords) return false;
  // Chat tools keep display names as typed ("dana", "sam.o"), but a lowercase word inside a
  // multi-word label is what sentences have and names do not.
  if (words.length === 1) return /\p{L}/u.test(name);
  return words.every((word) => isNameWord(word));
}

function isNameWord(word: string): boolean {
  const first = word.replace(/^[(['’]+/, '').charAt(0);
  if (first === '' || !isLowercaseLetter(first)) return true;
  return nameParticles.has(word.toLowerCase()) || word.startsWith('(') || word.startsWith('[');
}

function isLowercaseLetter(char: string): boolean {
  return char !== char.toUpperCase() && char === char.toLowerCase();
}

/** A speaker label with surrounding and repeated whitespace removed, so "Dana  Whitfield" merges with "Dana Whitfield". */
export function normalizeSpeaker(label: string): string {
  const trimmed = label.trim();
  // Most labels are already clean; skipping the replace halves the cost of a long transcript.
  return /\s\s|[^\S ]/.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
}

/** A `Name: text` line split into its speaker and text, or null when the line does not start with a name. */
export function splitSpeakerPrefix(line: string): { speaker: string; text: string } | null {
  const colon = line.indexOf(':');
  if (colon <= 0 || colon > maxNameLength + 10) return null;
  const after = line.charAt(colon + 1);
  // "1:1 on Tuesday" and "https://…" have colons that do not end a speaker label.
  if (after !== '' && after !== ' ' && after !== '\t' && after !== '\u00a0') return null;
  const speaker = normalizeSpeaker(line.slice(0, colon));
  if (!isSpeakerName(speaker)) return null;
  return { speaker, text: line.slice(colon + 1).trim() };
}
