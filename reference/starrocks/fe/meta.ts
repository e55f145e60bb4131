// FE metadata utilities (catalog §4.2): _get_ddl, _migration,
// _check_storagetype, show_meta_info, show_proc, show_runtime_info,
// get_log_file, get_small_file, rowcount, check_decommission,
// _meta_replay_state, show_data.

import os from 'node:os';
import { gson, javaHashMap, restBaseResult } from '../envelopes.ts';
import type { Router } from '../http/router.ts';
import type { TableMeta } from '../cluster/tables.ts';
import { showCreateTable } from '../cluster/ddl-text.ts';
import type { Cluster } from '../cluster/cluster.ts';
import { showProc } from './proc.ts';
import { DdlError, feJson, feResult, feSend, required, restAction } from './action.ts';
import type { FeDeps, FeHandler } from './action.ts';
import { tableRowCount } from '../../engine/catalog.ts';

function table(c: Cluster, db: string, tbl: string, opts: { dbMsg: string; tblMsg: string; notOlapMsg?: string }): TableMeta {
  if (!c.hasDatabase(db)) throw new DdlError(opts.dbMsg);
  if (!c.tables.engineTable(db, tbl)) throw new DdlError(opts.tblMsg);
  const meta = c.tables.find(db, tbl);
  // A view: the actions that need an OLAP table name it.
  if (!meta) throw new DdlError(opts.notOlapMsg ?? opts.tblMsg);
  return meta;
}

export function registerMeta(router: Router<FeHandler>, deps: FeDeps): void {
  const c = deps.cluster;
  router.add('GET', '/api/_get_ddl', restAction(deps, 'admin', (x) => {
    const db = x.param('db');
    const tbl = x.param('tbl');
    if (!db || !tbl) throw new DdlError('Missing params. Need database name and Table name');
    if (!c.hasDatabase(db)) throw new DdlError(`Database[${db}] does not exist`);
    const t = c.tables.engineTable(db, tbl);
    if (!t) throw new DdlError(`Table[${tbl}] does not exist`);
    feResult(x, JSON.stringify(javaHashMap({ TABLE: [showCreateTable(t)], ROLLUP: [], PARTITION: [] })));
  }));

  router.add('GET', '/api/_migration', restAction(deps, 'admin', (x) => {
    const db = x.param('db');
    if (!db) throw new DdlError('Missing params. Need database name');
    if (!c.hasDatabase(db)) throw new DdlError(`Database[${db}] does not exist`);
    const tbl = x.param('tbl');
    let metas = c.tables.tablesOf(db);
    if (tbl) metas = [table(c, db, tbl, { dbMsg: `Database[${db}] does not exist`, tblMsg: `Table[${tbl}] does not exist`, notOlapMsg: `Table[${tbl}] is not OlapTable` })];
    const rows: (string | number)[][] = [];
    for (const m of metas) for (const p of m.partitions) for (const t of p.tablets) rows.push([m.name, p.name, t.id, t.schemaHash, t.backendId]);
    rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1])) || Number(a[2]) - Number(b[2]));
    feResult(x, JSON.stringify(rows));
  }));

  router.add('GET', '/api/_check_storagetype', restAction(deps, 'admin', (x) => {
    const db = x.param('db');
    if (!db) throw new DdlError('Parameter db is missing');
    if (!c.hasDatabase(db)) throw new DdlError(`Database ${db} does not exist`);
    const out: Record<string, Record<string, string>> = {};
    for (const m of c.tables.tablesOf(db)) out[m.name] = {};
    feJson(x, gson(out));
  }));

  // ShowMetaInfoAction @00dc7bd07b: a missing or unknown action is a 400; SHOW_FULL_DB_SIZE
  // counts every replica (one here: the reference keeps one replica per tablet).
  router.add('GET', '/api/show_meta_info', restAction(deps, 'none', (x) => {
    const action = x.param('action');
    if (!action) return feSend(x, 'Missing parameter', { status: 400 });
    if (action.toUpperCase() === 'SHOW_DB_SIZE' || action.toUpperCase() === 'SHOW_FULL_DB_SIZE') {
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
    feSend(x, 'Invalid parameter', { status: 400 });
  }));

  router.add('GET', '/api/show_proc', restAction(deps, 'admin', (x) => {
    const result = showProc(c, x.param('path') ?? '/');
    if (!result) return feSend(x, '[]');
    feJson(x, gson(result.rows.map((r) => Object.fromEntries(result.columns.map((col, i) => [col, r[i]])))));
  }));

  router.add('GET', '/api/show_runtime_info', restAction(deps, 'none', (x) => {
    const mem = process.memoryUsage();
    feJson(x, gson(javaHashMap({
      free_mem: String(Math.max(0, mem.heapTotal - mem.heapUsed)), total_mem: String(mem.heapTotal),
      thread_cnt: String(Number(c.beMetrics.samples(c.beMetrics.families.get('process_thread_num')!)[0]!.value)), max_mem: String(os.totalmem()),
    })));
  }));

  const logFiles = (): Record<string, Buffer> => ({ 'fe.audit.log': Buffer.from(c.feAuditLog.map((l) => `${l}\n`).join('')) });
  // GetLogFileAction checks SYSTEM OPERATE before anything else.
  const logFile = restAction(deps, 'operate', (x) => {
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
    // A name, never a path or an inherited key (`constructor`, `__proto__`): only the log files themselves are there.
    const content = Object.hasOwn(files, file) ? files[file] : undefined;
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
    const meta = table(c, db, tbl, { dbMsg: `Database[${db}] does not exist`, tblMsg: `Table[${tbl}] does not exist`, notOlapMsg: `Table[${tbl}] is not OLAP table` });
    const found = c.engine.catalog.findTable(db, tbl);
    const rows = found ? tableRowCount(found) : 0;
    feResult(x, JSON.stringify({ [meta.name]: rows }));
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
    feResult(x, JSON.stringify({ state: 'OK', replayedJournalId: c.journal.maxJournalId, maxJournalId: c.journal.maxJournalId, imageVersion: c.journal.latestImage().version }));
  }));

  router.add('GET', '/api/show_data', restAction(deps, 'none', (x) => {
    const db = x.param('db');
    if (db !== undefined && !c.hasDatabase(db)) return feSend(x, `database ${db} not found.`, { status: 404 });
    feSend(x, String(c.dataSize(db)));
  }));
}

