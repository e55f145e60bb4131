// Metric registries fed by real events (loads, rows, bytes, requests, txns),
// and the three output forms each node serves (catalog §8): Prometheus text,
// `?type=json`, `?type=core`. FE and BE differ in HELP lines, label
// separators and prefixes; the writers take that from the node kind.

export type MetricType = 'counter' | 'gauge' | 'summary';

/** The quantiles the FE's Codahale histograms print (PrometheusMetricVisitor.visitHistogram). */
export const SUMMARY_QUANTILES = ['0.75', '0.95', '0.98', '0.99', '0.999'];
/** Observations a summary keeps (a sliding window, as the FE's reservoir is). */
const SUMMARY_WINDOW = 1028;

export interface MetricFamily {
  name: string;
  type: MetricType;
  unit: string;
  help: string;
  /** Full Prometheus name without the node prefix (JVM and node_info metrics). */
  noPrefix?: boolean;
  samples: Map<string, { labels: [string, string][]; value: number }>;
  /** Computed on read (gauges of live state). */
  read?: () => { labels: [string, string][]; value: number }[];
  /** Printed as a double (`0.0`). */
  double?: boolean;
  /** Summaries: the latest observations, their count and sum. */
  observations?: { window: number[]; count: number; sum: number };
}

export class MetricRegistry {
  readonly families = new Map<string, MetricFamily>();

  define(name: string, type: MetricType, unit: string, help: string, opts: { noPrefix?: boolean; double?: boolean; read?: MetricFamily['read'] } = {}): MetricFamily {
    let f = this.families.get(name);
    if (!f) {
      f = { name, type, unit, help, samples: new Map(), ...opts };
      this.families.set(name, f);
    }
    return f;
  }

  /** A histogram the FE prints as a Prometheus summary with an empty HELP. */
  defineSummary(name: string, unit: string): MetricFamily {
    const f = this.define(name, 'summary', unit, '');
    f.observations ??= { window: [], count: 0, sum: 0 };
    return f;
  }

  observe(name: string, value: number): void {
    const o = this.families.get(name)?.observations;
    if (!o) throw new Error(`summary ${name} is not defined`);
    o.window.push(value);
    if (o.window.length > SUMMARY_WINDOW) o.window.shift();
    o.count++;
    o.sum += value;
  }

  inc(name: string, by = 1, labels: [string, string][] = []): void {
    const f = this.families.get(name);
    if (!f) throw new Error(`metric ${name} is not defined`);
    const k = labels.map(([a, b]) => `${a}=${b}`).join(',');
    const s = f.samples.get(k);
    if (s) s.value += by;
    else f.samples.set(k, { labels, value: by });
  }

  set(name: string, value: number, labels: [string, string][] = []): void {
    this.inc(name, 0, labels);
    const k = labels.map(([a, b]) => `${a}=${b}`).join(',');
    this.families.get(name)!.samples.get(k)!.value = value;
  }

  value(name: string, labels: [string, string][] = []): number {
    const k = labels.map(([a, b]) => `${a}=${b}`).join(',');
    return this.families.get(name)?.samples.get(k)?.value ?? 0;
  }

  samples(f: MetricFamily): { labels: [string, string][]; value: number }[] {
    return f.read ? f.read() : [...f.samples.values()];
  }
}

function num(v: number, double: boolean | undefined): string {
  if (double) return Number.isInteger(v) ? `${v}.0` : String(v);
  return String(Math.trunc(v));
}

/** PrometheusMetricVisitor (FE): HELP + TYPE, labels joined by `, `. */
export function fePrometheus(reg: MetricRegistry, prefix: string): string {
  const out: string[] = [];
  for (const f of reg.families.values()) {
    const name = f.noPrefix ? f.name : prefix + f.name;
    if (f.observations) {
      out.push(`# HELP ${name} `, `# TYPE ${name} summary`);
      const sorted = [...f.observations.window].sort((a, b) => a - b);
      for (const q of SUMMARY_QUANTILES) out.push(`${name}{quantile="${q}"} ${num(quantile(sorted, Number(q)), true)}`);
      out.push(`${name}_sum ${num(f.observations.sum, true)}`, `${name}_count ${f.observations.count}`);
      continue;
    }
    const samples = reg.samples(f);
    if (samples.length === 0) continue;
    if (f.help !== '\u0000') out.push(`# HELP ${name} ${f.help}`);
    out.push(`# TYPE ${name} ${f.type}`);
    for (const s of samples) {
      const labels = s.labels.length ? `{${s.labels.map(([k, v]) => `${k}="${v}"`).join(', ')}}` : '';
      out.push(`${name}${labels} ${num(s.value, f.double)}`);
    }
  }
  return out.join('\n') + '\n';
}

/** Codahale's Snapshot.getValue: the value at quantile q of the sorted window (0 when empty). */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = q * (sorted.length + 1);
  if (pos < 1) return sorted[0]!;
  if (pos >= sorted.length) return sorted[sorted.length - 1]!;
  const lower = sorted[Math.floor(pos) - 1]!;
  const upper = sorted[Math.floor(pos)]!;
  return lower + (pos - Math.floor(pos)) * (upper - lower);
}

/** The BE's PrometheusMetricsVisitor: TYPE only, labels joined by `,`. */
export function bePrometheus(reg: MetricRegistry, prefix: string): string {
  const out: string[] = [];
  for (const f of reg.families.values()) {
    if (f.observations) continue;
    const samples = reg.samples(f);
    if (samples.length === 0) continue;
    const name = prefix + f.name;
    out.push(`# TYPE ${name} ${f.type}`);
    for (const s of samples) {
      const labels = s.labels.length ? `{${s.labels.map(([k, v]) => `${k}="${v}"`).join(',')}}` : '';
      out.push(`${name}${labels} ${num(s.value, f.double)}`);
    }
  }
  return out.join('\n') + '\n';
}

/** `?type=json`: one object per sample; names without prefix. FE puts each on its own line. */
export function metricsJson(reg: MetricRegistry, feStyle: boolean): string {
  const items: string[] = [];
  for (const f of reg.families.values()) {
    if (f.help === '\u0000' || f.observations) continue;
    for (const s of reg.samples(f)) {
      const tags: Record<string, string> = { metric: f.name };
      for (const [k, v] of s.labels) tags[k] = v;
      items.push(JSON.stringify({ tags, unit: f.unit, value: f.double ? Number(s.value) : Math.trunc(s.value) }));
    }
  }
  if (!feStyle) return `[${items.join(',')}]`;
  return items.length === 0 ? '[]' : `[\n${items.join(',\n')}\n]`;
}
