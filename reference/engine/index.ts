// The engine: runs a dialect's statements against in-memory databases. It
// holds what every dialect shares (catalog, sessions, settings, users and
// quotas, the process list) and lends it to the dialect's interpreters;
// servers (ClickHouse HTTP, StarRocks FE/BE) build it with their dialect.

import { checkWritable, materializeViews } from './views.ts';
import { hostname } from 'node:os';

import { EngineError } from './errors.ts';
import { defaultValue, intBits, isInteger, isNullable, parseText, unwrapNullable } from './types.ts';
import type { ColumnDef, ExecResult, ParsedQuery, QueryContext } from './api.ts';
import { Catalog, partsOfRows, tableRows } from './catalog.ts';
import { Block } from './columns/block.ts';
import type { Table } from './catalog.ts';
import { Parser } from './parser/parser.ts';
import { Compiler } from './expr/compiler.ts';
import type { FunctionEnv } from './expr/compiled.ts';
import { NO_STATE } from './expr/compiled.ts';
import type { ExecEnv } from './planner/env.ts';
import { convertValue } from './values/convert.ts';
import { rowsBytes } from './ddl.ts';
import { SessionScope } from './session.ts';
import { parseSettingDefaults, Settings } from './settings.ts';
import { ProcessList } from './processes/process-list.ts';
import type { RunningQuery } from './processes/process-list.ts';
import { AccessControl } from './access/access-control.ts';
import type { AccessUser, LoginFailure } from './access/access-control.ts';
import type { AccessConfig } from './access/config.ts';
import type { QuotaSubject } from './access/quotas.ts';
import { roleBasedAccess } from './access/policy.ts';
import type { AccessPolicy, AccessPolicyFactory, QueryAccess } from './access/policy.ts';
import type { DialectStatement, EngineDialect, InsertDestination, Interpreter, ParsedStatement } from './dialect.ts';
import { createTemporaryTable } from './interpreters/create-table.ts';
import { openDataDir } from './storage/load.ts';
import type { TemporaryColumn } from './interpreters/create-table.ts';

// The host's name does not change while the server runs; os.hostname() is a system call.
const HOST_NAME = hostname();

export type { ColumnDef, ExecResult, ParsedQuery, QueryContext, RowsResult } from './api.ts';
export type { DialectStatement, EngineDialect, ParsedStatement } from './dialect.ts';
export type { TemporaryColumn } from './interpreters/create-table.ts';
export { EngineError } from './errors.ts';
export { DataDirError } from './storage/errors.ts';
export { Settings } from './settings.ts';
export { SessionScope } from './session.ts';
export { ProcessList, RunningQuery } from './processes/process-list.ts';
export { AccessControl } from './access/access-control.ts';
export type { AccessUser } from './access/access-control.ts';
export type { AccessConfig, ProfileConfig, UserConfig } from './access/config.ts';
export { defaultAccessConfig } from './access/config.ts';
export { allowAllAccess, roleBasedAccess } from './access/policy.ts';
export { parseParameterValue } from './params/substitute.ts';

/** The statements a dialect parses. */
export type StatementOf<D> = D extends EngineDialect<infer S> ? S : DialectStatement;

/** query_kind of system.processes. */
const PROCESS_KIND: Record<string, string> = {
  select: 'Select', insert: 'Insert', create: 'Create', drop: 'Drop', rename: 'Rename', set: 'Set', use: 'Use', show: 'Show',
  describe: 'Describe', exists: 'Exists', truncate: 'Drop', kill: 'KillQuery', grant: 'Grant',
};

export interface AppendOptions {
  /** Replace the table's rows instead of adding to them (INSERT OVERWRITE), in the same step. */
  overwrite?: boolean;
  /** The dialect's record of this load (its label), stored with its rows (Catalog.replaceParts). */
  commit?: unknown;
}

/** How rows added to a table combine with the rows it holds (a key model); absent, they are appended. */
export type RowMerge = (existing: readonly unknown[][], added: unknown[][], addedBytes: number) => { rows: readonly unknown[][]; bytes: number };

