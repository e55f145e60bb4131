// Tablet endpoints of the BE (catalog §7): meta header, checksum, reload,
// restore from trash, snapshot (the downloads are in download.ts).

import { crc32 } from 'node:zlib';
import { beStatusJson, rapidPretty } from '../envelopes.ts';
import type { Exchange } from '../http/exchange.ts';
import type { Router } from '../http/router.ts';
import { tabletVersion } from '../cluster/tables.ts';
import type { PartitionMeta, TableMeta, TabletMeta } from '../cluster/tables.ts';
import type { BeDeps, BeHandler } from './action.ts';
import { beJson, beSend } from './action.ts';
import { storageRoot } from './download.ts';

/** be.conf snapshot_expire_time_sec default: the timeout part of a snapshot's directory name. */
const SNAPSHOT_EXPIRE_SEC = 172800;

function param(x: Exchange, name: string): string {
  const v = x.query.get(name);
  if (v === null || v === '') throw new ParamError(`parameter ${name} not specified in url.`);
  return v;
}

function int(x: Exchange, name: string): number {
  const v = param(x, name);
  if (!/^-?\d+$/.test(v)) throw new ParamError(`param format is invalid: ${v}`);
  return Number(v);
}

class ParamError extends Error {}

/** The tablet's TabletMetaPB as JSON (meta_action.cpp). */
export function tabletHeaderJson(found: { table: TableMeta; partition: PartitionMeta; tablet: TabletMeta }): string {
  const { table, partition, tablet } = found;
  return rapidPretty({
    table_id: table.id, partition_id: partition.id, tablet_id: tablet.id, schema_hash: tablet.schemaHash, shard_id: tablet.id % 1024,
    creation_time: Math.floor(tablet.creationTime / 1000), cumulative_layer_point: tablet.cumulativePoint, tablet_state: 'PB_RUNNING',
    schema: {
      keys_type: table.keysType, column: table.columns.map((col, i) => ({ unique_id: i, name: col.name, type: col.type.replace(/\(.*$/, '').toUpperCase(), is_key: table.keyColumns.includes(col.name), aggregation: col.aggregation ?? 'NONE', is_nullable: col.nullable !== false })),
      num_short_key_columns: table.keyColumns.length, num_rows_per_row_block: 1024, compress_kind: 'COMPRESS_LZ4', next_column_unique_id: table.columns.length,
    },
    rs_metas: tablet.rowsets.map((r) => ({ rowset_id: r.rowsetId, tablet_id: tablet.id, start_version: r.start, end_version: r.end, num_rows: r.rows, total_disk_size: r.bytes, num_segments: r.segments, segments_overlap_pb: r.overlapping ? 'OVERLAPPING' : 'NONOVERLAPPING', rowset_state: 'VISIBLE' })),
    in_restore_mode: false, tablet_uid: { hi: tablet.id, lo: tablet.schemaHash },
  });
}

export function registerTablet(router: Router<BeHandler>, deps: BeDeps): void {
  const c = deps.cluster;
  const storage = (): string => storageRoot(deps);

  router.add(['GET', 'HEAD'], '/api/meta/header/{tablet_id}', (x) => {
    const id = x.params.tablet_id ?? '';
    const found = /^\d+$/.test(id) ? c.tables.tablet(Number(id)) : undefined;
    if (!found) return beJson(x, beStatusJson('no tablet exist'), 500);
    beJson(x, tabletHeaderJson(found));
  });

  const guarded = (fn: (x: Exchange) => void): BeHandler => (x) => {
    try {
      fn(x);
    } catch (e) {
      if (e instanceof ParamError) return beSend(x, e.message, 400);
      throw e;
    }
  };

  router.add('GET', '/api/checksum', guarded((x) => {
    const tabletId = int(x, 'tablet_id');
    const version = int(x, 'version');
    const schemaHash = int(x, 'schema_hash');
    const found = c.tables.tablet(tabletId);
    if (!found || found.tablet.schemaHash !== schemaHash || version > tabletVersion(found.tablet) || version < 0) return beSend(x, 'checksum failed', 500);
    const upTo = found.tablet.rowsets.filter((r) => r.end <= version);
    const sum = crc32(upTo.map((r) => `${r.rowsetId}:${r.rows}:${r.bytes}`).join('|'), found.tablet.checksumSeed);
    beSend(x, String(sum));
  }));

  router.add('GET', '/api/reload_tablet', guarded((x) => {
    const path = param(x, 'path');
    const tabletId = int(x, 'tablet_id');
    const schemaHash = int(x, 'schema_hash');
    const found = c.tables.tablet(tabletId);
    if (!found || found.tablet.schemaHash !== schemaHash || !path.startsWith('/')) return beSend(x, 'load header failed', 500);
    beSend(x, 'load header succeed');
  }));

  router.add('POST', '/api/restore_tablet', (x) => {
    const id = x.query.get('tablet_id');
    if (!id) return beJson(x, beStatusJson('parameter tablet_id not specified in url.'), 500);
    const hash = x.query.get('schema_hash');
    if (!hash) return beJson(x, beStatusJson('parameter schema_hash not specified in url.'), 500);
    if (c.tables.tablet(Number(id))) return beJson(x, beStatusJson('tablet already exists, can not restore.'), 500);
    const t = c.tables.trash.find((tab) => String(tab.id) === id && String(tab.schemaHash) === hash);
    if (!t) return beJson(x, beStatusJson('can not find tablet path in trash'), 500);
    // Restored tablets leave the trash; their table is gone, so they stay orphans on this BE.
    c.tables.trash.splice(c.tables.trash.indexOf(t), 1);
    t.inTrash = false;
    beJson(x, beStatusJson());
  });

  router.add('GET', '/api/snapshot', guarded((x) => {
    const tabletId = int(x, 'tablet_id');
    const schemaHash = int(x, 'schema_hash');
    const found = c.tables.tablet(tabletId);
    if (!found || found.tablet.schemaHash !== schemaHash) return beSend(x, 'make snapshot failed', 500);
    // SnapshotManager::snapshot_full: `<store>/snapshot/<YYYYMMDDHHMMSS>.<seq>.<timeout_s>/<tablet_id>/<schema_hash>`;
    // the snapshot action asks for no timeout, so the default `snapshot_expire_time_sec` applies.
    // A PRIMARY KEY tablet gets a `meta` file (SnapshotMeta), any other `<tablet_id>.hdr` and
    // `<tablet_id>.dcgs_snapshot`; the rowsets' segment files are linked next to them. The real
    // files are protobuf; the reference writes a line saying what each stands for.
    const stamp = new Date(c.now()).toISOString().replace(/[-:T]/g, '').slice(0, 14);
    const path = `${storage()}/snapshot/${stamp}.${c.ids.next()}.${SNAPSHOT_EXPIRE_SEC}`;
    const dir = `${path}/${tabletId}/${schemaHash}`;
    if (found.table.keysType === 'PRIMARY_KEYS') {
      c.beFiles.write(`${dir}/meta`, `olapspec stand-in for the SnapshotMeta of tablet ${tabletId}\n`);
    } else {
      c.beFiles.write(`${dir}/${tabletId}.hdr`, `olapspec stand-in for the TabletMetaPB of tablet ${tabletId}\n`);
      c.beFiles.write(`${dir}/${tabletId}.dcgs_snapshot`, `olapspec stand-in for the DeltaColumnGroupSnapshotPB of tablet ${tabletId}\n`);
    }
    for (const r of found.tablet.rowsets) {
      for (let i = 0; i < r.segments; i++) c.beFiles.write(`${dir}/${r.rowsetId}_${i}.dat`, `olapspec stand-in for segment ${i} of rowset ${r.rowsetId}\n`);
    }
    beSend(x, path);
  }));
}
