// Small BE endpoints: health, _stop_be, the error log, caches, blocking
// drivers, greplog.

import v8 from 'node:v8';
import { rapidCompact, rapidPretty } from '../envelopes.ts';
import type { Router } from '../http/router.ts';
import type { BeDeps, BeHandler } from './action.ts';
import { beJson, beSend } from './action.ts';
import { beContexts } from './transaction.ts';

export const BE_HEALTH_BODY = '{"status": "OK","msg": "To Be Added"}';

// The 'l' regexp flag needs V8's linear-time engine, off by default.
v8.setFlagsFromString('--enable-experimental-regexp-engine');

export function registerHealth(router: Router<BeHandler>): void {
  router.add('GET', '/api/health', (x) => beJson(x, BE_HEALTH_BODY));
}

export function registerBeMisc(router: Router<BeHandler>, deps: BeDeps): void {
  const c = deps.cluster;
  // The reference does not exit; the BE reports that it is shutting down and refuses new loads.
  // GET and POST both stop it (service_be/http_service.cpp @ 061d464c2d).
  router.add(['GET', 'POST'], '/api/_stop_be', (x) => {
    const body = c.beStopping ? '{"status": "Be is shutting down"}' : '{"status": "OK"}';
    c.beStopping = true;
    beJson(x, body);
  });

  router.add(['GET', 'HEAD'], '/api/_load_error_log', (x) => {
    const file = x.query.get('file');
    if (!file) return beSend(x, 'parameter file not specified in url.');
    if (file.includes('/') || file.includes('..')) return beSend(x, `file path is not allowed: ${file}`);
    const log = c.errorLogs.get(file);
    if (!log) return beSend(x, `No such file or directory: ${c.beConfig.get('storage_root_path')}/error_log/${file}`);
    beSend(x, log.lines.map((l) => `${l}\n`).join(''), 200, 'text/plain');
  });

  const stats = { runtimeFilter: { cache_times: 0, use_times: 0, enable_trace: false }, queryCache: { lookup_count: 0, hit_count: 0 } };
  router.add(['GET', 'PUT'], '/api/runtime_filter_cache/{action}', (x) => {
    const action = x.params.action ?? '';
    const stat = (): string => rapidPretty({ cache_times: stats.runtimeFilter.cache_times, use_times: stats.runtimeFilter.use_times, enable_trace: String(stats.runtimeFilter.enable_trace) });
    if (x.method === 'GET' && action === 'stat') return beJson(x, stat());
    if (x.method === 'GET' && action === 'trace') return beJson(x, rapidPretty({ traces: [] }));
    if (x.method === 'PUT' && (action === 'enable_trace' || action === 'disable_trace')) {
      stats.runtimeFilter.enable_trace = action === 'enable_trace';
      return beJson(x, stat());
    }
    beJson(x, rapidPretty({ error: `Not support ${x.method} method: '${x.req.url}'` }));
  });
  router.add(['GET', 'PUT'], '/api/query_cache/{action}', (x) => {
    const action = x.params.action ?? '';
    const capacity = c.beConfig.num('query_cache_capacity');
    if (x.method === 'GET' && action === 'stat') {
      const q = stats.queryCache;
      return beJson(x, rapidPretty({ capacity, usage: 0, usage_ratio: 0, lookup_count: q.lookup_count, hit_count: q.hit_count, hit_ratio: q.lookup_count ? q.hit_count / q.lookup_count : 0 }));
    }
    if (x.method === 'PUT' && action === 'invalidate_all') return beJson(x, rapidPretty({ status: 'OK' }));
    beJson(x, rapidPretty({ error: `Not support ${x.method} method: '${x.req.url}'` }));
  });
  router.add('GET', '/api/pipeline_blocking_drivers/{action}', (x) => {
    if (x.params.action !== 'stat') return beJson(x, rapidPretty({ error: `Not support GET method: '${x.req.url}'` }));
    // Open transaction loads are the only pipelines the reference runs.
    const queries = [...beContexts(deps).values()].map((ctx) => ({
      query_id: ctx.id, fragments: [{ fragment_id: ctx.id, fragment_status: 'RUNNING', drivers: [{ driver_id: 0, state: 'INPUT_EMPTY', driver_desc: `stream load ${ctx.txn.label}` }] }],
    }));
    // Every pipeline runs in a workgroup (the default one) in pipeline_blocking_drivers_action.cpp
    // @ 1952c877e4, which lists queries_in_workgroup only, pretty-printed.
    beJson(x, rapidPretty({ queries_in_workgroup: queries }));
  });

  router.add('GET', '/greplog', (x) => {
    const num = (name: string, def: number): number | undefined => {
      const v = x.query.get(name);
      if (v === null || v === '') return def;
      return /^-?\d+$/.test(v) ? Number(v) : undefined;
    };
    const start = num('start_ts', 0);
    if (start === undefined) return beSend(x, 'Invalid param start_ts', 400);
    const end = num('end_ts', 0);
    if (end === undefined) return beSend(x, 'Invalid param end_ts', 400);
    const limit = num('limit', 1000000);
    if (limit === undefined || limit <= 0 || limit > 1000000) return beSend(x, 'Invalid param limit', 400);
    const level = (x.query.get('level') || 'I').toUpperCase()[0]!;
    const order = 'IWEF';
    const pattern = x.query.get('pattern');
    let re: RegExp | undefined;
    try {
      // StarRocks matches with Hyperscan, which has no backtracking; the 'l' flag
      // (V8's linear engine) is the same bound here, so a pattern like (a+)+$ cannot
      // stall the server (ReDoS). Like Hyperscan it refuses backreferences and lookaround.
      re = pattern ? new RegExp(pattern, 'l') : undefined;
    } catch {
      return beSend(x, 'Invalid param pattern', 400);
    }
    const lines = c.beLog.filter((l) => (start === 0 || l.ts >= start) && (end === 0 || l.ts <= end) && order.indexOf(l.level) >= order.indexOf(level) && (!re || re.test(l.text)))
      .slice(0, limit).map((l) => `${l.level}${new Date(l.ts).toISOString().slice(5, 23).replace(/[-T]/g, (ch) => (ch === 'T' ? ' ' : ''))} ${process.pid} ${l.text}`);
    beSend(x, lines.map((l) => `${l}\n`).join(''), 200, 'text/plain');
  });
}
