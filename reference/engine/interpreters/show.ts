// SHOW [TEMPORARY] TABLES, SHOW DATABASES and SHOW CREATE: what the user may
// see, filtered by LIKE and cut by LIMIT.

import { T } from '../types.ts';
import type { QueryContext, RowsResult } from '../api.ts';
import { rowsResult } from '../results.ts';
import type { Statement } from '../parser/ast.ts';
import { SYSTEM_TABLES } from '../system-tables.ts';
import { showCreateTable } from '../ddl.ts';
import { likeToRegExp } from '../functions/strings.ts';
import type { Engine } from '../index.ts';

const NAME = [{ name: 'name', type: T.String }];
const STATEMENT = [{ name: 'statement', type: T.String }];

function filterLike(names: string[], like?: { pattern: string; not: boolean; ilike: boolean }): string[] {
  if (!like) return names;
  const re = likeToRegExp(like.pattern, like.ilike);
  return names.filter((n) => re.test(n) !== like.not);
}

export function showTables(st: Statement & { kind: 'show_tables' }, ctx: QueryContext, engine: Engine): RowsResult {
  const db = st.db ?? ctx.database;
  const access = engine.accessFor(ctx);
  let names = st.temporary ? [...engine.scope(ctx).tables.keys()]
    : db === 'system' ? (engine.catalog.database(db), Object.keys(SYSTEM_TABLES))
      : [...engine.catalog.database(db).tables.keys()].filter((n) => access.canSee(db, n));
  names = filterLike(names, st.like);
  names.sort();
  if (st.limit !== undefined) names = names.slice(0, st.limit);
  return rowsResult(NAME, names.map((n) => [n]), ctx);
}

export function showDatabases(st: Statement & { kind: 'show_databases' }, ctx: QueryContext, engine: Engine): RowsResult {
  const access = engine.accessFor(ctx);
  const all = [...engine.catalog.databases.keys()].filter((d) => d === 'system' || d.toLowerCase() === 'information_schema' || access.canSee(d));
  let names = filterLike(all, st.like).sort();
  if (st.limit !== undefined) names = names.slice(0, st.limit);
  return rowsResult(NAME, names.map((n) => [n]), ctx);
}

export function showCreate(st: Statement & { kind: 'show_create' }, ctx: QueryContext, engine: Engine): RowsResult {
  if (st.what === 'database') {
    const d = engine.catalog.database(st.name);
    return rowsResult(STATEMENT, [[`CREATE DATABASE ${d.name}\nENGINE = ${d.engine}`]], ctx);
  }
  const t = engine.resolveTable(st.db, st.name, ctx);
  return rowsResult(STATEMENT, [[showCreateTable(t)]], ctx);
}
