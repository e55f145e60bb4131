// DISTINCT and ORDER BY: the projected rows gathered, deduplicated on the
// select items, sorted on the keys behind them (NULL and NaN last unless
// NULLS FIRST), and cut into max_block_size blocks again.

import { rowKey, compareValues } from '../values/compare.ts';
import type { OrderItem } from '../parser/ast.ts';
import type { Blocks, ExecEnv } from './env.ts';
import { Block } from '../columns/block.ts';
import type { DataType } from '../types.ts';

export function orderRows(rows: Blocks, types: readonly DataType[], width: number, distinct: boolean, orderBy: OrderItem[], env: ExecEnv): Blocks {
  return async function* () {
    const blockSize = Math.max(1, Number(env.settings.get('max_block_size')) || 65409);
    const blocks: Block[] = [];
    for await (const b of rows()) blocks.push(b);
    if (!distinct && orderBy.length && blocks.every((b) => b.isColumnar)) {
      // Over columns: the sort keys' values once, a stable sort of row numbers, the columns taken in that order.
      const whole = Block.concat(types, blocks);
      const keys = orderBy.map((_, i) => whole.columns[width + i]!);
      const values = keys.map((k) => Array.from({ length: whole.length }, (_, r) => k.get(r)));
      const compare = rowComparator(orderBy, 0);
      const a = new Array<unknown>(keys.length);
      const b = new Array<unknown>(keys.length);
      const order = Array.from({ length: whole.length }, (_, i) => i).sort((x, y) => {
        for (let k = 0; k < keys.length; k++) {
          a[k] = values[k]![x];
          b[k] = values[k]![y];
        }
        return compare(a, b);
      });
      const perm = Uint32Array.from(order);
      for (let i = 0; i < perm.length; i += blockSize) {
        const part = perm.subarray(i, i + blockSize);
        yield whole.take(part, part.length);
      }
      return;
    }
    let all: unknown[][] = [];
    for (const b of blocks) for (const r of b.rows) all.push(r);
    if (distinct) {
      const seen = new Set<string>();
      all = all.filter((r) => {
        const k = rowKey(r.slice(0, width));
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      });
    }
    if (orderBy.length) all.sort(rowComparator(orderBy, width));
    for (let i = 0; i < all.length; i += blockSize) yield Block.ofRows(types, all.slice(i, i + blockSize));
  };
}

/** Rows compared on the keys at `offset…`: NULL and NaN last unless NULLS FIRST (NULL after NaN). */
export function rowComparator(orderBy: readonly OrderItem[], offset: number): (a: unknown[], b: unknown[]) => number {
  const dirs = orderBy.map((o) => ({ sign: o.desc ? -1 : 1, nullsFirst: o.nulls === 'first' }));
  return (a, b) => {
    for (let i = 0; i < dirs.length; i++) {
      const x = a[offset + i];
      const y = b[offset + i];
      const d = dirs[i]!;
      const xn = x === null || (typeof x === 'number' && Number.isNaN(x));
      const yn = y === null || (typeof y === 'number' && Number.isNaN(y));
      if (xn || yn) {
        if (xn && yn) {
          if (x === null && y !== null) return d.nullsFirst ? -1 : 1;
          if (y === null && x !== null) return d.nullsFirst ? 1 : -1;
          continue;
        }
        return (xn ? 1 : -1) * (d.nullsFirst ? -1 : 1);
      }
      const c = compareValues(x, y) * d.sign;
      if (c !== 0) return c;
    }
    return 0;
  };
}
