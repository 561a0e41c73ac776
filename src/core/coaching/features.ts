import { AppError } from '../errors.ts';
import { endsWithTag, sentenceKind } from './features-kind.ts';
import {
  auxiliaries,
  feelingWords,
  fillers,
  greetingWords,
  imperativeVerbs,
  invitationVerbs,
  opinionVerbs,
  reportingVerbs,
  stopWords,
  subjectPronouns,
  timeWords,
  topicCues,
  wantWords,
  whWords,
} from './features-lexicon.ts';
import { findPhrases } from './features-phrases.ts';
import { parseTurn, type Sentence, type TurnParse } from './features-read.ts';
import { countNames, type FeatureSink, NameSink } from './features-sink.ts';

/** The sparse binary features of one turn: one list for the act model, one for the topic model. */
export interface TurnFeatures {
  act: string[];
  topic: string[];
  /** False for a turn with no content word ("Okay.", "Sorry, go on."): its topic is its context's. */
  hasTopic: boolean;
}

const noCues: readonly string[] = [];
const topicFunctionWords = new Set(
  'did was were has have had will would could should if might i you we they feel think want need'.split(' '),
);
// Word → the topic cue features it fires, built once so a turn costs one lookup per word.
const topicCueFeatures = new Map<string, string[]>();
for (const [name, cues] of Object.entries(topicCues)) {
  for (const word of cues) topicCueFeatures.set(word, [...(topicCueFeatures.get(word) ?? []), `cue=${name}`]);
}

/** Turns one utterance into the features both classifiers read, with a single wink pass. */
export function extractFeatures(text: string): TurnFeatures {
  const parse = parseTurn(text);
  const act = new NameSink();
  const topic = new NameSink();
  actFeatures(parse, act);
  const hasTopic = topicFeatures(parse, topic);
  return { act: [...act.names], topic: [...topic.names], hasTopic };
}

/** The act model's features of a turn already read by wink, given to `act`. */
export function actFeatures(parse: TurnParse, act: FeatureSink): void {
  if (!parse.hasTags) throw new AppError('INTERNAL', 'Act features need a turn read with part of speech.');
  const { text, sentences } = parse;
  const kinds = sentences.map(sentenceKind);
  const content = sentences.filter((_, i) => kinds[i] === 'content');
  // The last content sentence decides: "That makes sense. What would you try first?" asks, and
  // advice closed by "does that make sense?" still tells.
  const key = content.at(-1);
  const allWords = parse.words;

  act.addPart('n_words=', bin(allWords.length));
  act.addPart('n_content=', countNames[Math.min(content.length, 3)] as string);
  if (content.length === 0) act.add('only_backchannel');
  if (kinds.includes('tag') || (key !== undefined && endsWithTag(key))) act.add('tag_question');
  if (kinds.includes('check')) act.add(content.length > 0 ? 'check_tag' : 'check_only');
  if (kinds[0] === 'backchannel' && content.length > 0) act.add('backchannel_then_content');
  if (text.includes('?')) act.add('has_qmark');
  // Closing summaries of next steps are lists: "Priya Thursday, the costs by Friday, and…".
  act.addPart('commas=', countNames[Math.min(countChar(text, ','), 3)] as string);
  act.addPart('time_words=', countNames[Math.min(countTimeWords(allWords), 3)] as string);
  if (greetingWords.has(allWords[0] ?? '')) act.add('starts_greeting');
  const trimmed = text.trim();
  if (isDash(trimmed.charAt(trimmed.length - 1))) act.add('trails_off');
  if (isDash(trimmed.charAt(0))) act.add('starts_mid');

  // With one sentence, its "any sentence" features would only repeat the deciding ones.
  if (content.length > 1) for (const s of content) addSentenceFeatures(act, s, 'a_');
  if (key !== undefined) addSentenceFeatures(act, key, 'k_');
  if (key === undefined && sentences.length > 0) {
    for (const w of allWords) act.addPart('bc=', w);
  }

  addNgrams(act, allWords);
  addVoiceFeatures(act, content);
}

