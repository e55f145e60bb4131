// Metric registries fed by real events (loads, rows, bytes, requests, txns),
// and the three output forms each node serves (catalog §8): Prometheus text,
// `?type=json`, `?type=core`. FE and BE differ in HELP lines, label
// separators and prefixes; the writers take that from the node kind.

export type MetricType = 'counter' | 'gauge';

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

/** The BE's PrometheusMetricsVisitor: TYPE only, labels joined by `,`. */
export function bePrometheus(reg: MetricRegistry, prefix: string): string {
  const out: string[] = [];
  for (const f of reg.families.values()) {
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
    if (f.help === '\u0000') continue;
    for (const s of reg.samples(f)) {
      const tags: Record<string, string> = { metric: f.name };
      for (const [k, v] of s.labels) tags[k] = v;
      items.push(JSON.stringify({ tags, unit: f.unit, value: f.double ? Number(s.value) : Math.trunc(s.value) }));
    }
  }
  if (!feStyle) return `[${items.join(',')}]`;
  return items.length === 0 ? '[]' : `[\n${items.join(',\n')}\n]`;
}
