// One SELECT core, planned stage by stage and run lazily, pulling blocks on
// demand: source → ARRAY JOIN → WHERE → aggregation → projection (HAVING)
// → DISTINCT/ORDER BY (materialised) → LIMIT. Stages are planned in the
// order ClickHouse reports their errors.

import type { ColumnDef } from '../api.ts';
import type { Expr, SelectCore, TableExpr } from '../parser/ast.ts';
import { EngineError } from '../errors.ts';
import { identifierNamer, joinSelectItems } from './join-names.ts';
import { tableOf } from './join.ts';
import { columnName, formatSelect } from '../parser/format.ts';
import type { Compiled } from '../expr/compiled.ts';
import type { Blocks, ExecEnv, Plan, Source } from './env.ts';
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
import { hasWindow, planWindows, windowStage } from './window.ts';
import type { Compiler } from '../expr/compiler.ts';
import type { DataType } from '../types.ts';
import { limitByRows, withLimitByKeys } from './limit-by.ts';

export async function planCore(query: SelectCore, outerEnv: ExecEnv): Promise<Plan> {
  let core = query;
  const env: ExecEnv = core.ctes ? { ...outerEnv, ctes: new Map([...(outerEnv.ctes ?? []), ...core.ctes.map((c) => [c.name, c.query] as const)]) } : outerEnv;
  const scope = formatSelect(core);
  const aliases = collectAliases(core, scope);
  const aggregating = isAggregating(core);
  // Window functions and ORDER BY ALL need every row: no limit pushed to the source.
  const windows = core.columns.some(hasWindow) || (core.orderBy ?? []).some((o) => hasWindow(o.expr));
  const limitHint = streamingLimitHint(core.orderAll || windows || core.limitBy ? { ...core, orderBy: [] } : core, aggregating, core.columns.some((c) => findArrayJoin(c) !== undefined), env);

  const precomputed = new Map<Expr, Compiled>();
  const allExprs: Expr[] = [...core.with, ...core.columns, ...joinConditions(core.from), ...(core.where ? [core.where] : []), ...(core.groupBy ?? []), ...(core.having ? [core.having] : []), ...(core.orderBy ?? []).map((o) => o.expr)];
  await precompute(allExprs, env, precomputed);
  const base: CompileBase = { env: env.fenv, aliases, scope, precomputed, noFrom: !core.from };

  let source = await resolveSource(core.from, env, scope, base, limitHint);
  const joined = source.join ? joinSelectItems(core.columns, source, scope, aliases) : undefined;
  const selectExprs = joined ? joined.items : expandStar(core, source, scope);
  if (selectExprs.length === 0) throw new EngineError('EMPTY_LIST_OF_COLUMNS_QUERIED', `Empty list of columns in SELECT query. In scope ${scope}`);
  if (core.orderAll) {
    const { desc, nulls } = core.orderAll;
    core = { ...core, orderBy: selectExprs.map((_, i) => ({ expr: { t: 'lit', value: BigInt(i + 1), raw: String(i + 1) }, desc, ...(nulls ? { nulls } : {}) })) };
  }
  source = arrayJoin(core, selectExprs, source, base, env);

  const where = compileWhere(core, source, base);
  let filtered = filterRows(source, where, env);
  if (windows && !aggregating) {
    const windowed = windowStage(core, selectExprs, source, base, filtered, env);
    if (windowed) ({ source, rows: filtered } = windowed);
  }
  const namer = joined?.namer ?? (core.from ? identifierNamer({ tables: [tableOf(core.from, source.columns, env.fenv.database)], joins: [] }, source.columns, aliases) : undefined);
  const outputNames = selectExprs.map((e) => e.alias ?? columnName(e, namer, subqueryNamer(selectExprs)));
  const stageCore = withLimitByKeys(core);
  // Window functions over groups run on the grouped rows, their arguments compiled over the groups.
  let overGroups: ((rows: Blocks) => Blocks) | undefined;
  const groupWindows = windows ? (compiler: Compiler, groupTypes: DataType[]): void => {
    overGroups = planWindows(core, selectExprs, compiler, base, groupTypes, env)?.run;
  } : undefined;
  const stage = aggregating
    ? aggregate(stageCore, selectExprs, source, base, filtered, env, groupWindows)
    : { ...rowProjection(stageCore, selectExprs, source, base), rows: filtered };
  if (overGroups) stage.rows = overGroups(stage.rows);

  const columns: ColumnDef[] = stage.projections.map((p, i) => ({ name: outputNames[i]!, type: p.type }));
  checkPrivileges(source, env);
  const orderBy = core.orderBy ?? [];
  const width = stage.projections.length;
  const projected = project(stage.rows, stage, source, aggregating, env);
  const materialise = orderBy.length > 0 || core.distinct || aggregating;
  const carried = [...stage.projections, ...stage.orderKeys].map((p) => p.type);
  const ordered = materialise ? orderRows(projected, carried, width, core.distinct, orderBy, env) : projected;
  const limitedBy = limitByRows(core, ordered, width + orderBy.length, env);
  const limited = limitRows(core, limitedBy, width, stage.orderKeys.length > 0, env);
  return { columns, blocks: limited.rows, rowsBeforeLimit: limited.rowsBeforeLimit };
}

/** The ON conditions of a join tree (their subqueries run before the query). */
function joinConditions(te: TableExpr | undefined): Expr[] {
  if (!te || te.t !== 'join') return [];
  return [...joinConditions(te.left), ...(te.on ? [te.on] : [])];
}

/** SELECT privilege on the columns read of every stored table (a joined column counts for the one it came from). */
function checkPrivileges(source: Source, env: ExecEnv): void {
  if (!env.checkSelect) return;
  for (const c of source.columns) {
    for (let d = c.derivedFrom; c.used && d; d = d.derivedFrom) d.used = true;
  }
  const reads = [...(source.table ? [{ table: source.table, columns: source.columns }] : []), ...(source.reads ?? [])];
  for (const r of reads) env.checkSelect(r.table, r.columns.filter((c) => c.used && c.tables.length > 0).map((c) => c.name));
}

/** `_subquery_1`, `_subquery_2`: subqueries numbered in the order the select items hold them. */
function subqueryNamer(items: Expr[]): (e: Expr & { t: 'sub' }) => string {
  const numbers = new Map<Expr, number>();
  const visit = (e: Expr): void => {
    if (e.t === 'sub') numbers.set(e, numbers.size + 1);
    else if (e.t === 'fn') e.args.forEach(visit);
    else if (e.t === 'lambda') visit(e.body);
  };
  items.forEach(visit);
  return (e) => `_subquery_${numbers.get(e) ?? numbers.size + 1}`;
}