/** The topic model's features of a turn, given to `topic`; returns whether it has a topic of its own. */
export function topicFeatures(parse: TurnParse, topic: FeatureSink): boolean {
  const { text, sentences } = parse;
  const allWords = parse.words;
  const hasContent = sentences.some((s) => sentenceKind(s) === 'content');
  const hasTopic = addTopicWords(topic, allWords) > 0 && hasContent;
  // Tense and mood tell status ("did", "was", "today") from plans and options ("would", "if").
  for (const w of allWords) if (topicFunctionWords.has(w)) topic.addPart('fw=', w);
  topic.addPart('time_words=', countNames[Math.min(countTimeWords(allWords), 3)] as string);
  if (/\d/.test(text)) topic.add('digits');
  topic.addPart('n_words=', bin(allWords.length));
  if (!hasContent) topic.add('only_backchannel');
  return hasTopic;
}

const adviceCues = new Set([
  'advice_modal',
  'advice_i_would',
  'advice_why_not',
  'opinion',
  'info',
  'imperative',
  'imperative_neg',
  'lets',
  'generic_subject',
  'concern',
]);

// Whose voice the whole turn is in: a reflection talks about "you" and gives no view of the
// leader's own ("So you've tried the checklist and the reminders…"), telling brings the leader's
// opinion, advice or information in ("I'd…", "You should…", "The policy is…").
function addVoiceFeatures(out: FeatureSink, content: readonly Sentence[]): void {
  if (content.length === 0) return;
  let you = 0;
  let me = 0;
  let hasAdvice = false;
  for (const s of content) {
    for (const w of s.words) {
      if (w === 'you' || w === 'your' || w === 'yourself') you += 1;
      else if (w === 'i' || w === 'me' || w === 'my') me += 1;
    }
    if (!hasAdvice) for (const f of sentenceFeatures(s)) if (adviceCues.has(f)) hasAdvice = true;
  }
  out.add(you > me ? 'voice=you' : me > you ? 'voice=me' : you === 0 ? 'voice=none' : 'voice=even');
  if (!hasAdvice) out.add(you > 0 ? 'no_advice_you' : 'no_advice');
}

function countTimeWords(words: readonly string[]): number {
  let n = 0;
  for (const w of words) if (timeWords.has(w)) n += 1;
  return n;
}

