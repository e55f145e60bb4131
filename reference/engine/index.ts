// The engine: parses ClickHouse SQL and executes it against in-memory
// databases. Servers (ClickHouse HTTP, later StarRocks) sit on top of it.

import { hostname } from 'node:os';
import { EngineError } from './errors.ts';
import { T, defaultValue, setDefaultTimezone, unwrapNullable } from './types.ts';
import type { ColumnDef, ExecResult, NoResult, ParsedQuery, QueryContext, RowsResult } from './api.ts';
import { Catalog, nameForLogs } from './catalog.ts';
import type { Table } from './catalog.ts';
import { Parser, parseStatement } from './parser/parser.ts';
import type { SelectQuery, Statement } from './parser/ast.ts';
import { Compiler } from './expr/compiler.ts';
import type { FunctionEnv } from './expr/compiled.ts';
import { NO_STATE } from './expr/compiled.ts';
import { planSelect } from './select.ts';
import type { ExecEnv } from './select.ts';
import { convertValue } from './values/convert.ts';
import { buildTable, describeRows, rowsBytes, showCreateTable } from './ddl.ts';
import { likeToRegExp } from './functions/strings.ts';
import { formatReadableQuantity } from './functions/misc.ts';
import { SYSTEM_TABLES } from './system-tables.ts';

export type { ColumnDef, ExecResult, ParsedQuery, QueryContext, RowsResult } from './api.ts';
export { EngineError } from './errors.ts';
export { Settings } from './settings.ts';

interface Parsed extends ParsedQuery {
  statement: Statement;
}

const MODIFYING = new Set(['insert', 'create_database', 'create_table', 'drop', 'truncate', 'rename']);

const KIND: Record<Statement['kind'], string> = {
  select: 'select', insert: 'insert', create_database: 'create', create_table: 'create', drop: 'drop',
  truncate: 'truncate', exists: 'exists', show_tables: 'show', show_databases: 'show', show_create: 'show',
  describe: 'describe', set: 'set', use: 'use', rename: 'rename',
};

export class Engine {
  readonly catalog = new Catalog();
  readonly timezone: string;
  readonly versionString: string;

  constructor(opts: { timezone?: string; version?: string } = {}) {
    this.timezone = opts.timezone ?? 'UTC';
    this.versionString = opts.version ?? '24.8.1.1';
    setDefaultTimezone(this.timezone);
  }

  version(): string {
    return this.versionString;
  }

  /** Parse one statement. SYNTAX_ERROR (62) on bad text, `Empty query`, multi-statements, max_query_size. */
  parse(sql: string, opts: { maxQuerySize?: number } = {}): ParsedQuery {
    const r = parseStatement(sql, opts.maxQuerySize ?? 262144);
    const st = r.statement;
    const parsed: Parsed = {
      kind: KIND[st.kind],
      modifies: MODIFYING.has(st.kind),
      settings: r.settings,
      sql,
      statement: st,
      ...(r.format !== undefined ? { format: r.format } : {}),
      ...(r.dataOffset !== undefined ? { insertData: { format: r.format ?? 'Values', offset: r.dataOffset } } : {}),
    };
    return parsed;
  }

  private stmt(q: ParsedQuery): Statement {
    return (q as Parsed).statement;
  }

  private checkReadonly(q: ParsedQuery, ctx: QueryContext): void {
    if (q.modifies && ctx.readonly > 0) {
      throw new EngineError('READONLY', `${ctx.user}: Cannot execute query in readonly mode${ctx.readonlyHint ?? ''}`);
    }
  }

  private functionEnv(ctx: QueryContext, database = ctx.database): FunctionEnv {
    const tz = String(ctx.settings.get('session_timezone') || this.timezone);
    return {
      database,
      user: ctx.user,
      queryId: ctx.queryId,
      version: this.versionString,
      timezone: tz,
      settings: ctx.settings,
      hostName: hostname(),
      startTime: Math.floor(Date.now() / 1000),
    };
  }

