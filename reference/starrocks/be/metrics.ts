// GET /metrics on BE and CN: Prometheus text (TYPE only, `,` between
// labels), `?type=json` (compact array) and `?type=core`.

import type { Router } from '../http/router.ts';
import type { MetricRegistry } from '../cluster/metrics.ts';
import { bePrometheus, metricsJson } from '../cluster/metrics.ts';
import type { BeHandler } from './action.ts';
import { beSend } from './action.ts';

const CORE = ['process_fd_num_used', 'process_thread_num', 'push_request_write_bytes_per_second', 'query_scan_bytes_per_second', 'max_disk_io_util_percent',
  'max_network_send_bytes_rate', 'max_network_receive_bytes_rate'];

export function registerBeMetrics(router: Router<BeHandler>, registry: MetricRegistry, prefix: string): void {
  router.add('GET', '/metrics', (x) => {
    const type = x.query.get('type');
    let body: string;
    if (type === 'core') {
      body = CORE.map((n) => `${prefix}${n} LONG ${Math.trunc(registry.samples(registry.families.get(n)!)[0]?.value ?? 0)}`).join('\n') + '\n';
    } else if (type === 'json') body = metricsJson(registry, false);
    else body = bePrometheus(registry, prefix);
    beSend(x, body, 200, 'text/plain; version=0.0.4');
  });
}
