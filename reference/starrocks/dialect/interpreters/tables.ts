// CREATE/DROP/TRUNCATE TABLE, SHOW [FULL] TABLES, SHOW CREATE TABLE and
// DESC, views included where StarRocks lists or describes them with tables.

import type { NoResult, QueryContext, RowsResult } from '../../../engine/api.ts';
import { NONE, rowsResult } from '../../../engine/results.ts';
import { likeToRegExp } from '../../../engine/functions/strings.ts';
import type { SrStatement } from '../ast.ts';
import { analysisError, srErrors } from '../errors.ts';
import { buildStarRocksTable, describeStarRocks, showCreateStarRocks, showCreateView, tableMetaOf } from '../ddl.ts';
import { starRocksTypeOf, typeCanonical } from '../types.ts';
import { creationDatabase, findTable, isViewTable, needDb, varchar } from '../host.ts';
import type { StarRocksHost } from '../host.ts';

const DESCRIBE_COLUMNS = varchar('Field', 'Type', 'Null', 'Key', 'Default', 'Extra');

export function createTable(st: SrStatement & { kind: 'create_table' }, ctx: QueryContext, host: StarRocksHost): NoResult {
  const db = creationDatabase(host, st, ctx);
  if (db !== undefined) host.catalog.addTable(buildStarRocksTable(st, db), false);
  return NONE;
}

export function dropTable(st: SrStatement & { kind: 'drop_table' }, ctx: QueryContext, host: StarRocksHost): NoResult {
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

export function truncate(st: SrStatement & { kind: 'truncate' }, ctx: QueryContext, host: StarRocksHost): NoResult {
  const t = findTable(host, st.db, st.name, ctx);
  if (isViewTable(t)) throw analysisError(`Table[${t.name}] is not OLAP table`);
  host.catalog.replaceParts(t, [], 0);
  return NONE;
}

export function showTables(st: SrStatement & { kind: 'show_tables' }, ctx: QueryContext, host: StarRocksHost): RowsResult {
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

export function showCreateTable(st: SrStatement & { kind: 'show_create_table' }, ctx: QueryContext, host: StarRocksHost): RowsResult {
  const t = findTable(host, st.db, st.name, ctx);
  if (isViewTable(t)) {
    return rowsResult(varchar('View', 'Create View', 'character_set_client', 'collation_connection'), [[t.name, showCreateView(t), 'utf8', 'utf8_general_ci']], ctx);
  }
  return rowsResult(varchar('Table', 'Create Table'), [[t.name, showCreateStarRocks(t, tableMetaOf(t))]], ctx);
}

export function describe(st: SrStatement & { kind: 'describe' }, ctx: QueryContext, host: StarRocksHost): RowsResult {
  const t = findTable(host, st.db, st.name, ctx);
  if (isViewTable(t)) {
    return rowsResult(DESCRIBE_COLUMNS, t.columns.map((c) => [c.name, typeCanonical(starRocksTypeOf(c.type)), 'YES', 'false', null, '']), ctx);
  }
  return rowsResult(DESCRIBE_COLUMNS, describeStarRocks(tableMetaOf(t)), ctx);
}
