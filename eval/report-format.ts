import type { ClassificationReport } from '../src/core/coaching/evaluation-metrics.ts';

const pct = (x: number): string => (x * 100).toFixed(1).padStart(5);

/** A classification report as a plain-text block: headline, per-class table, confusion matrix. */
export function formatReport(title: string, report: ClassificationReport): string {
  const width = Math.max(8, ...report.labels.map((l) => l.length)) + 2;
  const lines = [
    `${title}: n=${report.total}  accuracy ${pct(report.accuracy)}%  macro-F1 ${report.macroF1.toFixed(3)}`,
    `  ${'class'.padEnd(width)} precision  recall     F1  support`,
  ];
  for (const s of report.perClass) {
    lines.push(
      `  ${s.label.padEnd(width)}    ${pct(s.precision)}   ${pct(s.recall)}  ${s.f1.toFixed(3)}  ${String(s.support).padStart(7)}`,
    );
  }
  const short = report.labels.map((l) => l.slice(0, 9));
  lines.push(`  confusion (rows gold, columns predicted)`);
  lines.push(`  ${''.padEnd(width)}${short.map((l) => l.padStart(10)).join('')}`);
  report.confusion.forEach((row, i) => {
    lines.push(
      `  ${(report.labels[i] ?? '').padEnd(width)}${row.map((n) => String(n).padStart(10)).join('')}`,
    );
  });
  return lines.join('\n');
}
