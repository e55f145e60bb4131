// Queries the quota does not see. The analyzer's planner ignores quotas (and
// limits) when a query's only table is system.one — what a SELECT without FROM
// reads — or one of the quota tables (shouldIgnoreQuotaAndLimits, PR #53343);
// a UNION is exempt when every part is. Such a query counts no query, no
// error and no rows. On 26.7: `SELECT 1`, `SELECT 1 UNION ALL SELECT 2` and
// `SELECT count() FROM system.quotas` are not counted; `FROM (SELECT 1)` and
// a join of system.one with itself are.

import type { SelectCore, Statement } from '../parser/ast.ts';

const EXEMPT_SYSTEM_TABLES = new Set(['one', 'quotas', 'quota_limits', 'quota_usage', 'quotas_usage']);

function exemptPart(part: SelectCore, database: string): boolean {
  // ARRAY JOIN is a table expression of its own: no longer a single table.
  if (part.arrayJoin !== undefined) return false;
  const from = part.from;
  if (from === undefined) return true;
  return from.t === 'table' && (from.db ?? database) === 'system' && EXEMPT_SYSTEM_TABLES.has(from.name);
}

/** Whether the statement runs outside the user's quota. */
export function ignoresQuota(st: Statement, database: string): boolean {
  return st.kind === 'select' && st.query.parts.every((p) => exemptPart(p, database));
}