  private execEnv(ctx: QueryContext): ExecEnv {
    const max = Number(ctx.settings.get('max_execution_time'));
    const now = Date.now();
    return {
      catalog: this.catalog,
      fenv: this.functionEnv(ctx),
      settings: ctx.settings,
      progress: ctx.progress,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      deadline: max > 0 ? now + max * 1000 : 0,
      startedAt: now,
    };
  }

  private resolveTable(db: string | undefined, name: string, ctx: QueryContext): Table {
    return this.catalog.table(db ?? ctx.database, name);
  }

  /** Columns an INSERT's data must provide, in order. */
  insertTarget(q: ParsedQuery, ctx: QueryContext): ColumnDef[] {
    const st = this.stmt(q);
    if (st.kind !== 'insert') throw new EngineError('LOGICAL_ERROR', 'insertTarget called for a non-INSERT query');
    const table = this.resolveTable(st.db, st.table, ctx);
    if (!st.columns) {
      return table.columns.filter((c) => c.defaultKind === undefined || c.defaultKind === 'DEFAULT').map((c) => ({ name: c.name, type: c.type }));
    }
    return st.columns.map((name) => {
      const c = table.columns.find((x) => x.name === name);
      if (!c) {
        throw new EngineError('NO_SUCH_COLUMN_IN_TABLE', `No such column ${name} in table ${nameForLogs(table.database, table.name)} (${table.uuid})`);
      }
      return { name: c.name, type: c.type };
    });
  }

  /** The Values input format: SQL literals or constant expressions, converted to the column types. */
  parseValues(text: string, columns: ColumnDef[], ctx?: QueryContext): unknown[][] {
    const rows = new Parser(text).valuesRows();
    const env: FunctionEnv = ctx ? this.functionEnv(ctx) : {
      database: 'default', user: 'default', queryId: '', version: this.versionString, timezone: this.timezone,
      settings: undefined as never, hostName: hostname(), startTime: Math.floor(Date.now() / 1000),
    };
    return rows.map((exprs, rowIndex) => {
      if (exprs.length !== columns.length) {
        throw new EngineError('CANNOT_PARSE_INPUT_ASSERTION_FAILED', `Cannot parse input: expected ${exprs.length < columns.length ? "','" : "')'"} before: ... (at row ${rowIndex + 1})`);
      }
      return exprs.map((e, i) => {
        const col = columns[i]!;
        const c = new Compiler({ env, columns: [], aliases: new Map(), scope: '', precomputed: new Map() }).compile(e);
        const v = c.ev([], NO_STATE);
        if (v === null && col.type.kind !== 'Nullable') {
          // input_format_null_as_default: NULL becomes the column default.
          return defaultValue(col.type);
        }
        return convertValue(v, c.type, col.type, env.timezone);
      });
    });
  }

  /** Insert rows (already of the insertTarget column types). All rows or none. */
  async insert(q: ParsedQuery, rows: unknown[][], ctx: QueryContext): Promise<void> {
    this.checkReadonly(q, ctx);
    const st = this.stmt(q);
    if (st.kind !== 'insert') throw new EngineError('LOGICAL_ERROR', 'insert called for a non-INSERT query');
    const table = this.resolveTable(st.db, st.table, ctx);
    const target = this.insertTarget(q, ctx);
    this.appendRows(table, target, rows, ctx);
  }

