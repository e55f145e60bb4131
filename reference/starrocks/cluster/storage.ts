// Publishing a load: the rows go into the engine's table through
// loadRows (dialect/key-model.ts), which applies the table's key model (DUPLICATE appends,
// PRIMARY/UNIQUE upsert, AGGREGATE aggregates; partial updates keep the
// columns a load did not supply) in one assignment, so readers never see
// half a load. Every tablet of each touched partition then gets the next
// version's rowset.

import type { StarRocksEngine } from '../dialect/index.ts';
import { loadRows } from '../dialect/key-model.ts';
import type { PartitionMeta, TableMeta, TabletMeta } from './tables.ts';
import { rowsetId } from './tables.ts';

/** Rows ready to publish: full rows in the engine table's column order. */
export interface PreparedWrite {
  meta: TableMeta;
  rows: unknown[][];
  /** The tablet each row was routed to (parallel to rows). */
  tablets: TabletMeta[];
  /** Partial update: which columns the load supplied (others keep their stored value). */
  supplied?: boolean[];
  /** `__op` of PRIMARY KEY loads (parallel to rows): true deletes the row with that key. */
  deletes?: boolean[];
}

export function emptyWrite(meta: TableMeta): PreparedWrite {
  return { meta, rows: [], tablets: [] };
}

export function mergeWrites(a: PreparedWrite, b: PreparedWrite): PreparedWrite {
  const deletes = a.deletes || b.deletes ? [...(a.deletes ?? a.rows.map(() => false)), ...(b.deletes ?? b.rows.map(() => false))] : undefined;
  return {
    meta: a.meta, rows: a.rows.concat(b.rows), tablets: a.tablets.concat(b.tablets),
    ...(a.supplied ?? b.supplied ? { supplied: a.supplied ?? b.supplied } : {}), ...(deletes ? { deletes } : {}),
  };
}

/**
 * Apply the rows to the engine's table (all or nothing), then bump the
 * touched partitions' versions. `label` names the load, whose job is stored
 * with the rows (a data directory then remembers the label as long as them).
 */
export async function publishWrite(engine: StarRocksEngine, w: PreparedWrite, now: number, label?: string): Promise<void> {
  const job = label === undefined ? undefined : engine.dialect.loads.find(w.meta.db, label);
  const commit = job ? { commit: { ...job, state: 'FINISHED', loadFinishTime: now } } : {};
  if (w.rows.length > 0 || job) {
    const table = engine.catalog.table(w.meta.db, w.meta.name);
    const names = table.columns.map((c) => c.name);
    if (w.supplied) {
      const positions = names.flatMap((_, i) => (w.supplied![i] ? [i] : []));
      loadRows(engine, w.meta.db, w.meta.name, positions.map((i) => names[i]!), w.rows.map((r) => positions.map((i) => r[i])), { partialUpdate: true, ...(w.deletes ? { deletes: w.deletes } : {}), ...commit });
    } else {
      loadRows(engine, w.meta.db, w.meta.name, names, w.rows, { ...(w.deletes ? { deletes: w.deletes } : {}), ...commit });
    }
  }
  bumpVersions(w, now);
}

/** Each touched partition goes one version up; each of its tablets gets that version's rowset. */
function bumpVersions(w: PreparedWrite, now: number): void {
  const perTablet = new Map<TabletMeta, { rows: number; bytes: number }>();
  w.rows.forEach((r, i) => {
    const t = w.tablets[i]!;
    const s = perTablet.get(t) ?? { rows: 0, bytes: 0 };
    s.rows++;
    s.bytes += JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)).length;
    perTablet.set(t, s);
  });
  const partitions = new Set<PartitionMeta>();
  for (const t of perTablet.keys()) {
    const p = w.meta.partitions.find((x) => x.id === t.partitionId);
    if (p) partitions.add(p);
  }
  for (const p of partitions) {
    const version = p.visibleVersion + 1;
    for (const t of p.tablets) {
      const s = perTablet.get(t) ?? { rows: 0, bytes: 0 };
      t.rowsets.push({ rowsetId: rowsetId(t.id, version), start: version, end: version, segments: s.rows > 0 ? 1 : 0, rows: s.rows, bytes: s.bytes, overlapping: false, delete: false });
    }
    p.visibleVersion = version;
    p.visibleVersionTime = now;
  }
}
