// The emulated cluster: one object every server of the reference reads and
// changes, so that FE, BE and CN answers agree (a load seen by the BE shows in
// the FE's journal id, txn state, metrics, tablet versions...).

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import v8 from 'node:v8';
import type { StarRocksEngine } from '../dialect/index.ts';

import { StarRocksUsers } from '../users.ts';
import type { StarRocksUserConfig } from '../users.ts';
import { createStarRocksEngine } from '../version.ts';
import { ConfigStore } from './configs.ts';
import { IdGenerator } from './ids.ts';
import { Journal } from './journal.ts';
import { MetricRegistry } from './metrics.ts';
import { newBackend, newComputeNode, newFrontend } from './nodes.ts';
import type { Backend, ComputeNode, Frontend } from './nodes.ts';
import { TableRegistry, isSystemDb, tabletBytes } from './tables.ts';
import { TransactionManager } from './transactions.ts';
import type { Txn } from './transactions.ts';
import { ErrorLogStore } from './error-logs.ts';
import { BeFileStore } from './be-files.ts';
import { PreparedStore, rebuildWrite } from './prepared-store.ts';
import { publishWrite } from './storage.ts';

export interface ClusterOptions {
  engine?: StarRocksEngine;
  users?: StarRocksUserConfig[];
  host?: string;
  /** Clock in ms (tests move it to run timeouts and label retention). */
  now?: () => number;
  feConfig?: Record<string, string | number | boolean>;
  beConfig?: Record<string, string | number | boolean>;
  /** Keep databases and tables (rows included) in this directory across restarts (engine/storage/). */
  dataDir?: string;
}

/** A query the FE ran (the MySQL-protocol side records them): /api/query_detail, /api/profile, /api/connection. */
export interface QueryDetail {
  /** Nanoseconds from the wall clock, increasing (QueryDetail.eventTime). */
  eventTime: bigint;
  queryId: string;
  isQuery: boolean;
  remoteIP: string;
  connId: number;
  startTime: number;
  endTime: number;
  latency: number;
  state: 'RUNNING' | 'FINISHED' | 'FAILED' | 'CANCELLED';
  database: string;
  sql: string;
  user: string;
  errorMessage?: string;
  scanRows: number;
  scanBytes: number;
  returnRows: number;
  cpuCostNs: number;
  memCostBytes: number;
  spillBytes: number;
  warehouse: string;
  digest: string;
  catalog: string;
}

export interface ColocateGroup {
  dbId: number;
  grpId: number;
  name: string;
  tableIds: number[];
  bucketsNum: number;
  replicationNum: number;
  distributionColTypes: string[];
  backendsPerBucketSeq: number[][];
  stable: boolean;
}

export class Cluster {
  readonly engine: StarRocksEngine;
  readonly users: StarRocksUsers;
  readonly now: () => number;
  readonly startedAt: number;
  readonly ids = new IdGenerator(10001);
  readonly feConfig: ConfigStore;
  readonly beConfig: ConfigStore;
  /** cn.conf: the same keys as be.conf, with the CN's own ports. */
  readonly cnConfig: ConfigStore;
  readonly journal: Journal;
  readonly frontends: Frontend[];
  readonly backends: Backend[];
  readonly computeNodes: ComputeNode[];
  readonly tables: TableRegistry;
  readonly txns: TransactionManager;
  /** PREPARED transactions kept in the data directory (absent without one). */
  readonly prepared: PreparedStore | undefined;
  readonly feMetrics = new MetricRegistry();
  readonly beMetrics = new MetricRegistry();
  readonly cnMetrics = new MetricRegistry();
  readonly errorLogs: ErrorLogStore;
  /** Files the BE wrote under its storage root (rejected records, snapshots), for the download handlers. */
  readonly beFiles: BeFileStore;
  /** FE TransactionLoadCoordinatorMgr: label → the BE that coordinates its transaction stream load. */
  readonly txnCoordinators = new Map<string, Backend>();
  readonly queryDetails: QueryDetail[] = [];
  /** query id → text profile of the queries that ran with enable_profile (/api/profile). */
  readonly profiles = new Map<string, string>();
  /** connection id → id of the query it is running. */
  readonly connections = new Map<number, string>();
  readonly smallFiles = new Map<number, { db: string; catalog: string; name: string; content: Buffer }>();
  readonly colocateGroups: ColocateGroup[] = [];
  /** db.table → global dict enabled. */
  readonly globalDict = new Map<string, boolean>();
  /** Log lines of the FE (audit log) and BE (INFO log), for get_log_file and greplog. */
  readonly feAuditLog: string[] = [];
  readonly beLog: { ts: number; level: string; text: string }[] = [];
  feStopping = false;
  beStopping = false;
  private readonly dbIds = new Map<string, number>();
  private nextBackend = 0;