export interface EngineOptions<D extends EngineDialect = EngineDialect> {
  dialect: D;
  timezone?: string;
  /** What version() answers. */
  version?: string;
  access?: AccessConfig;
  /** Who may do what (default: role-based, from `access`). */
  accessPolicy?: AccessPolicyFactory;
  /** Settings whose default differs from the registry's in the emulated version, as text. */
  settingDefaults?: Readonly<Record<string, string>>;
}

export class Engine<D extends EngineDialect<any> = EngineDialect<any>> {
  readonly dialect: D;
  readonly catalog: Catalog;
  readonly timezone: string;
  readonly versionString: string;
  private readonly settingDefaults: ReadonlyMap<string, unknown>;
  private readonly policy: AccessPolicy;
  readonly processes = new ProcessList();
  access: AccessControl;

  constructor(opts: EngineOptions<D>) {
    this.dialect = opts.dialect;
    this.timezone = opts.timezone ?? 'UTC';
    this.versionString = opts.version ?? '';
    this.settingDefaults = parseSettingDefaults(opts.settingDefaults ?? {});
    this.access = new AccessControl(opts.access, this.timezone);
    this.policy = (opts.accessPolicy ?? roleBasedAccess)(this);
    this.catalog = new Catalog(this.dialect.builtinDatabases);
  }

  /**
   * Load the databases and tables kept in `dir` (created when new) and keep
   * every later change there, by the dialect's storage policy: each DDL
   * statement and each committed INSERT is on disk before it returns.
   */
  openDataDir(dir: string): void {
    if (this.catalog.storage) throw new Error('the engine already has a data directory');
    openDataDir(this.catalog, dir, this.dialect.storage);
  }

  /** Replace users, profiles and quotas (the server's config was loaded or reloaded). SQL-created entities are kept. */
  configureAccess(config: AccessConfig): void {
    const next = new AccessControl(config, this.timezone);
    for (const [n, u] of this.access.users) if (u.storage === 'local_directory' && !next.users.has(n)) next.users.set(n, u);
    for (const [n, r] of this.access.roles) next.roles.set(n, r);
    this.access = next;
  }

  /** AUTHENTICATION_FAILED (516) unless the password is right and the address allowed. */
  authenticate(user: string, password: string, address?: string, failure?: LoginFailure): AccessUser {
    return this.access.authenticate(user, password, address, failure);
  }

  /** Apply a settings profile by name (the `profile` URL parameter); THERE_IS_NO_PROFILE (180) when unknown. */
  applyProfile(settings: Settings, name: string): void {
    this.access.applyProfile(settings, name);
  }

  /** Settings at this server's defaults, before any profile. */
  newSettings(): Settings {
    return new Settings(this.settingDefaults);
  }

  /** The settings a session or query of `user` starts with: its profile and own settings over the defaults. */
  applyUserSettings(user: string, settings: Settings): void {
    this.access.applyUserSettings(this.access.user(user), settings);
  }

  /** Validate `role` URL parameters for `user`: UNKNOWN_ROLE (511), SET_NON_GRANTED_ROLE (512). Returns them deduplicated. */
  checkRoles(user: string, roles: readonly string[]): string[] {
    return this.access.checkCurrentRoles(this.access.user(user), roles);
  }

  /** A scope for an HTTP session (id) or for one request (no id). */
  createSessionScope(id?: string): SessionScope {
    return new SessionScope(id);
  }

  /**
   * A temporary table holding `rows` (external data). TABLE_ALREADY_EXISTS
   * (57) `Temporary table x already exists` when the scope has one by that name.
   */
  createTemporaryTable(scope: SessionScope, name: string, columns: TemporaryColumn[], rows: unknown[][]): void {
    createTemporaryTable(this, scope, name, columns, rows);
  }

  /**
   * Register the query in the process list (system.processes, KILL QUERY,
   * query_id clashes). execute() and insert() do it themselves; a server
   * calls it earlier to have an INSERT visible while its body is read, and
   * must then call finishQuery() if it never reaches insert().
   */
  async beginQuery(q: ParsedQuery, ctx: QueryContext): Promise<RunningQuery> {
    if (ctx.running && !ctx.running.finished) return ctx.running;
    this.access.quotas.chargeQuery(this.quotaSubject(ctx, q));
    const text = q.insertData ? q.sql.slice(0, q.insertData.offset).trimEnd() : q.sql;
    ctx.running = await this.processes.register({
      queryId: ctx.queryId, user: ctx.user, query: text, kind: PROCESS_KIND[q.kind] ?? 'Select', database: ctx.database,
      address: ctx.address ?? '::1', port: ctx.port ?? 0, quotaKey: ctx.quotaKey ?? '', progress: ctx.progress,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    }, {
      replaceRunningQuery: Boolean(ctx.settings.get('replace_running_query')),
      replaceMaxWaitMs: Number(ctx.settings.get('replace_running_query_max_wait_ms')),
    });
    return ctx.running;
  }

