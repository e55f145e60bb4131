// The SELECT list: `*` expanded into the source's columns, and the rows
// projected onto the select items (and the ORDER BY keys behind them),
// HAVING applied on the way.

import { EngineError } from '../errors.ts';
import type { Expr, SelectCore } from '../parser/ast.ts';
import { Compiler } from '../expr/compiler.ts';
import type { Compiled, EvalState } from '../expr/compiled.ts';
import type { Blocks, ExecEnv, Source } from './env.ts';
import { checkInterrupted, performSleep } from './interrupts.ts';
import { orderTarget } from './expressions.ts';
import type { CompileBase } from './expressions.ts';
import { Block, forEachRow } from '../columns/block.ts';
import { columnFromValues } from '../columns/builders.ts';
import type { Column } from '../columns/column.ts';

/** The select items with `*` and `t.*` replaced by the source's columns. */
export function expandStar(core: SelectCore, source: Source, scope: string): Expr[] {
  const selectExprs: Expr[] = [];
  for (const c of core.columns) {
    if (c.t === 'star') {
      for (const sc of source.columns) {
        if (c.table && !sc.tables.includes(c.table)) continue;
        selectExprs.push({ t: 'id', parts: [sc.name] });
      }
      if (selectExprs.length === 0) throw new EngineError('EMPTY_LIST_OF_COLUMNS_QUERIED', `Empty list of columns in SELECT query. In scope ${scope}`);
    } else {
      selectExprs.push(c);
    }
  }
  return selectExprs;
}

export interface Projection {
  projections: Compiled[];
  orderKeys: Compiled[];
  having?: Compiled;
}

/** Without aggregation: the items and ORDER BY keys over the source's rows. */
export function rowProjection(core: SelectCore, selectExprs: Expr[], source: Source, base: CompileBase): Projection {
  const rowCompiler = new Compiler({ ...base, columns: source.columns });
  return {
    projections: selectExprs.map((e) => rowCompiler.compile(e)),
    orderKeys: (core.orderBy ?? []).map((o) => rowCompiler.compile(orderTarget(o.expr, selectExprs))),
  };
}

/**
 * Rows of the projections followed by the ORDER BY keys. `SELECT a, b FROM t`
 * with the source's own layout passes blocks through untouched.
 */
export function project(rows: Blocks, p: Projection, source: Source, aggregating: boolean, env: ExecEnv): Blocks {
  const { projections, orderKeys, having } = p;
  const identity = !aggregating && !having && orderKeys.length === 0 && projections.length === source.columns.length
    && projections.every((c, i) => c.columnIndex === i);
  if (identity) return rows;
  const all = [...projections, ...orderKeys];
  const types = all.map((c) => c.type);
  // Plain column references (reordered, repeated, a subset) move columns, not values.
  const picks = !aggregating && !having && all.every((c) => c.columnIndex !== undefined) ? all.map((c) => c.columnIndex!) : undefined;
  if (picks) return async function* () {
    for await (const b of rows()) yield b.pick(picks);
  };
  // Over columns: kernels compute whole columns, the rest is evaluated row by
  // row in one pass into columns, so the block stays columnar for the format.
  const byColumn = !aggregating && !having;
  const rowWise = all.map((c, i) => (c.vec ? -1 : i)).filter((i) => i >= 0);
  return async function* () {
    const used = aggregating ? undefined : source.columns.map((c) => c.used === true);
    for await (const b of rows()) {
      if (byColumn && b.isColumnar) {
        const st: EvalState = { sleepSeconds: 0 };
        const computed = new Array<Column>(all.length);
        if (rowWise.length) {
          const values = rowWise.map(() => new Array<unknown>(b.length));
          forEachRow(b, (r, i) => {
            for (let k = 0; k < rowWise.length; k++) values[k]![i] = all[rowWise[k]!]!.ev(r, st);
          }, used);
          rowWise.forEach((p, k) => { computed[p] = columnFromValues(types[p]!, values[k]!); });
        }
        for (let p = 0; p < all.length; p++) if (all[p]!.vec) computed[p] = all[p]!.vec!(b.columns, b.length);
        await performSleep(env, st.sleepSeconds);
        checkInterrupted(env);
        if (b.length) yield Block.ofColumns(computed, b.length);
        continue;
      }
      const st: EvalState = { sleepSeconds: 0 };
      const out: unknown[][] = [];
      forEachRow(b, (r) => {
        if (having) {
          const h = having.ev(r, st);
          if (h === null || h === 0 || h === 0n || h === false) return;
        }
        const row = new Array<unknown>(all.length);
        for (let i = 0; i < all.length; i++) row[i] = all[i]!.ev(r, st);
        out.push(row);
      }, used);
      await performSleep(env, st.sleepSeconds);
      checkInterrupted(env);
      if (out.length) yield Block.ofRows(types, out);
    }
  };
}
