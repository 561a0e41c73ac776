/** One figure a benchmark reports, optionally beside a baseline measured in the same run. */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  /** value / baseline (or the inverse where lower is better, as the benchmark says). */
  ratio?: number;
  target?: string;
  isMet?: boolean;
}

export async function timeIt<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/**
 * Drives a URL (GET, or POST of a JSON body) with `connections` concurrent loops for `seconds` on
 * loopback; returns requests per second, latency percentiles and the count of non-2xx answers.
 */
export async function load(
  url: string,
  options: {
    seconds: number;
    connections: number;
    headers?: Record<string, string>;
    /** A JSON body sent as a POST; without it, a GET. */
    body?: unknown;
  },
): Promise<{ rps: number; p50: number; p99: number; errors: number; requests: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + options.seconds * 1000;
  const request: RequestInit =
    options.body === undefined
      ? { headers: options.headers }
      : {
          method: 'POST',
          headers: { ...options.headers, 'content-type': 'application/json' },
          body: JSON.stringify(options.body),
        };
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < deadline) {
        const started = performance.now();
        const response = await fetch(url, request);
        await response.arrayBuffer();
        latencies.push(performance.now() - started);
        if (!response.ok) errors++;
      }
    }),
  );
  return {
    rps: latencies.length / options.seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors,
    requests: latencies.length,
  };
}

const columns = { figure: 78, value: 14, baseline: 40, ratio: 7, target: 10 };

/** The table's column names, printed once at the top of a run. */
export function printHeader() {
  console.log(
    `${'figure'.padEnd(columns.figure)} ${'value'.padStart(columns.value)}  ${'baseline (same run)'.padEnd(columns.baseline)} ${'ratio'.padStart(columns.ratio)}  ${'target'.padEnd(columns.target)} met`,
  );
}

/** One section of the table: a title, then a row per figure with its baseline, ratio and target. */
export function printFigures(title: string, figures: BenchFigure[]) {
  console.log(`\n${title}`);
  for (const figure of figures) {
    const baseline = figure.baseline
      ? `${format(figure.baseline.value)} ${figure.unit} ${figure.baseline.name}`
      : '';
    const ratio = figure.ratio === undefined ? '' : figure.ratio.toFixed(2);
    const isMet = figure.isMet === undefined ? '' : figure.isMet ? 'met' : 'NOT MET';
    console.log(
      `  ${figure.name.padEnd(columns.figure - 2)} ${`${format(figure.value)} ${figure.unit}`.padStart(columns.value)}  ${baseline.padEnd(columns.baseline)} ${ratio.padStart(columns.ratio)}  ${(figure.target ?? '').padEnd(columns.target)} ${isMet}`,
    );
  }
}

function format(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en') : value.toFixed(2);
}
