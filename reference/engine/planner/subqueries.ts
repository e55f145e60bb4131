// Subqueries in expressions, run before the query: `x IN (SELECT …)` as a
// set, a scalar subquery as its one value (NULL, or [], when it has no row).

import { EngineError } from '../errors.ts';
import { T, canBeInsideNullable, defaultValue, nullable } from '../types.ts';
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
        const type = plan.columns[0]?.type ?? T.Nothing;
        const values = rows.map((r) => r[0]);
        out.set(e, Object.assign(constant(type, values), { inSet: { type, values } }));
      } else {
        if (plan.columns.length !== 1) {
          // A scalar subquery with several columns would be a tuple; not supported here.
          throw new EngineError('INCORRECT_RESULT_OF_SCALAR_SUBQUERY', 'Scalar subquery returned more than one column');
        }
        if (rows.length > 1) throw new EngineError('INCORRECT_RESULT_OF_SCALAR_SUBQUERY', 'Scalar subquery returned more than one row');
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
