// buildCnServer: a compute node's HTTP port. A CN starts as a BE (start_be in
// service/starrocks_main.cpp @ 0017fb5ffe: "cn need to support all ops for
// cloudnative table"), so it has the BE's handlers; the reference serves those
// the suite asks a CN for, and as a CN holds no shared-nothing tablets, the
// tablet endpoints find none.

import type { FastifyInstance } from 'fastify';
import { Cluster } from '../cluster/cluster.ts';
import type { ComputeNode } from '../cluster/nodes.ts';
import { Router } from '../http/router.ts';
import { buildNodeServer } from '../http/server.ts';
import type { BeHandler } from '../be/action.ts';
import { beSend } from '../be/action.ts';
import { registerBeConfig } from '../be/config.ts';
import { registerCompaction } from '../be/compaction.ts';
import { registerBeMetrics } from '../be/metrics.ts';
import { registerHealth } from '../be/misc.ts';
import { registerPprof } from '../be/pprof.ts';

export interface CnServerOptions {
  cluster?: Cluster;
  computeNode?: ComputeNode;
}

/** The CN's routes. */
export function buildCnRouter(cluster: Cluster, computeNode?: ComputeNode): Router<BeHandler> {
  const router = new Router<BeHandler>();
  registerHealth(router);
  registerCompaction(router, { cluster, node: computeNode ?? cluster.computeNodes[0]!, storesTablets: false });
  registerPprof(router);
  registerBeMetrics(router, cluster.cnMetrics, 'starrocks_be_');
  registerBeConfig(router, cluster.cnConfig, false);
  return router;
}

export function buildCnServer(opts: CnServerOptions = {}): FastifyInstance {
  const cluster = opts.cluster ?? new Cluster();
  const router = buildCnRouter(cluster, opts.computeNode);
  return buildNodeServer(async (x) => {
    cluster.cnMetrics.inc('http_requests_total');
    const m = router.match(x.method, x.path);
    if (!m) return beSend(x, 'Not Found', 404);
    x.params = m.params;
    await m.handler(x);
  }, (x, err) => beSend(x, err instanceof Error ? err.message : String(err), 500));
}
