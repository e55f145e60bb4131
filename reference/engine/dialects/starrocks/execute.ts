// Runs StarRocks statements against the engine's catalog. SELECT goes
// through the shared planner after `@@variables`, StarRocks-only session
// functions and StarRocks type names in CAST are rewritten.

import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { EngineError } from '../../errors.ts';
import { T, unwrapNullable } from '../../types.ts';
import type { DataType } from '../../types.ts';
import type { ColumnDef, ExecResult, NoResult, QueryContext, RowsResult } from '../../api.ts';
import type { Catalog, Table } from '../../catalog.ts';
import { NONE, rowsResult } from '../../results.ts';
import type { Expr, SelectCore, SelectQuery, TableExpr } from '../../parser/ast.ts';
import { planSelect } from '../../select.ts';
import type { ExecEnv } from '../../select.ts';
import type { FunctionEnv } from '../../expr/compiled.ts';
import { NO_STATE } from '../../expr/compiled.ts';
import { Compiler } from '../../expr/compiler.ts';
import { allFunctionNames, lookupFunction } from '../../functions/registry.ts';
import { likeToRegExp } from '../../functions/strings.ts';
import { formatDateTime } from '../../time.ts';
import { convertValue } from '../../values/convert.ts';
import { SessionScope } from '../../session.ts';
import type { SrStatement } from './ast.ts';
import { isFrontendStatement } from './ast.ts';
import { PARTITIONS_FUNCTION, SYSVAR_FUNCTION, parseStarRocksStatement } from './parser.ts';
import { buildStarRocksTable, describeStarRocks, showCreateStarRocks, showCreateView, tableMetaOf } from './ddl.ts';
import type { StarRocksTableMeta } from './meta.ts';
import { analysisError, codedError, srErrors, toStarRocksError } from './errors.ts';
import { engineType, parseStarRocksType, starRocksTypeOf, typeCanonical } from './types.ts';
import type { LoadJob, LoadJobs } from './loads.ts';
import { defaultVariables, unknownVariable } from './variables.ts';
import type { StarRocksRelease } from './variables.ts';
import './functions.ts';

/** What the engine lends the dialect. */
export interface StarRocksHost {
  catalog: Catalog;
  loads: LoadJobs;
  release: StarRocksRelease;
  timezone: string;
  /** SET GLOBAL values. */
  globals: Map<string, string | bigint>;
  /** Store rows (of `target` columns) through the engine's insert path: defaults, then the key model's merge. */
  load(table: Table, target: ColumnDef[], rows: unknown[][], ctx: QueryContext): void;
}

const NAME_RE = /^[a-zA-Z][a-zA-Z0-9_]*$/;

const varchar = (...names: string[]): ColumnDef[] => names.map((name) => ({ name, type: T.String }));

function fenv(host: StarRocksHost, ctx: QueryContext): FunctionEnv {
  return {
    database: ctx.database, user: ctx.user, queryId: ctx.queryId, version: '5.1.0', timezone: timeZone(host, ctx),
    settings: ctx.settings, hostName: hostname(), startTime: Math.floor(Date.now() / 1000),
  };
}

function timeZone(host: StarRocksHost, ctx: QueryContext): string {
  const tz = ctx.scope?.variables.get('time_zone') ?? host.globals.get('time_zone');
  return typeof tz === 'string' && tz !== '' ? tz : host.timezone;
}

function execEnv(host: StarRocksHost, ctx: QueryContext): ExecEnv {
  ctx.scope ??= new SessionScope();
  const signal = ctx.running?.signal ?? ctx.signal;
  return {
    catalog: host.catalog, fenv: fenv(host, ctx), settings: ctx.settings, progress: ctx.progress, deadline: 0, startedAt: Date.now(),
    scope: ctx.scope, ...(signal ? { signal } : {}),
  };
}

function needDb(db: string | undefined, ctx: QueryContext): string {
  const d = db ?? ctx.database;
  if (!d) throw srErrors.noDatabase();
  return d;
}

function findTable(host: StarRocksHost, db: string | undefined, name: string, ctx: QueryContext): Table {
  const d = needDb(db, ctx);
  if (!host.catalog.databases.has(d)) throw srErrors.unknownDatabase(d);
  const t = host.catalog.findTable(d, name);
  if (!t) throw srErrors.unknownTable(`${d}.${name}`);
  return t;
}

const metaOf = tableMetaOf;

