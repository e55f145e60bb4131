// SET [GLOBAL] var = value, SHOW [GLOBAL] VARIABLES and SHOW WARNINGS.

import { T } from '../../../engine/types.ts';
import type { NoResult, QueryContext, RowsResult } from '../../../engine/api.ts';
import { NONE, rowsResult } from '../../../engine/results.ts';
import { NO_STATE } from '../../../engine/expr/compiled.ts';
import { Compiler } from '../../../engine/expr/compiler.ts';
import { likeToRegExp } from '../../../engine/functions/strings.ts';
import { SessionScope } from '../../../engine/session.ts';
import type { SrStatement } from '../ast.ts';
import { defaultVariables, unknownVariable } from '../variables.ts';
import { fenv, varchar } from '../host.ts';
import type { StarRocksHost } from '../host.ts';

export function set(st: SrStatement & { kind: 'set' }, ctx: QueryContext, host: StarRocksHost): NoResult {
  const env = fenv(host, ctx);
  const defaults = defaultVariables(host.release, host.timezone);
  ctx.scope ??= new SessionScope();
  for (const a of st.assignments) {
    if (!defaults.has(a.name)) throw unknownVariable(a.name, defaults.keys());
    const c = new Compiler({ env, columns: [], aliases: new Map(), scope: '', precomputed: new Map() }).compile(a.value);
    const v = c.ev([], NO_STATE);
    let value: string | bigint = typeof v === 'bigint' ? v : typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : typeof v === 'boolean' ? (v ? 1n : 0n) : String(v);
    // Boolean variables (enable_profile…) keep their `true`/`false` spelling, as SessionVariable prints them.
    const def = defaults.get(a.name);
    if (def === 'true' || def === 'false') value = value === 1n || String(value).toLowerCase() === 'true' ? 'true' : 'false';
    (a.global ? host.globals : ctx.scope.variables).set(a.name, value);
  }
  return NONE;
}

export function showVariables(st: SrStatement & { kind: 'show_variables' }, ctx: QueryContext, host: StarRocksHost): RowsResult {
  const all = defaultVariables(host.release, host.timezone);
  for (const [k, v] of host.globals) all.set(k, v);
  if (!st.global) for (const [k, v] of ctx.scope?.variables ?? []) if (!k.startsWith('__')) all.set(k, v);
  let entries = [...all.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  if (st.like !== undefined) {
    const re = likeToRegExp(st.like, true);
    entries = entries.filter(([k]) => re.test(k));
  }
  return rowsResult(varchar('Variable_name', 'Value'), entries.map(([k, v]) => [k, String(v)]), ctx);
}

export function showWarnings(_st: SrStatement & { kind: 'show_warnings' }, ctx: QueryContext): RowsResult {
  return rowsResult([...varchar('Level'), { name: 'Code', type: T.Int32 }, ...varchar('Message')], [], ctx);
}
