// CREATE [TEMPORARY] TABLE [IF NOT EXISTS] [OR REPLACE] … [AS SELECT | AS t],
// and the temporary tables external data makes. A stored table goes into a
// database of the catalog, a temporary one into the query's session; the
// definition and its AS SELECT rows are built the same way for both.

import { EngineError } from '../errors.ts';
import type { ColumnDef, NoResult, QueryContext } from '../api.ts';
import { backQuoteIfNeed, nameForLogs, partsOfRows, setParts } from '../catalog.ts';
import type { Table } from '../catalog.ts';
import { NONE } from '../results.ts';
import type { Statement } from '../parser/ast.ts';
import { planSelect } from '../planner/plan.ts';
import type { Plan } from '../planner/env.ts';
import { convertValue } from '../values/convert.ts';
import { buildTable, rowsBytes } from '../ddl.ts';
import type { SessionScope } from '../session.ts';
import type { Engine } from '../index.ts';

type CreateTable = Statement & { kind: 'create_table' };

/** A column definition for createTemporaryTable. */
export interface TemporaryColumn {
  name: string;
  type: ColumnDef['type'];
}

const MEMORY = { name: 'Memory', args: [], text: 'Memory' };

/** Where the new table goes: a database of the catalog or the session. */
interface Destination {
  database: string;
  /**
   * The session holds a temporary table while its AS SELECT rows are read;
   * a stored table appears only with its rows.
   */
  addsBeforeRows: boolean;
  exists(): boolean;
  alreadyExists(): EngineError;
  drop(): void;
  add(table: Table): void;
}

function catalogDestination(engine: Engine, db: string, name: string): Destination {
  return {
    database: db,
    addsBeforeRows: false,
    exists: () => engine.catalog.findTable(db, name) !== undefined,
    alreadyExists: () => new EngineError('TABLE_ALREADY_EXISTS', `Table ${nameForLogs(db, name)} already exists`),
    drop: () => engine.catalog.dropTable(db, name, true),
    add: (t) => {
      engine.catalog.addTable(t, false);
    },
  };
}

function sessionDestination(scope: SessionScope, name: string): Destination {
  return {
    database: '',
    addsBeforeRows: true,
    exists: () => scope.findTable(name) !== undefined,
    alreadyExists: () => new EngineError('TABLE_ALREADY_EXISTS', `Temporary table ${backQuoteIfNeed(name)} already exists`),
    drop: () => {
      scope.dropTable(name);
    },
    add: (t) => scope.addTable(t),
  };
}

export async function createTable(st: CreateTable, ctx: QueryContext, engine: Engine): Promise<NoResult> {
  let to: Destination;
  if (st.temporary) {
    if (st.db !== undefined) {
      throw new EngineError('BAD_DATABASE_FOR_TEMPORARY_TABLE', 'Temporary tables cannot be inside a database. You should not specify a database for a temporary table.');
    }
    engine.accessFor(ctx).check('CREATE TEMPORARY TABLE', {});
    to = sessionDestination(engine.scope(ctx), st.name);
  } else {
    const db = st.db ?? ctx.database;
    engine.catalog.database(db);
    engine.accessFor(ctx).check('CREATE TABLE', { db, table: st.name });
    to = catalogDestination(engine, db, st.name);
  }
  if (to.exists()) {
    if (st.ifNotExists) return NONE;
    if (!st.orReplace) throw to.alreadyExists();
  }
  const env = engine.execEnv(ctx);
  let plan: Plan | undefined;
  let fromColumns: ColumnDef[] | undefined;
  if (st.asSelect) {
    plan = await planSelect(st.asSelect, env);
    fromColumns = plan.columns;
  } else if (st.asTable) {
    fromColumns = engine.resolveTable(st.asTable.db, st.asTable.name, ctx).columns.map((c) => ({ name: c.name, type: c.type }));
  }
  // A temporary table is a Memory table unless it names its engine.
  const table = buildTable(st.temporary && !st.engine ? { ...st, engine: MEMORY } : st, to.database, env.fenv, fromColumns);
  const place = (): void => {
    if (st.orReplace) to.drop();
    to.add(table);
  };
  if (!plan) {
    place();
    return NONE;
  }
  if (to.addsBeforeRows) place();
  const rows: unknown[][] = [];
  for await (const b of plan.blocks()) for (const r of b.rows) rows.push(r);
  const target = table.columns.map((c) => ({ name: c.name, type: c.type }));
  const conv = rows.map((r) => r.map((v, i) => convertValue(v, plan.columns[i]!.type, target[i]!.type)));
  if (!to.addsBeforeRows) place();
  engine.appendRows(table, target, conv, ctx);
  return NONE;
}

/** External data: a Memory table of the session holding `rows`. */
export function createTemporaryTable(engine: Engine, scope: SessionScope, name: string, columns: TemporaryColumn[], rows: unknown[][]): void {
  const table = buildTable({
    kind: 'create_table', name, ifNotExists: false, orReplace: false, temporary: true, tableSettings: [],
    columns: columns.map((c) => ({ name: c.name, type: c.type.name })), engine: MEMORY,
  }, '', engine.functionEnv(undefined));
  setParts(table, partsOfRows(table, rows), rowsBytes(table.columns, rows));
  scope.addTable(table);
}
