// The engine: parses ClickHouse SQL and executes it against in-memory
// databases. Servers (ClickHouse HTTP, later StarRocks) sit on top of it.

import { hostname } from 'node:os';
import { EngineError } from './errors.ts';
import { T, defaultValue, unwrapNullable } from './types.ts';
import type { ColumnDef, ExecResult, NoResult, ParsedQuery, QueryContext, RowsResult } from './api.ts';
import { Catalog, backQuoteIfNeed, nameForLogs } from './catalog.ts';
import { NONE, rowsResult } from './results.ts';
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
import { SessionScope } from './session.ts';
import { parseSettingDefaults, Settings } from './settings.ts';
import { ProcessList } from './processes/process-list.ts';
import type { RunningQuery } from './processes/process-list.ts';
import { killQueries } from './processes/kill.ts';
import { substituteParameters } from './params/substitute.ts';
import { AccessControl } from './access/access-control.ts';
import type { AccessUser, LoginFailure } from './access/access-control.ts';
import type { AccessConfig } from './access/config.ts';
import { ACCESS_KINDS, executeAccessStatement } from './access/statements.ts';
import type { Level } from './access/privileges.ts';
import type { QuotaSubject } from './access/quotas.ts';
import { ignoresQuota } from './access/quota-exempt.ts';
import { parseStarRocksStatement } from './dialects/starrocks/parser.ts';
import type { SrStatement } from './dialects/starrocks/ast.ts';
import { executeStarRocks } from './dialects/starrocks/execute.ts';
import type { StarRocksHost } from './dialects/starrocks/execute.ts';
import { LoadJobs } from './dialects/starrocks/loads.ts';
import type { StarRocksRelease } from './dialects/starrocks/variables.ts';
import { mergeRows } from './dialects/starrocks/merge.ts';
import type { MergeOptions } from './dialects/starrocks/merge.ts';

export type { ColumnDef, ExecResult, ParsedQuery, QueryContext, RowsResult } from './api.ts';
export { EngineError } from './errors.ts';
export { Settings } from './settings.ts';
export { SessionScope } from './session.ts';
export { ProcessList, RunningQuery } from './processes/process-list.ts';
export { AccessControl } from './access/access-control.ts';
export type { AccessUser } from './access/access-control.ts';
export type { AccessConfig, ProfileConfig, UserConfig } from './access/config.ts';
export { defaultAccessConfig } from './access/config.ts';
export { parseParameterValue } from './params/substitute.ts';

interface Parsed extends ParsedQuery {
  statement: Statement;
  /** Set instead of a usable `statement` when parsed in the StarRocks dialect. */
  starrocks?: SrStatement;
}

/** The SQL dialect of parse(): ClickHouse (default) or StarRocks (MySQL protocol front-end). */
export type Dialect = 'clickhouse' | 'starrocks';

const STARROCKS_KIND: Record<SrStatement['kind'], string> = {
  select: 'select', create_database: 'create', drop_database: 'drop', create_table: 'create', drop_table: 'drop', truncate: 'truncate',
  show_databases: 'show', show_tables: 'show', show_create_table: 'show', describe: 'describe', use: 'use', insert: 'insert',
  show_load: 'show', set: 'set', show_variables: 'show', show_warnings: 'show',
  create_view: 'create', drop_view: 'drop', create_user: 'create', drop_user: 'drop', grant_roles: 'grant', revoke_roles: 'grant',
  grant_privileges: 'grant', set_default_role: 'set', show_proc: 'show', show_nodes: 'show', show_frontend_config: 'show',
  set_frontend_config: 'set',
};

const MODIFYING = new Set(['insert', 'create_database', 'create_table', 'drop', 'truncate', 'rename', 'create_role', 'create_user',
  'drop_access', 'grant', 'grant_role', 'set_default_role']);

