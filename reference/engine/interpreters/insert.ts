// INSERT: where its rows go (the table and the columns they provide), and
// INSERT … SELECT, whose rows the query itself computes. Rows sent after the
// statement arrive through Engine.insert.

import { EngineError } from '../errors.ts';
import { defaultValue } from '../types.ts';
import type { NoResult, QueryContext } from '../api.ts';
import { nameForLogs } from '../catalog.ts';
import { NONE } from '../results.ts';
import type { Statement } from '../parser/ast.ts';
import { planSelect } from '../planner/plan.ts';
import { convertValue } from '../values/convert.ts';
import type { InsertDestination } from '../dialect.ts';
import type { Engine } from '../index.ts';
import { materializeViews } from '../views.ts';

type Insert = Statement & { kind: 'insert' };

/** The table and the columns an INSERT's rows provide, in order: its column list, else the insertable columns. */
export function insertDestination(st: Statement, ctx: QueryContext, engine: Engine): InsertDestination {
  if (st.kind !== 'insert') throw new EngineError('LOGICAL_ERROR', 'insertTarget called for a non-INSERT query');
  const table = engine.resolveTable(st.db, st.table, ctx);
  const insertable = () => table.columns.filter((c) => c.defaultKind === undefined || c.defaultKind === 'DEFAULT').map((c) => ({ name: c.name, type: c.type }));
  if (!st.columns) return { table, target: insertable() };
  return {
    table,
    target: st.columns.flatMap((item) => {
      // `*` is every insertable column; EXCEPT is not strict there: a name the table lacks leaves nothing out.
      if (typeof item !== 'string') return insertable().filter((c) => !item.except.includes(c.name));
      const c = table.columns.find((x) => x.name === item);
      if (!c) {
        throw new EngineError('NO_SUCH_COLUMN_IN_TABLE', `No such column ${item} in table ${nameForLogs(table.database, table.name)} (${table.uuid})`);
      }
      return [{ name: c.name, type: c.type }];
    }),
  };
}

export async function insertSelect(st: Insert, ctx: QueryContext, engine: Engine): Promise<NoResult> {
  if (!st.select) throw new EngineError('LOGICAL_ERROR', 'INSERT with data must go through insert()');
  const { table, target } = insertDestination(st, ctx, engine);
  engine.checkInsert(table, target, ctx);
  const plan = await planSelect(st.select, engine.execEnv(ctx));
  if (plan.columns.length !== target.length) {
    throw new EngineError('NUMBER_OF_COLUMNS_DOESNT_MATCH', `Number of columns doesn't match (source: ${plan.columns.length} and result: ${target.length})`);
  }
  const rows: unknown[][] = [];
  for await (const b of plan.blocks()) {
    for (const r of b.rows) rows.push(r.map((v, i) => (v === null && target[i]!.type.kind !== 'Nullable' ? defaultValue(target[i]!.type) : convertValue(v, plan.columns[i]!.type, target[i]!.type))));
  }
  const before = table.parts.length;
  engine.appendRows(table, target, rows, ctx);
  await materializeViews(engine, table, before, ctx);
  return NONE;
}
