// Multi-word cues of the act classifier ("sounds like", "why don't you", "walk me through"),
// matched word by word on a sentence from its head. Written as templates with "(a|b)" choices and
// "(…)?" options, expanded once at load into plain word sequences and indexed by first word, so
// a sentence costs a Map lookup per word instead of a regular expression per cue.

interface PhraseRule {
  name: string;
  /** Only at the head of the sentence. */
  isAnchored: boolean;
  templates: string[];
}

const rule = (name: string, templates: string, isAnchored = false): PhraseRule => ({
  name,
  isAnchored,
  templates: templates.split(';').map((t) => t.trim()),
});

// Words are wink's normal forms: "don't" → "do not", "I'd" → "i would", "let's" → "let us".
const rules: PhraseRule[] = [
  rule('do_you_think', 'do you (think|reckon|feel|believe)'),
  rule('would_could_you', '(would|could|can|will) you'),
  rule('what_if', 'what if; how about; what about'),
  rule(
    'curious',
    'i (am|was) (just|really|kind of)? (curious|wondering); i (just)? wonder; i would (love|like) to (know|hear|understand)',
  ),
  rule('reflect_sounds', '(sounds|sounded|sounding|seems|seemed|looks) (like|as if|as though)'),
  rule(
    'reflect_you_are',
    '(so)? you (typically|usually|probably|always|never|already|actually|also)? (are|were|have been|have|had|feel|felt|seem|sound|mean|do not|did not|would|want|wanted|need|care|really|still|just|kind of|sort of|think|know|got|get|go|went|like|love|hate|noticed|notice|tried|managed|made|decided)',
    true,
  ),
  rule(
    'reflect_hearing',
    'what i am hearing; what i hear; i am hearing; i hear you; if i understand; in other words; let me see if; if i have got; what you are saying; you are saying; you said; you mentioned; you have said; am i hearing; am i right',
  ),
  rule('reflect_part', 'part of you; on (the)? one hand; on the other hand; for you; to you'),
  rule(
    'reflect_it_is',
    'it is; that is; this is; it has been; that has been; it was; that was; it feels; that feels; there is a',
    true,
  ),
  rule(
    'advice_modal',
    'you (should|could|might want to|may want to|need to|have to|must|ought to|will want to)',
  ),
  rule(
    'advice_i_would',
    'i would; if i were you; i will; i suggest; i recommend; my advice; my suggestion; i want you to; i need you to; i would like you to; i would love for you to',
  ),
  rule(
    'advice_why_not',
    'why do not you; why not; make sure; be sure to; try to; it would be (good|great|worth|better); the best (way|thing); it might be worth; worth (a|trying|doing); maybe (try|just|you|we)',
  ),
  rule('have_you_tried', 'have you (tried|thought about|considered|looked at|talked to|asked)'),
  rule(
    'opinion',
    'i think; i believe; i guess; i feel like; in my experience; my view; honestly; to be honest; frankly; personally; i would say; my take; i reckon; i know',
  ),
  rule(
    'info',
    'the (policy|process|rule|deadline|plan|budget|team) is; we are going to; we will; we have; there will be; the way it works; fyi; heads up; just so you know; for context; according to; what we call; we call it; did you know; (we|they) (usually|generally|strongly)? (recommend|advise|suggest); is recommended; the recommendation',
  ),
  // The leader's own worry is a view brought in, not the report's feeling said back: "I'm
  // concerned about the late shipments" tells, "You're concerned about…" reflects.
  rule(
    'concern',
    'i am (a bit|a little|really|quite|very|slightly)? (concerned|worried); my (concern|worry|worries); the (concern|worry) i have; what concerns me; what worries me; it concerns me; it worries me',
  ),
  rule(
    'structuring',
    'let us (move|go|start|switch|jump|get|come|circle|wrap|park|take); moving on; next (item|topic|thing); before we (wrap|finish|end|go); shall we; to wrap up; back to; we are (at|out of) time',
  ),
  rule(
    'thanks',
    'thank; thanks; appreciate (it|that|you); good to see; nice to see; have a good; see you; talk (soon|later|next); good morning; hello; hi; hey',
  ),
  rule(
    'praise',
    '(good|great) (job|work|point|call|question); well done; nice (work|job|one); love that; that is great; that is fair; fair point',
  ),
  rule(
    'tell_me',
    'tell me; walk me through; talk me through; help me understand; say more; share more; describe; explain',
  ),
  rule(
    'generic_subject',
    'people; someone; somebody; most (people|teams|managers); a lot of (people|teams|managers); research; studies; the data; the evidence; we know; (it|that|this|they) can; it will; it would',
  ),
  rule('you_can', 'you (can|will|would|may|could|just|gotta|got to|are going to|are gonna)'),
  rule(
    'we_i_can',
    '(i|we) (can|could|will|would be happy to|am going to|are going to|would like to|want to)',
  ),
  rule('let_me', 'let me; allow me; i want to; i would like to; i wanted to'),
  rule(
    'number',
    'one; two; three; four; five; six; seven; eight; nine; ten; twenty; thirty; hundred; percent; half',
  ),
  rule(
    'fact_q',
    'when; how (many|much|long|big|far|soon|old); what (time|day|date|number|percentage); what about',
    true,
  ),
  rule('scale', 'scale of; on a scale; out of (ten|10)'),
  rule('anything_else', 'anything else; what else; something else; anything more'),
  rule('how_was', 'how (was|is|are|did|does|do|has|have)'),
  rule('is_there', 'is there; are there; was there; were there; any', true),
  rule('can_i', 'can i; could i; may i; do you mind if; would it be ok; is it ok; is it okay', true),
];

