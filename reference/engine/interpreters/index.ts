// The interpreter of each kind of the engine's own statements (parser/ast.ts
// Statement), as InterpreterFactory picks one per query; the ClickHouse
// dialect runs its statements with this registry.

import type { Statement } from '../parser/ast.ts';
import type { InterpreterRegistry } from '../dialect.ts';
import { select } from './select.ts';
import { insertSelect } from './insert.ts';
import { createDatabase } from './create-database.ts';
import { createTable } from './create-table.ts';
import { drop } from './drop.ts';
import { truncate } from './truncate.ts';
import { alterTable } from './alter.ts';
import { createView } from '../views.ts';
import { exists } from './exists.ts';
import { showCreate, showDatabases, showTables } from './show.ts';
import { describe } from './describe.ts';
import { set, use } from './session.ts';
import { rename } from './rename.ts';
import { killQuery } from './kill.ts';
import { accessStatement } from './access.ts';

export const INTERPRETERS: InterpreterRegistry<Statement> = {
  select,
  insert: insertSelect,
  create_database: createDatabase,
  create_table: createTable,
  drop,
  truncate,
  alter_table: alterTable,
  create_view: createView,
  exists,
  show_tables: showTables,
  show_databases: showDatabases,
  show_create: showCreate,
  describe,
  set,
  use,
  rename,
  kill_query: killQuery,
  create_role: accessStatement,
  create_user: accessStatement,
  drop_access: accessStatement,
  grant: accessStatement,
  grant_role: accessStatement,
  set_role: accessStatement,
  set_default_role: accessStatement,
  show_grants: accessStatement,
  show_access: accessStatement,
};