  private appendRows(table: Table, target: ColumnDef[], rows: unknown[][], ctx: QueryContext): void {
    const positions = table.columns.map((c) => target.findIndex((t) => t.name === c.name));
    const env = this.functionEnv(ctx, table.database);
    const defaults = table.columns.map((c) => {
      if (c.defaultExpr && c.defaultKind !== 'ALIAS') {
        const compiled = new Compiler({ env, columns: [], aliases: new Map(), scope: c.defaultText ?? '', precomputed: new Map() }).compile(c.defaultExpr);
        return () => convertValue(compiled.ev([], NO_STATE), compiled.type, c.type, env.timezone);
      }
      const d = defaultValue(c.type);
      return () => (Array.isArray(d) ? [] : d);
    });
    const full = rows.map((r) => {
      if (r.length !== target.length) throw new EngineError('LOGICAL_ERROR', `Row has ${r.length} values, expected ${target.length}`);
      return positions.map((p, i) => {
        if (p < 0) return defaults[i]!();
        const v = r[p];
        const col = table.columns[i]!;
        if (v === null && col.type.kind !== 'Nullable') return defaultValue(col.type);
        return v;
      });
    });
    const bytes = rowsBytes(table.columns, full);
    // One assignment: concurrent readers keep the array they already hold.
    table.rows = table.rows.length === 0 ? full : table.rows.concat(full);
    table.bytes += bytes;
    ctx.progress.writtenRows += full.length;
    ctx.progress.writtenBytes += bytes;
  }

  async execute(q: ParsedQuery, ctx: QueryContext): Promise<ExecResult> {
    this.checkReadonly(q, ctx);
    const st = this.stmt(q);
    switch (st.kind) {
      case 'select':
        return this.select(st.query, ctx);
      case 'insert':
        return this.insertSelect(st, ctx);
      case 'create_database':
        if (st.engine && !['Atomic', 'Memory', 'Ordinary', 'Lazy'].includes(st.engine)) {
          throw new EngineError('UNKNOWN_DATABASE_ENGINE', `Unknown database engine: ${st.engine}`);
        }
        this.catalog.createDatabase(st.name, st.engine ?? 'Atomic', st.ifNotExists);
        return NONE;
      case 'create_table':
        return this.createTable(st, ctx);
      case 'drop':
        if (st.what === 'database') this.catalog.dropDatabase(st.name, st.ifExists);
        else this.catalog.dropTable(st.db ?? ctx.database, st.name, st.ifExists);
        return NONE;
      case 'truncate': {
        const db = st.db ?? ctx.database;
        const t = st.ifExists ? this.catalog.findTable(db, st.name) : this.resolveTable(st.db, st.name, ctx);
        if (t) {
          t.rows = [];
          t.bytes = 0;
        }
        return NONE;
      }
      case 'exists': {
        let exists: boolean;
        if (st.what === 'database') exists = this.catalog.databases.has(st.name);
        else {
          const db = st.db ?? ctx.database;
          exists = db === 'system' ? st.name in SYSTEM_TABLES : this.catalog.findTable(db, st.name) !== undefined;
        }
        return rowsResult([{ name: 'result', type: T.UInt8 }], [[exists ? 1 : 0]], ctx);
      }
      case 'show_tables': {
        const db = st.db ?? ctx.database;
        const d = this.catalog.database(db);
        let names = db === 'system' ? Object.keys(SYSTEM_TABLES) : [...d.tables.keys()];
        names = filterLike(names, st.like);
        names.sort();
        if (st.limit !== undefined) names = names.slice(0, st.limit);
        return rowsResult([{ name: 'name', type: T.String }], names.map((n) => [n]), ctx);
      }
      case 'show_databases': {
        let names = filterLike([...this.catalog.databases.keys()], st.like).sort();
        if (st.limit !== undefined) names = names.slice(0, st.limit);
        return rowsResult([{ name: 'name', type: T.String }], names.map((n) => [n]), ctx);
      }
      case 'show_create': {
        if (st.what === 'database') {
          const d = this.catalog.database(st.name);
          return rowsResult([{ name: 'statement', type: T.String }], [[`CREATE DATABASE ${d.name}\nENGINE = ${d.engine}`]], ctx);
        }
        const t = this.resolveTable(st.db, st.name, ctx);
        return rowsResult([{ name: 'statement', type: T.String }], [[showCreateTable(t)]], ctx);
      }
      case 'describe':
        return this.describe(st, ctx);
      case 'set':
        for (const [name, value] of st.pairs) ctx.settings.set(name, value);
        return NONE;
      case 'use': {
        this.catalog.database(st.db);
        ctx.onUseDatabase?.(st.db);
        return { kind: 'none', database: st.db };
      }
      case 'rename': {
        for (const { from, to } of st.pairs) {
          const t = this.resolveTable(from.db, from.name, ctx);
          const toDb = to.db ?? ctx.database;
          if (this.catalog.findTable(toDb, to.name)) {
            throw new EngineError('TABLE_ALREADY_EXISTS', `Table ${nameForLogs(toDb, to.name)} already exists`);
          }
          this.catalog.database(toDb);
          this.catalog.dropTable(t.database, t.name, false);
          t.database = toDb;
          t.name = to.name;
          this.catalog.addTable(t, false);
        }
        return NONE;
      }
    }
  }

