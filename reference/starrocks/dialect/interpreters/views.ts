// CREATE VIEW and DROP VIEW. A view is a catalog table with engine `VIEW`
// whose engineFull is the defining SELECT's text.

import { randomUUID } from 'node:crypto';
import type { NoResult, QueryContext } from '../../../engine/api.ts';
import { NONE } from '../../../engine/results.ts';
import { planSelect } from '../../../engine/planner/plan.ts';
import type { SrStatement } from '../ast.ts';
import { analysisError, codedError, srErrors } from '../errors.ts';
import { creationDatabase, execEnv, isViewTable, needDb } from '../host.ts';
import type { StarRocksHost } from '../host.ts';
import { Rewriter } from '../rewrite.ts';

export async function createView(st: SrStatement & { kind: 'create_view' }, ctx: QueryContext, host: StarRocksHost): Promise<NoResult> {
  const db = creationDatabase(host, st, ctx);
  if (db === undefined) return NONE;
  // The view's columns: its query's, planned (not run) in the view's database.
  const plan = await planSelect(new Rewriter(host, { ...ctx, database: db }).query(st.query), execEnv(host, { ...ctx, database: db }));
  if (st.columns && st.columns.length !== plan.columns.length) throw analysisError('The number of columns of the view does not match the number of columns of its query');
  if (st.columns && st.query.parts.some((p) => p.columns.some((c) => c.t === 'star'))) {
    throw codedError('NOT_IMPLEMENTED', 1064, 'HY000', 'A column list for a view of SELECT * is not supported by this reference');
  }
  host.catalog.addTable({
    database: db, name: st.name, uuid: randomUUID(), engine: 'VIEW', engineFull: st.text, comment: st.comment ?? '',
    columns: plan.columns.map((c, i) => ({ name: st.columns?.[i] ?? c.name, type: c.type })),
    createdAt: Math.floor(Date.now() / 1000), parts: [], bytes: 0,
  }, false);
  return NONE;
}

export function dropView(st: SrStatement & { kind: 'drop_view' }, ctx: QueryContext, host: StarRocksHost): NoResult {
  const db = needDb(st.db, ctx);
  const t = host.catalog.findTable(db, st.name);
  if (!t || !isViewTable(t)) {
    if (st.ifExists) return NONE;
    throw srErrors.unknownTable(`${db}.${st.name}`);
  }
  host.catalog.dropTable(db, st.name, false);
  return NONE;
}
