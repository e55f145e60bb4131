// Publishing a load: rows go into the engine's table with the table's key
// model (DUPLICATE appends through Engine.insert; PRIMARY/UNIQUE upsert and
// AGGREGATE aggregate by key, replacing the table's rows in one assignment),
// and every tablet of each touched partition gets the next version's rowset.

import { randomUUID } from 'node:crypto';
import type { Engine } from '../../engine/index.ts';
import { Settings } from '../../engine/index.ts';
import type { Table } from '../../engine/catalog.ts';
import { rowsBytes } from '../../engine/ddl.ts';
import { defaultValue } from '../../engine/types.ts';
import type { Aggregation, PartitionMeta, TableMeta, TabletMeta } from './tables.ts';
import { rowsetId } from './tables.ts';

/** Rows ready to publish: full rows in the engine table's column order. */
export interface PreparedWrite {
  meta: TableMeta;
  rows: unknown[][];
  /** The tablet each row was routed to (parallel to rows). */
  tablets: TabletMeta[];
  /** Partial update: which columns the load supplied (others keep their stored value). */
  supplied?: boolean[];
}

export function emptyWrite(meta: TableMeta): PreparedWrite {
  return { meta, rows: [], tablets: [] };
}

export function mergeWrites(a: PreparedWrite, b: PreparedWrite): PreparedWrite {
  return { meta: a.meta, rows: a.rows.concat(b.rows), tablets: a.tablets.concat(b.tablets), ...(a.supplied ?? b.supplied ? { supplied: a.supplied ?? b.supplied } : {}) };
}

export function engineContext(database: string) {
  return {
    database, user: 'default', queryId: randomUUID(), settings: new Settings(), readonly: 0,
    progress: { readRows: 0, readBytes: 0, writtenRows: 0, writtenBytes: 0, totalRowsToRead: 0, resultRows: 0, resultBytes: 0 },
  };
}

function quote(name: string): string {
  return `\`${name.replace(/`/g, '\\`')}\``;
}

/** Apply the rows to the engine's table. Synchronous up to the single rows assignment, so readers never see half a load. */
export async function publishWrite(engine: Engine, w: PreparedWrite, now: number): Promise<void> {
  const table = engine.catalog.findTable(w.meta.db, w.meta.name);
  if (!table) throw new Error(`unknown table "${w.meta.db}.${w.meta.name}"`);
  if (w.rows.length > 0) {
    if (w.meta.keysType === 'DUP_KEYS') {
      const cols = table.columns.map((c) => quote(c.name)).join(', ');
      const q = engine.parse(`INSERT INTO ${quote(w.meta.db)}.${quote(w.meta.name)} (${cols}) VALUES`);
      await engine.insert(q, w.rows, engineContext(w.meta.db));
    } else {
      mergeByKey(table, w);
    }
  }
  bumpVersions(w, now);
}

function mergeByKey(table: Table, w: PreparedWrite): void {
  const keyIdx = w.meta.keyColumns.map((k) => table.columns.findIndex((c) => c.name === k)).filter((i) => i >= 0);
  const aggs: Aggregation[] = table.columns.map((c) => w.meta.columns.find((m) => m.name === c.name)?.aggregation ?? 'REPLACE');
  const keyOf = (r: readonly unknown[]): string => JSON.stringify(keyIdx.map((i) => r[i]), (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));
  const rows = table.rows.map((r) => r.slice());
  const index = new Map<string, number>();
  rows.forEach((r, i) => index.set(keyOf(r), i));
  for (const incoming of w.rows) {
    const k = keyOf(incoming);
    const at = index.get(k);
    if (at === undefined) {
      index.set(k, rows.length);
      // A partial update of a new key: columns it did not supply take their defaults.
      rows.push(incoming.map((v, i) => (v === undefined ? defaultValue(table.columns[i]!.type) : v)));
      continue;
    }
    const old = rows[at]!;
    rows[at] = old.map((v, i) => {
      if (keyIdx.includes(i)) return v;
      if (w.supplied && !w.supplied[i]) return v;
      if (w.meta.keysType === 'AGG_KEYS') return aggregate(aggs[i]!, v, incoming[i]);
      return incoming[i];
    });
  }
  table.rows = rows;
  table.bytes = rowsBytes(table.columns, rows);
}

function aggregate(agg: Aggregation, old: unknown, next: unknown): unknown {
  switch (agg) {
    case 'SUM':
      if (old === null) return next;
      if (next === null) return old;
      if (typeof old === 'bigint' || typeof next === 'bigint') return BigInt(old as bigint) + BigInt(next as bigint);
      return (old as number) + (next as number);
    case 'MAX':
      if (old === null) return next;
      if (next === null) return old;
      return (next as number) > (old as number) ? next : old;
    case 'MIN':
      if (old === null) return next;
      if (next === null) return old;
      return (next as number) < (old as number) ? next : old;
    case 'REPLACE_IF_NOT_NULL':
      return next === null ? old : next;
    default:
      return next;
  }
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