  constructor(opts: ClusterOptions = {}) {
    this.engine = opts.engine ?? createStarRocksEngine();
    if (opts.dataDir !== undefined) this.engine.openDataDir(opts.dataDir);
    this.users = new StarRocksUsers(opts.users);
    this.now = opts.now ?? Date.now;
    this.startedAt = this.now();
    const host = opts.host ?? '127.0.0.1';
    this.feConfig = ConfigStore.fe(opts.feConfig);
    this.beConfig = ConfigStore.be(opts.beConfig);
    this.cnConfig = ConfigStore.be(opts.beConfig);
    this.journal = new Journal(this.now, () => this.feConfig.num('edit_log_roll_num'));
    this.frontends = [newFrontend(host, this.startedAt)];
    this.backends = [newBackend(this.ids.next(), host, this.startedAt)];
    this.computeNodes = [newComputeNode(this.ids.next(), host, this.startedAt)];
    this.errorLogs = new ErrorLogStore(this.now, () => this.beConfig.num('load_error_log_reserve_hours'));
    this.beFiles = new BeFileStore(this.now);
    this.tables = new TableRegistry({ engine: this.engine, ids: this.ids, backendId: () => this.backends[0]!.id, now: this.now, dbId: (db) => this.dbId(db) });
    this.txns = new TransactionManager({
      loads: this.engine.dialect.loads,
      now: this.now,
      labelKeepMs: () => this.feConfig.num('label_keep_max_second') * 1000,
      preparedDefaultMs: () => this.feConfig.num('prepared_transaction_default_timeout_second') * 1000,
      events: {
        onBegin: () => {
          this.journal.log('OP_UPSERT_TRANSACTION_STATE');
          this.feMetrics.inc('txn_begin');
        },
        onReject: () => this.feMetrics.inc('txn_reject'),
        onCommit: () => this.journal.log('OP_UPSERT_TRANSACTION_STATE'),
        onVisible: (t: Txn) => {
          this.prepared?.remove(t.id);
          this.journal.log('OP_UPSERT_TRANSACTION_STATE');
          this.feMetrics.inc('txn_success');
          if (t.source === 'BACKEND_STREAMING') this.feMetrics.inc('load_finished');
        },
        onAbort: (t: Txn) => {
          this.prepared?.remove(t.id);
          this.journal.log('OP_UPSERT_TRANSACTION_STATE');
          this.feMetrics.inc('txn_failed');
        },
      },
    });
    this.prepared = opts.dataDir !== undefined ? new PreparedStore(join(opts.dataDir, 'prepared')) : undefined;
    if (this.prepared) this.restorePrepared(this.prepared);
    defineFeMetrics(this);
    defineBeMetrics(this, this.beMetrics, true);
    defineBeMetrics(this, this.cnMetrics, false);
  }

  /**
   * PREPARED transactions of the data directory back in the transaction
   * manager; one whose load committed before a crash (its label is stored
   * with its rows) or whose table is gone is dropped.
   */
  private restorePrepared(store: PreparedStore): void {
    for (const p of store.list()) {
      const job = this.engine.dialect.loads.find(p.db, p.txn.label);
      if ((job && job.txnId === p.txn.id) || !this.engine.catalog.findTable(p.db, p.table)) {
        store.remove(p.txn.id);
        continue;
      }
      this.txns.restorePrepared({
        ...p.txn,
        publish: () => {
          const meta = this.tables.find(p.db, p.table);
          if (!meta) throw new Error(`unknown table "${p.db}.${p.table}"`);
          return publishWrite(this.engine, rebuildWrite(p, meta), this.now(), p.txn.label);
        },
      });
    }
  }

  get leader(): Frontend {
    return this.frontends.find((f) => f.role === 'LEADER')!;
  }