const KIND: Record<Statement['kind'], string> = {
  select: 'select', insert: 'insert', create_database: 'create', create_table: 'create', drop: 'drop',
  truncate: 'truncate', exists: 'exists', show_tables: 'show', show_databases: 'show', show_create: 'show',
  describe: 'describe', set: 'set', use: 'use', rename: 'rename', kill_query: 'kill', create_role: 'create', create_user: 'create',
  drop_access: 'drop', grant: 'grant', grant_role: 'grant', set_role: 'set', set_default_role: 'set', show_grants: 'show', show_access: 'show',
};

/** query_kind of system.processes. */
const PROCESS_KIND: Record<string, string> = {
  select: 'Select', insert: 'Insert', create: 'Create', drop: 'Drop', rename: 'Rename', set: 'Set', use: 'Use', show: 'Show',
  describe: 'Describe', exists: 'Exists', truncate: 'Drop', kill: 'KillQuery', grant: 'Grant',
};

/** A column definition for createTemporaryTable. */
export interface TemporaryColumn {
  name: string;
  type: ColumnDef['type'];
}

export interface EngineOptions {
  timezone?: string;
  version?: string;
  access?: AccessConfig;
  /**
   * `starrocks`: a StarRocks FE's catalog (databases `_statistics_`,
   * `information_schema`, `sys`), no ClickHouse privilege checks (StarRocks
   * users are the front-end's business), and `release` for version strings.
   */
  flavor?: 'clickhouse' | 'starrocks';
  release?: StarRocksRelease;
  /** Settings whose default differs from the registry's in the emulated version, as text. */
  settingDefaults?: Readonly<Record<string, string>>;
  /**
   * Placeholders of a query sent without any parameter values are substituted
   * all the same ("Substitution `x` is not set") instead of being left to the
   * analyzer ("Query parameter `x` was not set"). Default true.
   */
  placeholdersWithoutParameters?: boolean;
}

export class Engine {
  readonly catalog: Catalog;
  readonly timezone: string;
  readonly versionString: string;
  private readonly settingDefaults: ReadonlyMap<string, unknown>;
  private readonly placeholdersWithoutParameters: boolean;
  readonly processes = new ProcessList();
  readonly flavor: 'clickhouse' | 'starrocks';
  /** StarRocks load jobs and labels (INSERT WITH LABEL, stream load): one label namespace per database. */
  readonly starrocksLoads = new LoadJobs();
  /** StarRocks SET GLOBAL values. */
  readonly starrocksGlobals = new Map<string, string | bigint>();
  readonly release: StarRocksRelease;
  access: AccessControl;

  constructor(opts: EngineOptions = {}) {
    this.timezone = opts.timezone ?? 'UTC';
    this.versionString = opts.version ?? '26.7.2.1';
    this.settingDefaults = parseSettingDefaults(opts.settingDefaults ?? {});
    this.placeholdersWithoutParameters = opts.placeholdersWithoutParameters ?? true;
    this.access = new AccessControl(opts.access, this.timezone);
    this.flavor = opts.flavor ?? 'clickhouse';
    this.catalog = new Catalog(this.flavor);
    this.release = opts.release ?? { release: '3.3.0', commit: 'unknown' };
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

  /** The settings a session or query of `user` starts with: its profile and own settings over the defaults. */
  /** Settings at this server's defaults, before any profile. */
  newSettings(): Settings {
    return new Settings(this.settingDefaults);
  }

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
    const table = buildTable({
      kind: 'create_table', name, ifNotExists: false, orReplace: false, temporary: true, tableSettings: [],
      columns: columns.map((c) => ({ name: c.name, type: c.type.name })), engine: { name: 'Memory', args: [], text: 'Memory' },
    }, '', this.functionEnv(undefined));
    table.rows = rows;
    table.bytes = rowsBytes(table.columns, rows);
    scope.addTable(table);
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
    const quota = ignoresQuota((q as Parsed).statement, ctx.database) ? undefined : this.access.users.get(ctx.user)?.quota;
    return { user: ctx.user, quota, quotaKey: ctx.quotaKey, address: ctx.address };
  }

