// SHOW CREATE TABLE's text, from the one function the MySQL side prints it
// with, so /api/_get_ddl and query_dump show exactly what SHOW CREATE TABLE shows.

import type { Table } from '../../engine/catalog.ts';
import { showCreateStarRocks, showCreateView, tableMetaOf } from '../dialect/ddl.ts';
import { isView } from './tables.ts';

export function showCreateTable(table: Table): string {
  return isView(table) ? showCreateView(table) : showCreateStarRocks(table, tableMetaOf(table));
}