  /** The database id (the FE's catalog id), assigned on first sight of a database. */
  dbId(db: string): number {
    let id = this.dbIds.get(db);
    if (id === undefined) this.dbIds.set(db, (id = this.ids.next()));
    return id;
  }

  /** User databases (what SHOW DATABASES lists minus system schemas). */
  databases(): string[] {
    return [...this.engine.catalog.databases.keys()].filter((d) => !isSystemDb(d));
  }

  hasDatabase(db: string): boolean {
    return !isSystemDb(db) && this.engine.catalog.databases.has(db);
  }

  /** seqChooseBackendIds: alive BEs round-robin. */
  chooseBackend(): Backend | undefined {
    const alive = this.backends.filter((b) => b.alive && !b.decommissioned);
    if (alive.length === 0) return undefined;
    return alive[this.nextBackend++ % alive.length];
  }

  /** Bytes of a database's tables (SHOW DATA / show_data): sum of their tablets' data. */
  dataSize(db?: string): number {
    let total = 0;
    for (const t of this.tables.tablesOf(db)) for (const p of t.partitions) for (const tab of p.tablets) total += tabletBytes(tab);
    return total;
  }

  /** Log a DDL-like change (journal id grows). */
  logDdl(op: string): void {
    this.journal.log(op);
  }

  /** The ports the nodes really listen on, in the nodes and in their configuration (/varz, ADMIN SHOW FRONTEND CONFIG). */
  listening(ports: { feHttp?: number; feQuery?: number; beHttp?: number; cnHttp?: number }): void {
    const set = (store: ConfigStore, key: string, port: number | undefined): void => {
      if (port !== undefined && store.defs[key]) store.defs[key]!.value = String(port);
    };
    if (ports.feHttp !== undefined) this.leader.httpPort = ports.feHttp;
    if (ports.feQuery !== undefined) this.leader.queryPort = ports.feQuery;
    if (ports.beHttp !== undefined) this.backends[0]!.httpPort = ports.beHttp;
    if (ports.cnHttp !== undefined) this.computeNodes[0]!.httpPort = ports.cnHttp;
    set(this.feConfig, 'http_port', ports.feHttp);
    set(this.feConfig, 'query_port', ports.feQuery);
    set(this.beConfig, 'be_http_port', ports.beHttp);
    set(this.cnConfig, 'be_http_port', ports.cnHttp);
  }

  beLogLine(level: 'I' | 'W' | 'E', text: string): void {
    this.beLog.push({ ts: this.now(), level, text });
    if (this.beLog.length > 5000) this.beLog.shift();
  }
}