// A sentence's features without prefix; computed once and cached, because the same sentence is
// read as one of all sentences (a_), as the deciding one (k_) and as the first one (f_).
function sentenceFeatures(s: Sentence): string[] {
  if (s.features !== undefined) return s.features;
  const out: string[] = [];
  s.features = out;
  const w = s.words;
  const h = s.head;
  const head = w[h] ?? '';
  const next = w[h + 1] ?? '';
  const headPos = s.pos[h] ?? 'X';
  out.push(`head=${head}`);
  if (s.isQuestion) out.push(`q`);
  if (s.isNegated) out.push(s.isQuestion ? 'negated_q' : 'negated');
  if (s.hasSo) out.push('so');
  const isWh = whWords.has(head);
  const isInverted =
    auxiliaries.has(head) &&
    (subjectPronouns.has(next) || s.pos[h + 1] === 'PROPN' || s.pos[h + 1] === 'DET' || next === 'not');
  if (isWh) out.push(`wh`);
  if (isWh && s.isQuestion) out.push(`wh_q`);
  if (isInverted) out.push(`inverted`);
  if (isInverted && s.isQuestion) out.push(`inverted_q`);
  if (s.isQuestion && !isWh && !isInverted) out.push(`declarative_q`);
  if (!s.isQuestion && !isWh && !isInverted) out.push(`statement`);
  if (w.includes('or') && s.isQuestion) out.push(`or_q`);
  const isImperative =
    (imperativeVerbs.has(head) || headPos === 'VERB') &&
    !subjectPronouns.has(head) &&
    !auxiliaries.has(head) &&
    !isWh &&
    (h === 0 || fillers.has(w[h - 1] ?? '') || w[h - 1] === 'so' || w[h - 1] === 'please');
  if (isImperative)
    out.push(invitationVerbs.has(head) && (next === 'me' || next === 'us') ? 'invite' : 'imperative');
  if (head === 'do' && next === 'not' && !s.isQuestion) out.push(`imperative_neg`);
  if (head === 'let' && next === 'us') out.push(`lets`);
  if (head === 'please' || w.includes('please')) out.push(`please`);

  for (const name of findPhrases(h === 0 ? w : w.slice(h))) out.push(name);

  let you = 0;
  let me = 0;
  let we = 0;
  let feeling = false;
  let want = false;
  let reporting = false;
  let opinion = false;
  for (const word of w) {
    if (word === 'you' || word === 'your' || word === 'yourself') you += 1;
    else if (word === 'i' || word === 'me' || word === 'my') me += 1;
    else if (word === 'we' || word === 'our' || word === 'us') we += 1;
    if (feelingWords.has(word)) feeling = true;
    if (wantWords.has(word)) want = true;
    if (reportingVerbs.has(word)) reporting = true;
    if (opinionVerbs.has(word)) opinion = true;
  }
  if (you > 0) out.push(`you`);
  if (me > 0) out.push(`me`);
  if (we > 0) out.push(`we`);
  if (you > 0 && me === 0) out.push(`you_only`);
  if (you > 0 && feeling) out.push(`you_feeling`);
  if (you > 0 && want) out.push(`you_want`);
  if (you > 0 && reporting) out.push(`you_reporting`);
  if (me > 0 && opinion) out.push(`me_opinion`);
  if (feeling) out.push(`feeling`);
  if (subjectPronouns.has(head) || s.pos[h] === 'PRON') out.push(`subject_first`);
  if (w.length - h >= 3 && !s.pos.some((tag, i) => i >= h && (tag === 'VERB' || tag === 'AUX'))) {
    out.push(`verbless`);
  }
  if (head === 'you') out.push(`you_first`);
  // A question asked after a lead-in: "I'd also like to ask, would you be up for the retro?",
  // "Just so I know, is that still the plan?" — the inversion comes after the head, not at it.
  if (s.isQuestion && !isWh && !isInverted && hasLaterInversion(s)) out.push('embedded_inverted_q');
  return out;
}

const askedPronouns = new Set(['you', 'we', 'i', 'they', 'that', 'it', 'this', 'there']);

function hasLaterInversion(s: Sentence): boolean {
  const w = s.words;
  for (let i = s.head + 2; i < w.length - 1; i += 1) {
    if (
      auxiliaries.has(w[i] ?? '') &&
      askedPronouns.has(w[i + 1] ?? '') &&
      !subjectPronouns.has(w[i - 1] ?? '')
    ) {
      return true;
    }
  }
  return false;
}

function addSentenceFeatures(out: FeatureSink, s: Sentence, prefix: 'a_' | 'k_'): void {
  for (const feature of sentenceFeatures(s)) out.addPart(prefix, feature);
}

// Topic words: content words only, with a crude plural strip, and pairs of neighbouring content
// words. Function words carry the act, not the subject, and would pull every turn to one topic.
function addTopicWords(out: FeatureSink, words: readonly string[]): number {
  let previous = '';
  let count = 0;
  for (const word of words) {
    for (const cue of topicCueFeatures.get(word) ?? noCues) out.add(cue);
    if (stopWords.has(word) || word.length < 2) {
      previous = '';
      continue;
    }
    const stem = word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
    out.addPart('t=', stem);
    if (previous !== '') out.addPair('t2=', previous, stem);
    previous = stem;
    count += 1;
  }
  return count;
}

function addNgrams(out: FeatureSink, words: readonly string[]): void {
  let previous = '<s>';
  for (const word of words) {
    out.addPart('w=', word);
    out.addPair('w2=', previous, word);
    previous = word;
  }
  out.addPair('w2=', previous, '</s>');
}

function isDash(char: string): boolean {
  return char === '-' || char === '–' || char === '—';
}

function countChar(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) n += 1;
  return n;
}

function bin(n: number): string {
  if (n <= 2) return countNames[n] as string;
  if (n <= 4) return '3-4';
  if (n <= 8) return '5-8';
  if (n <= 16) return '9-16';
  if (n <= 32) return '17-32';
  return '33+';
}