  /** Take the query out of the process list (idempotent). */
  finishQuery(ctx: QueryContext): void {
    ctx.running?.finish();
  }

  version(): string {
    return this.versionString;
  }

  /**
   * Parse one statement. SYNTAX_ERROR (62) on bad text, `Empty query`, multi-statements, max_query_size.
   * With `dialect: 'starrocks'` the text is StarRocks SQL (errors carry mysqlCode/sqlState).
   */
  parse(sql: string, opts: { maxQuerySize?: number; dialect?: Dialect } = {}): ParsedQuery {
    if (opts.dialect === 'starrocks') {
      const st = parseStarRocksStatement(sql);
      const parsed: Parsed = {
        kind: STARROCKS_KIND[st.kind],
        modifies: ['create', 'drop', 'truncate', 'insert'].includes(STARROCKS_KIND[st.kind]),
        settings: [],
        sql,
        statement: { kind: 'set', pairs: [] },
        starrocks: st,
      };
      return parsed;
    }
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
      ...(r.parameters ? { parameters: r.parameters } : {}),
    };
    return parsed;
  }

  /** The statement with ctx.queryParameters substituted for its placeholders. */
  private stmt(q: ParsedQuery, ctx?: QueryContext): Statement {
    const st = (q as Parsed).statement;
    if (!q.parameters || !ctx) return st;
    const tz = String(ctx.settings.get('session_timezone') || this.timezone);
    return substituteParameters(st, ctx.queryParameters, tz, !this.placeholdersWithoutParameters);
  }

  private scope(ctx: QueryContext): SessionScope {
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

  private check(ctx: QueryContext, access: string, level: Level): void {
    if (this.flavor === 'starrocks') return;
    this.access.check(this.user(ctx), this.currentRoles(ctx), access, level);
  }

  private checkReadonly(q: ParsedQuery, ctx: QueryContext): void {
    if (q.modifies && ctx.readonly > 0) {
      throw new EngineError('READONLY', `${ctx.user}: Cannot execute query in readonly mode${ctx.readonlyHint ?? ''}`);
    }
  }

  private functionEnv(ctx: QueryContext | undefined, database = ctx?.database ?? 'default'): FunctionEnv {
    if (!ctx) {
      return {
        database, user: 'default', queryId: '', version: this.versionString, timezone: this.timezone,
        settings: undefined as never, hostName: hostname(), startTime: Math.floor(Date.now() / 1000),
      };
    }
    const tz = String(ctx.settings.get('session_timezone') || this.timezone);
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
      timezone: tz,
      settings: ctx.settings,
      hostName: hostname(),
      startTime: Math.floor(Date.now() / 1000),
    };
  }

  private execEnv(ctx: QueryContext): ExecEnv {
    const max = Number(ctx.settings.get('max_execution_time'));
    const now = Date.now();
    const signal = ctx.running?.signal ?? ctx.signal;
    const user = this.user(ctx);
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
        visible: (db, table) => this.access.canSee(user, roles, db, table),
      },
      checkSelect: (table, used) => {
        if (used.length > 0) {
          this.access.check(user, roles, 'SELECT', { db: table.database, table: table.name, columns: used });
          return;
        }
        // SELECT count() FROM t: any one readable column will do (Planner's checkAccessRights).
        if (table.columns.some((c) => this.access.isGranted(user, roles, 'SELECT', { db: table.database, table: table.name, columns: [c.name] }))) return;
        throw new EngineError('ACCESS_DENIED', `${ctx.user}: Not enough privileges. To execute this query, it's necessary to have the grant SELECT for at least one column on ${table.database}.${table.name}`);
      },
    };
  }

  /** A table by name; unqualified names find the session's temporary tables first. */
  private resolveTable(db: string | undefined, name: string, ctx: QueryContext): Table {
    if (db === undefined) {
      const t = ctx.scope?.findTable(name);
      if (t) return t;
    }
    return this.catalog.table(db ?? ctx.database, name);
  }

  /** Columns an INSERT's data must provide, in order. */
  insertTarget(q: ParsedQuery, ctx: QueryContext): ColumnDef[] {
    const st = this.stmt(q, ctx);
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
    const env: FunctionEnv = this.functionEnv(ctx);
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
    const running = await this.beginQuery(q, ctx);
    try {
      this.checkReadonly(q, ctx);
      const st = this.stmt(q, ctx);
      if (st.kind !== 'insert') throw new EngineError('LOGICAL_ERROR', 'insert called for a non-INSERT query');
      const table = this.resolveTable(st.db, st.table, ctx);
      const target = this.insertTarget(q, ctx);
      this.checkInsert(table, target, ctx);
      this.appendRows(table, target, rows, ctx);
    } catch (e) {
      this.access.quotas.chargeError(this.quotaSubject(ctx, q));
      throw e;
    } finally {
      running.finish();
    }
  }

  private checkInsert(table: Table, target: ColumnDef[], ctx: QueryContext): void {
    if (table.database === '' || this.flavor === 'starrocks') return;
    this.check(ctx, 'INSERT', { db: table.database, table: table.name, columns: target.map((c) => c.name) });
  }

  /**
   * Load typed rows (values of `columns`, in that order) into db.table, as a
   * StarRocks stream load or transaction commit does: omitted columns take
   * their defaults, then the table's key model applies (upsert, aggregate,
   * append; partial updates and `__op` deletes through `opts`). All rows or
   * none. Returns the number of rows loaded.
   */
  loadRows(db: string, table: string, columns: readonly string[], rows: unknown[][], opts: { partialUpdate?: boolean; deletes?: readonly boolean[] } = {}): number {
    const t = this.catalog.table(db, table);
    const target = columns.map((name) => {
      const c = t.columns.find((x) => x.name === name);
      if (!c) throw new EngineError('NO_SUCH_COLUMN_IN_TABLE', `No such column ${name} in table ${nameForLogs(db, table)} (${t.uuid})`);
      return { name: c.name, type: c.type };
    });
    const merge: MergeOptions = {
      ...(opts.deletes ? { deletes: opts.deletes } : {}),
      ...(opts.partialUpdate ? { partialColumns: t.columns.flatMap((c, i) => (columns.includes(c.name) ? [i] : [])) } : {}),
    };
    this.appendRows(t, target, rows, undefined, merge);
    return rows.length;
  }

  private starrocksHost(): StarRocksHost {
    return {
      catalog: this.catalog, loads: this.starrocksLoads, release: this.release, timezone: this.timezone, globals: this.starrocksGlobals,
      load: (table, target, rows, ctx) => this.appendRows(table, target, rows, ctx),
    };
  }

  private appendRows(table: Table, target: ColumnDef[], rows: unknown[][], ctx: QueryContext | undefined, opts: MergeOptions = {}): void {
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
    if (table.starrocks) {
      table.rows = mergeRows(table, table.starrocks, table.rows, full, opts);
      table.bytes = table.starrocks.keysType === 'DUP_KEYS' ? table.bytes + bytes : rowsBytes(table.columns, table.rows);
    } else {
      table.rows = table.rows.length === 0 ? full : table.rows.concat(full);
      table.bytes += bytes;
    }
    if (ctx) {
      ctx.progress.writtenRows += full.length;
      ctx.progress.writtenBytes += bytes;
    }
  }

  /**
   * Run a statement. The query is in the process list from here until its
   * result is exhausted (or abandoned), it fails, or it is killed.
   */
  async execute(q: ParsedQuery, ctx: QueryContext): Promise<ExecResult> {
    const sr = (q as Parsed).starrocks;
    if (sr) return executeStarRocks(this.starrocksHost(), sr, ctx);
    const st = this.stmt(q, ctx);
    const running = await this.beginQuery(q, ctx);
    const quotas = this.access.quotas;
    const subject = this.quotaSubject(ctx, q);
    let result: ExecResult;
    try {
      this.checkReadonly(q, ctx);
      result = await this.run(st, ctx);
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
              quotas.used(subject, 'result_rows', b.rows.length);
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

  private async run(st: Statement, ctx: QueryContext): Promise<ExecResult> {
    if (ACCESS_KINDS.has(st.kind)) {
      const r = executeAccessStatement(this.access, st as Parameters<typeof executeAccessStatement>[1], {
        user: this.user(ctx), roles: this.currentRoles(ctx), database: ctx.database, scope: this.scope(ctx),
      });
      if (!r.columns) return NONE;
      return rowsResult(r.columns.map((c) => ({ name: c.name, type: T[c.type] })), r.rows ?? [], ctx);
    }
    switch (st.kind) {
      case 'select':
        return this.select(st.query, ctx);
      case 'insert':
        return this.insertSelect(st, ctx);
      case 'kill_query': {
        const user = this.user(ctx);
        const roles = this.currentRoles(ctx);
        const rows = await killQueries({
          where: st.where, mode: st.mode, queryId: ctx.queryId, user: ctx.user,
          mayKillOthers: () => this.access.isGranted(user, roles, 'KILL QUERY', {}),
        }, this.execEnv(ctx), this.processes);
        if (!rows) return NONE;
        return rowsResult(['kill_status', 'query_id', 'user', 'query'].map((name) => ({ name, type: T.String })), rows, ctx);
      }
      case 'create_database':
        this.check(ctx, 'CREATE DATABASE', { db: st.name });
        if (st.engine && !['Atomic', 'Memory', 'Ordinary', 'Lazy'].includes(st.engine)) {
          throw new EngineError('UNKNOWN_DATABASE_ENGINE', `Unknown database engine: ${st.engine}`);
        }
        this.catalog.createDatabase(st.name, st.engine ?? 'Atomic', st.ifNotExists);
        return NONE;
      case 'create_table':
        return this.createTable(st, ctx);
      case 'drop':
        return this.drop(st, ctx);
      case 'truncate': {
        const db = st.db ?? ctx.database;
        const t = st.ifExists ? (st.db === undefined ? ctx.scope?.findTable(st.name) : undefined) ?? this.catalog.findTable(db, st.name) : this.resolveTable(st.db, st.name, ctx);
        if (t && t.database !== '') this.check(ctx, 'TRUNCATE', { db: t.database, table: t.name });
        if (t) {
          t.rows = [];
          t.bytes = 0;
        }
        return NONE;
      }
      case 'exists': {
        let exists: boolean;
        if (st.what === 'database') exists = this.catalog.databases.has(st.name);
        else if (st.temporary) exists = this.scope(ctx).findTable(st.name) !== undefined;
        else {
          const db = st.db ?? ctx.database;
          exists = db === 'system' ? st.name in SYSTEM_TABLES : this.catalog.findTable(db, st.name) !== undefined;
        }
        return rowsResult([{ name: 'result', type: T.UInt8 }], [[exists ? 1 : 0]], ctx);
      }
      case 'show_tables': {
        const db = st.db ?? ctx.database;
        const user = this.user(ctx);
        const roles = this.currentRoles(ctx);
        let names = st.temporary ? [...this.scope(ctx).tables.keys()]
          : db === 'system' ? (this.catalog.database(db), Object.keys(SYSTEM_TABLES))
            : [...this.catalog.database(db).tables.keys()].filter((n) => this.access.canSee(user, roles, db, n));
        names = filterLike(names, st.like);
        names.sort();
        if (st.limit !== undefined) names = names.slice(0, st.limit);
        return rowsResult([{ name: 'name', type: T.String }], names.map((n) => [n]), ctx);
      }
      case 'show_databases': {
        const user = this.user(ctx);
        const roles = this.currentRoles(ctx);
        const all = [...this.catalog.databases.keys()].filter((d) => d === 'system' || d.toLowerCase() === 'information_schema' || this.access.canSee(user, roles, d));
        let names = filterLike(all, st.like).sort();
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
      default:
        throw new EngineError('NOT_IMPLEMENTED', `Statement ${st.kind} is not supported by this engine`);
      case 'use': {
        this.catalog.database(st.db);
        ctx.onUseDatabase?.(st.db);
        return { kind: 'none', database: st.db };
      }
      case 'rename': {
        for (const { from, to } of st.pairs) {
          const t = this.resolveTable(from.db, from.name, ctx);
          const toDb = to.db ?? ctx.database;
          this.check(ctx, 'DROP TABLE', { db: t.database, table: t.name });
          this.check(ctx, 'CREATE TABLE', { db: toDb, table: to.name });
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
    this.checkInsert(table, target, ctx);
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
    if (st.temporary) return this.createTemporary(st, ctx);
    const db = st.db ?? ctx.database;
    this.catalog.database(db);
    this.check(ctx, 'CREATE TABLE', { db, table: st.name });
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

  private async createTemporary(st: Statement & { kind: 'create_table' }, ctx: QueryContext): Promise<NoResult> {
    if (st.db !== undefined) {
      throw new EngineError('BAD_DATABASE_FOR_TEMPORARY_TABLE', 'Temporary tables cannot be inside a database. You should not specify a database for a temporary table.');
    }
    this.check(ctx, 'CREATE TEMPORARY TABLE', {});
    const scope = this.scope(ctx);
    if (scope.findTable(st.name)) {
      if (st.ifNotExists) return NONE;
      if (!st.orReplace) throw new EngineError('TABLE_ALREADY_EXISTS', `Temporary table ${backQuoteIfNeed(st.name)} already exists`);
    }
    const env = this.execEnv(ctx);
    let plan;
    let fromColumns: ColumnDef[] | undefined;
    if (st.asSelect) {
      plan = await planSelect(st.asSelect, env);
      fromColumns = plan.columns;
    } else if (st.asTable) {
      fromColumns = this.resolveTable(st.asTable.db, st.asTable.name, ctx).columns.map((c) => ({ name: c.name, type: c.type }));
    }
    const table = buildTable(st.engine ? st : { ...st, engine: { name: 'Memory', args: [], text: 'Memory' } }, '', env.fenv, fromColumns);
    if (st.orReplace) scope.dropTable(st.name);
    scope.addTable(table);
    if (plan) {
      const rows: unknown[][] = [];
      for await (const b of plan.blocks()) rows.push(...b);
      const target = table.columns.map((c) => ({ name: c.name, type: c.type }));
      this.appendRows(table, target, rows.map((r) => r.map((v, i) => convertValue(v, plan.columns[i]!.type, target[i]!.type))), ctx);
    }
    return NONE;
  }

  private drop(st: Statement & { kind: 'drop' }, ctx: QueryContext): NoResult {
    if (st.what === 'database') {
      this.check(ctx, 'DROP DATABASE', { db: st.name });
      this.catalog.dropDatabase(st.name, st.ifExists);
      return NONE;
    }
    // DROP [TEMPORARY] TABLE t without a database goes to the session's temporary table first.
    if (st.db === undefined && ctx.scope?.dropTable(st.name)) return NONE;
    if (st.temporary) {
      if (st.ifExists) return NONE;
      throw new EngineError('UNKNOWN_TABLE', `Temporary table ${backQuoteIfNeed(st.name)} doesn't exist`);
    }
    const db = st.db ?? ctx.database;
    if (!st.ifExists || this.catalog.findTable(db, st.name)) this.check(ctx, st.what === 'view' ? 'DROP VIEW' : st.what === 'dictionary' ? 'DROP DICTIONARY' : 'DROP TABLE', { db, table: st.name });
    this.catalog.dropTable(db, st.name, st.ifExists);
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