function defineFeMetrics(c: Cluster): void {
  const m = c.feMetrics;
  const jvm = { noPrefix: true };
  m.define('jvm_heap_size_bytes', 'gauge', 'bytes', 'jvm heap stat', {
    ...jvm,
    read: () => {
      const h = v8.getHeapStatistics();
      return [
        { labels: [['type', 'max']], value: h.heap_size_limit },
        { labels: [['type', 'committed']], value: h.total_heap_size },
        { labels: [['type', 'used']], value: h.used_heap_size },
      ];
    },
  });
  m.define('jvm_non_heap_size_bytes', 'gauge', 'bytes', 'jvm non heap stat', {
    ...jvm,
    read: () => {
      const mem = process.memoryUsage();
      return [{ labels: [['type', 'committed']], value: mem.rss - mem.heapTotal }, { labels: [['type', 'used']], value: mem.external + mem.arrayBuffers }];
    },
  });
  m.define('jvm_thread', 'gauge', 'nounit', 'jvm thread stat', {
    ...jvm,
    read: () => {
      const n = threadCount();
      return [{ labels: [['type', 'count']], value: n }, { labels: [['type', 'peak_count']], value: n }];
    },
  });
  m.define('connection_total', 'gauge', 'connections', 'total connections', { read: () => [{ labels: [], value: c.connections.size }] });
  m.define('max_journal_id', 'gauge', 'nounit', 'max journal id of this frontends', { read: () => [{ labels: [], value: c.journal.maxJournalId }] });
  m.define('meta_log_count', 'gauge', 'nounit', 'meta log total count', { read: () => [{ labels: [], value: c.journal.maxJournalId - c.journal.latestImage().version }] });
  m.define('image_write', 'counter', 'operations', 'counter of image generated', { read: () => [{ labels: [], value: c.journal.images.length - 1 }] });
  m.define('edit_log_write', 'counter', 'operations', 'counter of edit log write into bdbje', { read: () => [{ labels: [], value: c.journal.maxJournalId }] });
  m.define('qps', 'gauge', 'nounit', 'query per second', { double: true, read: () => [{ labels: [], value: 0 }] });
  m.define('query_latency', 'gauge', 'milliseconds', 'mean of query latency', { double: true, read: () => [{ labels: [['type', 'mean']], value: 0 }] });
  for (const [name, help] of [['request_total', 'total request'], ['query_total', 'total query'], ['query_err', 'total error query'],
    ['query_success', 'total success query'], ['query_timeout', 'total timeout query'], ['slow_query', 'total slow query'],
    ['load_add', 'total load submit'], ['load_finished', 'total load finished'], ['txn_begin', 'counter of begining transactions'],
    ['txn_success', 'counter of success transactions'], ['txn_failed', 'counter of failed transactions'], ['txn_reject', 'counter of rejected transactions']] as const) {
    m.define(name, 'counter', name.startsWith('txn') || name.startsWith('load') ? 'operations' : 'requests', help);
    m.inc(name, 0);
  }
  m.define('job', 'gauge', 'nounit', 'job statistics', {
    read: () => ['PENDING', 'ETL', 'LOADING', 'COMMITTED', 'FINISHED', 'CANCELLED'].map((state) => ({ labels: [['job', 'load'], ['type', 'BROKER'], ['state', state]] as [string, string][], value: 0 })),
  });
  m.define('scheduled_tablet_num', 'gauge', 'nounit', 'number of tablets being scheduled', { read: () => [{ labels: [], value: 0 }] });
  m.define('max_tablet_compaction_score', 'gauge', 'nounit', 'max tablet compaction score of all backends', {
    read: () => [{ labels: [], value: maxCompactionScore(c) }],
  });
  m.define('safe_mode', 'gauge', 'nounit', 'safe mode flag', { read: () => [{ labels: [['type', 'safe_mode']], value: 0 }] });
  for (const op of ['begin', 'load', 'prepare', 'commit', 'rollback']) {
    m.define(`txn_stream_load_${op}_num`, 'counter', 'nounit', `the number of ${op} operations in transaction stream load that are being handled`);
    m.inc(`txn_stream_load_${op}_num`, 0);
  }
  m.define('http_request_total', 'counter', 'requests', 'total http requests');
  m.inc('http_request_total', 0);
  // Histograms come after the registry's gauges and counters, as the FE prints them.
  m.defineSummary('query_latency_ms', 'milliseconds');
  // node_info carries TYPE but no HELP (the marker keeps it out of the JSON form too).
  m.define('node_info', 'gauge', 'nounit', '\u0000', {
    noPrefix: true,
    read: () => [
      { labels: [['type', 'fe_node_num'], ['state', 'total']], value: c.frontends.length },
      { labels: [['type', 'fe_node_num'], ['state', 'alive']], value: c.frontends.filter((f) => f.alive).length },
      { labels: [['type', 'be_node_num'], ['state', 'total']], value: c.backends.length },
      { labels: [['type', 'be_node_num'], ['state', 'alive']], value: c.backends.filter((b) => b.alive).length },
      { labels: [['type', 'be_node_num'], ['state', 'decommissioned']], value: c.backends.filter((b) => b.decommissioned).length },
      { labels: [['type', 'broker_node_num'], ['state', 'dead']], value: 0 },
      { labels: [['type', 'is_master']], value: 1 },
    ],
  });
}

