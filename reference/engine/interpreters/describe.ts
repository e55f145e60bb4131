// DESCRIBE TABLE t | (SELECT …) | table_function(…): the columns, with their
// defaults and comments.

import { T } from '../types.ts';
import type { ColumnDef, QueryContext, RowsResult } from '../api.ts';
import { rowsResult } from '../results.ts';
import type { SelectQuery, Statement } from '../parser/ast.ts';
import { planSelect } from '../planner/plan.ts';
import { SYSTEM_TABLES } from '../system-tables.ts';
import { describeRows } from '../ddl.ts';
import type { Engine } from '../index.ts';

const COLUMNS: ColumnDef[] = ['name', 'type', 'default_type', 'default_expression', 'comment', 'codec_expression', 'ttl_expression']
  .map((name) => ({ name, type: T.String }));

export async function describe(st: Statement & { kind: 'describe' }, ctx: QueryContext, engine: Engine): Promise<RowsResult> {
  if (st.name !== undefined) {
    const db = st.db ?? ctx.database;
    if (db === 'system' && SYSTEM_TABLES[st.name]) return rowsResult(COLUMNS, describeRows(SYSTEM_TABLES[st.name]!.columns), ctx);
    return rowsResult(COLUMNS, describeRows(engine.resolveTable(st.db, st.name, ctx).columns), ctx);
  }
  // A table function is described by planning `SELECT * FROM f(…) LIMIT 0`.
  const query: SelectQuery = st.query ?? {
    t: 'query',
    parts: [{ t: 'select', with: [], distinct: false, columns: [{ t: 'star' }], from: { t: 'func', name: st.func!.name, args: st.func!.args }, settings: [], limit: { count: { t: 'lit', value: 0n, raw: '0' } } }],
  };
  const plan = await planSelect(query, engine.execEnv(ctx));
  return rowsResult(COLUMNS, describeRows(plan.columns), ctx);
}
