import { analyzeMeeting } from '../src/core/coaching/analyze-meeting.ts';
import { its, nlp } from '../src/core/coaching/nlp.ts';
import { buildBenchTranscript } from './analyser-transcript.ts';
import { type BenchFigure, median, printFigures } from './support.ts';

/**
 * The analyser on a 60-minute, 9,000-word 1:1: its median time (target under 100 ms) and its
 * throughput beside wink-nlp's own pipeline (tokens, sentences, part of speech) on the same text,
 * measured in the same run (target: at least half of wink's words per second).
 */
export async function runAnalyserBench(options: { quick: boolean }): Promise<BenchFigure[]> {
  const runs = options.quick ? 5 : 15;
  const utterances = buildBenchTranscript();
  const text = utterances.map((u) => u.text).join('\n');
  const words = text.split(/\s+/).length;
  const minutes = (utterances.at(-1)?.end ?? 0) / 60;

  const analyse = () => analyzeMeeting({ utterances, leader: 'Sam Rivera' });
  const wink = () => {
    const doc = nlp.readDoc(text);
    doc.tokens().out();
    doc.sentences().out();
    doc.tokens().out(its.pos);
  };
  // Five warm-ups each, so compilation is not counted against either (the analyser's many small
  // functions take a few runs to be optimized; wink's loops one); then the two alternate, so a
  // burst of load on a shared machine falls on both alike.
  for (let i = 0; i < 5; i += 1) {
    analyse();
    wink();
  }
  const analyserTimes: number[] = [];
  const winkTimes: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    analyserTimes.push(timeOnce(analyse));
    winkTimes.push(timeOnce(wink));
  }
  const analyserMs = median(analyserTimes);
  const winkMs = median(winkTimes);
  const analyserRate = words / (analyserMs / 1000);
  const winkRate = words / (winkMs / 1000);
  const ratio = analyserRate / winkRate;
  return [
    {
      name: `analyzeMeeting, ${Math.round(minutes)}-minute 1:1 (${words} words), median of ${runs}`,
      value: analyserMs,
      unit: 'ms',
      target: '< 100 ms',
      isMet: analyserMs < 100,
    },
    {
      name: 'analyser throughput',
      value: analyserRate,
      unit: 'words/s',
      baseline: { name: 'wink-nlp tokens+sentences+POS', value: winkRate },
      ratio,
      target: '≥ 0.5',
      isMet: ratio >= 0.5,
    },
  ];
}

function timeOnce(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

if (import.meta.main) {
  printFigures('Coaching analyser', await runAnalyserBench({ quick: process.argv.includes('--quick') }));
}
