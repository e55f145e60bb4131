// The running queries (ProcessList): what system.processes shows, what KILL
// QUERY cancels, and where a second query with a running query's id is
// refused or, with replace_running_query, replaces it.

import { EngineError } from '../errors.ts';
import type { Progress } from '../api.ts';

export interface QueryStart {
  queryId: string;
  user: string;
  /** The query text (without INSERT data). */
  query: string;
  /** query_kind of system.processes: Select, Insert, Create, Drop, ... */
  kind: string;
  database: string;
  address: string;
  port: number;
  quotaKey: string;
  progress: Progress;
  /** The client's own signal (connection closed); the query's signal follows it. */
  signal?: AbortSignal;
}

/** One registered query. `signal` fires when it is killed or its client goes away. */
export class RunningQuery {
  readonly info: QueryStart;
  readonly startedAt = process.hrtime.bigint();
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private readonly list: ProcessList;
  private resolveDone!: () => void;
  /** Resolves once the query left the list. */
  readonly done: Promise<void>;
  finished = false;

  constructor(list: ProcessList, info: QueryStart) {
    this.list = list;
    this.info = info;
    this.signal = info.signal ? AbortSignal.any([this.controller.signal, info.signal]) : this.controller.signal;
    this.done = new Promise((resolve) => {
      this.resolveDone = resolve;
    });
  }

  get isCancelled(): boolean {
    return this.controller.signal.aborted;
  }

  /** Seconds since the query started. */
  elapsed(): number {
    return Number(process.hrtime.bigint() - this.startedAt) / 1e9;
  }

  cancel(): void {
    if (!this.controller.signal.aborted) {
      this.controller.abort(new EngineError('QUERY_WAS_CANCELLED', 'Query was cancelled'));
    }
  }

  /** Leave the list (result exhausted, failed or cancelled). Safe to call more than once. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.list.remove(this);
    this.resolveDone();
  }
}

export interface RegisterOptions {
  replaceRunningQuery: boolean;
  replaceMaxWaitMs: number;
}

export class ProcessList {
  private readonly queries = new Set<RunningQuery>();

  /** A snapshot of the running queries, oldest first. */
  list(): RunningQuery[] {
    return [...this.queries];
  }

  find(queryId: string, user?: string): RunningQuery | undefined {
    for (const q of this.queries) if (q.info.queryId === queryId && (user === undefined || q.info.user === user)) return q;
    return undefined;
  }

  /**
   * Register a query. The same user's query with that id is refused (216),
   * or with replace_running_query cancelled and waited for; another user's
   * query with that id is always refused (ProcessList::insert).
   */
  async register(info: QueryStart, opts: RegisterOptions): Promise<RunningQuery> {
    const id = info.queryId;
    if (id !== '') {
      const mine = this.find(id, info.user);
      if (mine) {
        if (!opts.replaceRunningQuery) {
          throw new EngineError('QUERY_WITH_SAME_ID_IS_ALREADY_RUNNING', `Query with id = ${id} is already running.`);
        }
        mine.cancel();
        const stopped = opts.replaceMaxWaitMs > 0 && await Promise.race([
          mine.done.then(() => true),
          new Promise<boolean>((resolve) => setTimeout(() => resolve(false), opts.replaceMaxWaitMs).unref()),
        ]);
        if (!stopped && this.find(id, info.user)) {
          throw new EngineError('QUERY_WITH_SAME_ID_IS_ALREADY_RUNNING', `Query with id = ${id} is already running and can't be stopped`);
        }
      }
      for (const q of this.queries) {
        if (q.info.queryId === id && q.info.user !== info.user) {
          throw new EngineError('QUERY_WITH_SAME_ID_IS_ALREADY_RUNNING', `Query with id = ${id} is already running by user ${q.info.user}`);
        }
      }
    }
    const rq = new RunningQuery(this, info);
    this.queries.add(rq);
    return rq;
  }

  remove(q: RunningQuery): void {
    this.queries.delete(q);
  }
}
