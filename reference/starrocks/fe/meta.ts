// FE metadata utilities (catalog §4.2): _get_ddl, _migration,
// _check_storagetype, show_meta_info, show_proc, show_runtime_info,
// get_log_file, get_small_file, rowcount, check_decommission,
// _meta_replay_state, show_data.

import os from 'node:os';
import { gson, javaHashMap, restBaseResult } from '../envelopes.ts';
import type { Router } from '../http/router.ts';
import { allTablets, tabletRows } from '../cluster/tables.ts';
import type { TableMeta } from '../cluster/tables.ts';
import { showCreateTable } from '../cluster/ddl-text.ts';
import type { Cluster } from '../cluster/cluster.ts';
import { STARROCKS_COMMIT, STARROCKS_VERSION } from '../version.ts';
import { DdlError, feJson, feSend, required, restAction } from './action.ts';
import type { FeDeps, FeHandler } from './action.ts';

function table(c: Cluster, db: string, tbl: string, opts: { dbMsg: string; tblMsg: string }): TableMeta {
  if (!c.hasDatabase(db)) throw new DdlError(opts.dbMsg);
  const meta = c.tables.find(db, tbl);
  if (!meta) throw new DdlError(opts.tblMsg);
  return meta;
}

/** PROC nodes: rows of column → value. */
function proc(c: Cluster, path: string): Record<string, string>[] | undefined {
  const parts = path.split('/').filter((s) => s);
  const fmt = (ms: number): string => (ms > 0 ? new Date(ms).toISOString().replace('T', ' ').slice(0, 19) : 'NULL');
  if (parts.length === 0) {
    return ['auth', 'backends', 'catalog', 'cluster_balance', 'cluster_load_stat', 'colocation_group', 'compactions', 'compute_nodes', 'current_queries',
      'dbs', 'frontends', 'global_current_queries', 'jobs', 'load_error_hub_url', 'meta_recovery', 'replications', 'resources', 'routine_loads',
      'statistic', 'stream_loads', 'tasks', 'transactions', 'warehouses'].map((Name) => ({ Name }));
  }
  const [head, ...rest] = parts;
  switch (head) {
    case 'frontends':
      if (rest.length) return undefined;
      return c.frontends.map((f) => ({
        Name: f.name, IP: f.host, EditLogPort: String(f.editLogPort), HttpPort: String(f.httpPort), QueryPort: String(f.queryPort), RpcPort: String(f.rpcPort),
        Role: f.role, ClusterId: String(c.journal.clusterId), Join: 'true', Alive: String(f.alive), ReplayedJournalId: String(c.journal.maxJournalId),
        LastHeartbeat: fmt(c.now()), IsHelper: 'true', ErrMsg: '', StartTime: fmt(f.startTime), Version: `${STARROCKS_VERSION}-${STARROCKS_COMMIT}`,
      }));
    case 'backends':
    case 'compute_nodes': {
      if (rest.length) return undefined;
      const nodes = head === 'backends' ? c.backends : c.computeNodes;
      return nodes.map((b) => ({
        BackendId: String(b.id), IP: b.host, HeartbeatPort: String(b.heartbeatPort), BePort: String(b.bePort), HttpPort: String(b.httpPort), BrpcPort: String(b.brpcPort),
        LastStartTime: fmt(b.startTime), LastHeartbeat: fmt(c.now()), Alive: String(b.alive), SystemDecommissioned: String(b.decommissioned),
        TabletNum: String(head === 'backends' ? c.tables.tablesOf().reduce((s, t) => s + allTablets(t).length, 0) : 0),
        DataUsedCapacity: `${(head === 'backends' ? c.dataSize() : 0)} B`, Version: `${STARROCKS_VERSION}-${STARROCKS_COMMIT}`,
      }));
    }
    case 'dbs': {
      if (rest.length === 0) {
        return c.databases().map((d) => ({
          DbId: String(c.dbId(d)), DbName: d, TableNum: String(c.tables.tablesOf(d).length), Quota: '8388608.000 TB', LastConsistencyCheckTime: 'NULL', ReplicaQuota: '1073741824',
        }));
      }
      const db = c.databases().find((d) => String(c.dbId(d)) === rest[0]);
      if (!db) return undefined;
      const tables = c.tables.tablesOf(db);
      if (rest.length === 1) {
        return tables.map((t) => ({
          TableId: String(t.id), TableName: t.name, IndexNum: '1', PartitionColumnName: t.partitionColumn ?? '', PartitionNum: String(t.partitions.length),
          State: 'NORMAL', Type: 'OLAP', LastConsistencyCheckTime: 'NULL', ReplicaCount: String(allTablets(t).length), PartitionType: t.partitionKind === 'UNPARTITIONED' ? 'UNPARTITIONED' : t.partitionKind,
        }));
      }
      const t = tables.find((x) => String(x.id) === rest[1]);
      if (!t) return undefined;
      if (rest.length === 2) return [{ Name: 'partitions' }, { Name: 'temp_partitions' }, { Name: 'index_schema' }];
      if (rest[2] === 'partitions' && rest.length === 3) {
        return t.partitions.map((p) => ({
          PartitionId: String(p.id), PartitionName: p.name, VisibleVersion: String(p.visibleVersion), VisibleVersionTime: fmt(p.visibleVersionTime),
          State: 'NORMAL', PartitionKey: t.partitionColumn ?? '', Buckets: String(t.buckets), ReplicationNum: '1',
          RowCount: String(p.tablets.reduce((s, x) => s + tabletRows(x), 0)),
        }));
      }
      return undefined;
    }
    case 'transactions': {
      if (rest.length === 0) return c.databases().map((d) => ({ DbId: String(c.dbId(d)), DbName: d }));
      const db = c.databases().find((d) => String(c.dbId(d)) === rest[0]);
      if (!db) return undefined;
      if (rest.length === 1) return [{ State: 'running', Number: String(c.txns.running(db).length) }, { State: 'finished', Number: String([...c.txns.byId.values()].filter((t) => t.db === db && (t.status === 'VISIBLE' || t.status === 'ABORTED')).length) }];
      const running = rest[1] === 'running';
      if (rest[1] !== 'running' && rest[1] !== 'finished') return undefined;
      return [...c.txns.byId.values()].filter((t) => t.db === db && (running ? t.status === 'PREPARE' || t.status === 'PREPARED' : t.status === 'VISIBLE' || t.status === 'ABORTED')).map((t) => ({
        TransactionId: String(t.id), Label: t.label, Coordinator: `BE: ${t.coordinator}`, TransactionStatus: t.status, LoadJobSourceType: t.source,
        PrepareTime: fmt(t.prepareTime), CommitTime: fmt(t.commitTime), FinishTime: fmt(t.finishTime), Reason: t.reason, ErrorReplicasCount: '0',
        ListenerId: '-1', TimeoutMs: String(t.timeoutMs),
      }));
    }
    case 'statistic': {
      if (rest.length) return undefined;
      return c.databases().map((d) => {
        const ts = c.tables.tablesOf(d);
        const tablets = ts.flatMap(allTablets);
        return { DbId: String(c.dbId(d)), DbName: d, TableNum: String(ts.length), PartitionNum: String(ts.reduce((s, t) => s + t.partitions.length, 0)),
          IndexNum: String(ts.length), TabletNum: String(tablets.length), ReplicaNum: String(tablets.length), UnhealthyTabletNum: '0', InconsistentTabletNum: '0', CloningTabletNum: '0', ErrorStateTabletNum: '0' };
      });
    }
    default:
      return undefined;
  }
}

