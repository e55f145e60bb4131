// buildCnServer: a compute node's HTTP port (HttpServiceCN): health, pprof,
// metrics and the config page only.

import type { FastifyInstance } from 'fastify';
import { Cluster } from '../cluster/cluster.ts';
import type { ComputeNode } from '../cluster/nodes.ts';
import { Router } from '../http/router.ts';
import { buildNodeServer } from '../http/server.ts';
import type { BeHandler } from '../be/action.ts';
import { beSend } from '../be/action.ts';
import { registerBeConfig } from '../be/config.ts';
import { registerBeMetrics } from '../be/metrics.ts';
import { registerHealth } from '../be/misc.ts';
import { registerPprof } from '../be/pprof.ts';

export interface CnServerOptions {
  cluster?: Cluster;
  computeNode?: ComputeNode;
}

export function buildCnServer(opts: CnServerOptions = {}): FastifyInstance {
  const cluster = opts.cluster ?? new Cluster();
  const router = new Router<BeHandler>();
  registerHealth(router);
  registerPprof(router);
  registerBeMetrics(router, cluster.cnMetrics, 'starrocks_be_');
  registerBeConfig(router, cluster.cnConfig, false);
  return buildNodeServer(async (x) => {
    cluster.cnMetrics.inc('http_requests_total');
    const m = router.match(x.method, x.path);
    if (!m) return beSend(x, 'Not Found', 404);
    x.params = m.params;
    await m.handler(x);
  }, (x, err) => beSend(x, err instanceof Error ? err.message : String(err), 500));
}
