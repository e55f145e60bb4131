// A ClickHouse statement as the engine's ParsedQuery: its kind (for the
// process list and the HTTP layer), whether it modifies data (readonly mode),
// FORMAT, SETTINGS, where INSERT data starts and the placeholders it uses.

import { parseStatement } from '../../parser/parser.ts';
import type { Statement } from '../../parser/ast.ts';
import type { ParsedStatement } from '../../dialect.ts';

const KIND: Record<Statement['kind'], string> = {
  select: 'select', alter_table: 'alter', create_view: 'create', insert: 'insert', create_database: 'create', create_table: 'create', drop: 'drop',
  truncate: 'truncate', exists: 'exists', show_tables: 'show', show_databases: 'show', show_create: 'show',
  describe: 'describe', set: 'set', use: 'use', rename: 'rename', kill_query: 'kill', create_role: 'create', create_user: 'create',
  drop_access: 'drop', grant: 'grant', grant_role: 'grant', set_role: 'set', set_default_role: 'set', show_grants: 'show', show_access: 'show',
};

const MODIFYING = new Set(['alter_table', 'create_view', 'insert', 'create_database', 'create_table', 'drop', 'truncate', 'rename', 'create_role', 'create_user',
  'drop_access', 'grant', 'grant_role', 'set_default_role']);

/** SYNTAX_ERROR (62) on bad text, `Empty query`, multi-statements, max_query_size. */
export function parseClickHouse(sql: string, maxQuerySize: number): ParsedStatement<Statement> {
  const r = parseStatement(sql, maxQuerySize);
  const st = r.statement;
  return {
    kind: KIND[st.kind],
    modifies: MODIFYING.has(st.kind),
    settings: r.settings,
    sql,
    statement: st,
    ...(r.format !== undefined ? { format: r.format } : {}),
    ...(r.dataOffset !== undefined ? { insertData: { format: r.format ?? 'Values', offset: r.dataOffset } } : {}),
    ...(r.parameters ? { parameters: r.parameters } : {}),
  };
}
