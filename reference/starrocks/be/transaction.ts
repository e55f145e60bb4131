// The BE side of the Stream Load transaction interface (catalog §6.2-§6.4):
// contexts open on the coordinator BE from begin until prepare/commit/
// rollback/timeout; `load` appends data; replies use TStatusCode names.
// Only begin reads the request's Authorization; the context keeps it, and
// the FE checks it again at every load, prepare, commit and rollback
// (transaction_mgr.cpp, stream_load_executor.cpp @ 058edb96bb / 037487dfcb:
// set_request_auth(&request, ctx->auth)), so a later request needs no
// credentials of its own, but a user dropped, with a new password or without
// INSERT since the begin can no longer load, commit or roll back.

import { randomUUID } from 'node:crypto';
import type { Exchange } from '../http/exchange.ts';
import type { Router } from '../http/router.ts';
import type { Txn } from '../cluster/transactions.ts';
import { publishWrite, mergeWrites } from '../cluster/storage.ts';
import type { PreparedWrite } from '../cluster/storage.ts';
import type { TableMeta } from '../cluster/tables.ts';
import type { Table } from '../../engine/catalog.ts';
import { decodeBody } from '../load/decode.ts';
import { runLoad, tooManyFiltered } from '../load/executor.ts';
import type { LoadParams } from '../load/params.ts';
import { LoadError, parseBeginHeaders, parsePutHeaders } from '../load/params.ts';
import type { StatusCode } from '../load/params.ts';
import { planLoad } from '../load/plan.ts';
import type { LoadPlan } from '../load/plan.ts';
import { MAX_ERROR_NUM } from '../cluster/error-logs.ts';
import { rapidPretty } from '../envelopes.ts';
import { beJson } from './action.ts';
import type { BeDeps, BeHandler } from './action.ts';
import { LabelExists, beginLoadTxn, checkLoadAuth, requireBasic } from './begin.ts';
import { txnRespJson } from './load-reply.ts';
import { errorLogUrl } from './stream-load.ts';

export interface BeTxnContext {
  id: string;
  /** The begin's Basic credentials and address (StreamLoadContext::auth). */
  creds: { user: string; password: string };
  ip: string;
  txn: Txn;
  db: string;
  table: string;
  meta: TableMeta;
  engineTable: Table;
  params?: LoadParams;
  plan?: LoadPlan;
  write: PreparedWrite;
  total: number;
  loaded: number;
  filtered: number;
  unselected: number;
  errorLines: string[];
  loadBytes: number;
  receivedDataMs: number;
  planMs: number;
  writeMs: number;
  beginAt: number;
  lastActive: number;
  timeoutSec: number;
  idleTimeoutSec: number;
  inProcessing: boolean;
  failed?: string;
}

const contexts = new WeakMap<object, Map<string, BeTxnContext>>();

/** The open transaction contexts of one BE (label → context). */
export function beContexts(deps: BeDeps): Map<string, BeTxnContext> {
  let m = contexts.get(deps.node);
  if (!m) contexts.set(deps.node, (m = new Map()));
  return m;
}

/** The BE's txn cleaner: total timeout and idle timeout abort the transaction. */
export function cleanBeContexts(deps: BeDeps): void {
  const now = deps.cluster.now();
  for (const [label, ctx] of beContexts(deps)) {
    const timedOut = now - ctx.beginAt > ctx.timeoutSec * 1000;
    const idle = ctx.idleTimeoutSec > 0 && now - ctx.lastActive > ctx.idleTimeoutSec * 1000;
    if (!timedOut && !idle && ctx.txn.status === 'PREPARE') continue;
    // TransactionMgr::_clean_stream_context names the limit that ran out.
    if (ctx.txn.status === 'PREPARE') deps.cluster.txns.abort(ctx.txn, timedOut ? `transaction is aborted by timeout ${ctx.timeoutSec} seconds.` : `transaction is aborted by idle timeout ${ctx.idleTimeoutSec} seconds.`);
    beContexts(deps).delete(label);
  }
}

class TxnError extends Error {
  readonly code: StatusCode;
  readonly extra: { existingJobStatus?: string; inProcessingLabel?: string; errorUrl?: string };
  constructor(code: StatusCode, message: string, extra: TxnError['extra'] = {}) {
    super(message);
    this.code = code;
    this.extra = extra;
  }
}