  private async select(query: SelectQuery, ctx: QueryContext): Promise<RowsResult> {
    const env = this.execEnv(ctx);
    const plan = await planSelect(query, env);
    const types = plan.columns.map((c) => c.type);
    const settings = ctx.settings;
    const blocks = async function* () {
      const maxRows = Number(settings.get('max_result_rows'));
      const maxBytes = Number(settings.get('max_result_bytes'));
      const mode = settings.get('result_overflow_mode');
      let rows = 0;
      let bytes = 0;
      for await (const b of plan.blocks()) {
        rows += b.length;
        let blockBytes = 0;
        for (const r of b) for (let i = 0; i < types.length; i++) blockBytes += valueSize(types[i]!, r[i]);
        bytes += blockBytes;
        const overRows = maxRows > 0 && rows > maxRows;
        const overBytes = maxBytes > 0 && bytes > maxBytes;
        if ((overRows || overBytes) && mode === 'throw') {
          throw new EngineError('TOO_MANY_ROWS_OR_BYTES', overRows
            ? `Limit for result exceeded, max rows: ${formatReadableQuantity(maxRows)}, current rows: ${formatReadableQuantity(rows)}`
            : `Limit for result exceeded, max bytes: ${formatReadableSize(maxBytes)}, current bytes: ${formatReadableSize(bytes)}`);
        }
        ctx.progress.resultRows += b.length;
        ctx.progress.resultBytes += blockBytes;
        yield { rows: b };
        if (overRows || overBytes) return;
      }
    };
    return {
      kind: 'rows',
      columns: plan.columns,
      blocks: { [Symbol.asyncIterator]: blocks },
      ...(plan.rowsBeforeLimit ? { rowsBeforeLimit: plan.rowsBeforeLimit } : {}),
    };
  }

  private async insertSelect(st: Statement & { kind: 'insert' }, ctx: QueryContext): Promise<NoResult> {
    if (!st.select) throw new EngineError('LOGICAL_ERROR', 'INSERT with data must go through insert()');
    const table = this.resolveTable(st.db, st.table, ctx);
    const target = this.insertTarget({ kind: 'insert', modifies: true, settings: [], sql: '', statement: st } as Parsed, ctx);
    const plan = await planSelect(st.select, this.execEnv(ctx));
    if (plan.columns.length !== target.length) {
      throw new EngineError('NUMBER_OF_COLUMNS_DOESNT_MATCH', `Number of columns doesn't match (source: ${plan.columns.length} and result: ${target.length})`);
    }
    const rows: unknown[][] = [];
    for await (const b of plan.blocks()) {
      for (const r of b) rows.push(r.map((v, i) => (v === null && target[i]!.type.kind !== 'Nullable' ? defaultValue(target[i]!.type) : convertValue(v, plan.columns[i]!.type, target[i]!.type))));
    }
    this.appendRows(table, target, rows, ctx);
    return NONE;
  }

