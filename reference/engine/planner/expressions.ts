// What planning asks of a SELECT's expressions: aliases, aggregate calls,
// arrayJoin() calls, positional references, and the compiler options every
// stage shares.

import type { Expr, SelectCore } from '../parser/ast.ts';
import { isAggregateCall } from '../expr/compiler.ts';
import type { CompileOptions } from '../expr/compiler.ts';

/** Compiler options before the columns a stage reads are known. */
export type CompileBase = Omit<CompileOptions, 'columns'>;

/** Aliases of WITH and SELECT items, the later winning. */
export function collectAliases(core: SelectCore): Map<string, Expr> {
  const aliases = new Map<string, Expr>();
  for (const w of core.with) if (w.alias) aliases.set(w.alias, w);
  for (const c of core.columns) if (c.alias) aliases.set(c.alias, c);
  return aliases;
}

export function containsAggregate(e: Expr): boolean {
  if (e.t === 'fn') return isAggregateCall(e) || e.args.some(containsAggregate);
  return false;
}

/** Whether the query aggregates: GROUP BY, HAVING, or an aggregate among its items or ORDER BY keys. */
export function isAggregating(core: SelectCore): boolean {
  return (core.groupBy?.length ?? 0) > 0 || core.columns.some(containsAggregate) || (core.having !== undefined) || (core.orderBy ?? []).some((o) => containsAggregate(o.expr));
}

export function findArrayJoin(e: Expr): (Expr & { t: 'fn' }) | undefined {
  if (e.t !== 'fn') return undefined;
  if (e.name === 'arrayJoin') return e;
  for (const a of e.args) {
    const f = findArrayJoin(a);
    if (f) return f;
  }
  return undefined;
}

/** ORDER BY 1 (and GROUP BY 1) refer to the first select column. */
export function positional(e: Expr, selectExprs: Expr[]): Expr | undefined {
  if (e.t === 'lit' && typeof e.value === 'bigint' && e.value >= 1n && e.value <= BigInt(selectExprs.length)) return selectExprs[Number(e.value) - 1]!;
  return undefined;
}

/** An ORDER BY key: a positional reference names the select column (without its alias). */
export function orderTarget(e: Expr, selectExprs: Expr[]): Expr {
  const target = positional(e, selectExprs);
  // A subquery or a window call is kept as it is: its precomputed value is keyed by the node.
  if (target?.t === 'sub' || (target?.t === 'fn' && target.over)) return target;
  return target ? { ...target, alias: undefined } as Expr : e;
}