function defineBeMetrics(c: Cluster, m: MetricRegistry, isBe: boolean): void {
  for (const name of ['fragment_requests_total', 'fragment_request_duration_us', 'http_requests_total', 'http_request_send_bytes', 'query_scan_bytes', 'query_scan_rows']) {
    m.define(name, 'counter', name.includes('bytes') ? 'bytes' : name.includes('rows') ? 'rows' : name.endsWith('_us') ? 'microseconds' : 'requests', '');
    m.inc(name, 0);
  }
  m.define('push_requests_total', 'counter', 'requests', '');
  m.inc('push_requests_total', 0, [['status', 'SUCCESS']]);
  m.inc('push_requests_total', 0, [['status', 'FAIL']]);
  m.define('engine_requests_total', 'counter', 'requests', '');
  for (const type of ['base_compaction', 'cumulative_compaction']) for (const status of ['total', 'failed']) m.inc('engine_requests_total', 0, [['status', status], ['type', type]]);
  if (isBe) {
    m.define('stream_load', 'counter', 'rows', '');
    m.inc('stream_load', 0, [['type', 'receive_bytes']]);
    m.inc('stream_load', 0, [['type', 'load_rows']]);
    for (const p of ['streaming_load', 'transaction_streaming_load']) {
      m.define(`${p}_requests_total`, 'counter', 'requests', '');
      m.define(`${p}_bytes`, 'counter', 'bytes', '');
      m.define(`${p}_duration_ms`, 'counter', 'milliseconds', '');
      m.define(`${p}_current_processing`, 'gauge', 'requests', '');
      for (const s of ['requests_total', 'bytes', 'duration_ms', 'current_processing']) m.inc(`${p}_${s}`, 0);
    }
    m.define('txn_request', 'counter', 'requests', '');
    for (const type of ['begin', 'commit', 'rollback', 'exec']) m.inc('txn_request', 0, [['type', type]]);
    m.define('load_rows', 'counter', 'rows', '');
    m.define('load_bytes', 'counter', 'bytes', '');
    m.inc('load_rows', 0);
    m.inc('load_bytes', 0);
    m.define('tablet_cumulative_max_compaction_score', 'gauge', 'nounit', '', { read: () => [{ labels: [], value: maxCompactionScore(c) }] });
    m.define('tablet_base_max_compaction_score', 'gauge', 'nounit', '', { read: () => [{ labels: [], value: 0 }] });
  }
  m.define('process_fd_num_used', 'gauge', 'nounit', '', { read: () => [{ labels: [], value: fdCount() }] });
  m.define('process_thread_num', 'gauge', 'nounit', '', { read: () => [{ labels: [], value: threadCount() }] });
  m.define('process_mem_bytes', 'gauge', 'bytes', '', { read: () => [{ labels: [], value: process.memoryUsage().rss }] });
  m.define('max_disk_io_util_percent', 'gauge', 'percent', '', { read: () => [{ labels: [], value: 0 }] });
  m.define('max_network_send_bytes_rate', 'gauge', 'bytes', '', { read: () => [{ labels: [], value: 0 }] });
  m.define('max_network_receive_bytes_rate', 'gauge', 'bytes', '', { read: () => [{ labels: [], value: 0 }] });
  m.define('push_request_write_bytes_per_second', 'gauge', 'bytes', '', { read: () => [{ labels: [], value: 0 }] });
  m.define('query_scan_bytes_per_second', 'gauge', 'bytes', '', { read: () => [{ labels: [], value: 0 }] });
  const path = c.backends[0]!.storageRoot;
  m.define('disks_total_capacity', 'gauge', 'bytes', '', { read: () => [{ labels: [['path', path]], value: os.totalmem() * 4 }] });
  m.define('disks_avail_capacity', 'gauge', 'bytes', '', { read: () => [{ labels: [['path', path]], value: os.totalmem() * 4 - c.dataSize() }] });
  m.define('disks_data_used_capacity', 'gauge', 'bytes', '', { read: () => [{ labels: [['path', path]], value: isBe ? c.dataSize() : 0 }] });
  m.define('disks_state', 'gauge', 'nounit', '', { read: () => [{ labels: [['path', path]], value: 1 }] });
}

/** Cumulative compaction score: rowsets above the cumulative point, per tablet, maxed. */
export function maxCompactionScore(c: Cluster): number {
  let max = 0;
  for (const t of c.tables.tablesOf()) for (const p of t.partitions) for (const tab of p.tablets) {
    const score = tab.rowsets.filter((r) => r.start >= tab.cumulativePoint).length;
    if (score > max) max = score;
  }
  return max;
}

function threadCount(): number {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const m = /Threads:\s+(\d+)/.exec(status);
    return m ? Number(m[1]) : 1;
  } catch {
    return 1;
  }
}

function fdCount(): number {
  try {
    return readdirSync('/proc/self/fd').length;
  } catch {
    return 0;
  }
}
