// CREATE/DROP DATABASE, USE and SHOW DATABASES. Dropping a database drops
// its load labels with it.

import type { NoResult, QueryContext, RowsResult } from '../../../engine/api.ts';
import { NONE, rowsResult } from '../../../engine/results.ts';
import { likeToRegExp } from '../../../engine/functions/strings.ts';
import type { SrStatement } from '../ast.ts';
import { analysisError, codedError, srErrors } from '../errors.ts';
import { NAME_RE, varchar } from '../host.ts';
import type { StarRocksHost } from '../host.ts';

export function createDatabase(st: SrStatement & { kind: 'create_database' }, _ctx: QueryContext, host: StarRocksHost): NoResult {
  if (!NAME_RE.test(st.name)) throw codedError('BAD_ARGUMENTS', 1102, '42000', `Incorrect database name '${st.name}'`);
  if (host.catalog.databases.has(st.name)) {
    if (st.ifNotExists) return NONE;
    throw srErrors.databaseExists(st.name);
  }
  host.catalog.createDatabase(st.name, 'StarRocks');
  return NONE;
}

export function dropDatabase(st: SrStatement & { kind: 'drop_database' }, ctx: QueryContext, host: StarRocksHost): NoResult {
  if (!host.catalog.databases.has(st.name)) {
    if (st.ifExists) return NONE;
    throw srErrors.dropMissingDatabase(st.name);
  }
  if (host.catalog.builtin.includes(st.name)) throw analysisError(`Access denied for user '${ctx.user}' to database '${st.name}'`, 'DATABASE_ACCESS_DENIED');
  host.catalog.databases.delete(st.name);
  host.loads.dropDatabase(st.name);
  return NONE;
}

export function use(st: SrStatement & { kind: 'use' }, ctx: QueryContext, host: StarRocksHost): NoResult {
  if (!host.catalog.databases.has(st.db)) throw srErrors.useUnknownDatabase(st.db);
  ctx.onUseDatabase?.(st.db);
  return { kind: 'none', database: st.db };
}

export function showDatabases(st: SrStatement & { kind: 'show_databases' }, ctx: QueryContext, host: StarRocksHost): RowsResult {
  let names = [...host.catalog.databases.keys()].sort();
  if (st.like !== undefined) {
    const re = likeToRegExp(st.like, true);
    names = names.filter((n) => re.test(n));
  }
  return rowsResult(varchar('Database'), names.map((n) => [n]), ctx);
}
