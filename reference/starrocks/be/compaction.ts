// Compaction endpoints (catalog §7): show, compact (base/cumulative over the
// tablet's real rowsets), repair lists, compact_rocksdb_meta.

import { rapidPretty } from '../envelopes.ts';
import type { Router } from '../http/router.ts';
import { rowsetId } from '../cluster/tables.ts';
import type { RowsetMeta, TabletMeta } from '../cluster/tables.ts';
import type { BeDeps, BeHandler } from './action.ts';
import { beJson, beSend } from './action.ts';

function fmt(ms: number): string {
  if (ms <= 0) return '1970-01-01 08:00:00.000';
  const d = new Date(ms + 8 * 3600 * 1000);
  return d.toISOString().replace('T', ' ').replace('Z', '');
}

function merge(t: TabletMeta, rs: RowsetMeta[]): RowsetMeta {
  const start = Math.min(...rs.map((r) => r.start));
  const end = Math.max(...rs.map((r) => r.end));
  const rows = rs.reduce((s, r) => s + r.rows, 0);
  return { rowsetId: rowsetId(t.id, end * 1000 + start), start, end, segments: rows > 0 ? 1 : 0, rows, bytes: rs.reduce((s, r) => s + r.bytes, 0), overlapping: false, delete: false };
}

export function registerCompaction(router: Router<BeHandler>, deps: BeDeps): void {
  const c = deps.cluster;
  const m = c.beMetrics;
  let running = false;
  // Tablet::get_compaction_status (storage/tablet.cpp @ b591a1e5db): underscore keys, rowsets as objects.
  router.add('GET', '/api/compaction/show', (x) => {
    const id = x.query.get('tablet_id');
    if (!id) return beJson(x, rapidPretty({ status: 'Fail', msg: "The argument 'tablet_id' is required." }));
    if (!/^\d+$/.test(id)) return beJson(x, rapidPretty({ status: 'Fail', msg: 'convert failed, stoull' }));
    // A compute node stores no tablets of shared-nothing tables.
    const found = deps.storesTablets === false ? undefined : c.tables.tablet(Number(id));
    if (!found) return beJson(x, rapidPretty({ status: 'Fail', msg: 'Tablet not found' }));
    const t = found.tablet;
    beJson(x, rapidPretty({
      compaction_detail: { enable_compaction: true, compaction_status: running ? 'RUNNING' : 'NO_RUNNING_TASK' },
      cumulative_point: t.cumulativePoint,
      last_cumulative_failure_time: fmt(t.lastCumulativeFailure),
      last_base_failure_time: fmt(t.lastBaseFailure),
      last_cumulative_success_time: fmt(t.lastCumulativeSuccess),
      last_base_success_time: fmt(t.lastBaseSuccess),
      rowsets_count: t.rowsets.length,
      rowset_details: t.rowsets.map((r) => ({
        rowset_id: r.rowsetId,
        version: `${r.start}-${r.end}`,
        num_segments: r.segments,
        type: r.delete ? 'DELETE' : 'DATA',
        overlap: r.overlapping ? 'OVERLAPPING' : 'NONOVERLAPPING',
        rowset_size: r.bytes,
      })),
      // The items' shape (TimestampedVersionTracker) was not checked against the source.
      stale_version_path: t.staleRowsets.map((r) => `path: [${r.start}-${r.end}]`),
    }));
  });

  router.add('POST', '/api/compact', (x) => {
    const fail = (msg: string): void => beJson(x, rapidPretty({ status: 'Fail', msg }));
    const id = x.query.get('tablet_id') ?? '';
    const type = x.query.get('compaction_type') ?? '';
    if (!/^\d+$/.test(id)) return fail(`invalid argument.tablet_id:${id}`);
    if (type !== 'base' && type !== 'cumulative') return fail(`unsupport compaction type:${type}`);
    const found = c.tables.tablet(Number(id));
    if (!found) return fail(`Not Found tablet:${id}`);
    if (running) return fail('Manual compaction task is running');
    const t = found.tablet;
    const name = `${t.id}.${t.schemaHash}`;
    const now = c.now();
    m.inc('engine_requests_total', 1, [['status', 'total'], ['type', `${type}_compaction`]]);
    running = true;
    try {
      const sorted = [...t.rowsets].sort((a, b) => a.start - b.start);
      const picked = type === 'cumulative' ? sorted.filter((r) => r.start >= t.cumulativePoint) : sorted.filter((r) => r.end < t.cumulativePoint);
      if (picked.length < 2) {
        if (type === 'cumulative') t.lastCumulativeFailure = now;
        else t.lastBaseFailure = now;
        m.inc('engine_requests_total', 1, [['status', 'failed'], ['type', `${type}_compaction`]]);
        return fail(`Failed to ${type} compaction tablet=${name} no need to do`);
      }
      const merged = merge(t, picked);
      t.staleRowsets.push(...picked);
      t.rowsets = sorted.filter((r) => !picked.includes(r)).concat(merged).sort((a, b) => a.start - b.start);
      if (type === 'cumulative') {
        t.cumulativePoint = merged.end + 1;
        t.lastCumulativeSuccess = now;
      } else {
        t.lastBaseSuccess = now;
      }
      beJson(x, rapidPretty({ status: 'Success', msg: 'compaction task executed successful' }));
    } finally {
      running = false;
    }
  });

  const repairList = new Map<number, { rowsets: { rowset_id: string; segments: number }[] }>();
  const executed: { tablet_id: number; rowsets: { rowset_id: string; status: string }[] }[] = [];
  router.add('GET', '/api/compaction/show_repair', (x) => {
    const need = [...repairList.entries()].map(([tablet_id, v]) => ({ tablet_id, rowsets: v.rowsets }));
    beJson(x, JSON.stringify({ need_to_repair: need, need_to_repair_num: need.length, executed_task: executed, executed_task_num: executed.length }));
  });
  router.add('PUT', '/api/compaction/submit_repair', (x) => {
    const id = x.query.get('tablet_id');
    const ids = id ? [Number(id)] : [...repairList.keys()];
    if (id && !repairList.has(Number(id))) return beJson(x, rapidPretty({ status: 'Fail', msg: `tablet_id ${id} not found in repair tablet list` }));
    for (const tid of ids) {
      const entry = repairList.get(tid)!;
      executed.push({ tablet_id: tid, rowsets: entry.rowsets.map((r) => ({ rowset_id: r.rowset_id, status: 'OK' })) });
      repairList.delete(tid);
    }
    beSend(x, '', 200, 'application/json');
  });
  // The handler triggers a manual RocksDB compaction and sends no body of its own.
  // CompactRocksDbMetaAction (http/service/action @ 1952c877e4) compacts and sends no reply at
  // all, so a client waits until it gives up; the reference answers 200 with no body instead.
  router.add('POST', '/api/compact_rocksdb_meta', (x) => beSend(x, ''));
}
