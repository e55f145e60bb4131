// PUT /api/{db}/{table}/_stream_load on the BE (catalog §5.2-§5.5):
// on_header (auth, size limits, format, timeout, begin txn, the other headers,
// the plan) → 100 Continue → body → rows → quality check → commit+publish →
// the reply. Any failure after begin rolls the transaction back, so a failed
// load stores nothing.

import { randomUUID } from 'node:crypto';
import type { Router } from '../http/router.ts';
import type { Exchange } from '../http/exchange.ts';
import type { Txn } from '../cluster/transactions.ts';
import { TxnStateError } from '../cluster/transactions.ts';
import { publishWrite } from '../cluster/storage.ts';
import { decodeBody } from '../load/decode.ts';
import { runLoad, tooManyFiltered } from '../load/executor.ts';
import type { LoadCounters } from '../load/executor.ts';
import { LoadError, checkExecMemLimit, parseBeginHeaders, parsePutHeaders } from '../load/params.ts';
import { planLoad } from '../load/plan.ts';
import { beJson } from './action.ts';
import type { BeDeps, BeHandler } from './action.ts';
import { LabelExists, beginLoadTxn, requireBasic } from './begin.ts';
import { streamLoadJson } from './load-reply.ts';
import type { StreamLoadResult } from './load-reply.ts';

export function errorLogUrl(deps: BeDeps, file: string): string {
  return `http://${deps.node.host}:${deps.node.httpPort}/api/_load_error_log?file=${file}`;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function streamLoadHandler(deps: BeDeps): BeHandler {
  const c = deps.cluster;
  const m = c.beMetrics;
  return async (x: Exchange) => {
    const start = Date.now();
    const counters: LoadCounters = { total: 0, loaded: 0, filtered: 0, unselected: 0 };
    const r: StreamLoadResult = { ...counters, txnId: -1, label: x.header('label') || randomUUID(), loadBytes: 0, loadTimeMs: 0, beginTxnTimeMs: 0, planTimeMs: 0, readDataTimeMs: 0, writeDataTimeMs: 0, commitAndPublishTimeMs: 0 };
    const db = decode(x.params.db ?? '');
    const tbl = decode(x.params.table ?? '');
    const h = (n: string): string | undefined => x.header(n);
    let txn: Txn | undefined;
    m.inc('streaming_load_current_processing', 1);
    try {
      const creds = requireBasic(h('authorization'));
      const bodyBytes = Number(h('content-length') ?? 0);
      const brief = `id=${randomUUID()}, job_id=-1, txn_id: -1, label=${r.label}, db=${db}`;
      const base = parseBeginHeaders(h, { bodyBytes, maxMb: c.beConfig.num('streaming_load_max_mb'), maxJsonMb: c.beConfig.num('streaming_load_max_batch_size_mb'), brief });
      if (c.beStopping) throw new LoadError('SERVICE_UNAVAILABLE', 'Service is shutting down, please retry later!');
      const t0 = Date.now();
      const begun = beginLoadTxn(c, { creds, ip: x.remoteIp, db, table: tbl, label: r.label, timeoutSec: base.timeoutSec, source: 'BACKEND_STREAMING', coordinator: deps.node.host });
      txn = begun.txn;
      r.txnId = txn.id;
      r.beginTxnTimeMs = Date.now() - t0;
      m.inc('txn_request', 1, [['type', 'begin']]);
      const t1 = Date.now();
      const params = parsePutHeaders(h, base, c.engine.timezone);
      const plan = planLoad(begun.meta, begun.table, params);
      checkExecMemLimit(h);
      r.planTimeMs = Date.now() - t1;
      // The headers are accepted: now the body may come.
      if (x.expectsContinue()) x.res.writeContinue();
      const t2 = Date.now();
      const raw = await x.body();
      r.readDataTimeMs = Date.now() - t2;
      r.loadBytes = raw.length;
      const t3 = Date.now();
      const data = await decodeBody(raw, params.compression);
      const outcome = runLoad(plan, params, data.toString('utf8'), (m, v, t) => c.tables.autoPartition(m, v, t));
      Object.assign(r, { total: outcome.total, loaded: outcome.loaded, filtered: outcome.filtered, unselected: outcome.unselected });
      r.writeDataTimeMs = Date.now() - t3;
      if (outcome.errorLines.length > 0) {
        const file = c.errorLogs.newName();
        c.errorLogs.save(file, outcome.errorLines);
        r.errorUrl = errorLogUrl(deps, file);
      }
      if (tooManyFiltered(outcome, params.maxFilterRatio)) throw new LoadError('INTERNAL_ERROR', 'too many filtered rows');
      const t4 = Date.now();
      try {
        await c.txns.commit(txn, () => publishWrite(c.engine, outcome.write, c.now(), txn!.label));
      } catch (e) {
        if (e instanceof TxnStateError) throw new LoadError('INTERNAL_ERROR', `transaction [${txn.id}] is already aborted. abort reason: ${txn.reason}`);
        throw e;
      }
      r.commitAndPublishTimeMs = Date.now() - t4;
      m.inc('txn_request', 1, [['type', 'commit']]);
      m.inc('stream_load', outcome.loaded, [['type', 'load_rows']]);
      m.inc('load_rows', outcome.loaded);
      m.inc('load_bytes', r.loadBytes);
      m.inc('push_requests_total', 1, [['status', 'SUCCESS']]);
    } catch (e) {
      if (e instanceof LabelExists) r.error = { code: e.code, message: e.message, existingJobStatus: e.jobStatus };
      else if (e instanceof LoadError) r.error = { code: e.code, message: e.message };
      else r.error = { code: 'INTERNAL_ERROR', message: e instanceof Error ? e.message : String(e) };
      if (txn && (txn.status === 'PREPARE' || txn.status === 'PREPARED')) {
        c.txns.abort(txn, r.error.message);
        m.inc('txn_request', 1, [['type', 'rollback']]);
      }
      if (txn) m.inc('push_requests_total', 1, [['status', 'FAIL']]);
    } finally {
      m.inc('streaming_load_current_processing', -1);
    }
    r.loadTimeMs = Date.now() - start;
    m.inc('streaming_load_requests_total');
    m.inc('streaming_load_duration_ms', r.loadTimeMs);
    m.inc('streaming_load_bytes', r.loadBytes);
    m.inc('stream_load', r.loadBytes, [['type', 'receive_bytes']]);
    c.beLogLine(r.error ? 'W' : 'I', `stream load ${r.label} finished: ${r.error ? r.error.message : 'OK'}`);
    beJson(x, streamLoadJson(r));
  };
}

export function registerStreamLoad(router: Router<BeHandler>, deps: BeDeps): void {
  router.add('PUT', '/api/{db}/{table}/_stream_load', streamLoadHandler(deps));
}
