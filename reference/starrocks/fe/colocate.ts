// Colocate groups and global dictionaries (admin; catalog §4.2). Groups come
// from tables' `colocate_with` property.

import { restBaseResult, restResult } from '../envelopes.ts';
import type { Router } from '../http/router.ts';
import type { Cluster, ColocateGroup } from '../cluster/cluster.ts';
import { typeSql } from '../dialect/types.ts';
import { DdlError, feResult, feSend, restAction } from './action.ts';
import type { FeDeps, FeHandler } from './action.ts';

/** Long.parseLong with Java's messages (NumberFormatException → HTTP 500). */
function parseLong(v: string | undefined): number {
  if (v === undefined) throw new Error('Cannot parse null string: null');
  if (!/^[+-]?\d+$/.test(v)) throw new Error(`For input string: "${v}"`);
  return Number(v);
}

export function colocateGroups(c: Cluster): ColocateGroup[] {
  for (const t of c.tables.tablesOf()) {
    const name = t.properties.colocate_with;
    if (!name) continue;
    let g = c.colocateGroups.find((x) => x.dbId === t.dbId && x.name === name);
    if (!g) {
      g = { dbId: t.dbId, grpId: c.ids.next(), name, tableIds: [], bucketsNum: t.buckets, replicationNum: 1, distributionColTypes: t.distributedBy.map((n) => { const col = t.columns.find((x) => x.name === n); return col ? typeSql(col.srType) : ''; }), backendsPerBucketSeq: Array.from({ length: t.buckets }, () => [c.backends[0]!.id]), stable: true };
      c.colocateGroups.push(g);
    }
    if (!g.tableIds.includes(t.id)) g.tableIds.push(t.id);
  }
  return c.colocateGroups;
}

export function registerColocate(router: Router<FeHandler>, deps: FeDeps): void {
  const c = deps.cluster;
  const group = (x: { param(n: string): string | undefined }): ColocateGroup => {
    const dbId = parseLong(x.param('db_id'));
    const grpId = parseLong(x.param('group_id'));
    const g = colocateGroups(c).find((y) => y.dbId === dbId && y.grpId === grpId);
    if (!g) throw new DdlError(`the group ${dbId}.${grpId}isn't  exist`);
    return g;
  };
  router.add('GET', '/api/colocate', restAction(deps, 'admin', (x) => {
    const groups = colocateGroups(c);
    const key = (g: ColocateGroup): string => `${g.dbId}.${g.grpId}`;
    const meta = {
      groupName2Id: Object.fromEntries(groups.map((g) => [`${g.dbId}_${g.name}`, { dbId: g.dbId, grpId: g.grpId }])),
      group2Tables: Object.fromEntries(groups.map((g) => [key(g), g.tableIds])),
      table2Group: Object.fromEntries(groups.flatMap((g) => g.tableIds.map((t) => [String(t), { dbId: g.dbId, grpId: g.grpId }]))),
      group2Schema: Object.fromEntries(groups.map((g) => [key(g), { groupId: { dbId: g.dbId, grpId: g.grpId }, distributionColTypes: g.distributionColTypes, bucketsNum: g.bucketsNum, replicationNum: g.replicationNum }])),
      group2BackendsPerBucketSeq: Object.fromEntries(groups.map((g) => [key(g), g.backendsPerBucketSeq])),
      unstableGroups: groups.filter((g) => !g.stable).map((g) => ({ dbId: g.dbId, grpId: g.grpId })),
    };
    // ColocateMetaAction sets application/json, then sendResult(…, RestResult) sets JSON_CONTENT_TYPE over it.
    feResult(x, restResult({ colocate_meta: meta }));
  }));
  router.add('POST', '/api/colocate/group_stable', restAction(deps, 'admin', (x) => {
    group(x).stable = true;
    feSend(x, '');
  }));
  router.add('POST', '/api/colocate/group_unstable', restAction(deps, 'admin', (x) => {
    group(x).stable = false;
    feSend(x, '');
  }));
  router.add('POST', '/api/colocate/bucketseq', restAction(deps, 'admin', async (x) => {
    const g = group(x);
    let seq: unknown;
    try {
      seq = JSON.parse((await x.body()).toString('utf8'));
    } catch (e) {
      throw new Error((e as Error).message);
    }
    if (!Array.isArray(seq)) throw new Error('java.lang.IllegalStateException: Expected BEGIN_ARRAY');
    if (seq.length !== g.bucketsNum) throw new DdlError(`Invalid bucket num. expected: ${g.bucketsNum}, actual: ${seq.length}`);
    for (const bucket of seq as unknown[][]) {
      if (!Array.isArray(bucket) || bucket.length !== g.replicationNum) {
        throw new DdlError(`Invalid backend num per bucket. expected: ${g.replicationNum}, actual: ${Array.isArray(bucket) ? bucket.length : 0}`);
      }
      for (const be of bucket) {
        if (!c.backends.some((b) => b.id === Number(be) && b.alive)) throw new DdlError(`The backend ${String(be)} does not exist or not available`);
      }
    }
    g.backendsPerBucketSeq = (seq as unknown[][]).map((b) => b.map(Number));
    feSend(x, '');
  }));
  router.add('POST', '/api/colocate/update_group', restAction(deps, 'admin', (x) => {
    const bad = (m: string): void => feSend(x, m, { status: 400 });
    // Long.valueOf(...trim()): a non-number is a NumberFormatException (500); only ids <= 0 are "Bad …".
    const dbId = parseLong(x.param('db_id')?.trim());
    if (dbId <= 0) return bad('Bad db_id parameter');
    const grpId = parseLong(x.param('group_id')?.trim());
    if (grpId <= 0) return bad('Bad group_id parameter');
    const tableId = parseLong(x.param('table_id')?.trim());
    if (tableId <= 0) return bad('Bad table_id parameter');
    const isJoin = x.param('is_join');
    if (isJoin === undefined) return bad('Missing is_join parameter');
    if (isJoin !== 'true' && isJoin !== 'false') return bad('Invalid is_join parameter');
    const db = c.databases().find((d) => c.dbId(d) === dbId);
    if (!db) return bad('Non-exist db');
    if (!c.tables.tablesOf(db).some((t) => t.id === tableId)) return bad('Non-exist table');
    // Only cloud-native (lake) tables can change groups; every table here is an OLAP table.
    bad('Not-supported table type');
  }));
  router.add('POST', '/api/global_dict/table/enable', restAction(deps, 'admin', (x) => {
    const db = x.param('db_name');
    const tbl = x.param('table_name');
    const enable = x.param('enable');
    if (!db || !tbl || !enable) return feSend(x, 'Missing db_name, table_name, or enable parameter', { status: 400 });
    if (enable !== 'true' && enable !== 'false') return feSend(x, "Invalid enable parameter. It should be either 'true' or 'false'", { status: 400 });
    if (!c.hasDatabase(db)) throw new DdlError(`the DB ${db} is not exist`);
    c.globalDict.set(`${db}.${tbl}`, enable === 'true');
    // RestBaseResult's message constructor: the success reply is FAILED-shaped.
    feSend(x, restBaseResult('apply success'));
  }));
}
