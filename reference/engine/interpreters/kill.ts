// KILL QUERY WHERE …: the matching queries of the process list, other users'
// only with the KILL QUERY privilege.

import { T } from '../types.ts';
import type { ExecResult, QueryContext } from '../api.ts';
import { NONE, rowsResult } from '../results.ts';
import type { Statement } from '../parser/ast.ts';
import { killQueries } from '../processes/kill.ts';
import type { Engine } from '../index.ts';

const COLUMNS = ['kill_status', 'query_id', 'user', 'query'].map((name) => ({ name, type: T.String }));

export async function killQuery(st: Statement & { kind: 'kill_query' }, ctx: QueryContext, engine: Engine): Promise<ExecResult> {
  const access = engine.accessFor(ctx);
  const rows = await killQueries({
    where: st.where, mode: st.mode, queryId: ctx.queryId, user: ctx.user,
    mayKillOthers: () => access.isGranted('KILL QUERY', {}),
  }, engine.execEnv(ctx), engine.processes);
  if (!rows) return NONE;
  return rowsResult(COLUMNS, rows, ctx);
}
