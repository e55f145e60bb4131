// Views. A VIEW is a stored query read in place of a table. A MATERIALIZED
// VIEW runs its query over each block inserted into the table its FROM names
// (the leftmost one) and appends the result, matched by column name, to its
// TO table or to rows of its own; those inserts trigger the views over them in
// turn. Reading a materialized view reads where its rows are.

import { randomUUID } from 'node:crypto';
import { EngineError } from './errors.ts';
import type { NoResult, Progress, QueryContext } from './api.ts';
import type { Table } from './catalog.ts';
import { NONE } from './results.ts';
import type { SelectCore, SelectQuery, Statement, TableExpr } from './parser/ast.ts';
import { formatExpr, formatQuery, joinCondition, joinWords } from './parser/format.ts';
import { planSelect } from './planner/plan.ts';
import type { ExecEnv } from './planner/env.ts';
import { convertValue } from './values/convert.ts';
import { defaultValue } from './types.ts';
import type { Engine } from './index.ts';

type CreateView = Statement & { kind: 'create_view' };

function leftmostTable(te: TableExpr | undefined): (TableExpr & { t: 'table' }) | undefined {
  if (!te) return undefined;
  if (te.t === 'join') return leftmostTable(te.left);
  return te.t === 'table' ? te : undefined;
}

/** A progress of its own: what a view reads is not the INSERT's. */
function quietEnv(engine: Engine, ctx: QueryContext): ExecEnv {
  const progress = Object.fromEntries(Object.keys(ctx.progress).map((k) => [k, 0])) as unknown as Progress;
  return { ...engine.execEnv(ctx), progress };
}

/** Append a query's rows to a table by column name (columns it lacks take their defaults), then run the views over it. */
async function feed(engine: Engine, target: Table, env: ExecEnv, view: Table, ctx: QueryContext): Promise<void> {
  const plan = await planSelect(view.view!.query, env);
  const pairs = plan.columns.map((c, i) => ({ i, from: c.type, to: target.columns.find((t) => t.name === c.name) })).filter((p) => p.to);
  const rows: unknown[][] = [];
  for await (const b of plan.blocks()) {
    for (const r of b.rows) rows.push(pairs.map((p) => (r[p.i] === null && p.to!.type.kind !== 'Nullable' ? defaultValue(p.to!.type) : convertValue(r[p.i], p.from, p.to!.type))));
  }
  if (!rows.length) return;
  const before = target.parts.length;
  engine.appendRows(target, pairs.map((p) => ({ name: p.to!.name, type: p.to!.type })), rows, undefined);
  await materializeViews(engine, target, before, ctx);
}

/** Run the materialized views over the parts an INSERT added to `table` (those from index `before` on). */
export async function materializeViews(engine: Engine, table: Table, before: number, ctx: QueryContext): Promise<void> {
  const added = table.parts.slice(before);
  if (!added.length || table.database === '') return;
  for (const db of engine.catalog.databases.values()) {
    for (const view of db.tables.values()) {
      if (!view.view?.materialized) continue;
      const source = leftmostTable(view.view.query.parts[0]?.from);
      if (!source || (source.db ?? view.database) !== table.database || source.name !== table.name) continue;
      const env: ExecEnv = { ...quietEnv(engine, ctx), tableOverrides: new Map([[table, { ...table, parts: added }]]) };
      const to = view.view.to;
      const target = to ? engine.catalog.findTable(to.db, to.name) : view;
      if (!target) throw new EngineError('UNKNOWN_TABLE', `Target table ${to!.db}.${to!.name} of view ${view.database}.${view.name} doesn't exist`);
      await feed(engine, target, env, view, ctx);
    }
  }
}

export async function createView(st: CreateView, ctx: QueryContext, engine: Engine): Promise<NoResult> {
  const db = st.db ?? ctx.database;
  engine.accessFor(ctx).check('CREATE VIEW', { db, table: st.name });
  const existing = engine.catalog.findTable(db, st.name);
  if (existing && st.ifNotExists) return NONE;
  const to = st.to ? { db: st.to.db ?? ctx.database, name: st.to.name } : undefined;
  if (to && !engine.catalog.findTable(to.db, to.name)) throw new EngineError('UNKNOWN_TABLE', `Table ${to.db}.${to.name} does not exist`);
  const plan = await planSelect(st.query, quietEnv(engine, ctx));
  const table: Table = {
    database: db, name: st.name, uuid: randomUUID(), columns: plan.columns.map((c) => ({ name: c.name, type: c.type })),
    engine: st.materialized ? 'MaterializedView' : 'View', engineFull: st.engine?.text ?? '', comment: '', createdAt: Math.floor(Date.now() / 1000),
    parts: [], bytes: 0, view: { query: st.query, materialized: st.materialized, ...(to ? { to } : {}) },
  };
  if (existing && st.orReplace) engine.catalog.dropTable(db, st.name, true);
  engine.catalog.addTable(table, false);
  if (st.populate) {
    const target = to ? engine.catalog.table(to.db, to.name) : table;
    await feed(engine, target, quietEnv(engine, ctx), table, ctx);
  }
  return NONE;
}

/** INSERT into a plain VIEW is refused, as its storage has no write. */
export function checkWritable(table: Table): void {
  if (table.view && !table.view.materialized) throw new EngineError('NOT_IMPLEMENTED', 'Method write is not supported by storage View');
}

/** A view's query as SHOW CREATE prints it: one clause a line, items indented, tables with their database. */
export function viewQueryText(q: SelectQuery, database: string): string {
  return q.parts.map((core, i) => (i === 0 ? '' : `\n${q.ops?.[i - 1] ?? 'UNION ALL'}\n`) + coreText(core, database)).join('');
}

function coreText(c: SelectCore, database: string): string {
  // One item stays on the SELECT line; several go one a line.
  const select = `SELECT${c.distinct ? ' DISTINCT' : ''}`;
  const lines = c.columns.length === 1 ? [`${select} ${formatExpr(c.columns[0]!)}`] : [select, c.columns.map((e) => `    ${formatExpr(e)}`).join(',\n')];
  if (c.from) lines.push(`FROM ${fromText(c.from, database)}`);
  if (c.where) lines.push(`WHERE ${formatExpr(c.where)}`);
  if (c.groupBy) lines.push(`GROUP BY ${c.groupBy.map((e) => formatExpr(e)).join(', ')}`);
  if (c.having) lines.push(`HAVING ${formatExpr(c.having)}`);
  if (c.orderBy) lines.push(`ORDER BY ${c.orderBy.map((o) => `${formatExpr(o.expr)}${o.desc ? ' DESC' : ''}`).join(', ')}`);
  if (c.limit) lines.push(`LIMIT ${c.limit.offset ? `${formatExpr(c.limit.offset)}, ` : ''}${formatExpr(c.limit.count)}`);
  return lines.join('\n');
}

function fromText(te: TableExpr, database: string): string {
  if (te.t === 'table') return `${te.db ?? database}.${te.name}${te.alias ? ` AS ${te.alias}` : ''}`;
  if (te.t === 'join') return `${fromText(te.left, database)}${te.kind === 'COMMA' ? ',' : ` ${joinWords(te)}`} ${fromText(te.right, database)}${joinCondition(te) ? ` ${joinCondition(te)}` : ''}`;
  if (te.t === 'func') return `${te.name}(${te.args.map((a) => formatExpr(a)).join(', ')})${te.alias ? ` AS ${te.alias}` : ''}`;
  return `(${formatQuery(te.query)})${te.alias ? ` AS ${te.alias}` : ''}`;
}
