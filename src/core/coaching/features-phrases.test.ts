import { describe, expect, it } from 'vitest';
import { expandTemplate, findPhrases } from './features-phrases.ts';

const words = (text: string): string[] => text.split(' ');

describe('expandTemplate', () => {
  it('expands choices and optional groups into every word sequence', () => {
    expect(expandTemplate('on (the)? one hand').map((w) => w.join(' '))).toEqual([
      'on one hand',
      'on the one hand',
    ]);
    expect(expandTemplate('(good|great) (job|call)').map((w) => w.join(' '))).toEqual([
      'good job',
      'good call',
      'great job',
      'great call',
    ]);
  });
});

describe('findPhrases', () => {
  it('finds a reflection stem anywhere in the sentence', () => {
    expect(findPhrases(words('okay it sounds like you felt left out'))).toContain('reflect_sounds');
  });

  it('finds anchored cues only at the head of the sentence', () => {
    expect(findPhrases(words('you are worried about the launch'))).toContain('reflect_you_are');
    expect(findPhrases(words('i know you are worried about the launch'))).not.toContain('reflect_you_are');
  });

  it('recognises advice given as a question', () => {
    expect(findPhrases(words('why do not you call them first'))).toContain('advice_why_not');
    expect(findPhrases(words('have you tried asking the supplier'))).toContain('have_you_tried');
  });

  it('treats "what is the backlog at" as a question for one fact', () => {
    expect(findPhrases(words('what is the backlog at'))).toContain('fact_q');
    expect(findPhrases(words('what is the plan'))).not.toContain('fact_q');
  });

  it("tells the leader's own concern from the report's concern said back", () => {
    expect(findPhrases(words('i am a bit concerned about the returns'))).toContain('concern');
    expect(findPhrases(words('my concern is the client'))).toContain('concern');
    expect(findPhrases(words('you are concerned about the returns'))).not.toContain('concern');
  });

  it('sees information attributed to a source or to what is usually recommended', () => {
    expect(findPhrases(words('according to the handbook you get a day off'))).toContain('info');
    expect(findPhrases(words('we usually recommend weekly one-on-ones'))).toContain('info');
  });

  it('marks numbers written in digits or words', () => {
    expect(findPhrases(words('we shipped 40 orders'))).toContain('number');
    expect(findPhrases(words('about three weeks'))).toContain('number');
  });
});
