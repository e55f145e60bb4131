// Load semantics of StarRocks' key models, applied by Engine.insert() to
// every load (MySQL INSERT and HTTP stream load alike): DUPLICATE KEY
// appends, PRIMARY/UNIQUE KEY upsert by key (last write wins), AGGREGATE KEY
// folds rows with the same key through each value column's function.

import type { Table } from '../../engine/catalog.ts';
import { rowKey } from '../../engine/values/compare.ts';
import { isDec } from '../../engine/values/decimal.ts';
import { intBits, isInteger, unwrapNullable, wrapInt } from '../../engine/types.ts';
import type { DataType } from '../../engine/types.ts';
import type { StarRocksAggregate, StarRocksTableMeta } from './meta.ts';

export interface MergeOptions {
  /** partial_update: positions of the columns the load provides; the others keep the stored values of existing keys. */
  partialColumns?: readonly number[];
  /** `__op` of PRIMARY KEY loads: true deletes the row with that key. */
  deletes?: readonly boolean[];
}

/** The table's rows after loading `incoming` (full rows in table column order). `existing` is not modified. */
export function mergeRows(table: Table, meta: StarRocksTableMeta, existing: readonly unknown[][], incoming: unknown[][], opts: MergeOptions = {}): unknown[][] {
  if (meta.keysType === 'DUP_KEYS') return existing.length === 0 ? incoming : existing.concat(incoming);
  const keyIdx = meta.keyColumns.map((k) => table.columns.findIndex((c) => c.name === k));
  const keyOf = (r: unknown[]): string => rowKey(keyIdx.map((i) => r[i]));
  const byKey = new Map<string, unknown[]>();
  for (const r of existing) byKey.set(keyOf(r), r);
  if (meta.keysType === 'AGG_KEYS') {
    const aggs = meta.columns.map((c) => c.aggregate);
    const types = table.columns.map((c) => c.type);
    for (const r of incoming) {
      const k = keyOf(r);
      const old = byKey.get(k);
      byKey.set(k, old ? old.map((v, i) => aggregate(aggs[i], types[i]!, v, r[i])) : r);
    }
    return [...byKey.values()];
  }
  const partial = opts.partialColumns ? new Set(opts.partialColumns) : undefined;
  incoming.forEach((r, n) => {
    const k = keyOf(r);
    if (opts.deletes?.[n]) {
      byKey.delete(k);
      return;
    }
    const old = byKey.get(k);
    // Delete-then-insert keeps Map order stable only for new keys; an upsert takes the old key's place.
    byKey.set(k, old && partial ? old.map((v, i) => (partial.has(i) ? r[i] : v)) : r);
  });
  return [...byKey.values()];
}

function aggregate(fn: StarRocksAggregate | undefined, type: DataType, stored: unknown, loaded: unknown): unknown {
  switch (fn) {
    case undefined:
      return stored;
    case 'REPLACE':
      return loaded;
    case 'REPLACE_IF_NOT_NULL':
      return loaded === null ? stored : loaded;
    case 'MAX':
    case 'MIN': {
      if (loaded === null) return stored;
      if (stored === null) return loaded;
      const c = compare(stored, loaded);
      return (fn === 'MAX' ? c >= 0 : c <= 0) ? stored : loaded;
    }
    case 'SUM': {
      if (loaded === null) return stored;
      if (stored === null) return loaded;
      if (isDec(stored) && isDec(loaded)) return stored.add(loaded).rescale(stored.scale);
      const base = unwrapNullable(type);
      if (typeof stored === 'bigint' || typeof loaded === 'bigint') return wrapInt(base, BigInt(stored as bigint) + BigInt(loaded as bigint));
      const sum = (stored as number) + (loaded as number);
      return isInteger(base) && intBits(base) < 64 ? wrapInt(base, BigInt(sum)) : base.kind === 'Float32' ? Math.fround(sum) : sum;
    }
  }
}

function compare(a: unknown, b: unknown): number {
  if (isDec(a) && isDec(b)) return a.compare(b);
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  const x = a as number | bigint | boolean;
  const y = b as number | bigint | boolean;
  return x < y ? -1 : x > y ? 1 : 0;
}
