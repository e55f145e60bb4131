// The FE's GlobalTransactionMgr for one cluster: transaction ids, labels per
// database, the state machine PREPARE → PREPARED → COMMITTED → VISIBLE (or
// ABORTED), label retention (`label_keep_max_second`) and timeouts that abort.
// A transaction's data is applied only when it becomes VISIBLE. Labels live
// in one namespace per database with the engine's load jobs (INSERT WITH
// LABEL): a stream load registers a STREAM job there, and a label an INSERT
// used is refused here.

import type { LoadJob, LoadJobs } from '../dialect/loads.ts';

export type TxnStatus = 'UNKNOWN' | 'PREPARE' | 'PREPARED' | 'COMMITTED' | 'VISIBLE' | 'ABORTED';
export type TxnSource = 'BACKEND_STREAMING' | 'FRONTEND_STREAMING' | 'INSERT_STREAMING' | 'MULTI_STATEMENT_STREAMING';

export interface Txn {
  id: number;
  label: string;
  db: string;
  dbId: number;
  tables: string[];
  status: TxnStatus;
  source: TxnSource;
  coordinator: string;
  prepareTime: number;
  preparedTime: number;
  commitTime: number;
  finishTime: number;
  /** PREPARE → PREPARED deadline (ms after prepareTime). */
  timeoutMs: number;
  /** PREPARED → COMMITTED deadline (ms after preparedTime); -1 = config default. */
  preparedTimeoutMs: number;
  reason: string;
  /** Writes to publish when the transaction becomes visible. */
  publish?: () => Promise<void>;
}

export class LabelAlreadyUsed extends Error {
  readonly label: string;
  readonly jobStatus: 'RUNNING' | 'FINISHED';
  constructor(label: string, status: TxnStatus) {
    super(`Label [${label}] has already been used.`);
    this.label = label;
    this.jobStatus = status === 'COMMITTED' || status === 'VISIBLE' ? 'FINISHED' : 'RUNNING';
  }
}

export class TxnStateError extends Error {}

/** The STREAM job of a transaction's label, as its begin registers it. */
function streamJob(txn: Txn): Omit<LoadJob, 'id'> {
  return {
    label: txn.label, db: txn.db, table: txn.tables[0] ?? '', type: 'STREAM', state: 'LOADING', txnId: txn.id, scanRows: 0, filteredRows: 0,
    unselectedRows: 0, sinkRows: 0, createTime: txn.prepareTime, loadStartTime: txn.prepareTime, taskInfo: `resource:N/A; timeout(s):${Math.round(txn.timeoutMs / 1000)}; max_filter_ratio:0.0`,
  };
}

export interface TxnEvents {
  onBegin(txn: Txn): void;
  onReject(label: string): void;
  onCommit(txn: Txn): void;
  onVisible(txn: Txn): void;
  onAbort(txn: Txn): void;
}

export class TransactionManager {
  readonly byId = new Map<number, Txn>();
  /** db → label → txn ids, oldest first. */
  private readonly labels = new Map<string, Map<string, number[]>>();
  private readonly now: () => number;
  private readonly labelKeepMs: () => number;
  private readonly preparedDefaultMs: () => number;
  private readonly events: TxnEvents;
  private readonly loads: LoadJobs;

  constructor(opts: { now: () => number; labelKeepMs: () => number; preparedDefaultMs: () => number; events: TxnEvents; loads: LoadJobs }) {
    this.loads = opts.loads;
    this.now = opts.now;
    this.labelKeepMs = opts.labelKeepMs;
    this.preparedDefaultMs = opts.preparedDefaultMs;
    this.events = opts.events;
  }

  /** The latest transaction holding `label` in `db`. */
  byLabel(db: string, label: string): Txn | undefined {
    this.expire();
    const ids = this.labels.get(db)?.get(label);
    if (!ids || ids.length === 0) return undefined;
    return this.byId.get(ids[ids.length - 1]!);
  }

  /** checkLabelUsed: only an aborted transaction (or a cancelled job) frees its label. */
  checkLabel(db: string, label: string): void {
    const t = this.byLabel(db, label);
    if (t && t.status !== 'ABORTED') {
      this.events.onReject(label);
      throw new LabelAlreadyUsed(label, t.status);
    }
    // Other loaders' jobs, and stream loads a data directory brought back without their transaction.
    const job = this.loads.find(db, label);
    if (job && (job.type !== 'STREAM' || !this.byId.has(job.txnId)) && job.state !== 'CANCELLED') {
      this.events.onReject(label);
      throw new LabelAlreadyUsed(label, job.state === 'FINISHED' ? 'VISIBLE' : 'PREPARE');
    }
  }

