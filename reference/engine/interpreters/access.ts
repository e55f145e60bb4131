// CREATE/DROP USER and ROLE, GRANT/REVOKE, SET [DEFAULT] ROLE, SHOW GRANTS
// and the like, run against the engine's AccessControl.

import { T } from '../types.ts';
import type { ExecResult, QueryContext } from '../api.ts';
import { NONE, rowsResult } from '../results.ts';
import { executeAccessStatement } from '../access/statements.ts';
import type { AccessStatement } from '../access/statements.ts';
import type { Engine } from '../index.ts';

export function accessStatement(st: AccessStatement, ctx: QueryContext, engine: Engine): ExecResult {
  const r = executeAccessStatement(engine.access, st, {
    user: engine.access.user(ctx.user), roles: engine.currentRoles(ctx), database: ctx.database, scope: engine.scope(ctx),
  });
  if (!r.columns) return NONE;
  return rowsResult(r.columns.map((c) => ({ name: c.name, type: T[c.type] })), r.rows ?? [], ctx);
}
