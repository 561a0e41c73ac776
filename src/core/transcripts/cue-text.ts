import { normalizeSpeaker, splitSpeakerPrefix } from './speaker-name.ts';

/** A run of cue text with the speaker it names, or null when the cue does not say who spoke. */
export interface Segment {
  speaker: string | null;
  text: string;
}

/**
 * Splits one cue's text into speaker segments. Teams names speakers with `<v Name>` voice spans,
 * Zoom and most SRT tools with a `Name:` prefix on the cue's first line. Later lines of a cue are
 * read as a new speaker only when that name was already seen, so "Here's the thing: …" stays text.
 */
export function readCueText(lines: readonly string[], knownSpeakers: ReadonlySet<string>): Segment[] {
  const segments: Segment[] = [];
  let isFirstLine = true;
  for (const piece of splitVoices(stripPositionCodes(lines.join('\n')))) {
    if (piece.voice !== null) {
      segments.push({
        speaker: normalizeSpeaker(decodeEntities(piece.voice)),
        text: decodeEntities(piece.text),
      });
      isFirstLine = false;
      continue;
    }
    for (const line of piece.text.split('\n')) {
      const decoded = decodeEntities(line);
      if (decoded.trim() === '') continue;
      const prefix = splitSpeakerPrefix(decoded.trim());
      const last = segments.at(-1);
      if (prefix && (isFirstLine || knownSpeakers.has(prefix.speaker))) {
        segments.push({ speaker: prefix.speaker, text: prefix.text });
      } else if (last) {
        // Text after a closing </v> or on a later line belongs to whoever spoke last in the cue.
        last.text += ` ${decoded}`;
      } else {
        segments.push({ speaker: null, text: decoded });
      }
      isFirstLine = false;
    }
  }
  return segments
    .map((segment) => ({ speaker: segment.speaker || null, text: cleanText(segment.text) }))
    .filter((segment) => segment.text !== '');
}

interface VoicePiece {
  voice: string | null;
  text: string;
}

/**
 * Walks the cue text once, so a line full of stray `<` cannot make it quadratic. Voice spans
 * become pieces; every other tag (`<i>`, `<c.yellow>`, `<00:01.000>`) is dropped.
 */
function splitVoices(text: string): VoicePiece[] {
  const pieces: VoicePiece[] = [];
  let voice: string | null = null;
  let buffer = '';
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('<', i);
    if (open === -1) {
      buffer += text.slice(i);
      break;
    }
    buffer += text.slice(i, open);
    // Tags never span lines or nest: a "<" or line break before the ">" makes this "<" literal.
    let close = open + 1;
    while (close < text.length && text[close] !== '>' && text[close] !== '<' && text[close] !== '\n') close++;
    if (text[close] !== '>') {
      buffer += text.slice(open, close);
      i = close;
      continue;
    }
    const tag = text.slice(open + 1, close);
    const kind = tagKind(tag);
    if (kind === 'literal') buffer += `<${tag}>`;
    else if (kind === 'voice-start' || kind === 'voice-end') {
      if (buffer !== '') pieces.push({ voice, text: buffer });
      buffer = '';
      voice = kind === 'voice-start' ? tag.replace(/^v(?:\.[^\s]*)?\s*/, '').trim() : null;
    }
    i = close + 1;
  }
  if (buffer !== '') pieces.push({ voice, text: buffer });
  return pieces;
}

function tagKind(tag: string): 'voice-start' | 'voice-end' | 'other' | 'literal' {
  if (/^v(?:[\s.]|$)/.test(tag)) return 'voice-start';
  if (/^\/v\s*$/.test(tag)) return 'voice-end';
  if (/^\/?[a-zA-Z0-9]/.test(tag)) return 'other';
  return 'literal';
}

const namedEntities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  nbsp: ' ',
  quot: '"',
  apos: "'",
  lrm: '',
  rlm: '',
};

/** Decodes the character references WebVTT allows (`&amp;`, `&lt;`, `&gt;`, `&nbsp;` and numeric ones). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/g,
    (whole, dec, hex, name) => {
      if (name !== undefined) return namedEntities[name] ?? whole;
      const code = dec !== undefined ? Number(dec) : Number.parseInt(hex, 16);
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
      return code < 0x20 ? ' ' : String.fromCodePoint(code);
    },
  );
}

/** Removes the positioning codes (`{\an8}`) SRT files carry over from ASS subtitles. */
function stripPositionCodes(text: string): string {
  return text.includes('{\\') ? text.replace(/\{\\[^}\n]*\}/g, '') : text;
}

/** Folds whitespace, including line breaks inside a cue. */
function cleanText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
