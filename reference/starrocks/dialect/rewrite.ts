// StarRocks spellings resolved before the engine's planner sees a query:
// views read as their SELECT, `t PARTITION (p)` as a filter on the
// partition column, @@variables, session functions and StarRocks type names
// in CAST.

import type { QueryContext } from '../../engine/api.ts';
import type { Table } from '../../engine/catalog.ts';
import type { Expr, SelectCore, SelectQuery, TableExpr } from '../../engine/parser/ast.ts';
import { allFunctionNames, lookupFunction } from '../../engine/functions/registry.ts';
import { PARTITIONS_FUNCTION, SYSVAR_FUNCTION, parseStarRocksStatement } from './parser.ts';
import { starRocksMeta } from './meta.ts';
import { analysisError, srErrors } from './errors.ts';
import { engineType, parseStarRocksType } from './types.ts';
import { findTable, isViewTable, variable } from './host.ts';
import type { StarRocksHost } from './host.ts';


/** Tables a view names without a database are in the view's database, whoever reads it. */
function qualify(q: SelectQuery, db: string): void {
  for (const part of q.parts) {
    const from = part.from;
    if (from?.t === 'table' && from.db === undefined) from.db = db;
    else if (from?.t === 'sub') qualify(from.query, db);
    else if (from?.t === 'func' && from.name === PARTITIONS_FUNCTION) {
      const first = from.args[0] as { value: unknown; raw: string };
      if (first.value === '') from.args[0] = { t: 'lit', value: db, raw: `'${db}'` };
    }
  }
}

/** A view's SELECT, with its select items named after the view's columns. */
function viewQuery(view: Table): SelectQuery {
  const st = parseStarRocksStatement(view.engineFull);
  if (st.kind !== 'select') throw analysisError(`View ${view.name} is invalid`);
  qualify(st.query, view.database);
  for (const part of st.query.parts) {
    if (part.columns.some((c) => c.t === 'star') || part.columns.length !== view.columns.length) continue;
    part.columns.forEach((c, i) => {
      c.alias = view.columns[i]!.name;
    });
  }
  return st.query;
}

// ------------------------------------------------------------ SELECT rewriting

/** Resolve StarRocks spellings before the shared planner sees the query. */
export class Rewriter {
  private readonly host: StarRocksHost;
  private readonly ctx: QueryContext;

  constructor(host: StarRocksHost, ctx: QueryContext) {
    this.host = host;
    this.ctx = ctx;
  }

  query(q: SelectQuery): SelectQuery {
    return { ...q, parts: q.parts.map((p) => this.core(p)) };
  }

  private core(c: SelectCore): SelectCore {
    if (c.from?.t === 'table' && c.from.db === undefined && !this.ctx.database) throw srErrors.noDatabase();
    const out: SelectCore = { ...c, with: c.with.map((e) => this.expr(e)), columns: c.columns.map((e) => this.expr(e)) };
    if (c.from) out.from = this.table(c.from);
    if (c.where) out.where = this.expr(c.where);
    if (c.groupBy) out.groupBy = c.groupBy.map((e) => this.expr(e));
    if (c.having) out.having = this.expr(c.having);
    if (c.orderBy) out.orderBy = c.orderBy.map((o) => ({ ...o, expr: this.expr(o.expr) }));
    return out;
  }

  private table(t: TableExpr): TableExpr {
    if (t.t === 'sub') return { ...t, query: this.query(t.query) };
    if (t.t === 'func' && t.name === PARTITIONS_FUNCTION) return this.partitions(t);
    if (t.t !== 'table') return t;
    const table = findTable(this.host, t.db, t.name, this.ctx);
    if (!isViewTable(table)) return t;
    // A view reads as its query, under the view's name.
    return { t: 'sub', query: this.query(viewQuery(table)), alias: t.alias ?? t.name };
  }