function timeoutHeader(x: Exchange, name: string): number | undefined {
  const v = x.header(name);
  if (v === undefined || v === '') return undefined;
  if (!/^\+?\d+$/.test(v)) throw new TxnError('INVALID_ARGUMENT', 'Invalid timeout format');
  return Number(v);
}

export function registerBeTransaction(router: Router<BeHandler>, deps: BeDeps): void {
  const c = deps.cluster;
  const m = c.beMetrics;
  const reply = (x: Exchange, status: 'OK' | StatusCode, message: string, opts: Parameters<typeof txnRespJson>[2] = {}): void => beJson(x, txnRespJson(status, message, opts));
  const fail = (x: Exchange, e: unknown): void => {
    if (e instanceof TxnError) return reply(x, e.code, e.message, e.extra);
    if (e instanceof LabelExists) return reply(x, 'LABEL_ALREADY_EXISTS', e.message, { existingJobStatus: e.jobStatus });
    if (e instanceof LoadError) return reply(x, e.code, e.message);
    reply(x, 'INTERNAL_ERROR', e instanceof Error ? e.message : String(e));
  };
  const brief = (ctx: BeTxnContext): string => `id=${ctx.id}, job_id=-1, txn_id: ${ctx.txn.id}, label=${ctx.txn.label}, db=${ctx.db}`;

  const begin = (x: Exchange): void => {
    const label = x.header('label') ?? '';
    if (!label) throw new TxnError('INVALID_ARGUMENT', 'empty label');
    if (beContexts(deps).has(label)) throw new TxnError('LABEL_ALREADY_EXISTS', '', { existingJobStatus: '' });
    const creds = requireBasic(x.header('authorization'));
    const timeout = timeoutHeader(x, 'timeout');
    const idle = timeoutHeader(x, 'idle_transaction_timeout');
    const db = x.header('db') ?? '';
    const table = x.header('table') ?? '';
    const t0 = Date.now();
    const begun = beginLoadTxn(c, { creds, ip: x.remoteIp, db, table, label, timeoutSec: timeout ?? -1, source: 'BACKEND_STREAMING', coordinator: deps.node.host });
    m.inc('txn_request', 1, [['type', 'begin']]);
    const now = c.now();
    const timeoutSec = timeout ?? c.feConfig.num('stream_load_default_timeout_second');
    beContexts(deps).set(label, {
      id: randomUUID(), creds, ip: x.remoteIp, txn: begun.txn, db, table, meta: begun.meta, engineTable: begun.table, write: { meta: begun.meta, rows: [], tablets: [] },
      total: 0, loaded: 0, filtered: 0, unselected: 0, errorLines: [], loadBytes: 0, receivedDataMs: 0, planMs: 0, writeMs: 0,
      beginAt: now, lastActive: now, timeoutSec, idleTimeoutSec: idle ?? timeoutSec, inProcessing: false,
    });
    reply(x, 'OK', '', { ok: { Label: label, TxnId: begun.txn.id, BeginTxnTimeMs: Date.now() - t0 } });
  };

  /** The context of a prepare/commit/rollback request, or the BE's error. */
  const contextFor = (x: Exchange): BeTxnContext => {
    const label = x.header('label') ?? '';
    if (!label) throw new TxnError('INVALID_ARGUMENT', 'empty label');
    const ctx = beContexts(deps).get(label);
    if (!ctx) throw new TxnError('TXN_NOT_EXISTS', `transaction with label ${label} not exists`);
    const db = x.header('db') ?? '';
    if (db !== ctx.db) throw new TxnError('INVALID_ARGUMENT', `request db ${db} transaction db ${ctx.db} not match`);
    if (ctx.inProcessing) throw new TxnError('TXN_IN_PROCESSING', 'Transaction in processing, please retry later', { inProcessingLabel: label });
    return ctx;
  };

  const finish = async (x: Exchange, op: 'prepare' | 'commit'): Promise<void> => {
    const ctx = contextFor(x);
    const start = Date.now();
    const label = ctx.txn.label;
    const drop = (reason: string): void => {
      beContexts(deps).delete(label);
      if (ctx.txn.status === 'PREPARE') c.txns.abort(ctx.txn, reason);
    };
    if (ctx.failed) {
      drop(ctx.failed);
      throw new TxnError('ABORTED', 'transaction is aborted');
    }
    if (!ctx.params) {
      drop('no data');
      throw new TxnError('INTERNAL_ERROR', `transaction ${brief(ctx)} hasn't send any data yet`);
    }
    let errorUrl: string | undefined;
    if (ctx.errorLines.length > 0) {
      const file = c.errorLogs.newName();
      c.errorLogs.save(file, ctx.errorLines);
      errorUrl = errorLogUrl(deps, file);
    }
    if (tooManyFiltered(ctx, ctx.params.maxFilterRatio)) {
      drop('too many filtered rows');
      throw new TxnError('INTERNAL_ERROR', 'too many filtered rows', errorUrl ? { errorUrl } : {});
    }
    // loadTxnCommit/loadTxnPrepare refused: ctx->status keeps the error and the rollback, refused the
    // same way, leaves the transaction to its timeout; the context stays, and says it is aborted.
    try {
      checkLoadAuth(c, ctx.creds, ctx.ip, ctx.db, ctx.table);
    } catch (e) {
      ctx.failed = (e as Error).message;
      throw e;
    }
    const write = ctx.write;
    const publish = (): Promise<void> => publishWrite(c.engine, write, c.now(), ctx.txn.label);
    beContexts(deps).delete(label);
    if (op === 'prepare') {
      // With a data directory the prepared rows are on disk before the transaction shows PREPARED and the prepare is answered.
      if (ctx.txn.status === 'PREPARE') c.prepared?.save(ctx.txn, write, c.now());
      c.txns.prepare(ctx.txn, publish);
    }
    else await c.txns.commit(ctx.txn, publish);
    m.inc('txn_request', 1, [['type', 'commit']]);
    m.inc('load_rows', ctx.loaded);
    m.inc('load_bytes', ctx.loadBytes);
    m.inc('transaction_streaming_load_requests_total');
    m.inc('transaction_streaming_load_bytes', ctx.loadBytes);
    m.inc('transaction_streaming_load_duration_ms', c.now() - ctx.beginAt);
    reply(x, 'OK', '', {
      ok: {
        Label: label, TxnId: ctx.txn.id, NumberTotalRows: ctx.total, NumberLoadedRows: ctx.loaded, NumberFilteredRows: ctx.filtered,
        NumberUnselectedRows: ctx.unselected, LoadBytes: ctx.loadBytes, LoadTimeMs: Math.max(0, c.now() - ctx.beginAt),
        StreamLoadPlanTimeMs: ctx.planMs, ReceivedDataTimeMs: ctx.receivedDataMs, WriteDataTimeMs: ctx.writeMs, CommitAndPublishTimeMs: Date.now() - start,
      },
      ...(errorUrl ? { errorUrl } : {}),
    });
  };

  const rollback = (x: Exchange): void => {
    const ctx = contextFor(x);
    try {
      checkLoadAuth(c, ctx.creds, ctx.ip, ctx.db, ctx.table);
    } catch (e) {
      ctx.failed = 'transaction is aborted by user.';
      throw e;
    }
    beContexts(deps).delete(ctx.txn.label);
    if (ctx.txn.status === 'PREPARE') c.txns.abort(ctx.txn, 'transaction is aborted by user.');
    m.inc('txn_request', 1, [['type', 'rollback']]);
    reply(x, 'OK', '', { ok: { Label: ctx.txn.label } });
  };

  const list = (x: Exchange): void => {
    const body = [...beContexts(deps).values()].map((ctx) => rapidPretty({
      Status: 'OK', InProcessing: ctx.inProcessing, Label: ctx.txn.label, TxnId: ctx.txn.id, NumberTotalRows: ctx.total, NumberLoadedRows: ctx.loaded,
      NumberFilteredRows: ctx.filtered, NumberUnselectedRows: ctx.unselected, LoadBytes: ctx.loadBytes, StreamLoadPlanTimeMs: ctx.planMs,
      ReceivedDataTimeMs: ctx.receivedDataMs, WriteDataTimeMs: ctx.writeMs, BeginTimestamp: ctx.beginAt, LastActiveTimestamp: ctx.lastActive,
      TransactionTimeoutSec: ctx.timeoutSec, IdleTransactionTimeoutSec: ctx.idleTimeoutSec,
    })).join('');
    beJson(x, body);
  };

  const manager: BeHandler = async (x) => {
    cleanBeContexts(deps);
    const op = x.params.txn_op ?? '';
    try {
      switch (op) {
        case 'begin': return begin(x);
        case 'prepare': return await finish(x, 'prepare');
        case 'commit': return await finish(x, 'commit');
        case 'rollback': return rollback(x);
        case 'list': return list(x);
        default: throw new TxnError('INVALID_ARGUMENT', `unsupport transaction operation ${op}`);
      }
    } catch (e) {
      fail(x, e);
    }
  };
  router.add(['POST', 'PUT'], '/api/transaction/{txn_op}', manager);

  router.add('PUT', '/api/transaction/load', async (x) => {
    cleanBeContexts(deps);
    const label = x.header('label') ?? '';
    let ctx: BeTxnContext | undefined;
    let mine = false;
    try {
      if (!label) throw new TxnError('INVALID_ARGUMENT', 'Invalid label ');
      ctx = beContexts(deps).get(label);
      if (!ctx) throw new TxnError('TXN_NOT_EXISTS', `Transaction with label ${label} not exists`);
      const db = x.header('db') ?? '';
      if (db !== ctx.db) throw new TxnError('INVALID_ARGUMENT', `Request database ${db} not equal transaction database ${ctx.db}`);
      const table = x.header('table') ?? '';
      if (table && table !== ctx.table) throw new TxnError('INVALID_ARGUMENT', `Request table ${table} not equal transaction table ${ctx.table}`);
      if (ctx.inProcessing) throw new TxnError('TXN_IN_PROCESSING', 'Transaction in processing, please retry later', { inProcessingLabel: label });
      if (ctx.failed) throw new TxnError('ABORTED', 'current transaction is aborted');
      ctx.inProcessing = true;
      mine = true;
      // streamLoadPut with the begin's credentials (TransactionStreamLoadAction::_parse_request).
      checkLoadAuth(c, ctx.creds, ctx.ip, ctx.db, ctx.table);
      const h = (n: string): string | undefined => x.header(n);
      const t1 = Date.now();
      const base = parseBeginHeaders(h, { bodyBytes: Number(h('content-length') ?? 0), maxMb: c.beConfig.num('streaming_load_max_mb'), maxJsonMb: c.beConfig.num('streaming_load_max_batch_size_mb'), brief: brief(ctx) });
      const params = parsePutHeaders(h, base, c.engine.timezone);
      if (ctx.params && ctx.params.format !== params.format) throw new TxnError('INVALID_ARGUMENT', "stream load context's format is not same as format from cur http header");
      const plan = ctx.plan ?? planLoad(ctx.meta, ctx.engineTable, params);
      const planMs = Date.now() - t1;
      if (x.expectsContinue()) x.res.writeContinue();
      const t2 = Date.now();
      const raw = await x.body();
      const received = Date.now() - t2;
      const max = c.beConfig.num('streaming_load_max_mb') * 1024 * 1024;
      if (ctx.loadBytes + raw.length > max) throw new TxnError('INTERNAL_ERROR', `body exceed max size: ${max}, limit: ${max}`);
      const t3 = Date.now();
      const outcome = runLoad(plan, params, (await decodeBody(raw, params.compression)).toString('utf8'), (m, v, t) => c.tables.autoPartition(m, v, t));
      ctx.params ??= params;
      ctx.plan ??= plan;
      ctx.write = mergeWrites(ctx.write, outcome.write);
      ctx.total += outcome.total;
      ctx.loaded += outcome.loaded;
      ctx.filtered += outcome.filtered;
      ctx.unselected += outcome.unselected;
      ctx.errorLines.push(...outcome.errorLines.slice(0, Math.max(0, MAX_ERROR_NUM - ctx.errorLines.length)));
      ctx.loadBytes += raw.length;
      ctx.planMs += planMs;
      ctx.receivedDataMs += received;
      ctx.writeMs += Date.now() - t3;
      ctx.lastActive = c.now();
      m.inc('txn_request', 1, [['type', 'exec']]);
      reply(x, 'OK', '', { ok: { Label: label, TxnId: ctx.txn.id, LoadBytes: raw.length, StreamLoadPlanTimeMs: planMs, ReceivedDataTimeMs: received } });
    } catch (e) {
      if (ctx && e instanceof LoadError && !(e instanceof TxnError)) ctx.failed = e.message;
      fail(x, e);
    } finally {
      if (ctx && mine) ctx.inProcessing = false;
    }
  });
}
