// TRUNCATE [TABLE] [IF EXISTS] t: the rows go, the definition stays.

import type { NoResult, QueryContext } from '../api.ts';
import { NONE } from '../results.ts';
import type { Statement } from '../parser/ast.ts';
import type { Engine } from '../index.ts';

export function truncate(st: Statement & { kind: 'truncate' }, ctx: QueryContext, engine: Engine): NoResult {
  const db = st.db ?? ctx.database;
  const t = st.ifExists
    ? (st.db === undefined ? ctx.scope?.findTable(st.name) : undefined) ?? engine.catalog.findTable(db, st.name)
    : engine.resolveTable(st.db, st.name, ctx);
  if (t && t.database !== '') engine.accessFor(ctx).check('TRUNCATE', { db: t.database, table: t.name });
  if (t) engine.catalog.replaceParts(t, [], 0);
  return NONE;
}