  /** Whose quota a query's usage counts against: none for a query the quota does not see. */
  private quotaSubject(ctx: QueryContext, q: ParsedQuery): QuotaSubject {
    const st = (q as ParsedStatement<StatementOf<D>>).statement;
    const quota = this.dialect.ignoresQuota?.(st, ctx.database) ? undefined : this.access.users.get(ctx.user)?.quota;
    return { user: ctx.user, quota, quotaKey: ctx.quotaKey, address: ctx.address };
  }

  /** Take the query out of the process list (idempotent). */
  finishQuery(ctx: QueryContext): void {
    ctx.running?.finish();
  }

  version(): string {
    return this.versionString;
  }

  /** Parse one statement in the engine's dialect (its errors: SYNTAX_ERROR and the like, in the dialect's form). */
  parse(sql: string, opts: { maxQuerySize?: number } = {}): ParsedStatement<StatementOf<D>> {
    return this.dialect.parse(sql, opts);
  }

  /** The statement with ctx.queryParameters substituted for its placeholders. */
  private bound(q: ParsedQuery, ctx: QueryContext): StatementOf<D> {
    const st = (q as ParsedStatement<StatementOf<D>>).statement;
    if (!q.parameters || !this.dialect.bindParameters) return st;
    return this.dialect.bindParameters(st, ctx, this);
  }

  /** The time zone of the query: session_timezone, else the server's. */
  sessionTimezone(ctx: QueryContext): string {
    return String(ctx.settings.get('session_timezone') || this.timezone);
  }

  /** The query's scope, made for this one query when the server passed none. */
  scope(ctx: QueryContext): SessionScope {
    ctx.scope ??= new SessionScope();
    return ctx.scope;
  }

  private user(ctx: QueryContext): AccessUser {
    return this.access.user(ctx.user);
  }

  /** Roles the query runs with: `role` parameters, else SET ROLE of the session, else the user's defaults. */
  currentRoles(ctx: QueryContext): string[] {
    const user = this.user(ctx);
    if (ctx.roles && ctx.roles.length > 0) return this.access.checkCurrentRoles(user, ctx.roles);
    return this.scope(ctx).currentRoles ?? this.access.defaultRoles(user);
  }

  /** What the query's user may do, by the engine's access policy. */
  accessFor(ctx: QueryContext): QueryAccess {
    return this.policy.forQuery(ctx);
  }

  private checkReadonly(q: ParsedQuery, ctx: QueryContext): void {
    if (q.modifies && ctx.readonly > 0) {
      throw new EngineError('READONLY', `${ctx.user}: Cannot execute query in readonly mode${ctx.readonlyHint ?? ''}`);
    }
  }

  functionEnv(ctx: QueryContext | undefined, database = ctx?.database ?? 'default'): FunctionEnv {
    if (!ctx) {
      return {
        database, user: 'default', queryId: '', version: this.versionString, timezone: this.timezone,
        settings: this.newSettings(), hostName: HOST_NAME, startTime: Math.floor(Date.now() / 1000),
      };
    }
    const known = this.access.users.get(ctx.user);
    const current = known ? this.currentRoles(ctx) : [];
    return {
      currentRoles: current,
      enabledRoles: this.access.enabledRoles(current),
      defaultRoles: known ? this.access.defaultRoles(known) : [],
      database,
      user: ctx.user,
      queryId: ctx.queryId,
      version: this.versionString,
      timezone: this.sessionTimezone(ctx),
      settings: ctx.settings,
      hostName: HOST_NAME,
      startTime: Math.floor(Date.now() / 1000),
    };
  }

