// SET name = value, … (into the query's settings, which a server passes as
// its session's copy) and USE db (the caller keeps the database).

import type { NoResult, QueryContext } from '../api.ts';
import { NONE } from '../results.ts';
import type { Statement } from '../parser/ast.ts';
import type { Engine } from '../index.ts';

export function set(st: Statement & { kind: 'set' }, ctx: QueryContext): NoResult {
  for (const [name, value] of st.pairs) ctx.settings.set(name, value);
  return NONE;
}

export function use(st: Statement & { kind: 'use' }, ctx: QueryContext, engine: Engine): NoResult {
  engine.catalog.database(st.db);
  ctx.onUseDatabase?.(st.db);
  return { kind: 'none', database: st.db };
}
