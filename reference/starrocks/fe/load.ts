// FE loading endpoints (catalog §4.1, §5.1): the stream-load redirect to a BE,
// get_load_state, _load_info and _cancel.

import { AccessDenied, authenticate } from '../auth.ts';
import { restBaseResult, transactionResult } from '../envelopes.ts';
import type { Exchange } from '../http/exchange.ts';
import type { Router } from '../http/router.ts';
import type { Txn } from '../cluster/transactions.ts';
import { TxnStateError } from '../cluster/transactions.ts';
import { DdlError, ErrorReport, feResult, feSend, restAction, sendAccessDenied } from './action.ts';
import type { FeDeps, FeHandler } from './action.ts';

const DDL = 'class com.starrocks.common.DdlException: ';

/** Location of a redirect: the target's host:port with the request's own path and query (no userinfo). */
export function locationFor(host: string, port: number, x: Exchange): string {
  const h = host.includes(':') ? `[${host}]` : host;
  return `http://${h}:${port}${x.path}${x.rawQuery ? `?${x.rawQuery}` : ''}`;
}

/** LoadAction: auth, the 100-continue rule, then 307 to a BE; the body is never read. */
function streamLoad(deps: FeDeps): FeHandler {
  return async (x) => {
    let user;
    try {
      user = authenticate(deps.cluster.users, x.header('authorization'), x.remoteIp);
    } catch (e) {
      return sendAccessDenied(x, e as AccessDenied);
    }
    const http11 = x.req.httpVersionMajor > 1 || (x.req.httpVersionMajor === 1 && x.req.httpVersionMinor >= 1);
    const fail = (msg: string): void => feResult(x, transactionResult('FAILED', DDL + msg), { close: true });
    if (http11 && !x.expectsContinue()) return fail('There is no 100-continue header');
    const db = x.param('db') ?? '';
    const table = x.param('table') ?? '';
    if (!db) return fail('No database selected.');
    if (!table) return fail('No table selected.');
    // Authorizer.checkTableAction throws ErrorReportException, which LoadAction does not catch: 500.
    if (!deps.cluster.users.can(user, 'INSERT', db, table)) {
      const msg = `Access denied; you need (at least one of) the INSERT privilege(s) on TABLE ${table} for this operation. `
        + 'Please ask the admin to grant permission(s) or try activating existing roles using <set [default] role>. Current role(s): [public]. Inactivated role(s): NONE.';
      return feSend(x, restBaseResult(msg), { status: 500, close: true });
    }
    const be = deps.cluster.chooseBackend();
    if (!be) return fail('No backend alive.');
    feSend(x, '', { status: 307, headers: { Location: locationFor(be.host, be.httpPort, x) }, close: true });
  };
}

function dbOrFail(deps: FeDeps, db: string): void {
  if (!deps.cluster.hasDatabase(db)) throw new DdlError(`unknown database, database=${db}`);
}

const JOB_STATE: Record<string, string> = { PREPARE: 'LOADING', PREPARED: 'LOADING', COMMITTED: 'COMMITTED', VISIBLE: 'FINISHED', ABORTED: 'CANCELLED', UNKNOWN: 'UNKNOWN' };

export function registerLoad(router: Router<FeHandler>, deps: FeDeps): void {
  router.add('PUT', '/api/{db}/{table}/_stream_load', streamLoad(deps));

  router.add('GET', '/api/{db}/get_load_state', restAction(deps, 'basic', (x) => {
    const db = x.param('db') ?? '';
    if (!db) throw new DdlError('No database selected.');
    const label = x.param('label');
    if (!label) throw new DdlError('No label selected.');
    dbOrFail(deps, db);
    // GetStreamLoadState @0160d4fbed: the state and its reason (TransactionState.reason, "" until
    // an abort sets it; null, so left out, for a label without a transaction).
    const txn = deps.cluster.txns.byLabel(db, label);
    feResult(x, restBaseResult(undefined, { state: txn?.status ?? 'UNKNOWN', reason: txn ? txn.reason : undefined }));
  }));

  router.add('GET', '/api/{db}/_load_info', restAction(deps, 'basic', (x, user) => {
    const db = x.param('db') ?? '';
    if (!db) throw new DdlError('No database selected');
    const label = x.param('label');
    if (!label) throw new DdlError('No label selected');
    dbOrFail(deps, db);
    const txn = deps.cluster.txns.byLabel(db, label);
    if (!txn) throw new DdlError(`Load job does not exist, label: ${label}`);
    for (const t of txn.tables) {
      if (!deps.cluster.users.can(user!, 'INSERT', db, t)) {
        throw new ErrorReport(`Access denied; you need (at least one of) the INSERT privilege(s) on TABLE ${t} for this operation. `
          + 'Please ask the admin to grant permission(s) or try activating existing roles using <set [default] role>. Current role(s): [public]. Inactivated role(s): NONE.');
      }
    }
    const jobInfo = { dbName: db, tblNames: txn.tables, label, state: JOB_STATE[txn.status], failMsg: txn.reason, trackingUrl: '' };
    feResult(x, restBaseResult(undefined, { jobInfo }));
  }));

  // Old registration /api/{db}/{label}/_cancel; the newest is /api/{db}/{table}/_cancel?label=.
  router.add('POST', '/api/{db}/{name}/_cancel', restAction(deps, 'basic', (x) => {
    const db = x.param('db') ?? '';
    if (!db) throw new DdlError('No database selected.');
    const label = x.query.get('label') ?? x.param('name');
    if (!label) throw new DdlError('No label selected.');
    dbOrFail(deps, db);
    const txn: Txn | undefined = deps.cluster.txns.byLabel(db, label);
    if (!txn) throw new DdlError(`transaction not found, label=${label}`);
    try {
      deps.cluster.txns.abort(txn, 'user cancel');
    } catch (e) {
      if (e instanceof TxnStateError) throw new DdlError(e.message);
      throw e;
    }
    feResult(x, restBaseResult());
  }));
}