  begin(opts: { db: string; dbId: number; label: string; tables: string[]; source: TxnSource; coordinator: string; timeoutMs: number; preparedTimeoutMs?: number }): Txn {
    this.checkLabel(opts.db, opts.label);
    const txn: Txn = {
      id: this.loads.newTxnId(), label: opts.label, db: opts.db, dbId: opts.dbId, tables: opts.tables, status: 'PREPARE', source: opts.source,
      coordinator: opts.coordinator, prepareTime: this.now(), preparedTime: -1, commitTime: -1, finishTime: -1,
      timeoutMs: opts.timeoutMs, preparedTimeoutMs: opts.preparedTimeoutMs ?? -1, reason: '',
    };
    this.byId.set(txn.id, txn);
    let perDb = this.labels.get(opts.db);
    if (!perDb) this.labels.set(opts.db, (perDb = new Map()));
    const ids = perDb.get(opts.label) ?? [];
    ids.push(txn.id);
    perDb.set(opts.label, ids);
    // The label's job (StreamLoadMgr's task), replacing that of an aborted load with the same label.
    this.loads.remove(opts.db, opts.label);
    this.loads.add(streamJob(txn));
    this.events.onBegin(txn);
    return txn;
  }

  /** A PREPARED transaction a data directory brought back (prepared-store.ts): its label and job as after its begin. */
  restorePrepared(txn: Txn): void {
    this.byId.set(txn.id, txn);
    let perDb = this.labels.get(txn.db);
    if (!perDb) this.labels.set(txn.db, (perDb = new Map()));
    perDb.set(txn.label, [...(perDb.get(txn.label) ?? []), txn.id]);
    this.loads.restore(streamJob(txn));
  }

  prepare(txn: Txn, publish?: () => Promise<void>): void {
    if (txn.status !== 'PREPARE') throw new TxnStateError(`Transaction ${txn.id}'s state is ${txn.status}, can not prepare`);
    txn.status = 'PREPARED';
    txn.preparedTime = this.now();
    if (publish) txn.publish = publish;
  }

  /** Commit and publish (the reference publishes synchronously, so it ends VISIBLE). */
  async commit(txn: Txn, publish?: () => Promise<void>): Promise<void> {
    if (txn.status === 'ABORTED') throw new TxnStateError(`Can not commit ABORTED transaction ${txn.id}, label is ${txn.label}`);
    if (txn.status === 'COMMITTED' || txn.status === 'VISIBLE') return;
    if (publish) txn.publish = publish;
    txn.status = 'COMMITTED';
    txn.commitTime = this.now();
    this.events.onCommit(txn);
    const work = txn.publish;
    delete txn.publish;
    await work?.();
    txn.status = 'VISIBLE';
    txn.finishTime = this.now();
    const job = this.jobOf(txn);
    if (job) {
      job.state = 'FINISHED';
      job.loadFinishTime = txn.finishTime;
    }
    this.events.onVisible(txn);
  }

  abort(txn: Txn, reason: string): void {
    if (txn.status === 'COMMITTED' || txn.status === 'VISIBLE') {
      throw new TxnStateError(`Can not abort ${txn.status} transaction ${txn.id}, label is ${txn.label}`);
    }
    if (txn.status === 'ABORTED') return;
    txn.status = 'ABORTED';
    txn.reason = reason;
    txn.finishTime = this.now();
    delete txn.publish;
    // An aborted load frees its label.
    if (this.jobOf(txn)) this.loads.remove(txn.db, txn.label);
    this.events.onAbort(txn);
  }

  /** Abort timed-out transactions; forget labels of finished ones past retention. */
  expire(): void {
    const now = this.now();
    const keep = this.labelKeepMs();
    for (const txn of this.byId.values()) {
      if (txn.status === 'PREPARE' && txn.timeoutMs > 0 && now - txn.prepareTime > txn.timeoutMs) {
        this.abort(txn, 'timeout by txn manager');
      } else if (txn.status === 'PREPARED') {
        const limit = txn.preparedTimeoutMs > 0 ? txn.preparedTimeoutMs : this.preparedDefaultMs();
        if (now - txn.preparedTime > limit) this.abort(txn, 'timeout by txn manager');
      } else if ((txn.status === 'VISIBLE' || txn.status === 'ABORTED') && now - txn.finishTime > keep) {
        this.byId.delete(txn.id);
        const ids = this.labels.get(txn.db)?.get(txn.label);
        if (ids) {
          const i = ids.indexOf(txn.id);
          if (i >= 0) ids.splice(i, 1);
          if (ids.length === 0) this.labels.get(txn.db)!.delete(txn.label);
        }
        if (this.jobOf(txn)) this.loads.remove(txn.db, txn.label);
      }
    }
    // Jobs of other loaders (INSERT WITH LABEL), and those a data directory brought back without their transaction, keep their labels as long.
    for (const job of this.loads.all()) {
      const own = job.type !== 'STREAM' || !this.byId.has(job.txnId);
      if (own && job.loadFinishTime !== undefined && now - job.loadFinishTime > keep) this.loads.remove(job.db, job.label);
    }
  }

  /** The STREAM job of a transaction, while the label is still its own. */
  private jobOf(txn: Txn): ReturnType<LoadJobs['find']> {
    const job = this.loads.find(txn.db, txn.label);
    return job && job.type === 'STREAM' && job.txnId === txn.id ? job : undefined;
  }

  running(db?: string): Txn[] {
    return [...this.byId.values()].filter((t) => (t.status === 'PREPARE' || t.status === 'PREPARED') && (db === undefined || t.db === db));
  }
}
