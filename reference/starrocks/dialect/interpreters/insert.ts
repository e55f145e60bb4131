// INSERT [OVERWRITE] INTO t [WITH LABEL l] VALUES … | SELECT …: a load job
// with a label, rows converted strictly (a bad value cancels the job) and
// stored through the table's key model.

import { randomUUID } from 'node:crypto';
import { EngineError } from '../../../engine/errors.ts';
import { unwrapNullable } from '../../../engine/types.ts';
import type { DataType } from '../../../engine/types.ts';
import type { NoResult, QueryContext } from '../../../engine/api.ts';
import type { Table } from '../../../engine/catalog.ts';
import { planSelect } from '../../../engine/planner/plan.ts';
import { NO_STATE } from '../../../engine/expr/compiled.ts';
import { Compiler } from '../../../engine/expr/compiler.ts';
import { convertValue } from '../../../engine/values/convert.ts';
import type { SrStatement } from '../ast.ts';
import { analysisError, codedError, srErrors } from '../errors.ts';
import type { LoadJob } from '../loads.ts';
import { execEnv, fenv, findTable, isViewTable, timeZone } from '../host.ts';
import { tableMetaOf } from '../ddl.ts';
import type { StarRocksHost } from '../host.ts';
import { Rewriter } from '../rewrite.ts';

export async function insert(st: SrStatement & { kind: 'insert' }, ctx: QueryContext, host: StarRocksHost): Promise<NoResult> {
  const table = findTable(host, st.db, st.table, ctx);
  if (isViewTable(table)) throw analysisError(`The target table of insert into is not OLAP table: ${table.name}`);
  const meta = tableMetaOf(table);
  const names = st.columns ?? table.columns.map((c) => c.name);
  const target = names.map((n) => {
    const c = table.columns.find((x) => x.name.toLowerCase() === n.toLowerCase());
    if (!c) throw analysisError(`Unknown column '${n}' in '${table.name}'`, 'NO_SUCH_COLUMN_IN_TABLE');
    return c;
  });
  for (const c of table.columns) {
    const m = meta.columns.find((x) => x.name === c.name);
    if (!target.includes(c) && m && !m.nullable && m.defaultValue === undefined) {
      throw analysisError(`'${c.name}' must be explicitly mentioned in column permutation`);
    }
  }
  let source: { values: unknown[]; types: DataType[] }[];
  const env = execEnv(host, ctx);
  if (st.rows) {
    source = st.rows.map((row) => {
      if (row.length !== target.length) throw srErrors.columnCount();
      const compiled = row.map((e, i) => {
        if (e.t === 'id' && e.parts.length === 1 && e.parts[0] === 'DEFAULT') return { type: target[i]!.type, value: undefined as unknown };
        const c = new Compiler({ env: env.fenv, columns: [], aliases: new Map(), scope: '', precomputed: new Map() }).compile(new Rewriter(host, ctx).expr(e));
        return { type: c.type, value: c.ev([], NO_STATE) };
      });
      return { values: compiled.map((c) => c.value), types: compiled.map((c) => c.type) };
    });
  } else {
    const plan = await planSelect(new Rewriter(host, ctx).query(st.select!), env);
    if (plan.columns.length !== target.length) throw srErrors.columnCount();
    source = [];
    for await (const b of plan.blocks()) for (const r of b.rows) source.push({ values: r, types: plan.columns.map((c) => c.type) });
  }
  const db = table.database;
  const label = st.label ?? `insert_${randomUUID()}`;
  if (host.loads.find(db, label)) throw srErrors.labelUsed(label);
  const txnId = host.loads.newTxnId();
  const now = Date.now();
  const job: Omit<LoadJob, 'id'> = {
    label, db, table: table.name, type: 'INSERT', state: 'FINISHED', txnId, scanRows: 0, filteredRows: 0, unselectedRows: 0,
    sinkRows: 0, createTime: now, loadStartTime: now, loadFinishTime: now, taskInfo: 'resource:N/A; timeout(s):300; max_filter_ratio:0.0',
  };
  const tz = timeZone(host, ctx);
  let converted: unknown[][];
  try {
    converted = source.map(({ values, types }) => values.map((v, i) => {
      const col = target[i]!;
      if (v === undefined) return undefined;
      if (v === null) {
        if (col.type.kind !== 'Nullable') throw new EngineError('CANNOT_INSERT_NULL_IN_ORDINARY_COLUMN', `NULL value in non-nullable column '${col.name}'`);
        return null;
      }
      return convertValue(v, types[i]!, unwrapNullable(col.type), tz);
    }));
  } catch (e) {
    const added = host.loads.add({ ...job, state: 'CANCELLED', scanRows: source.length, filteredRows: 1, errorMsg: 'type:ETL_QUALITY_UNSATISFIED; msg:Insert has filtered data in strict mode', loadFinishTime: Date.now() });
    throw codedError('INCORRECT_DATA', 1064, 'HY000', `Insert has filtered data in strict mode. txn_id = ${txnId}, tracking sql = select tracking_log from information_schema.load_tracking_logs where job_id=${added?.id ?? 0}`);
  }
  // DEFAULT in VALUES: the column's default, as if the column were omitted.
  const withDefaults = converted.map((r) => r.map((v, i) => (v === undefined ? defaultFor(host, table, target[i]!.name, ctx) : v)));
  // OVERWRITE replaces the rows in the same step as the load (one stored change); the job is stored with them.
  const done = { ...job, scanRows: withDefaults.length, sinkRows: withDefaults.length };
  host.load(table, target.map((c) => ({ name: c.name, type: c.type })), withDefaults, ctx, { overwrite: Boolean(st.overwrite), commit: done });
  host.loads.add(done);
  return { kind: 'none', affectedRows: withDefaults.length, info: `{'label':'${label}', 'status':'VISIBLE', 'txnId':'${txnId}'}` };
}

function defaultFor(host: StarRocksHost, table: Table, column: string, ctx: QueryContext): unknown {
  const c = table.columns.find((x) => x.name === column)!;
  if (!c.defaultExpr) return null;
  const compiled = new Compiler({ env: fenv(host, ctx), columns: [], aliases: new Map(), scope: '', precomputed: new Map() }).compile(c.defaultExpr);
  return convertValue(compiled.ev([], NO_STATE), compiled.type, c.type, timeZone(host, ctx));
}