/** Views are engine tables with engine `VIEW` whose engineFull is the defining SELECT's text. */
function isViewTable(t: Table): boolean {
  return t.engine === 'VIEW';
}

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

// ------------------------------------------------------------ variables

function variable(host: StarRocksHost, ctx: QueryContext, name: string, scope: string): string | bigint {
  const defaults = defaultVariables(host.release, host.timezone);
  const session = scope === 'global' ? undefined : ctx.scope?.variables.get(name);
  const v = session ?? host.globals.get(name) ?? defaults.get(name);
  if (v === undefined) throw unknownVariable(name, defaults.keys());
  return v;
}

// ------------------------------------------------------------ SELECT rewriting

/** Resolve StarRocks spellings before the shared planner sees the query. */
class Rewriter {
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
    const meta = table.starrocks;
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

/**
 * The database a CREATE TABLE or CREATE VIEW adds to, after StarRocks's checks in its order;
 * undefined when the name is taken and IF NOT EXISTS makes that a no-op.
 */
function creationDatabase(host: StarRocksHost, st: { db?: string; name: string; ifNotExists: boolean }, ctx: QueryContext): string | undefined {
  const db = needDb(st.db, ctx);
  if (!host.catalog.databases.has(db)) throw srErrors.unknownDatabase(db);
  if (!NAME_RE.test(st.name)) throw codedError('BAD_ARGUMENTS', 1104, '42000', `Incorrect table name '${st.name}'`);
  if (host.catalog.findTable(db, st.name)) {
    if (st.ifNotExists) return undefined;
    throw srErrors.tableExists(st.name);
  }
  return db;
}

// ------------------------------------------------------------ statements

export async function executeStarRocks(host: StarRocksHost, st: SrStatement, ctx: QueryContext): Promise<ExecResult> {
  try {
    return await run(host, st, ctx);
  } catch (e) {
    throw toStarRocksError(e, ctx.database);
  }
}

async function run(host: StarRocksHost, st: SrStatement, ctx: QueryContext): Promise<ExecResult> {
  if (isFrontendStatement(st)) {
    // Users, roles, nodes and FE configs belong to the FE front-end (the reference's cluster), not to the catalog.
    throw codedError('NOT_IMPLEMENTED', 1064, 'HY000', `${st.kind.toUpperCase().replace(/_/g, ' ')} needs the StarRocks front-end`);
  }
  switch (st.kind) {
    case 'select': {
      const env = execEnv(host, ctx);
      const plan = await planSelect(new Rewriter(host, ctx).query(st.query), env);
      return {
        kind: 'rows',
        columns: plan.columns,
        blocks: {
          async *[Symbol.asyncIterator]() {
            for await (const b of plan.blocks()) {
              ctx.progress.resultRows += b.length;
              yield { rows: b };
            }
          },
        },
      };
    }
    case 'create_database':
      if (!NAME_RE.test(st.name)) throw codedError('BAD_ARGUMENTS', 1102, '42000', `Incorrect database name '${st.name}'`);
      if (host.catalog.databases.has(st.name)) {
        if (st.ifNotExists) return NONE;
        throw srErrors.databaseExists(st.name);
      }
      host.catalog.createDatabase(st.name, 'StarRocks');
      return NONE;
    case 'drop_database':
      if (!host.catalog.databases.has(st.name)) {
        if (st.ifExists) return NONE;
        throw srErrors.dropMissingDatabase(st.name);
      }
      if (host.catalog.builtin.includes(st.name)) throw analysisError(`Access denied for user '${ctx.user}' to database '${st.name}'`, 'DATABASE_ACCESS_DENIED');
      host.catalog.databases.delete(st.name);
      host.loads.dropDatabase(st.name);
      return NONE;
    case 'create_table': {
      const db = creationDatabase(host, st, ctx);
      if (db !== undefined) host.catalog.addTable(buildStarRocksTable(st, db), false);
      return NONE;
    }
    case 'drop_table': {
      const db = needDb(st.db, ctx);
      if (!host.catalog.databases.has(db)) {
        if (st.ifExists) return NONE;
        throw srErrors.unknownDatabase(db);
      }
      if (!host.catalog.findTable(db, st.name)) {
        if (st.ifExists) return NONE;
        throw srErrors.unknownTable(`${db}.${st.name}`);
      }
      host.catalog.dropTable(db, st.name, false);
      return NONE;
    }
    case 'create_view': {
      const db = creationDatabase(host, st, ctx);
      if (db === undefined) return NONE;
      // The view's columns: its query's, planned (not run) in the view's database.
      const plan = await planSelect(new Rewriter(host, { ...ctx, database: db }).query(st.query), execEnv(host, { ...ctx, database: db }));
      if (st.columns && st.columns.length !== plan.columns.length) throw analysisError('The number of columns of the view does not match the number of columns of its query');
      if (st.columns && st.query.parts.some((p) => p.columns.some((c) => c.t === 'star'))) {
        throw codedError('NOT_IMPLEMENTED', 1064, 'HY000', 'A column list for a view of SELECT * is not supported by this reference');
      }
      host.catalog.addTable({
        database: db, name: st.name, uuid: randomUUID(), engine: 'VIEW', engineFull: st.text, comment: st.comment ?? '',
        columns: plan.columns.map((c, i) => ({ name: st.columns?.[i] ?? c.name, type: c.type })),
        createdAt: Math.floor(Date.now() / 1000), rows: [], bytes: 0,
      }, false);
      return NONE;
    }
    case 'drop_view': {
      const db = needDb(st.db, ctx);
      const t = host.catalog.findTable(db, st.name);
      if (!t || !isViewTable(t)) {
        if (st.ifExists) return NONE;
        throw srErrors.unknownTable(`${db}.${st.name}`);
      }
      host.catalog.dropTable(db, st.name, false);
      return NONE;
    }
    case 'truncate': {
      const t = findTable(host, st.db, st.name, ctx);
      if (isViewTable(t)) throw analysisError(`Table[${t.name}] is not OLAP table`);
      t.rows = [];
      t.bytes = 0;
      return NONE;
    }
    case 'show_databases': {
      let names = [...host.catalog.databases.keys()].sort();
      if (st.like !== undefined) {
        const re = likeToRegExp(st.like, true);
        names = names.filter((n) => re.test(n));
      }
      return rowsResult(varchar('Database'), names.map((n) => [n]), ctx);
    }
    case 'show_tables': {
      const db = needDb(st.db, ctx);
      const d = host.catalog.databases.get(db);
      if (!d) throw srErrors.unknownDatabase(db);
      let names = [...d.tables.keys()].sort();
      if (st.like !== undefined) {
        const re = likeToRegExp(st.like, true);
        names = names.filter((n) => re.test(n));
      }
      const header = `Tables_in_${db}`;
      if (st.full) return rowsResult(varchar(header, 'Table_type'), names.map((n) => [n, isViewTable(d.tables.get(n)!) ? 'VIEW' : 'BASE TABLE']), ctx);
      return rowsResult(varchar(header), names.map((n) => [n]), ctx);
    }
    case 'show_create_table': {
      const t = findTable(host, st.db, st.name, ctx);
      if (isViewTable(t)) {
        return rowsResult(varchar('View', 'Create View', 'character_set_client', 'collation_connection'), [[t.name, showCreateView(t), 'utf8', 'utf8_general_ci']], ctx);
      }
      return rowsResult(varchar('Table', 'Create Table'), [[t.name, showCreateStarRocks(t, metaOf(t))]], ctx);
    }
    case 'describe': {
      const t = findTable(host, st.db, st.name, ctx);
      if (isViewTable(t)) {
        return rowsResult(varchar('Field', 'Type', 'Null', 'Key', 'Default', 'Extra'), t.columns.map((c) => [c.name, typeCanonical(starRocksTypeOf(c.type)), 'YES', 'false', null, '']), ctx);
      }
      return rowsResult(varchar('Field', 'Type', 'Null', 'Key', 'Default', 'Extra'), describeStarRocks(metaOf(t)), ctx);
    }
    case 'use':
      if (!host.catalog.databases.has(st.db)) throw srErrors.useUnknownDatabase(st.db);
      ctx.onUseDatabase?.(st.db);
      return { kind: 'none', database: st.db };
    case 'insert':
      return insert(host, st, ctx);
    case 'show_load':
      return showLoad(host, st, ctx);
    case 'set': {
      const env = fenv(host, ctx);
      const defaults = defaultVariables(host.release, host.timezone);
      ctx.scope ??= new SessionScope();
      for (const a of st.assignments) {
        if (!defaults.has(a.name)) throw unknownVariable(a.name, defaults.keys());
        const c = new Compiler({ env, columns: [], aliases: new Map(), scope: '', precomputed: new Map() }).compile(a.value);
        const v = c.ev([], NO_STATE);
        let value: string | bigint = typeof v === 'bigint' ? v : typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : typeof v === 'boolean' ? (v ? 1n : 0n) : String(v);
        // Boolean variables (enable_profile…) keep their `true`/`false` spelling, as SessionVariable prints them.
        const def = defaults.get(a.name);
        if (def === 'true' || def === 'false') value = value === 1n || String(value).toLowerCase() === 'true' ? 'true' : 'false';
        (a.global ? host.globals : ctx.scope.variables).set(a.name, value);
      }
      return NONE;
    }
    case 'show_warnings':
      return rowsResult([...varchar('Level'), { name: 'Code', type: T.Int32 }, ...varchar('Message')], [], ctx);
    case 'show_variables': {
      const all = defaultVariables(host.release, host.timezone);
      for (const [k, v] of host.globals) all.set(k, v);
      if (!st.global) for (const [k, v] of ctx.scope?.variables ?? []) if (!k.startsWith('__')) all.set(k, v);
      let entries = [...all.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
      if (st.like !== undefined) {
        const re = likeToRegExp(st.like, true);
        entries = entries.filter(([k]) => re.test(k));
      }
      return rowsResult(varchar('Variable_name', 'Value'), entries.map(([k, v]) => [k, String(v)]), ctx);
    }
  }
}

// ------------------------------------------------------------ INSERT

async function insert(host: StarRocksHost, st: SrStatement & { kind: 'insert' }, ctx: QueryContext): Promise<NoResult> {
  const table = findTable(host, st.db, st.table, ctx);
  if (isViewTable(table)) throw analysisError(`The target table of insert into is not OLAP table: ${table.name}`);
  const meta = metaOf(table);
  const names = st.columns ?? table.columns.map((c) => c.name);
  const target = names.map((n) => {
    const c = table.columns.find((x) => x.name.toLowerCase() === n.toLowerCase());
    if (!c) throw analysisError(`Unknown column '${n}' in '${table.name}'`, 'NO_SUCH_COLUMN_IN_TABLE');
    return c;
  });
  for (const c of table.columns) {
    const m = meta.columns.find((x) => x.name === c.name);
    if (!target.includes(c) && m && !m.nullable && m.defaultValue === undefined) {
      throw analysisError(`'${c.name}' must be explicitly mentioned in column permutation`);
    }
  }
  let source: { values: unknown[]; types: DataType[] }[];
  const env = execEnv(host, ctx);
  if (st.rows) {
    source = st.rows.map((row) => {
      if (row.length !== target.length) throw srErrors.columnCount();
      const compiled = row.map((e, i) => {
        if (e.t === 'id' && e.parts.length === 1 && e.parts[0] === 'DEFAULT') return { type: target[i]!.type, value: undefined as unknown };
        const c = new Compiler({ env: env.fenv, columns: [], aliases: new Map(), scope: '', precomputed: new Map() }).compile(new Rewriter(host, ctx).expr(e));
        return { type: c.type, value: c.ev([], NO_STATE) };
      });
      return { values: compiled.map((c) => c.value), types: compiled.map((c) => c.type) };
    });
  } else {
    const plan = await planSelect(new Rewriter(host, ctx).query(st.select!), env);
    if (plan.columns.length !== target.length) throw srErrors.columnCount();
    source = [];
    for await (const b of plan.blocks()) for (const r of b) source.push({ values: r, types: plan.columns.map((c) => c.type) });
  }
  const db = table.database;
  const label = st.label ?? `insert_${randomUUID()}`;
  if (host.loads.find(db, label)) throw srErrors.labelUsed(label);
  const txnId = host.loads.newTxnId();
  const now = Date.now();
  const job: Omit<LoadJob, 'id'> = {
    label, db, table: table.name, type: 'INSERT', state: 'FINISHED', txnId, scanRows: 0, filteredRows: 0, unselectedRows: 0,
    sinkRows: 0, createTime: now, loadStartTime: now, loadFinishTime: now, taskInfo: 'resource:N/A; timeout(s):300; max_filter_ratio:0.0',
  };
  const tz = timeZone(host, ctx);
  let converted: unknown[][];
  try {
    converted = source.map(({ values, types }) => values.map((v, i) => {
      const col = target[i]!;
      if (v === undefined) return undefined;
      if (v === null) {
        if (col.type.kind !== 'Nullable') throw new EngineError('CANNOT_INSERT_NULL_IN_ORDINARY_COLUMN', `NULL value in non-nullable column '${col.name}'`);
        return null;
      }
      return convertValue(v, types[i]!, unwrapNullable(col.type), tz);
    }));
  } catch (e) {
    const added = host.loads.add({ ...job, state: 'CANCELLED', scanRows: source.length, filteredRows: 1, errorMsg: 'type:ETL_QUALITY_UNSATISFIED; msg:Insert has filtered data in strict mode', loadFinishTime: Date.now() });
    throw codedError('INCORRECT_DATA', 1064, 'HY000', `Insert has filtered data in strict mode. txn_id = ${txnId}, tracking sql = select tracking_log from information_schema.load_tracking_logs where job_id=${added?.id ?? 0}`);
  }
  // DEFAULT in VALUES: the column's default, as if the column were omitted.
  const withDefaults = converted.map((r) => r.map((v, i) => (v === undefined ? defaultFor(host, table, target[i]!.name, ctx) : v)));
  if (st.overwrite) {
    table.rows = [];
    table.bytes = 0;
  }
  host.load(table, target.map((c) => ({ name: c.name, type: c.type })), withDefaults, ctx);
  host.loads.add({ ...job, scanRows: withDefaults.length, sinkRows: withDefaults.length });
  return { kind: 'none', affectedRows: withDefaults.length, info: `{'label':'${label}', 'status':'VISIBLE', 'txnId':'${txnId}'}` };
}

function defaultFor(host: StarRocksHost, table: Table, column: string, ctx: QueryContext): unknown {
  const c = table.columns.find((x) => x.name === column)!;
  if (!c.defaultExpr) return null;
  const compiled = new Compiler({ env: fenv(host, ctx), columns: [], aliases: new Map(), scope: '', precomputed: new Map() }).compile(c.defaultExpr);
  return convertValue(compiled.ev([], NO_STATE), compiled.type, c.type, timeZone(host, ctx));
}

// ------------------------------------------------------------ SHOW LOAD

const SHOW_LOAD_COLUMNS = ['JobId', 'Label', 'State', 'Progress', 'Type', 'Priority', 'ScanRows', 'FilteredRows', 'UnselectedRows',
  'SinkRows', 'EtlInfo', 'TaskInfo', 'ErrorMsg', 'CreateTime', 'EtlStartTime', 'EtlFinishTime', 'LoadStartTime', 'LoadFinishTime',
  'TrackingSQL', 'JobDetails'];

function showLoad(host: StarRocksHost, st: SrStatement & { kind: 'show_load' }, ctx: QueryContext): RowsResult {
  const db = needDb(st.db, ctx);
  if (!host.catalog.databases.has(db)) throw srErrors.unknownDatabase(db);
  const tz = timeZone(host, ctx);
  const time = (ms: number | undefined): string | null => (ms === undefined ? null : formatDateTime(Math.floor(ms / 1000), tz));
  const like = st.labelLike !== undefined ? likeToRegExp(`%${st.labelLike}%`, false) : undefined;
  const jobs = host.loads.list(db)
    .filter((j) => j.type === 'INSERT' || j.type === 'BROKER')
    .filter((j) => (st.label === undefined || j.label === st.label) && (!like || like.test(j.label)) && (st.state === undefined || j.state === st.state))
    .sort((a, b) => a.createTime - b.createTime || a.id - b.id);
  const data = jobs.map((j) => {
    const finished = j.state === 'FINISHED';
    return [
      BigInt(j.id), j.label, j.state, finished ? 'ETL:100%; LOAD:100%' : 'ETL:N/A; LOAD:N/A', j.type, 'NORMAL',
      BigInt(j.scanRows), BigInt(j.filteredRows), BigInt(j.unselectedRows), BigInt(j.sinkRows), null, j.taskInfo, j.errorMsg ?? null,
      time(j.createTime), time(j.createTime), time(j.createTime), time(j.loadStartTime), time(j.loadFinishTime), '',
      `{"All backends":{},"FileNumber":0,"FileSize":0,"InternalTableLoadBytes":0,"InternalTableLoadRows":${j.sinkRows},"ScanBytes":0,"ScanRows":${j.scanRows},"TaskNumber":0,"Unfinished backends":{}}`,
    ];
  });
  const columns: ColumnDef[] = SHOW_LOAD_COLUMNS.map((name) => ({
    name,
    type: ['JobId', 'ScanRows', 'FilteredRows', 'UnselectedRows', 'SinkRows'].includes(name) ? T.Int64 : T.String,
  }));
  return rowsResult(columns, data, ctx);
}
