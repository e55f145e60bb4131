// CurrentMetrics: the server's gauges, as system.metrics lists them. Like
// ClickHouse's (one array of atomics per process) the gauges are per
// process; a gauge is held for as long as the thing it counts lives.

const gauges = new Map<string, number>();

/** CurrentMetrics::Increment: adds one now, takes it back when released (once). */
export function holdMetric(name: string): () => void {
  gauges.set(name, (gauges.get(name) ?? 0) + 1);
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    gauges.set(name, (gauges.get(name) ?? 1) - 1);
  };
}

export function metricValue(name: string): number {
  return gauges.get(name) ?? 0;
}
