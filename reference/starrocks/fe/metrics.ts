// GET /metrics (no auth): Prometheus text with HELP+TYPE, `?type=json`,
// `?type=core`; gzip/deflate when the client accepts it (the FE compresses
// only /metrics).

import { deflateSync, gzipSync } from 'node:zlib';
import v8 from 'node:v8';
import type { Router } from '../http/router.ts';
import { fePrometheus, metricsJson, quantile } from '../cluster/metrics.ts';
import { maxCompactionScore } from '../cluster/cluster.ts';
import type { Cluster } from '../cluster/cluster.ts';
import { feSend, restAction } from './action.ts';
import type { FeDeps, FeHandler } from './action.ts';

function core(c: Cluster): string {
  const h = v8.getHeapStatistics();
  const pct = (n: number): string => (h.heap_size_limit > 0 ? ((n / h.heap_size_limit) * 100).toFixed(1) : '0.0');
  const thread = c.feMetrics.samples(c.feMetrics.families.get('jvm_thread')!)[0]!.value;
  const latencies = [...(c.feMetrics.families.get('query_latency_ms')?.observations?.window ?? [])].sort((a, b) => a - b);
  const lines = [
    `jvm_young_used_percent DOUBLE ${pct(h.used_heap_size / 4)}`,
    `jvm_old_used_percent DOUBLE ${pct(h.used_heap_size)}`,
    `jvm_thread LONG ${thread}`,
    `starrocks_fe_max_journal_id LONG ${c.journal.maxJournalId}`,
    `starrocks_fe_connection_total LONG ${c.connections.size}`,
    'starrocks_fe_qps DOUBLE 0.00',
    'starrocks_fe_rps DOUBLE 0.00',
    'starrocks_fe_query_err_rate DOUBLE 0.00',
    `starrocks_fe_max_tablet_compaction_score LONG ${maxCompactionScore(c)}`,
    ...(['75', '95', '99'] as const).map((q) => `starrocks_fe_query_latency_ms_${q} LONG ${Math.round(quantile(latencies, Number(q) / 100))}`),
    `starrocks_fe_frontend_dead_num ${c.frontends.filter((f) => !f.alive).length}`,
    `starrocks_fe_backend_dead_num ${c.backends.filter((b) => !b.alive).length}`,
    'starrocks_fe_broker_dead_num 0',
  ];
  return lines.join('\n') + '\n';
}

export function registerMetrics(router: Router<FeHandler>, deps: FeDeps): void {
  router.add('GET', '/metrics', restAction(deps, 'none', (x) => {
    const c = deps.cluster;
    const type = x.query.get('type');
    const text = type === 'core' ? core(c) : type === 'json' ? metricsJson(c.feMetrics, true) : fePrometheus(c.feMetrics, 'starrocks_fe_');
    const accept = (x.header('accept-encoding') ?? '').toLowerCase();
    if (/\bgzip\b/.test(accept)) return feSend(x, gzipSync(text), { contentType: 'text/plain', headers: { 'Content-Encoding': 'gzip' } });
    if (/\bdeflate\b/.test(accept)) return feSend(x, deflateSync(text), { contentType: 'text/plain', headers: { 'Content-Encoding': 'deflate' } });
    feSend(x, text, { contentType: 'text/plain' });
  }));
}