  /** Everything the planner needs to run a query of ctx. */
  execEnv(ctx: QueryContext): ExecEnv {
    const max = Number(ctx.settings.get('max_execution_time'));
    const now = Date.now();
    const signal = ctx.running?.signal ?? ctx.signal;
    const access = this.accessFor(ctx);
    const roles = this.currentRoles(ctx);
    return {
      catalog: this.catalog,
      fenv: this.functionEnv(ctx),
      settings: ctx.settings,
      progress: ctx.progress,
      ...(signal ? { signal } : {}),
      deadline: max > 0 ? now + max * 1000 : 0,
      startedAt: now,
      scope: this.scope(ctx),
      system: {
        processes: this.processes, access: this.access, user: ctx.user, currentRoles: roles,
        visible: (db, table) => access.canSee(db, table),
      },
      checkSelect: (table, used) => access.checkSelect(table, used),
    };
  }

  /** A table by name; unqualified names find the session's temporary tables first. */
  resolveTable(db: string | undefined, name: string, ctx: QueryContext): Table {
    if (db === undefined) {
      const t = ctx.scope?.findTable(name);
      if (t) return t;
    }
    return this.catalog.table(db ?? ctx.database, name);
  }

  /** Where an INSERT's data goes, by the dialect. */
  private insertDestination(st: StatementOf<D>, ctx: QueryContext): InsertDestination {
    if (!this.dialect.insertDestination) throw new EngineError('LOGICAL_ERROR', `The ${this.dialect.name} dialect takes no INSERT data`);
    return this.dialect.insertDestination(st, ctx, this);
  }

  /** Columns an INSERT's data must provide, in order. */
  insertTarget(q: ParsedQuery, ctx: QueryContext): ColumnDef[] {
    return this.insertDestination(this.bound(q, ctx), ctx).target;
  }

  /** The Values input format: SQL literals or constant expressions, converted to the column types. */
  parseValues(text: string, columns: ColumnDef[], ctx?: QueryContext): unknown[][] {
    let rows = new Parser(text).valuesRows();
    // Placeholders in the data of INSERT … VALUES take the query's parameters, as in the statement.
    if (ctx?.queryParameters && this.dialect.bindParameters) rows = this.dialect.bindParameters(rows, ctx, this);
    const env: FunctionEnv = this.functionEnv(ctx);
    return rows.map((exprs, rowIndex) => {
      if (exprs.length !== columns.length) {
        throw new EngineError('CANNOT_PARSE_INPUT_ASSERTION_FAILED', `Cannot parse input: expected ${exprs.length < columns.length ? "','" : "')'"} before: ... (at row ${rowIndex + 1})`);
      }
      return exprs.map((e, i) => {
        const col = columns[i]!;
        // ClickHouse reads a plain number as text of the column's type first, so
        // decimals and 128/256-bit integers keep every digit.
        const base = unwrapNullable(col.type);
        if (e.t === 'lit' && (typeof e.value === 'number' || typeof e.value === 'bigint') && e.raw !== undefined
          && (base.kind === 'Decimal' || (isInteger(base) && intBits(base) > 64))) {
          return parseText(base, e.raw, env.timezone);
        }
        const c = new Compiler({ env, columns: [], aliases: new Map(), scope: '', precomputed: new Map() }).compile(e);
        const v = c.ev([], NO_STATE);
        if (v === null && !isNullable(col.type)) {
          // input_format_null_as_default: NULL becomes the column default.
          return defaultValue(col.type);
        }
        return convertValue(v, c.type, col.type, env.timezone);
      });
    });
  }

  /** Insert rows or a block (already of the insertTarget column types). All rows or none. */
  async insert(q: ParsedQuery, rows: unknown[][] | Block, ctx: QueryContext): Promise<void> {
    const running = await this.beginQuery(q, ctx);
    try {
      this.checkReadonly(q, ctx);
      const { table, target } = this.insertDestination(this.bound(q, ctx), ctx);
      this.checkInsert(table, target, ctx);
      // Rows that came with the query were read, as ClickHouse's input format reports them.
      ctx.progress.readRows += rows.length;
      ctx.progress.readBytes += rows instanceof Block ? rows.byteSize() : rowsBytes(target, rows);
      const before = table.parts.length;
      this.appendRows(table, target, rows, ctx);
      await materializeViews(this, table, before, ctx);
    } catch (e) {
      this.access.quotas.chargeError(this.quotaSubject(ctx, q));
      throw e;
    } finally {
      running.finish();
    }
  }

