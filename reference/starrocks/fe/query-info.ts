// Query/runtime info (catalog §4.3): profile, query_detail, connection,
// query_dump. Queries are recorded by the FE's MySQL side (Cluster.queryDetails).

import { randomUUID } from 'node:crypto';
import { gson } from '../envelopes.ts';
import type { Router } from '../http/router.ts';
import { showCreateTable } from '../cluster/ddl-text.ts';
import { tabletRows } from '../cluster/tables.ts';
import { Settings } from '../../engine/index.ts';
import type { QueryContext } from '../../engine/api.ts';
import { feJson, feSend, restAction } from './action.ts';
import { STARROCKS_COMMIT, STARROCKS_VERSION } from '../version.ts';
import type { FeDeps, FeHandler } from './action.ts';

function engineContext(database: string, user: string): QueryContext {
  return {
    database, user, queryId: randomUUID(), settings: new Settings(), readonly: 0,
    progress: { readRows: 0, readBytes: 0, writtenRows: 0, writtenBytes: 0, totalRowsToRead: 0, resultRows: 0, resultBytes: 0 },
  };
}

export function registerQueryInfo(router: Router<FeHandler>, deps: FeDeps): void {
  const c = deps.cluster;
  // ProfileAction @0160d4fbed no longer overrides execute() nor needAuth(): Basic credentials.
  router.add('GET', '/api/profile', restAction(deps, 'basic', (x) => {
    const id = x.param('query_id');
    if (!id) return feSend(x, 'not valid parameter', { status: 400 });
    const profile = c.profiles.get(id);
    if (profile === undefined) return feSend(x, `query id ${id} not found.`, { status: 404 });
    feSend(x, profile);
  }));

  router.add('GET', '/api/query_detail', restAction(deps, 'basic', (x) => {
    const t = x.param('event_time');
    if (!t) return feSend(x, 'not valid parameter', { status: 400 });
    if (!/^-?\d+$/.test(t)) throw new Error(`For input string: "${t}"`);
    const user = x.param('user');
    const after = BigInt(t);
    const list = c.queryDetails.filter((d) => d.eventTime > after && (user === undefined || d.user.toLowerCase() === user.toLowerCase()));
    feJson(x, gson(list));
  }));

  router.add('GET', '/api/connection', restAction(deps, 'none', (x) => {
    const id = x.param('connection_id');
    if (!id) return feSend(x, 'not valid parameter', { status: 400 });
    const q = /^\d+$/.test(id) ? c.connections.get(Number(id)) : undefined;
    if (!q) return feSend(x, `connection id ${id} not found.`, { status: 404 });
    feJson(x, `{"query_id" : "${q}"}`);
  }));

  router.add('POST', '/api/query_dump', restAction(deps, 'basic', async (x, user) => {
    let db = x.param('db');
    if (db?.includes('.')) db = db.split('.').slice(1).join('.');
    if (db !== undefined && !c.hasDatabase(db)) return feSend(x, `Database [${db}] does not exists`, { status: 404 });
    const sql = (await x.body()).toString('utf8');
    if (!sql.trim()) return feSend(x, 'not valid parameter', { status: 400 });
    // The FE parses, analyzes and plans the statement (without running it); any failure is `execute query failed.`.
    try {
      const q = c.engine.parse(sql);
      if (q.statement.kind !== 'select') throw new Error('only support query statement');
      await c.engine.execute(q, engineContext(db ?? '', user?.name ?? 'root'));
    } catch (e) {
      return feSend(x, `execute query failed. ${(e as Error).message.split('\n')[0]}`, { status: 400 });
    }
    const tableMeta: Record<string, string> = {};
    const rowCount: Record<string, Record<string, number>> = {};
    for (const m of c.tables.tablesOf(db)) {
      if (!new RegExp(`\\b${m.name}\\b`).test(sql)) continue;
      tableMeta[`${m.db}.${m.name}`] = showCreateTable(c.tables.engineTable(m.db, m.name)!);
      rowCount[`${m.db}.${m.name}`] = Object.fromEntries(m.partitions.map((p) => [p.name, p.tablets.reduce((s, t) => s + tabletRows(t), 0)]));
    }
    // QueryDumpSerializer ends with the release and its commit (Version.STARROCKS_VERSION / _COMMIT_HASH).
    feJson(x, JSON.stringify({
      statement: sql, table_meta: tableMeta, table_row_count: rowCount, session_variables: '{}', column_statistics: {},
      be_number: c.backends.length, be_core_stat: { numOfHardwareCoresPerBe: '{}', cachedAvgNumOfHardwareCores: -1 }, exception: [], version: STARROCKS_VERSION, commit_version: STARROCKS_COMMIT,
    }, null, 2));
  }));
}
