// buildBeServer: the BE's HTTP port (default 8040). No auth on BE endpoints
// (stream/transaction loads forward Basic credentials to the FE); a path with
// no handler for the method is 404 `Not Found`.

import type { FastifyInstance } from 'fastify';
import { Cluster } from '../cluster/cluster.ts';
import type { Backend } from '../cluster/nodes.ts';
import { Router } from '../http/router.ts';
import type { FaultInjector } from '../../http/faults/injector.ts';
import { buildNodeServer } from '../http/server.ts';
import type { BeDeps, BeHandler } from './action.ts';
import { beSend } from './action.ts';
import { registerCompaction } from './compaction.ts';
import { registerDownload } from './download.ts';
import { registerBeConfig } from './config.ts';
import { registerBeMetrics } from './metrics.ts';
import { registerBeMisc, registerHealth } from './misc.ts';
import { registerPprof } from './pprof.ts';
import { registerStreamLoad } from './stream-load.ts';
import { registerTablet } from './tablet.ts';
import { cleanBeContexts, registerBeTransaction } from './transaction.ts';

export interface BeServerOptions {
  cluster?: Cluster;
  backend?: Backend;
  /** --faults for loads (http/faults.ts). */
  faults?: FaultInjector;
}

export function buildBeServer(opts: BeServerOptions = {}): FastifyInstance {
  const cluster = opts.cluster ?? new Cluster();
  const deps: BeDeps = { cluster, node: opts.backend ?? cluster.backends[0]! };
  const router = buildBeRouter(deps);
  return buildNodeServer(async (x) => {
    cluster.beMetrics.inc('http_requests_total');
    cluster.txns.expire();
    cleanBeContexts(deps);
    const m = router.match(x.method, x.path);
    if (!m) return beSend(x, 'Not Found', 404);
    x.params = m.params;
    await m.handler(x);
  }, (x, err) => beSend(x, err instanceof Error ? err.message : String(err), 500), opts.faults);
}

/** The BE's routes (its EvHttpServer registrations). */
export function buildBeRouter(deps: BeDeps): Router<BeHandler> {
  const { cluster } = deps;
  const router = new Router<BeHandler>();
  registerStreamLoad(router, deps);
  registerBeTransaction(router, deps);
  registerTablet(router, deps);
  registerDownload(router, deps);
  registerCompaction(router, deps);
  registerHealth(router);
  registerBeMisc(router, deps);
  registerPprof(router);
  registerBeMetrics(router, cluster.beMetrics, 'starrocks_be_');
  registerBeConfig(router, cluster.beConfig, true);
  return router;
}