  /** INSERT on the target columns of a stored table (temporary tables need none). */
  checkInsert(table: Table, target: ColumnDef[], ctx: QueryContext): void {
    checkWritable(table);
    if (table.database === '') return;
    this.accessFor(ctx).check('INSERT', { db: table.database, table: table.name, columns: target.map((c) => c.name) });
  }

  /**
   * Store rows of `target` columns: omitted columns take their defaults, NULL
   * in a non-Nullable column its type's default; `merge` (a key model)
   * decides how they combine with the table's rows, else they are appended.
   */
  appendRows(table: Table, target: ColumnDef[], data: unknown[][] | Block, ctx: QueryContext | undefined, merge?: RowMerge, opts: AppendOptions = {}): void {
    if (data instanceof Block) {
      // A block of exactly the table's columns is stored as it is: it holds no NULL outside Nullable columns.
      const whole = !merge && data.isColumnar && target.length === table.columns.length
        && table.columns.every((c, i) => c.name === target[i]!.name && c.type.name === data.types[i]!.name);
      if (!whole) return this.appendRows(table, target, data.rows, ctx, merge, opts);
      if (hasNested(table.columns)) checkNestedSizes(table.columns, data.rows);
      if (data.length === 0 && !opts.overwrite && opts.commit === undefined) return;
      const bytes = data.byteSize();
      const parts = opts.overwrite ? [] : table.parts;
      this.catalog.replaceParts(table, data.length ? [...parts, data] : [...parts], (opts.overwrite ? 0 : table.bytes) + bytes, opts.commit);
      if (ctx) {
        ctx.progress.writtenRows += data.length;
        ctx.progress.writtenBytes += bytes;
        ctx.progress.resultRows += data.length;
        ctx.progress.resultBytes += bytes;
      }
      return;
    }
    const rows = data;
    const positions = table.columns.map((c) => target.findIndex((t) => t.name === c.name));
    const env = this.functionEnv(ctx, table.database);
    // A DEFAULT may read the row's other columns (`c UInt8 DEFAULT a * 2`): it is computed over the row in table order.
    const scope = table.columns.map((c) => ({ name: c.name, type: c.type, tables: [] }));
    const defaults = table.columns.map((c) => {
      if (c.defaultExpr && c.defaultKind !== 'ALIAS') {
        const compiled = new Compiler({ env, columns: scope, aliases: new Map(), scope: c.defaultText ?? '', precomputed: new Map() }).compile(c.defaultExpr);
        return (row: unknown[]) => convertValue(compiled.ev(row, NO_STATE), compiled.type, c.type, env.timezone);
      }
      // A fresh value each row: arrays, maps and tuples must not be shared.
      return () => defaultValue(c.type);
    });
    const full = rows.map((r) => {
      if (r.length !== target.length) throw new EngineError('LOGICAL_ERROR', `Row has ${r.length} values, expected ${target.length}`);
      const row = positions.map((p, i) => {
        if (p < 0) return undefined;
        const v = r[p];
        const col = table.columns[i]!;
        if (v === null && !isNullable(col.type)) return defaultValue(col.type);
        return v;
      });
      positions.forEach((p, i) => {
        if (p < 0) row[i] = defaults[i]!(row);
      });
      return row;
    });
    checkNestedSizes(table.columns, full);
    const bytes = rowsBytes(table.columns, full);
    // One replacement of the part list (stored first, when the catalog keeps
    // its data): concurrent readers keep the array they already hold.
    // `overwrite` (INSERT OVERWRITE) starts from an empty table in the same step.
    const parts = opts.overwrite ? [] : table.parts;
    const held = opts.overwrite ? 0 : table.bytes;
    // A load of no rows merges nothing (its commit record, if any, is stored all the same).
    if (merge && full.length) {
      const merged = merge(opts.overwrite ? [] : tableRows(table), full, bytes);
      this.catalog.replaceParts(table, partsOfRows(table, merged.rows as unknown[][]), merged.bytes, opts.commit);
    } else if (full.length || opts.overwrite || opts.commit !== undefined) {
      const added = full.length ? [Block.ofRows(table.columns.map((c) => c.type), full)] : [];
      this.catalog.replaceParts(table, [...parts, ...added], held + bytes, opts.commit);
    }
    if (ctx) {
      // ClickHouse counts the block as it reaches the table, before the omitted columns
      // are filled in; an INSERT's result is what it wrote (X-ClickHouse-Summary).
      const written = rowsBytes(target, rows);
      ctx.progress.writtenRows += full.length;
      ctx.progress.writtenBytes += written;
      ctx.progress.resultRows += full.length;
      ctx.progress.resultBytes += written;
    }
  }

