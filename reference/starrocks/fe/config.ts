// GET /api/_set_config (admin): every query parameter is tried against the
// FE's mutable configs; the reply says which were set and which failed.

import { javaHashMap } from '../envelopes.ts';
import type { Router } from '../http/router.ts';
import { parseJavaValue } from '../cluster/configs.ts';
import { feResult, restAction } from './action.ts';
import type { FeDeps, FeHandler } from './action.ts';

export function registerConfig(router: Router<FeHandler>, deps: FeDeps): void {
  router.add('GET', '/api/_set_config', restAction(deps, 'admin', (x) => {
    const set: Record<string, string> = {};
    const err: Record<string, string> = {};
    for (const name of new Set(x.query.keys())) {
      const values = x.query.getAll(name);
      const d = deps.cluster.feConfig.defs[name];
      const parsed = d && d.mutable && values.length === 1 ? parseJavaValue(d.type, values[0]!) : undefined;
      if (!d || !d.mutable || values.length !== 1 || parsed === undefined) {
        err[name] = `[${values.join(', ')}]`;
        continue;
      }
      d.value = parsed;
      set[name] = values[0]!;
    }
    // Jackson (no HTML escaping) over HashMaps.
    feResult(x, JSON.stringify({ set: javaHashMap(set), err: javaHashMap(err) }));
  }));
}
