// EXISTS [TEMPORARY] TABLE | DATABASE | VIEW | DICTIONARY name: one UInt8 row.

import { T } from '../types.ts';
import type { QueryContext, RowsResult } from '../api.ts';
import { rowsResult } from '../results.ts';
import type { Statement } from '../parser/ast.ts';
import { SYSTEM_TABLES } from '../system-tables.ts';
import type { Engine } from '../index.ts';

export function exists(st: Statement & { kind: 'exists' }, ctx: QueryContext, engine: Engine): RowsResult {
  let found: boolean;
  if (st.what === 'database') found = engine.catalog.databases.has(st.name);
  else if (st.temporary) found = engine.scope(ctx).findTable(st.name) !== undefined;
  else {
    const db = st.db ?? ctx.database;
    found = db === 'system' ? st.name in SYSTEM_TABLES : engine.catalog.findTable(db, st.name) !== undefined;
  }
  return rowsResult([{ name: 'result', type: T.UInt8 }], [[found ? 1 : 0]], ctx);
}