  private async createTable(st: Statement & { kind: 'create_table' }, ctx: QueryContext): Promise<NoResult> {
    const db = st.temporary ? '_temporary_and_external_tables' : st.db ?? ctx.database;
    if (st.temporary) this.catalog.createDatabase(db, 'Memory', true);
    this.catalog.database(db);
    if (this.catalog.findTable(db, st.name)) {
      if (st.ifNotExists) return NONE;
      if (!st.orReplace) throw new EngineError('TABLE_ALREADY_EXISTS', `Table ${nameForLogs(db, st.name)} already exists`);
    }
    const env = this.execEnv(ctx);
    let fromColumns: ColumnDef[] | undefined;
    let plan;
    if (st.asSelect) {
      plan = await planSelect(st.asSelect, env);
      fromColumns = plan.columns;
    } else if (st.asTable) {
      fromColumns = this.resolveTable(st.asTable.db, st.asTable.name, ctx).columns.map((c) => ({ name: c.name, type: c.type }));
    }
    const table = buildTable(st.temporary && !st.engine ? { ...st, engine: { name: 'Memory', args: [], text: 'Memory' } } : st, db, env.fenv, fromColumns);
    if (plan) {
      const rows: unknown[][] = [];
      for await (const b of plan.blocks()) rows.push(...b);
      const target = table.columns.map((c) => ({ name: c.name, type: c.type }));
      const conv = rows.map((r) => r.map((v, i) => convertValue(v, plan.columns[i]!.type, target[i]!.type)));
      if (st.orReplace) this.catalog.dropTable(db, st.name, true);
      this.catalog.addTable(table, false);
      this.appendRows(table, target, conv, ctx);
      return NONE;
    }
    if (st.orReplace) this.catalog.dropTable(db, st.name, true);
    this.catalog.addTable(table, false);
    return NONE;
  }

  private async describe(st: Statement & { kind: 'describe' }, ctx: QueryContext): Promise<RowsResult> {
    const cols: ColumnDef[] = ['name', 'type', 'default_type', 'default_expression', 'comment', 'codec_expression', 'ttl_expression']
      .map((name) => ({ name, type: T.String }));
    if (st.name !== undefined) {
      const db = st.db ?? ctx.database;
      if (db === 'system' && SYSTEM_TABLES[st.name]) return rowsResult(cols, describeRows(SYSTEM_TABLES[st.name]!.columns), ctx);
      return rowsResult(cols, describeRows(this.resolveTable(st.db, st.name, ctx).columns), ctx);
    }
    const query: SelectQuery = st.query ?? {
      t: 'query',
      parts: [{ t: 'select', with: [], distinct: false, columns: [{ t: 'star' }], from: { t: 'func', name: st.func!.name, args: st.func!.args }, settings: [], limit: { count: { t: 'lit', value: 0n, raw: '0' } } }],
    };
    const plan = await planSelect(query, this.execEnv(ctx));
    return rowsResult(cols, describeRows(plan.columns), ctx);
  }
}

const NONE: NoResult = { kind: 'none' };

function rowsResult(columns: ColumnDef[], rows: unknown[][], ctx: QueryContext): RowsResult {
  return {
    kind: 'rows',
    columns,
    blocks: {
      async *[Symbol.asyncIterator]() {
        if (rows.length === 0) return;
        ctx.progress.resultRows += rows.length;
        yield { rows };
      },
    },
  };
}

function filterLike(names: string[], like?: { pattern: string; not: boolean; ilike: boolean }): string[] {
  if (!like) return names;
  const re = likeToRegExp(like.pattern, like.ilike);
  return names.filter((n) => re.test(n) !== like.not);
}

function valueSize(t: ColumnDef['type'], v: unknown): number {
  const b = unwrapNullable(t);
  if (v === null) return 1;
  switch (b.kind) {
    case 'String': return Buffer.byteLength(v as string) + 9;
    case 'UInt8': case 'Int8': case 'Bool': return 1;
    case 'UInt16': case 'Int16': case 'Date': return 2;
    case 'UInt32': case 'Int32': case 'Float32': case 'DateTime': return 4;
    case 'Array': return 8 + (v as unknown[]).reduce<number>((s, x) => s + valueSize(b.inner!, x), 0);
    default: return 8;
  }
}

function formatReadableSize(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${n.toFixed(2)} ${units[i]}`;
}