  /** `t PARTITION (p, …)`: the rows whose partition column falls in those partitions' ranges or lists. */
  private partitions(t: TableExpr & { t: 'func' }): TableExpr {
    const [db, name, ...parts] = t.args.map((a) => String((a as { value: unknown }).value));
    const table = findTable(this.host, db || undefined, name!, this.ctx);
    const meta = starRocksMeta(table);
    const defs = meta?.partition?.partitions;
    const column = meta?.partition?.columns[0];
    const conditions: string[] = [];
    for (const p of parts) {
      const def = defs?.find((d) => d.name.toLowerCase() === p.toLowerCase());
      // An unpartitioned table's one partition carries the table's name.
      if (!def && !meta?.partition && p.toLowerCase() === table.name.toLowerCase()) {
        conditions.push('1 = 1');
        continue;
      }
      if (!def || column === undefined) throw analysisError(`Unknown partition '${p}' in table '${table.name}'`);
      const col = `\`${column}\``;
      const type = meta!.columns.find((c) => c.name === column)?.type;
      const value = (v: string): string => (type && ['TINYINT', 'SMALLINT', 'INT', 'BIGINT', 'LARGEINT', 'FLOAT', 'DOUBLE', 'DECIMAL'].includes(type.base) && /^-?\d+(\.\d+)?$/.test(v) ? v : `'${v.replace(/'/g, "\\'")}'`);
      if (def.values) conditions.push(`${col} IN (${def.values.map(value).join(', ')})`);
      else {
        const range = [def.lower !== undefined ? `${col} >= ${value(def.lower)}` : '', def.upper !== undefined ? `${col} < ${value(def.upper)}` : ''].filter((x) => x);
        conditions.push(range.length ? range.map((r) => `(${r})`).join(' AND ') : '1 = 1');
      }
    }
    const sql = `SELECT * FROM \`${table.database}\`.\`${table.name}\` WHERE ${conditions.map((c) => `(${c})`).join(' OR ')}`;
    const st = parseStarRocksStatement(sql);
    if (st.kind !== 'select') throw analysisError(`Unknown partition in table '${table.name}'`);
    return { t: 'sub', query: this.query(st.query), alias: t.alias ?? table.name };
  }

  private lit(value: unknown, alias: string | undefined): Expr {
    const e: Expr = { t: 'lit', value, raw: typeof value === 'string' ? `'${value}'` : String(value) };
    if (alias !== undefined) e.alias = alias;
    return e;
  }

  expr(e: Expr): Expr {
    switch (e.t) {
      case 'sub':
        return { ...e, query: this.query(e.query) };
      case 'id':
        if (e.parts.length === 1 && ['CURRENT_TIMESTAMP', 'LOCALTIME', 'LOCALTIMESTAMP'].includes(e.parts[0]!.toUpperCase())) {
          return { t: 'fn', name: 'now', args: [], ...(e.alias !== undefined ? { alias: e.alias } : {}) };
        }
        if (e.parts.length === 1 && ['CURRENT_DATE'].includes(e.parts[0]!.toUpperCase())) {
          return { t: 'fn', name: 'today', args: [], ...(e.alias !== undefined ? { alias: e.alias } : {}) };
        }
        return e;
      case 'fn':
        return this.call(e);
      default:
        return e;
    }
  }

  private call(e: Expr & { t: 'fn' }): Expr {
    const a = e.alias;
    if (e.name === SYSVAR_FUNCTION) {
      const [name, scope] = e.args.map((x) => (x as { value: string }).value) as [string, string];
      return this.lit(variable(this.host, this.ctx, name, scope), a);
    }
    const lower = e.name.toLowerCase();
    const { release, commit } = this.host.release;
    switch (lower) {
      case 'current_version': return this.lit(`${release} ${commit}`, a);
      case 'version': return this.lit('5.1.0', a);
      case 'connection_id': return this.lit(BigInt(this.ctx.scope?.variables.get('__connection_id') ?? 0), a);
      case 'current_user': return this.lit(`'${this.ctx.user}'@'%'`, a);
      case 'user': case 'session_user': return this.lit(`'${this.ctx.user}'@'${this.ctx.address ?? '%'}'`, a);
      case 'database': case 'schema': return this.lit(this.ctx.database || null, a);
      case 'current_catalog': return this.lit('default_catalog', a);
      case 'last_query_id': return this.lit(String(this.ctx.scope?.variables.get('__last_query_id') ?? ''), a);
      case 'curdate': case 'current_date': return { t: 'fn', name: 'today', args: [], ...(a !== undefined ? { alias: a } : {}) };
      case 'current_timestamp': case 'localtime': case 'localtimestamp': return { t: 'fn', name: 'now', args: [], ...(a !== undefined ? { alias: a } : {}) };
      default:
    }
    const args = e.args.map((x) => this.expr(x));
    if ((lower === 'cast') && args[1]?.t === 'lit' && typeof args[1].value === 'string') {
      args[1] = { t: 'lit', value: castTypeName(args[1].value), raw: `'${castTypeName(args[1].value)}'` };
    }
    // StarRocks function names are case-insensitive.
    let name = e.name;
    if (!lookupFunction(name)) name = allFunctionNames().find((f) => f.name.toLowerCase() === lower)?.name ?? name;
    return { ...e, name, args };
  }
}

/** `CAST(x AS int)` etc.: StarRocks type names to engine type names. */
function castTypeName(text: string): string {
  const m = /^\s*([A-Za-z0-9_]+)\s*(?:\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\))?\s*$/.exec(text);
  if (!m) return text;
  try {
    const t = parseStarRocksType(m[1]!, [m[2], m[3]].filter((x) => x !== undefined).map(Number));
    return engineType(t, true).name;
  } catch {
    return text;
  }
}
