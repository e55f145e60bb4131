// One SELECT core, planned stage by stage and run lazily, pulling blocks on
// demand: source → ARRAY JOIN → WHERE → aggregation → projection (HAVING)
// → DISTINCT/ORDER BY (materialised) → LIMIT. Stages are planned in the
// order ClickHouse reports their errors.

import type { ColumnDef } from '../api.ts';
import type { Expr, SelectCore } from '../parser/ast.ts';
import { columnName, formatSelect } from '../parser/format.ts';
import type { Compiled } from '../expr/compiled.ts';
import type { ExecEnv, Plan } from './env.ts';
import { collectAliases, findArrayJoin, isAggregating } from './expressions.ts';
import type { CompileBase } from './expressions.ts';
import { streamingLimitHint, limitRows } from './limit.ts';
import { resolveSource } from './source.ts';
import { precompute } from './subqueries.ts';
import { expandStar, project, rowProjection } from './projection.ts';
import { arrayJoin } from './array-join.ts';
import { compileWhere, filterRows } from './where.ts';
import { aggregate } from './aggregate.ts';
import { orderRows } from './order.ts';

export async function planCore(core: SelectCore, env: ExecEnv): Promise<Plan> {
  const scope = formatSelect(core);
  const aliases = collectAliases(core);
  const aggregating = isAggregating(core);
  const limitHint = streamingLimitHint(core, aggregating, core.columns.some((c) => findArrayJoin(c) !== undefined), env);

  let source = await resolveSource(core.from, env, scope, limitHint);

  const precomputed = new Map<Expr, Compiled>();
  const allExprs: Expr[] = [...core.with, ...core.columns, ...(core.where ? [core.where] : []), ...(core.groupBy ?? []), ...(core.having ? [core.having] : []), ...(core.orderBy ?? []).map((o) => o.expr)];
  await precompute(allExprs, env, precomputed);

  const base: CompileBase = { env: env.fenv, aliases, scope, precomputed };
  const selectExprs = expandStar(core, source, scope);
  source = arrayJoin(core, selectExprs, source, base, env);

  const where = compileWhere(core, source, base);
  const filtered = filterRows(source, where, env);
  const outputNames = selectExprs.map((e) => e.alias ?? columnName(e));
  const stage = aggregating
    ? aggregate(core, selectExprs, source, base, filtered, env)
    : { ...rowProjection(core, selectExprs, source, base), rows: filtered };

  const columns: ColumnDef[] = stage.projections.map((p, i) => ({ name: outputNames[i]!, type: p.type }));
  if (source.table && env.checkSelect) {
    env.checkSelect(source.table, source.columns.filter((c) => c.used && c.tables.length > 0).map((c) => c.name));
  }
  const orderBy = core.orderBy ?? [];
  const width = stage.projections.length;
  const projected = project(stage.rows, stage, source, aggregating, env);
  const materialise = orderBy.length > 0 || core.distinct || aggregating;
  const carried = [...stage.projections, ...stage.orderKeys].map((p) => p.type);
  const ordered = materialise ? orderRows(projected, carried, width, core.distinct, orderBy, env) : projected;
  const limited = limitRows(core, ordered, width, stage.orderKeys.length > 0, env);
  return { columns, blocks: limited.rows, rowsBeforeLimit: limited.rowsBeforeLimit };
}
