// KILL QUERY WHERE ... [SYNC | ASYNC | TEST] (InterpreterKillQueryQuery):
// select query_id, user, query from system.processes, leave out the KILL
// itself, cancel the rest and report kill_status per query.

import { EngineError } from '../errors.ts';
import type { Expr } from '../parser/ast.ts';
import { planSelect } from '../planner/plan.ts';
import type { ExecEnv } from '../planner/env.ts';
import type { ProcessList, RunningQuery } from './process-list.ts';

export interface KillRequest {
  where: Expr;
  mode: 'sync' | 'async' | 'test';
  /** The KILL query itself. */
  queryId: string;
  user: string;
  /** Whether the user holds KILL QUERY (needed for other users' queries). */
  mayKillOthers: () => boolean;
}

/** Rows of kill_status, query_id, user, query; undefined when nothing matched (no result at all). */
export async function killQueries(req: KillRequest, env: ExecEnv, processes: ProcessList): Promise<unknown[][] | undefined> {
  const plan = await planSelect({
    t: 'query',
    parts: [{
      t: 'select', with: [], distinct: false, settings: [],
      columns: ['query_id', 'user', 'query'].map((c) => ({ t: 'id', parts: [c] })),
      from: { t: 'table', db: 'system', name: 'processes' },
      where: req.where,
    }],
  }, env);
  const matched: [string, string, string][] = [];
  for await (const b of plan.blocks()) for (const r of b.rows) matched.push(r as [string, string, string]);
  if (matched.length === 0) return undefined;

  let denied = false;
  let lastUser = '';
  const targets: { row: [string, string, string]; q: RunningQuery | undefined }[] = [];
  for (const row of matched) {
    const [queryId, user] = row;
    if (queryId === req.queryId && user === req.user) continue;
    lastUser = user;
    if (user !== req.user && !req.mayKillOthers()) {
      denied = true;
      continue;
    }
    targets.push({ row, q: processes.find(queryId, user) });
  }
  if (targets.length === 0 && denied) {
    throw new EngineError('ACCESS_DENIED', `User ${req.user} attempts to kill query created by ${lastUser}`);
  }
  const out: unknown[][] = [];
  for (const { row, q } of targets) {
    if (req.mode === 'test') {
      out.push(['unknown_status', ...row]);
      continue;
    }
    if (!q || q.finished) {
      out.push(['finished', ...row]);
      continue;
    }
    q.cancel();
    if (req.mode === 'sync') {
      await q.done;
      out.push(['finished', ...row]);
    } else {
      out.push(['waiting', ...row]);
    }
  }
  return out;
}