  /** Run the statement's interpreter; NOT_IMPLEMENTED for a kind the dialect has none for. */
  private interpret(st: StatementOf<D>, ctx: QueryContext): Promise<ExecResult> | ExecResult {
    const interpreter = (this.dialect.interpreters as Record<string, Interpreter<StatementOf<D>> | undefined>)[st.kind];
    if (!interpreter) throw new EngineError('NOT_IMPLEMENTED', `Statement ${st.kind} is not supported by this engine`);
    return interpreter(st, ctx, this);
  }

  /**
   * Run a statement. The query is in the process list from here until its
   * result is exhausted (or abandoned), it fails, or it is killed.
   */
  async execute(q: ParsedQuery, ctx: QueryContext): Promise<ExecResult> {
    if (!this.dialect.tracksQueries) {
      try {
        return await this.interpret((q as ParsedStatement<StatementOf<D>>).statement, ctx);
      } catch (e) {
        throw this.dialect.translateError ? this.dialect.translateError(e, ctx) : e;
      }
    }
    const st = this.bound(q, ctx);
    const running = await this.beginQuery(q, ctx);
    const quotas = this.access.quotas;
    const subject = this.quotaSubject(ctx, q);
    let result: ExecResult;
    try {
      this.checkReadonly(q, ctx);
      result = await this.interpret(st, ctx);
    } catch (e) {
      running.finish();
      quotas.chargeError(subject);
      throw e;
    }
    if (result.kind === 'none') {
      running.finish();
      return result;
    }
    const inner = result.blocks;
    const started = process.hrtime.bigint();
    return {
      ...result,
      blocks: {
        async *[Symbol.asyncIterator]() {
          // LimitsCheckingTransform and the read progress charge the quota per block, and check it.
          let readCharged = 0;
          let timeCharged = 0;
          try {
            for await (const b of inner) {
              if (running.isCancelled) throw new EngineError('QUERY_WAS_CANCELLED', 'Query was cancelled');
              quotas.used(subject, 'read_rows', ctx.progress.readRows - readCharged);
              readCharged = ctx.progress.readRows;
              const elapsed = Number(process.hrtime.bigint() - started);
              quotas.used(subject, 'result_rows', b.length);
              quotas.used(subject, 'execution_time', elapsed - timeCharged);
              timeCharged = elapsed;
              yield b;
            }
          } catch (e) {
            quotas.chargeError(subject);
            throw e;
          } finally {
            running.finish();
          }
        },
      },
    };
  }
}

const hasNested = (columns: readonly ColumnDef[]): boolean => columns.some((c) => c.type.kind === 'Array' && c.name.indexOf('.') > 0);

/** Array columns `n.a`, `n.b` of one Nested structure hold arrays of one size in each row. */
function checkNestedSizes(columns: readonly ColumnDef[], rows: readonly unknown[][]): void {
  const groups = new Map<string, number[]>();
  columns.forEach((c, i) => {
    const dot = c.name.indexOf('.');
    if (dot > 0 && c.type.kind === 'Array') groups.set(c.name.slice(0, dot), [...(groups.get(c.name.slice(0, dot)) ?? []), i]);
  });
  for (const [name, idx] of groups) {
    if (idx.length < 2) continue;
    for (const r of rows) {
      const n = (r[idx[0]!] as unknown[]).length;
      const bad = idx.find((i) => (r[i] as unknown[]).length !== n);
      if (bad !== undefined) {
        throw new EngineError('SIZES_OF_ARRAYS_DONT_MATCH', `Elements '${columns[idx[0]!]!.name}' and '${columns[bad]!.name}' of Nested data structure '${name}' (Array columns) have different array sizes`);
      }
    }
  }
}
