// Subqueries in expressions, run before the query: `x IN (SELECT …)` as a
// set, a scalar subquery as its one value (NULL, or [], when it has no row).

import { EngineError } from '../errors.ts';
import { T, canBeInsideNullable, defaultValue, nullable, tupleOf } from '../types.ts';
import type { Expr } from '../parser/ast.ts';
import { constant } from '../expr/compiled.ts';
import type { Compiled } from '../expr/compiled.ts';
import type { ExecEnv } from './env.ts';
import { planSelect } from './plan.ts';

export async function precompute(exprs: Expr[], env: ExecEnv, out: Map<Expr, Compiled>): Promise<void> {
  const visit = async (e: Expr, inSet: boolean): Promise<void> => {
    // `x IN name`: a WITH subquery of that name is the set.
    const named = inSet && e.t === 'id' && e.parts.length === 1 ? env.ctes?.get(e.parts[0]!) : undefined;
    if (e.t === 'sub' || named) {
      const plan = await planSelect(named ?? (e as Expr & { t: 'sub' }).query, env);
      const rows: unknown[][] = [];
      for await (const b of plan.blocks()) for (const r of b.rows) rows.push(r);
      if (inSet) {
        // Several columns make a set of tuples: `(a, b) IN (SELECT x, y …)`.
        const several = plan.columns.length > 1;
        const type = several ? tupleOf(plan.columns.map((c) => c.type)) : plan.columns[0]?.type ?? T.Nothing;
        // A tuple with a NULL matches nothing (transform_null_in = 0).
        const values = several ? rows.filter((r) => !r.includes(null)) : rows.map((r) => r[0]);
        out.set(e, Object.assign(constant(type, values), { inSet: { type, values } }));
      } else {
        if (rows.length > 1) throw new EngineError('INCORRECT_RESULT_OF_SCALAR_SUBQUERY', 'Scalar subquery returned more than one row');
        if (plan.columns.length > 1) {
          // Several columns are a tuple named by them; without a row, a NULL of the unnamed tuple (as 26.7 types it).
          const types = plan.columns.map((c) => c.type);
          if (rows.length === 0) out.set(e, constant(nullable(tupleOf(types)), null));
          else out.set(e, constant(tupleOf(types, plan.columns.map((c) => c.name)), rows[0]!));
          return;
        }
        // 26.7 types a scalar subquery Nullable wherever the type can be inside Nullable (it may have no row).
        const t = plan.columns[0]!.type;
        const type = canBeInsideNullable(t) ? nullable(t) : t;
        if (rows.length === 0) out.set(e, constant(type, type.kind === 'Nullable' ? null : defaultValue(type)));
        else out.set(e, constant(type, rows[0]![0]));
      }
      return;
    }
    if (e.t === 'fn') {
      for (let i = 0; i < e.args.length; i++) await visit(e.args[i]!, (e.name === 'in' || e.name === 'notIn') && i === 1);
    }
    if (e.t === 'lambda') await visit(e.body, false);
  };
  for (const e of exprs) await visit(e, false);
}