export function registerMeta(router: Router<FeHandler>, deps: FeDeps): void {
  const c = deps.cluster;
  router.add('GET', '/api/_get_ddl', restAction(deps, 'admin', (x) => {
    const db = x.param('db');
    const tbl = x.param('tbl');
    if (!db || !tbl) throw new DdlError('Missing params. Need database name and Table name');
    const meta = table(c, db, tbl, { dbMsg: `Database[${db}] does not exist`, tblMsg: `Table[${tbl}] does not exist` });
    feJson(x, JSON.stringify(javaHashMap({ TABLE: [showCreateTable(meta)], ROLLUP: [], PARTITION: [] })));
  }));

  router.add('GET', '/api/_migration', restAction(deps, 'admin', (x) => {
    const db = x.param('db');
    if (!db) throw new DdlError('Missing params. Need database name');
    if (!c.hasDatabase(db)) throw new DdlError(`Database[${db}] does not exist`);
    const tbl = x.param('tbl');
    let metas = c.tables.tablesOf(db);
    if (tbl) {
      const m = c.tables.find(db, tbl);
      if (!m) throw new DdlError(`Table[${tbl}] does not exist`);
      metas = [m];
    }
    const rows: (string | number)[][] = [];
    for (const m of metas) for (const p of m.partitions) for (const t of p.tablets) rows.push([m.name, p.name, t.id, t.schemaHash, t.backendId]);
    rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1])) || Number(a[2]) - Number(b[2]));
    feJson(x, JSON.stringify(rows));
  }));

  router.add('GET', '/api/_check_storagetype', restAction(deps, 'admin', (x) => {
    const db = x.param('db');
    if (!db) throw new DdlError('Parameter db is missing');
    if (!c.hasDatabase(db)) throw new DdlError(`Database ${db} does not exist`);
    const out: Record<string, Record<string, string>> = {};
    for (const m of c.tables.tablesOf(db)) out[m.name] = {};
    feJson(x, gson(out));
  }));

  router.add('GET', '/api/show_meta_info', restAction(deps, 'none', (x) => {
    const action = x.param('action');
    if (action === undefined) throw new Error('java.lang.NullPointerException');
    if (action.toUpperCase() === 'SHOW_DB_SIZE') {
      const sizes: Record<string, number> = {};
      for (const d of c.databases()) sizes[d] = c.dataSize(d);
      return feJson(x, gson(javaHashMap(sizes)));
    }
    if (action.toUpperCase() === 'SHOW_HA') {
      const leader = c.leader;
      return feJson(x, gson(javaHashMap({
        role: deps.fe.role, current_journal_id: String(c.journal.maxJournalId), master: leader.host,
        electable_nodes: c.frontends.filter((f) => f.role !== 'OBSERVER' && f !== leader).map((f) => f.host).join(','),
        observer_nodes: c.frontends.filter((f) => f.role === 'OBSERVER').map((f) => f.host).join(','),
        can_read: 'true', is_ready: 'true', last_checkpoint_version: String(c.journal.latestImage().version),
        last_checkpoint_time: String(c.journal.lastCheckpointTime),
      })));
    }
    feSend(x, '', { contentType: 'application/json' });
  }));

  router.add('GET', '/api/show_proc', restAction(deps, 'admin', (x) => {
    const rows = proc(c, x.param('path') ?? '/');
    if (!rows) return feSend(x, '[]');
    feJson(x, gson(rows));
  }));

  router.add('GET', '/api/show_runtime_info', restAction(deps, 'none', (x) => {
    const mem = process.memoryUsage();
    feJson(x, gson(javaHashMap({
      free_mem: String(Math.max(0, mem.heapTotal - mem.heapUsed)), total_mem: String(mem.heapTotal),
      thread_cnt: String(Number(c.beMetrics.samples(c.beMetrics.families.get('process_thread_num')!)[0]!.value)), max_mem: String(os.totalmem()),
    })));
  }));

  const logFiles = (): Record<string, Buffer> => ({ 'fe.audit.log': Buffer.from(c.feAuditLog.map((l) => `${l}\n`).join('')) });
  const logFile = restAction(deps, 'basic', (x) => {
    const type = x.param('type');
    if (!type) return feSend(x, 'Miss type parameter', { status: 400 });
    if (type !== 'fe.audit.log') return feSend(x, `log type: ${type} is invalid!`, { status: 400 });
    const files = logFiles();
    if (x.method === 'HEAD') {
      const infos: Record<string, number> = {};
      for (const [name, content] of Object.entries(files)) if (name.startsWith(type)) infos[name] = content.length;
      return feSend(x, '', { headers: { file_infos: gson(infos) } });
    }
    const file = x.param('file') ?? '';
    const content = files[file];
    if (!content) return feSend(x, `Log file not exist: ${file}`, { status: 404 });
    feSend(x, content, { contentType: 'application/octet-stream', headers: { 'Content-Disposition': `attachment; filename=${file}` } });
  });
  router.add(['HEAD', 'GET'], '/api/get_log_file', logFile);

  router.add('GET', '/api/get_small_file', restAction(deps, 'none', (x) => {
    const token = x.param('token');
    const id = x.param('file_id');
    if (!token || !id) return feSend(x, 'Missing parameter', { status: 400 });
    if (token !== c.journal.token) return feSend(x, 'Invalid token', { status: 400 });
    if (!/^-?\d+$/.test(id)) return feSend(x, `Invalid file id format: ${id}`, { status: 400 });
    const f = c.smallFiles.get(Number(id));
    if (!f || f.content.length === 0) return feSend(x, 'File not found or is not content', { status: 400 });
    feSend(x, f.content, { contentType: 'application/octet-stream', headers: { 'Content-Disposition': `attachment; filename=${f.name}` } });
  }));

  router.add('GET', '/api/rowcount', restAction(deps, 'admin', (x) => {
    const db = x.param('db');
    if (!db) throw new DdlError('No database selected.');
    const tbl = x.param('table');
    if (!tbl) throw new DdlError('No table selected.');
    const meta = table(c, db, tbl, { dbMsg: `Database[${db}] does not exist`, tblMsg: `Table[${tbl}] does not exist` });
    const rows = c.engine.catalog.findTable(db, tbl)?.rows.length ?? 0;
    feJson(x, JSON.stringify({ [meta.name]: rows }));
  }));

  // The check form: every host:port must be a BE heartbeat address (decommissioning is not driven here).
  router.add('GET', '/api/check_decommission', restAction(deps, 'operate', (x) => {
    const hp = x.param('host_ports');
    if (!hp) throw new DdlError('No host:port specified.');
    for (const item of hp.split(',')) {
      const [host, port] = item.split(':');
      if (!host || !port || !/^\d+$/.test(port)) throw new DdlError(`Invalid host port: ${item}`);
      if (!c.backends.some((b) => b.host === host && b.heartbeatPort === Number(port))) throw new DdlError(`Backend does not exist[${item}]`);
    }
    feJson(x, restBaseResult());
  }));

  router.add('GET', '/api/_meta_replay_state', restAction(deps, 'admin', (x) => {
    feJson(x, JSON.stringify({ state: 'OK', replayedJournalId: c.journal.maxJournalId, maxJournalId: c.journal.maxJournalId, imageVersion: c.journal.latestImage().version }));
  }));

  router.add('GET', '/api/show_data', restAction(deps, 'none', (x) => {
    const db = x.param('db');
    if (db !== undefined && !c.hasDatabase(db)) return feSend(x, `database ${db} not found.`, { status: 404 });
    feSend(x, String(c.dataSize(db)));
  }));
}

