// buildFeServer: the FE's HTTP port (default 8030). Routes are looked up per
// method; a miss is NotFoundAction's (401/404/501/405).

import type { FastifyInstance } from 'fastify';
import { Cluster } from '../cluster/cluster.ts';
import type { Frontend } from '../cluster/nodes.ts';
import { restBaseResult } from '../envelopes.ts';
import { Router } from '../http/router.ts';
import type { FaultInjector } from '../../http/faults/injector.ts';
import { buildNodeServer } from '../http/server.ts';
import type { FeDeps, FeHandler } from './action.ts';
import { feSend } from './action.ts';
import { registerColocate } from './colocate.ts';
import { registerConfig } from './config.ts';
import { registerConnectors } from './connectors.ts';
import { registerHealth } from './health.ts';
import { registerLoad } from './load.ts';
import { registerMeta } from './meta.ts';
import { registerMetaService } from './meta-service.ts';
import { registerMetrics } from './metrics.ts';
import { handleUnknownPath } from './not-found.ts';
import { registerQueryInfo } from './query-info.ts';
import { registerTransaction } from './transaction.ts';

export interface FeServerOptions {
  cluster?: Cluster;
  /** Which FE of the cluster this server is (default: the leader). */
  frontend?: Frontend;
  /** --faults for loads (http/faults.ts). */
  faults?: FaultInjector;
}

export function buildFeRouter(deps: FeDeps): Router<FeHandler> {
  const router = new Router<FeHandler>();
  registerLoad(router, deps);
  registerTransaction(router, deps);
  registerConfig(router, deps);
  registerMeta(router, deps);
  registerHealth(router, deps);
  registerMetrics(router, deps);
  registerQueryInfo(router, deps);
  registerColocate(router, deps);
  registerMetaService(router, deps);
  registerConnectors(router, deps);
  return router;
}

export function buildFeServer(opts: FeServerOptions = {}): FastifyInstance {
  const cluster = opts.cluster ?? new Cluster();
  const deps: FeDeps = { cluster, fe: opts.frontend ?? cluster.leader };
  const router = buildFeRouter(deps);
  return buildNodeServer(async (x) => {
    cluster.txns.expire();
    const m = router.match(x.method, x.path);
    if (!m) return handleUnknownPath(deps, x);
    x.params = m.params;
    await m.handler(x);
  }, (x, err) => feSend(x, restBaseResult(err instanceof Error ? err.message : String(err)), { status: 500 }), opts.faults);
}
