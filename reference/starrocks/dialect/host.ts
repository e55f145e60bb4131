// What the StarRocks interpreters work with: the engine's catalog and row
// store, the dialect's load jobs, release and SET GLOBAL values, and the
// session's variables; the lookups every statement makes in StarRocks' order
// and words.

import { hostname } from 'node:os';
import { T } from '../../engine/types.ts';
import type { ColumnDef, QueryContext } from '../../engine/api.ts';
import type { Catalog, Table } from '../../engine/catalog.ts';
import type { AppendOptions } from '../../engine/index.ts';
import type { ExecEnv } from '../../engine/planner/env.ts';
import type { FunctionEnv } from '../../engine/expr/compiled.ts';
import { SessionScope } from '../../engine/session.ts';
import { codedError, srErrors } from './errors.ts';
import type { LoadJobs } from './loads.ts';
import { defaultVariables, unknownVariable } from './variables.ts';
import type { StarRocksRelease } from './variables.ts';

/** What the engine lends the dialect. */
export interface StarRocksHost {
  catalog: Catalog;
  loads: LoadJobs;
  release: StarRocksRelease;
  timezone: string;
  /** SET GLOBAL values. */
  globals: Map<string, string | bigint>;
  /** Store rows (of `target` columns) through the engine's insert path: defaults, then the key model's merge. */
  load(table: Table, target: ColumnDef[], rows: unknown[][], ctx: QueryContext, opts?: AppendOptions): void;
}

export const NAME_RE = /^[a-zA-Z][a-zA-Z0-9_]*$/;

export const varchar = (...names: string[]): ColumnDef[] => names.map((name) => ({ name, type: T.String }));

export function fenv(host: StarRocksHost, ctx: QueryContext): FunctionEnv {
  return {
    database: ctx.database, user: ctx.user, queryId: ctx.queryId, version: '5.1.0', timezone: timeZone(host, ctx),
    settings: ctx.settings, hostName: hostname(), startTime: Math.floor(Date.now() / 1000),
  };
}

export function timeZone(host: StarRocksHost, ctx: QueryContext): string {
  const tz = ctx.scope?.variables.get('time_zone') ?? host.globals.get('time_zone');
  return typeof tz === 'string' && tz !== '' ? tz : host.timezone;
}

export function execEnv(host: StarRocksHost, ctx: QueryContext): ExecEnv {
  ctx.scope ??= new SessionScope();
  const signal = ctx.running?.signal ?? ctx.signal;
  return {
    catalog: host.catalog, fenv: fenv(host, ctx), settings: ctx.settings, progress: ctx.progress, deadline: 0, startedAt: Date.now(),
    scope: ctx.scope, ...(signal ? { signal } : {}),
  };
}

export function needDb(db: string | undefined, ctx: QueryContext): string {
  const d = db ?? ctx.database;
  if (!d) throw srErrors.noDatabase();
  return d;
}

export function findTable(host: StarRocksHost, db: string | undefined, name: string, ctx: QueryContext): Table {
  const d = needDb(db, ctx);
  if (!host.catalog.databases.has(d)) throw srErrors.unknownDatabase(d);
  const t = host.catalog.findTable(d, name);
  if (!t) throw srErrors.unknownTable(`${d}.${name}`);
  return t;
}

/** Views are engine tables with engine `VIEW` whose engineFull is the defining SELECT's text. */
export function isViewTable(t: Table): boolean {
  return t.engine === 'VIEW';
}

export function variable(host: StarRocksHost, ctx: QueryContext, name: string, scope: string): string | bigint {
  const defaults = defaultVariables(host.release, host.timezone);
  const session = scope === 'global' ? undefined : ctx.scope?.variables.get(name);
  const v = session ?? host.globals.get(name) ?? defaults.get(name);
  if (v === undefined) throw unknownVariable(name, defaults.keys());
  return v;
}

/**
 * The database a CREATE TABLE or CREATE VIEW adds to, after StarRocks's checks in its order;
 * undefined when the name is taken and IF NOT EXISTS makes that a no-op.
 */
export function creationDatabase(host: StarRocksHost, st: { db?: string; name: string; ifNotExists: boolean }, ctx: QueryContext): string | undefined {
  const db = needDb(st.db, ctx);
  if (!host.catalog.databases.has(db)) throw srErrors.unknownDatabase(db);
  if (!NAME_RE.test(st.name)) throw codedError('BAD_ARGUMENTS', 1104, '42000', `Incorrect table name '${st.name}'`);
  if (host.catalog.findTable(db, st.name)) {
    if (st.ifNotExists) return undefined;
    throw srErrors.tableExists(st.name);
  }
  return db;
}
