// Load jobs and labels of a StarRocks FE. A label is used once per
// database, whatever loaded it (INSERT WITH LABEL, stream load,
// transactions), so every loader registers here; SHOW LOAD lists the
// INSERT/BROKER jobs (StarRocks does not show stream loads there).

export type LoadJobType = 'INSERT' | 'BROKER' | 'STREAM' | 'ROUTINE';

export interface LoadJob {
  id: number;
  label: string;
  db: string;
  table: string;
  type: LoadJobType;
  /** PENDING, LOADING, PREPARED, FINISHED, CANCELLED. */
  state: string;
  txnId: number;
  scanRows: number;
  filteredRows: number;
  unselectedRows: number;
  sinkRows: number;
  errorMsg?: string;
  /** ms since the epoch. */
  createTime: number;
  loadStartTime?: number;
  loadFinishTime?: number;
  /** TaskInfo column, e.g. `resource:N/A; timeout(s):300; max_filter_ratio:0.0`. */
  taskInfo: string;
}

export class LoadJobs {
  private readonly jobs = new Map<string, LoadJob>();
  private nextJobId = 11000;
  private nextTxnId = 1000;

  private static key(db: string, label: string): string {
    return `${db}\u0000${label}`;
  }

  /** A new transaction id (StarRocks' are global and increasing). */
  newTxnId(): number {
    return this.nextTxnId++;
  }

  find(db: string, label: string): LoadJob | undefined {
    return this.jobs.get(LoadJobs.key(db, label));
  }

  /** Register a job; false (nothing stored) when the label is taken in that database. */
  add(job: Omit<LoadJob, 'id'> & { id?: number }): LoadJob | undefined {
    const k = LoadJobs.key(job.db, job.label);
    if (this.jobs.has(k)) return undefined;
    const full: LoadJob = { ...job, id: job.id ?? this.nextJobId++ };
    this.jobs.set(k, full);
    return full;
  }

  /** A job loaded from a data directory: registered unless its label is taken; later ids and txn ids come after its own. */
  restore(job: Omit<LoadJob, 'id'> & { id?: number }): void {
    const added = this.add(job);
    if (!added) return;
    if (added.id >= this.nextJobId) this.nextJobId = added.id + 1;
    if (added.txnId >= this.nextTxnId) this.nextTxnId = added.txnId + 1;
  }

  /** Forget a label (label_keep_max_second expired, or a failed job releases it). */
  remove(db: string, label: string): void {
    this.jobs.delete(LoadJobs.key(db, label));
  }

  /** Every job of every database. */
  all(): LoadJob[] {
    return [...this.jobs.values()];
  }

  list(db: string): LoadJob[] {
    return [...this.jobs.values()].filter((j) => j.db === db);
  }

  /** A database was dropped: its labels go with it. */
  dropDatabase(db: string): void {
    for (const [k, j] of this.jobs) if (j.db === db) this.jobs.delete(k);
  }
}
