// What the BE asks the FE leader at loadTxnBegin / streamLoadPut (thrift):
// credentials, INSERT privilege, database, table, label. Errors come back as
// the FE's messages.

import { parseBasic } from '../auth.ts';
import type { Cluster } from '../cluster/cluster.ts';
import type { TableMeta } from '../cluster/tables.ts';
import type { Txn, TxnSource } from '../cluster/transactions.ts';
import { LabelAlreadyUsed } from '../cluster/transactions.ts';
import type { Table } from '../../engine/catalog.ts';
import type { StarRocksUser } from '../users.ts';
import { LoadError } from '../load/params.ts';

export interface BegunLoad {
  txn: Txn;
  user: StarRocksUser;
  meta: TableMeta;
  table: Table;
}

/** `no valid Basic authorization` when the header is missing or not Basic. */
export function requireBasic(header: string | undefined): { user: string; password: string } {
  const creds = parseBasic(header);
  if (!creds) throw new LoadError('INTERNAL_ERROR', 'no valid Basic authorization');
  return creds;
}

export class LabelExists extends LoadError {
  readonly jobStatus: string;
  constructor(e: LabelAlreadyUsed) {
    super('LABEL_ALREADY_EXISTS', e.message);
    this.jobStatus = e.jobStatus;
  }
}

/**
 * FrontendServiceImpl.checkPasswordAndLoadPriv: the FE checks the load's user,
 * password and INSERT privilege at loadTxnBegin, and again at streamLoadPut,
 * loadTxnCommit/Prepare and loadTxnRollback, each time with the credentials of
 * the begin (the BE keeps them in the StreamLoadContext: set_request_auth(&request, ctx->auth)).
 */
export function checkLoadAuth(c: Cluster, creds: { user: string; password: string }, ip: string, db: string, table: string): StarRocksUser {
  const user = c.users.authenticate(creds.user, creds.password);
  if (!user) throw new LoadError('INTERNAL_ERROR', `Access denied for ${creds.user}@${ip}`);
  if (!c.users.can(user, 'INSERT', db, table)) {
    throw new LoadError('INTERNAL_ERROR', 'Access denied; you need (at least one of) the INSERT privilege(s) for this operation');
  }
  return user;
}

export function beginLoadTxn(c: Cluster, o: { creds: { user: string; password: string }; ip: string; db: string; table: string; label: string; timeoutSec: number; source: TxnSource; coordinator: string }): BegunLoad {
  const user = checkLoadAuth(c, o.creds, o.ip, o.db, o.table);
  if (!o.label) throw new LoadError('INTERNAL_ERROR', 'empty label in begin request');
  if (!c.hasDatabase(o.db)) throw new LoadError('ANALYSIS_ERROR', `unknown database, database=${o.db}`);
  const meta = c.tables.find(o.db, o.table);
  const table = c.engine.catalog.findTable(o.db, o.table);
  if (!meta || !table) throw new LoadError('ANALYSIS_ERROR', `unknown table "${o.db}.${o.table}"`);
  const timeout = o.timeoutSec > 0 ? o.timeoutSec : c.feConfig.num('stream_load_default_timeout_second');
  try {
    const txn = c.txns.begin({ db: o.db, dbId: meta.dbId, label: o.label, tables: [o.table], source: o.source, coordinator: o.coordinator, timeoutMs: timeout * 1000 });
    c.feMetrics.inc('load_add');
    return { txn, user, meta, table };
  } catch (e) {
    if (e instanceof LabelAlreadyUsed) throw new LabelExists(e);
    throw e;
  }
}
