import { backchannelWords, tagWords } from './features-lexicon.ts';
import type { Sentence, SentenceKind } from './features-read.ts';

const checkTags = new Set([
  'is that right',
  'is that fair',
  'is that correct',
  'is that it',
  'have i got that right',
  'did i get that right',
  'am i right',
  'is that what you mean',
  'is that what you meant',
]);

// Both models read each sentence's kind; it is worked out once and kept on the sentence.
/** What a sentence does for the act: backchannel, tag, check of the sentence before, or content. */
export function sentenceKind(s: Sentence): SentenceKind {
  s.kind ??= readSentenceKind(s);
  return s.kind;
}

function readSentenceKind(s: Sentence): SentenceKind {
  if (s.words.every((w) => backchannelWords.has(w))) {
    return s.isQuestion && s.words.length <= 3 && s.words.some((w) => tagWords.has(w))
      ? 'tag'
      : 'backchannel';
  }
  if (!s.isQuestion) return 'content';
  const joined = s.words.join(' ');
  if (/^(does|do) that (make sense|work|sound ok|sound okay|sound good|help)/.test(joined)) return 'tag';
  if (/^(make sense|sound good|sounds good|fair|you know|got it)$/.test(joined)) return 'tag';
  // "So the supplier is the problem. Is that right?" checks the sentence before it.
  if (checkTags.has(joined)) return 'check';
  return 'content';
}

/** Whether a question closes with a tag ("…, right?", "…, you know?"). */
export function endsWithTag(s: Sentence): boolean {
  if (!s.isQuestion || s.words.length < 4) return false;
  const last = s.words.at(-1) ?? '';
  const last2 = s.words.slice(-2).join(' ');
  return tagWords.has(last) || last2 === 'you know' || last2 === 'is not' || last2 === 'do not';
}
