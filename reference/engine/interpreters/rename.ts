// RENAME TABLE a TO b, …: each pair in turn, needing DROP TABLE on the old
// name and CREATE TABLE on the new one.

import { EngineError } from '../errors.ts';
import type { NoResult, QueryContext } from '../api.ts';
import { nameForLogs } from '../catalog.ts';
import { NONE } from '../results.ts';
import type { Statement } from '../parser/ast.ts';
import type { Engine } from '../index.ts';

export function rename(st: Statement & { kind: 'rename' }, ctx: QueryContext, engine: Engine): NoResult {
  const catalog = engine.catalog;
  for (const { from, to } of st.pairs) {
    const t = engine.resolveTable(from.db, from.name, ctx);
    const toDb = to.db ?? ctx.database;
    const access = engine.accessFor(ctx);
    access.check('DROP TABLE', { db: t.database, table: t.name });
    access.check('CREATE TABLE', { db: toDb, table: to.name });
    if (catalog.findTable(toDb, to.name)) {
      throw new EngineError('TABLE_ALREADY_EXISTS', `Table ${nameForLogs(toDb, to.name)} already exists`);
    }
    catalog.renameTable(t, toDb, to.name);
  }
  return NONE;
}