// A word trie of all expanded phrases: matching walks it from each word of the sentence, so the
// cost follows the words that match, not the number of phrases.
interface TrieNode {
  children: Map<string, TrieNode>;
  /** Cues whose phrase ends at this node, matched anywhere. */
  names: string[];
  /** Cues whose phrase ends at this node, matched only from the head of the sentence. */
  anchoredNames: string[];
}

const newNode = (): TrieNode => ({ children: new Map(), names: [], anchoredNames: [] });

/** Expands "a (b|c d)? e" into every word sequence it stands for. */
export function expandTemplate(template: string): string[][] {
  const parsed = parseSequence(template, 0, ')');
  return parsed.options.map((words) => words.filter((w) => w !== ''));
}

function parseSequence(text: string, start: number, closer: string): { options: string[][]; end: number } {
  let alternatives: string[][][] = [[[]]];
  let i = start;
  let word = '';
  const pushWord = (): void => {
    if (word === '') return;
    const w = word;
    alternatives[alternatives.length - 1] = (alternatives.at(-1) ?? [[]]).map((seq) => [...seq, w]);
    word = '';
  };
  while (i < text.length && text[i] !== closer) {
    const ch = text[i] as string;
    if (ch === '(') {
      pushWord();
      const inner = parseSequence(text, i + 1, ')');
      i = inner.end + 1;
      const isOptional = text[i] === '?';
      if (isOptional) i += 1;
      const choices = isOptional ? [[], ...inner.options] : inner.options;
      alternatives[alternatives.length - 1] = (alternatives.at(-1) ?? [[]]).flatMap((seq) =>
        choices.map((choice) => [...seq, ...choice]),
      );
      continue;
    }
    if (ch === '|') {
      pushWord();
      alternatives = [...alternatives, [[]]];
    } else if (ch === ' ') pushWord();
    else word += ch;
    i += 1;
  }
  pushWord();
  return { options: alternatives.flat(), end: i };
}

const root = newNode();
for (const r of rules) {
  for (const template of r.templates) {
    for (const words of expandTemplate(template)) {
      let node = root;
      for (const word of words) {
        let child = node.children.get(word);
        if (child === undefined) {
          child = newNode();
          node.children.set(word, child);
        }
        node = child;
      }
      const list = r.isAnchored ? node.anchoredNames : node.names;
      if (!list.includes(r.name)) list.push(r.name);
    }
  }
}

const factTargets = new Set(['the', 'your', 'our']);
const factEnds = new Set(['at', 'count', 'number', 'rate', 'total']);

/** Names of the cues found in a sentence's words (from its head on), each name once. */
export function findPhrases(words: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (let i = 0; i < words.length; i += 1) {
    const code = (words[i] as string).charCodeAt(0);
    if (code >= 48 && code <= 57) found.add('number');
    let node = root.children.get(words[i] as string);
    for (let j = i + 1; node !== undefined; j += 1) {
      for (const name of node.names) found.add(name);
      if (i === 0) for (const name of node.anchoredNames) found.add(name);
      if (j >= words.length) break;
      node = node.children.get(words[j] as string);
    }
  }
  // "What is the backlog at?" asks for one fact, whatever sits between.
  if (words[0] === 'what' && words[1] === 'is' && factTargets.has(words[2] ?? '')) {
    if (words.slice(3).some((w) => factEnds.has(w))) found.add('fact_q');
  }
  return found;
}
