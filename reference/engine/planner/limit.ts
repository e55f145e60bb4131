// LIMIT/OFFSET and the `limit`/`offset` settings: rows skipped and cut, the
// ORDER BY keys dropped, and how many rows there were before the limit.

import type { SelectCore } from '../parser/ast.ts';
import type { Blocks, ExecEnv } from './env.ts';
import type { Block } from '../columns/block.ts';
import { constNumber } from './limit-values.ts';

export interface Limit {
  rows: Blocks;
  /** Rows the limit saw, once the result is read (rows_before_limit_at_least). */
  rowsBeforeLimit?: () => number;
}

/**
 * Without WHERE, grouping, DISTINCT, ORDER BY or arrayJoin a source needs to
 * produce no more than LIMIT + OFFSET rows.
 */
export function streamingLimitHint(core: SelectCore, aggregating: boolean, joinsArrays: boolean, env: ExecEnv): number | undefined {
  const streaming = !aggregating && !core.distinct && !core.orderBy && core.where === undefined && core.limit !== undefined && !joinsArrays;
  if (!streaming) return undefined;
  return constNumber(core.limit!.count, env, 'LIMIT') + (core.limit!.offset ? constNumber(core.limit!.offset, env, 'OFFSET') : 0);
}

/** The limit's values; read before any row flows, so a bad LIMIT fails the query up front. */
export function limitRows(core: SelectCore, rows: Blocks, width: number, hasOrderKeys: boolean, env: ExecEnv): Limit {
  const limit = core.limit ? constNumber(core.limit.count, env, 'LIMIT') : undefined;
  const offset = core.limit?.offset ? constNumber(core.limit.offset, env, 'OFFSET') : 0;
  const settingLimit = Number(env.settings.get('limit'));
  const settingOffset = Number(env.settings.get('offset'));
  let beforeLimit = 0;
  const limited = async function* (): AsyncGenerator<Block> {
    let skip = offset + settingOffset;
    let remaining = limit ?? Infinity;
    if (settingLimit > 0) remaining = Math.min(remaining, settingLimit);
    if (remaining === 0) return;
    for await (const b of rows()) {
      beforeLimit += b.length;
      let out = b;
      if (skip > 0) {
        const s = Math.min(skip, out.length);
        out = out.slice(s);
        skip -= s;
      }
      if (out.length > remaining) out = out.slice(0, remaining);
      remaining -= out.length;
      if (hasOrderKeys) out = out.narrow(width);
      if (out.length) yield out;
      if (remaining <= 0) return;
    }
  };
  return { rows: limited, ...(core.limit || settingLimit > 0 ? { rowsBeforeLimit: () => beforeLimit } : {}) };
}
