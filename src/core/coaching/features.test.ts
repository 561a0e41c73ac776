import { describe, expect, it } from 'vitest';
import { actFeatures, extractFeatures, topicFeatures } from './features.ts';
import { parseTurn, parseTurnTopic } from './features-read.ts';
import { NameSink } from './features-sink.ts';

describe('extractFeatures', () => {
  it('lets the last real sentence decide: advice closed by "does that make sense?" stays advice', () => {
    const { act } = extractFeatures('You should call the client first. Does that make sense?');
    expect(act).toContain('tag_question');
    expect(act).toContain('k_advice_modal');
    expect(act).not.toContain('k_q');
  });

  it('reads the final question of a turn that starts with a statement', () => {
    const { act } = extractFeatures('That makes sense. What would you try first?');
    expect(act).toContain('k_wh_q');
    expect(act).toContain('backchannel_then_content');
  });

  it('skips fillers to find the head of a sentence', () => {
    const { act } = extractFeatures('Um, so, okay, what happened on Tuesday?');
    expect(act).toContain('k_head=what');
    expect(act).toContain('k_so');
  });

  it('sees an imperative and an auxiliary inversion', () => {
    expect(extractFeatures('Send me the numbers by Friday.').act).toContain('k_imperative');
    expect(extractFeatures('Did the fix go out?').act).toContain('k_inverted_q');
  });

  it('marks a turn of backchannel only, which has no topic of its own', () => {
    const features = extractFeatures('Mm-hmm. Okay.');
    expect(features.act).toContain('only_backchannel');
    expect(features.hasTopic).toBe(false);
  });

  it('gives a content turn topic words and cues', () => {
    const features = extractFeatures('I want to get better at presenting to the board.');
    expect(features.hasTopic).toBe(true);
    expect(features.topic).toContain('t=presenting');
  });

  it('gives a turn read for its topic alone the same topic features as a full reading', () => {
    const text = "Honestly? The a/b test (v2) failed — again… so I'll re-run it by Friday, 9/12. Okay.";
    const full = new NameSink();
    const light = new NameSink();
    expect(topicFeatures(parseTurnTopic(text), light)).toBe(topicFeatures(parseTurn(text), full));
    expect([...light.names]).toEqual([...full.names]);
    expect(parseTurnTopic(text).words).toEqual(parseTurn(text).words);
  });

  it('refuses act features from a reading without part of speech', () => {
    expect(() => actFeatures(parseTurnTopic('What would you try first?'), new NameSink())).toThrow();
  });
});
