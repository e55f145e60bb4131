// LIMIT n [OFFSET m] BY keys: of the rows of each distinct key (in the order
// ORDER BY left them) the first m are skipped and the next n kept. The keys are
// computed with the ORDER BY keys and ride behind them in each row.

import type { SelectCore } from '../parser/ast.ts';
import { rowKey } from '../values/compare.ts';
import { Block } from '../columns/block.ts';
import type { Blocks, ExecEnv } from './env.ts';
import { constNumber } from './limit-values.ts';

/** The core the projection stage compiles: the LIMIT BY keys as extra (unsorted) ORDER BY keys. */
export function withLimitByKeys(core: SelectCore): SelectCore {
  if (!core.limitBy) return core;
  return { ...core, orderBy: [...(core.orderBy ?? []), ...core.limitBy.by.map((expr) => ({ expr, desc: false }))] };
}

/** `from` is where the keys start in a row, `count` how many there are. */
export function limitByRows(core: SelectCore, rows: Blocks, from: number, env: ExecEnv): Blocks {
  const limitBy = core.limitBy;
  if (!limitBy) return rows;
  const count = constNumber(limitBy.count, env, 'LIMIT');
  const offset = limitBy.offset ? constNumber(limitBy.offset, env, 'OFFSET') : 0;
  const n = limitBy.by.length;
  return async function* () {
    const seen = new Map<string, number>();
    for await (const b of rows()) {
      const kept = b.rows.filter((r) => {
        const k = rowKey(r.slice(from, from + n));
        const i = seen.get(k) ?? 0;
        seen.set(k, i + 1);
        return i >= offset && i < offset + count;
      });
      if (kept.length) yield Block.ofRows(b.types, kept);
    }
  };
}
