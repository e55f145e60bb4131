// A StarRocks statement as the engine's ParsedQuery: its kind and whether it
// modifies data. Its errors carry StarRocks' MySQL numbers (errors.ts).

import type { ParsedStatement } from '../../engine/dialect.ts';
import type { SrStatement } from './ast.ts';
import { parseStarRocksStatement } from './parser.ts';

const KIND: Record<SrStatement['kind'], string> = {
  select: 'select', create_database: 'create', drop_database: 'drop', create_table: 'create', drop_table: 'drop', truncate: 'truncate',
  show_databases: 'show', show_tables: 'show', show_create_table: 'show', describe: 'describe', use: 'use', insert: 'insert',
  show_load: 'show', set: 'set', show_variables: 'show', show_warnings: 'show',
  create_view: 'create', drop_view: 'drop', create_user: 'create', drop_user: 'drop', grant_roles: 'grant', revoke_roles: 'grant',
  grant_privileges: 'grant', set_default_role: 'set', show_proc: 'show', show_nodes: 'show', show_frontend_config: 'show',
  set_frontend_config: 'set',
};

const MODIFYING = new Set(['create', 'drop', 'truncate', 'insert']);

export function parseStarRocks(sql: string): ParsedStatement<SrStatement> {
  const statement = parseStarRocksStatement(sql);
  const kind = KIND[statement.kind];
  return { kind, modifies: MODIFYING.has(kind), settings: [], sql, statement };
}
