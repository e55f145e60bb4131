// FE side of the Stream Load transaction interface (catalog §6.1): checks the
// headers, then either 307s to the coordinator BE (begin/load/prepare, and
// commit/rollback of a transaction still open there) or settles
// commit/rollback of a PREPARED/finished transaction itself.

import { authenticate, AccessDenied } from '../auth.ts';
import { transactionResult } from '../envelopes.ts';
import type { ActionStatus } from '../envelopes.ts';
import type { Router } from '../http/router.ts';
import type { Backend } from '../cluster/nodes.ts';
import { LabelAlreadyUsed, TxnStateError } from '../cluster/transactions.ts';
import { feResult, feSend, sendAccessDenied } from './action.ts';
import type { FeDeps, FeHandler } from './action.ts';
import { locationFor } from './load.ts';

const OPS = ['begin', 'load', 'prepare', 'commit', 'rollback'] as const;
type Op = (typeof OPS)[number];

/** An exception of the FE, shown as `<class>: <message>`. */
class JavaError extends Error {
  readonly javaClass: string;
  constructor(javaClass: string, message: string) {
    super(message);
    this.javaClass = javaClass;
  }
}

const SR = 'com.starrocks.common.StarRocksException';
const DDL = 'com.starrocks.common.DdlException';

function parseLong(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^[+-]?\d+$/.test(v)) throw new JavaError('java.lang.NumberFormatException', `For input string: "${v}"`);
  return Number(v);
}

export function registerTransaction(router: Router<FeHandler>, deps: FeDeps): void {
  const { cluster } = deps;
  const handler: FeHandler = async (x) => {
    try {
      authenticate(cluster.users, x.header('authorization'), x.remoteIp);
    } catch (e) {
      return sendAccessDenied(x, e as AccessDenied);
    }
    const reply = (status: ActionStatus, message: string, extra: Record<string, unknown> = {}): void => feResult(x, transactionResult(status, message, extra));
    const redirect = (be: Backend): void => feSend(x, '', { status: 307, headers: { Location: locationFor(be.host, be.httpPort, x) } });
    try {
      const opText = x.param('txn_op') ?? '';
      const op = opText.toLowerCase() as Op;
      if (!OPS.includes(op)) throw new JavaError(SR, `Unknown transaction operation: ${opText}`);
      cluster.feMetrics.inc('http_request_total');
      const db = x.header('db');
      if (!db || !db.trim()) throw new JavaError(SR, 'No database selected.');
      const label = x.header('label');
      if (!label || !label.trim()) throw new JavaError(SR, 'Empty label.');
      parseLong(x.header('timeout'));
      parseLong(x.header('prepared_timeout'));
      const channelId = x.header('channel_id');
      const channelNum = x.header('channel_num');
      if (channelNum !== undefined && channelId === undefined) throw new JavaError(DDL, 'Must provide channel_id when stream load begin.');
      if (channelNum === undefined && channelId !== undefined) throw new JavaError(DDL, 'Must provide channel_num when stream load begin.');
      const sourceType = x.query.get('source_type') ?? x.header('source_type');
      if (sourceType && sourceType.trim()) {
        if (!/^[+-]?\d+$/.test(sourceType)) throw new JavaError(SR, `Invalid source type: ${sourceType}`);
        if (Number(sourceType) < 1 || Number(sourceType) > 8) throw new JavaError(SR, `Unknown source type: ${sourceType}`);
      }
      if (op !== 'load') {
        const body = (await x.body()).toString('utf8');
        if (body.trim()) {
          let parsed: unknown;
          try {
            parsed = JSON.parse(body);
          } catch {
            parsed = null;
          }
          if (parsed === null) throw new JavaError('com.starrocks.common.StarRocksHttpException', `Malformed json tablets, label is ${label}`);
        }
      }
      const coordinator = cluster.txnCoordinators.get(label);
      if (op === 'begin') {
        if (!cluster.hasDatabase(db)) throw new JavaError(SR, `Database[${db}] does not exist.`);
        // TransactionWithoutChannelHandler checks no label: the coordinator BE's begin does
        // (LABEL_ALREADY_EXISTS with empty fields for a label open there, the FE's loadTxnBegin for a used one).
        const be = coordinator ?? cluster.chooseBackend();
        if (!be) throw new JavaError(SR, 'No backend alive.');
        cluster.txnCoordinators.set(label, be);
        return redirect(be);
      }
      if (op === 'load' || op === 'prepare') {
        if (!coordinator) {
          throw new JavaError(SR, `Can't find the transaction with db [${db}] and label[${label}]. The possible reasons: 1. FE leader is started or switched; 2. The transaction timeouts and is cleaned.`);
        }
        return redirect(coordinator);
      }
      if (!coordinator && !cluster.hasDatabase(db)) throw new JavaError(SR, `Database[${db}] does not exist.`);
      const txn = cluster.txns.byLabel(db, label);
      if (!txn) {
        throw new JavaError(SR, coordinator ? `No transaction found by label ${label}` : `No transaction found with db[${db}] and label[${label}]`);
      }
      if (txn.status === 'PREPARE') {
        if (!coordinator) throw new JavaError(SR, `No transaction found with db[${db}] and label[${label}]`);
        return redirect(coordinator);
      }
      const ok = (message: string): void => reply('OK', message, { TxnId: txn.id, Label: label });
      try {
        if (op === 'commit') {
          if (txn.status === 'COMMITTED' || txn.status === 'VISIBLE') return ok(`Transaction ${txn.id} has already committed, label is ${label}`);
          await cluster.txns.commit(txn);
          return ok('');
        }
        if (txn.status === 'ABORTED') return ok(`Transaction ${txn.id} has already aborted, label is ${label}`);
        cluster.txns.abort(txn, 'User Aborted');
        return ok('');
      } catch (e) {
        if (e instanceof TxnStateError) throw new JavaError(SR, e.message);
        throw e;
      }
    } catch (e) {
      if (e instanceof LabelAlreadyUsed) return reply('LABEL_ALREADY_EXISTS', e.message, { ExistingJobStatus: e.jobStatus });
      if (e instanceof JavaError) return reply('FAILED', `class ${e.javaClass}: ${e.message}`);
      return reply('FAILED', `class java.lang.RuntimeException: ${(e as Error).message}`);
    }
  };
  router.add(['POST', 'PUT'], '/api/transaction/{txn_op}', handler);
}
