// DROP DATABASE | [TEMPORARY] TABLE | VIEW | DICTIONARY [IF EXISTS]. An
// unqualified table name drops the session's temporary table first.

import { EngineError } from '../errors.ts';
import type { NoResult, QueryContext } from '../api.ts';
import { backQuoteIfNeed } from '../catalog.ts';
import { NONE } from '../results.ts';
import type { Statement } from '../parser/ast.ts';
import type { Engine } from '../index.ts';

const PRIVILEGE = { table: 'DROP TABLE', view: 'DROP VIEW', dictionary: 'DROP DICTIONARY' } as const;

export function drop(st: Statement & { kind: 'drop' }, ctx: QueryContext, engine: Engine): NoResult {
  if (st.what === 'database') {
    engine.accessFor(ctx).check('DROP DATABASE', { db: st.name });
    engine.catalog.dropDatabase(st.name, st.ifExists);
    return NONE;
  }
  if (st.db === undefined && ctx.scope?.dropTable(st.name)) return NONE;
  if (st.temporary) {
    if (st.ifExists) return NONE;
    throw new EngineError('UNKNOWN_TABLE', `Temporary table ${backQuoteIfNeed(st.name)} doesn't exist`);
  }
  const db = st.db ?? ctx.database;
  if (!st.ifExists || engine.catalog.findTable(db, st.name)) engine.accessFor(ctx).check(PRIVILEGE[st.what], { db, table: st.name });
  engine.catalog.dropTable(db, st.name, st.ifExists);
  return NONE;
}
