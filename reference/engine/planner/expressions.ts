// What planning asks of a SELECT's expressions: aliases, aggregate calls,
// arrayJoin() calls, positional references, and the compiler options every
// stage shares.

import type { Expr, SelectCore } from '../parser/ast.ts';
import { EngineError } from '../errors.ts';
import { formatExpr } from '../parser/format.ts';
import { isAggregateCall } from '../expr/compiler.ts';
import type { CompileOptions } from '../expr/compiler.ts';

/** Compiler options before the columns a stage reads are known. */
export type CompileBase = Omit<CompileOptions, 'columns'>;

/**
 * Aliases of WITH and SELECT items. One alias for two different expressions
 * is an error, as the analyzer's QueryExpressionsAliasVisitor says it (the
 * later expression first); the same expression twice is fine.
 */
export function collectAliases(core: SelectCore, scope: string): Map<string, Expr> {
  const aliases = new Map<string, Expr>();
  for (const e of [...core.with, ...core.columns]) {
    if (!e.alias) continue;
    const seen = aliases.get(e.alias);
    if (seen && formatExpr({ ...seen, alias: undefined }) !== formatExpr({ ...e, alias: undefined })) {
      throw new EngineError('MULTIPLE_EXPRESSIONS_FOR_ALIAS', `Multiple expressions ${formatExpr(e)} and ${formatExpr(seen)} for alias ${e.alias}. In scope ${scope}`);
    }
    aliases.set(e.alias, e);
  }
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
