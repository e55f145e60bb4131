// The interpreter of each StarRocks statement kind. Users, roles, nodes, FE
// configuration and PROC belong to the FE front-end (the reference's
// cluster), which runs them before the engine sees them; the engine alone
// refuses them.

import type { ExecResult, QueryContext } from '../../../engine/api.ts';
import type { InterpreterRegistry } from '../../../engine/dialect.ts';
import type { Engine } from '../../../engine/index.ts';
import type { SrFrontendStatement, SrStatement } from '../ast.ts';
import { codedError } from '../errors.ts';
import type { StarRocksHost } from '../host.ts';
import { select } from './select.ts';
import { createDatabase, dropDatabase, showDatabases, use } from './databases.ts';
import { createTable, describe, dropTable, showCreateTable, showTables, truncate } from './tables.ts';
import { createView, dropView } from './views.ts';
import { insert } from './insert.ts';
import { showLoad } from './show-load.ts';
import { set, showVariables, showWarnings } from './variables.ts';

type SrInterpreter<S> = (st: S, ctx: QueryContext, host: StarRocksHost) => Promise<ExecResult> | ExecResult;

function frontendOnly(st: SrFrontendStatement): never {
  throw codedError('NOT_IMPLEMENTED', 1064, 'HY000', `${st.kind.toUpperCase().replace(/_/g, ' ')} needs the StarRocks front-end`);
}

/** The registry over an engine, each interpreter given the host the dialect builds for that engine. */
export function starRocksInterpreters(hostOf: (engine: Engine) => StarRocksHost): InterpreterRegistry<SrStatement> {
  const on = <S>(f: SrInterpreter<S>) => (st: S, ctx: QueryContext, engine: Engine) => f(st, ctx, hostOf(engine));
  return {
    select: on(select),
    create_database: on(createDatabase),
    drop_database: on(dropDatabase),
    use: on(use),
    show_databases: on(showDatabases),
    create_table: on(createTable),
    drop_table: on(dropTable),
    truncate: on(truncate),
    show_tables: on(showTables),
    show_create_table: on(showCreateTable),
    describe: on(describe),
    create_view: on(createView),
    drop_view: on(dropView),
    insert: on(insert),
    show_load: on(showLoad),
    set: on(set),
    show_variables: on(showVariables),
    show_warnings: on(showWarnings),
    create_user: frontendOnly,
    drop_user: frontendOnly,
    grant_roles: frontendOnly,
    revoke_roles: frontendOnly,
    grant_privileges: frontendOnly,
    set_default_role: frontendOnly,
    show_proc: frontendOnly,
    show_nodes: frontendOnly,
    show_frontend_config: frontendOnly,
    set_frontend_config: frontendOnly,
  };
}
