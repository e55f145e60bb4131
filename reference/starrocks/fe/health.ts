// GET /api/health (no auth, RestResult) and GET /api/stop (OPERATE).

import { restResult } from '../envelopes.ts';
import type { Router } from '../http/router.ts';
import { feResult, restAction } from './action.ts';
import type { FeDeps, FeHandler } from './action.ts';

export function registerHealth(router: Router<FeHandler>, deps: FeDeps): void {
  const { cluster } = deps;
  router.add('GET', '/api/health', restAction(deps, 'none', (x) => {
    // HealthAction sets application/json, then sendResult(…, RestResult) sets JSON_CONTENT_TYPE over it.
    feResult(x, restResult({ online_backend_num: cluster.backends.filter((b) => b.alive).length, total_backend_num: cluster.backends.length }));
  }));
  // The reference does not exit: it records that the FE is shutting down (the second call says so).
  router.add('GET', '/api/stop', restAction(deps, 'operate', (x) => {
    const message = cluster.feStopping ? 'FE is shutting down' : 'Stop success';
    cluster.feStopping = true;
    feResult(x, restResult({ Message: message }));
  }));
}
