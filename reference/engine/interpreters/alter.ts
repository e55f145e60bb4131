// ALTER TABLE: ADD/DROP/MODIFY/RENAME COLUMN and the DELETE/UPDATE mutations,
// applied in order to a copy of the table's definition and rows, which then
// replace the table's in one stored change. Mutations
// run synchronously, as with mutations_sync = 1 on a single server.

import { EngineError } from '../errors.ts';
import { defaultValue } from '../types.ts';
import type { NoResult, QueryContext } from '../api.ts';
import { NONE } from '../results.ts';
import type { AlterCommand, Expr, Statement } from '../parser/ast.ts';
import type { Engine } from '../index.ts';
import type { Table, TableColumn } from '../catalog.ts';
import { partsOfRows, setParts, tableRows } from '../catalog.ts';
import { rowsBytes, tableColumnOf } from '../ddl.ts';
import { Compiler } from '../expr/compiler.ts';
import type { Compiled, FunctionEnv } from '../expr/compiled.ts';
import { NO_STATE } from '../expr/compiled.ts';
import { convertValue } from '../values/convert.ts';
import { nameHints } from '../values/hints.ts';

/** AlterCommands' `. Maybe you meant: ['k']`, or nothing. */
function maybeYouMeant(name: string, columns: readonly string[]): string {
  const h = nameHints(name, columns);
  return h.length ? `. Maybe you meant: [${h.map((x) => `'${x}'`).join(', ')}]` : '';
}

type Alter = Statement & { kind: 'alter_table' };

interface Draft {
  columns: TableColumn[];
  rows: unknown[][];
}

const quoted = (name: string): string => `\`${name}\``;
const truthy = (v: unknown): boolean => v !== null && v !== 0 && v !== 0n && v !== false;

function compileOver(e: Expr, draft: Draft, env: FunctionEnv, text: string): Compiled {
  const columns = draft.columns.map((c) => ({ name: c.name, type: c.type, tables: [] }));
  return new Compiler({ env, columns, aliases: new Map(), scope: text, precomputed: new Map() }).compile(e);
}

/** A column's value in existing rows: its DEFAULT or MATERIALIZED expression over the row, else its type's default. */
function filler(c: TableColumn, draft: Draft, env: FunctionEnv): (row: unknown[]) => unknown {
  if (c.defaultExpr && (c.defaultKind === 'DEFAULT' || c.defaultKind === 'MATERIALIZED')) {
    const compiled = compileOver(c.defaultExpr, draft, env, c.defaultText ?? '');
    return (row) => convertValue(compiled.ev(row, NO_STATE), compiled.type, c.type, env.timezone);
  }
  return () => defaultValue(c.type);
}

/** The columns of the sorting and primary keys, which UPDATE cannot change. */
function keyColumns(t: Table): Set<string> {
  return new Set(`${t.orderBy ?? ''} ${t.primaryKey ?? ''}`.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []);
}

function apply(cmd: AlterCommand, draft: Draft, t: Table, env: FunctionEnv): Draft {
  const at = (name: string): number => draft.columns.findIndex((c) => c.name === name);
  switch (cmd.t) {
    case 'add_column': {
      if (at(cmd.column.name) >= 0) {
        if (cmd.ifNotExists) return draft;
        throw new EngineError('DUPLICATE_COLUMN', `Cannot add column ${quoted(cmd.column.name)}: column with this name already exists`);
      }
      const scope = draft.columns.map((c) => ({ name: c.name, type: c.type, tables: [] }));
      const column = tableColumnOf(cmd.column, env, scope);
      let i = draft.columns.length;
      if (cmd.first) i = 0;
      else if (cmd.after !== undefined) {
        const after = at(cmd.after);
        if (after < 0) throw new EngineError('NO_SUCH_COLUMN_IN_TABLE', `Wrong column name. Cannot find column ${cmd.after} to insert after`);
        i = after + 1;
      }
      // A Memory table's rows get the type's default; MergeTree computes the DEFAULT for the old rows.
      const fill = t.engine === 'Memory' ? () => defaultValue(column.type) : filler(column, draft, env);
      return {
        columns: [...draft.columns.slice(0, i), column, ...draft.columns.slice(i)],
        rows: draft.rows.map((r) => [...r.slice(0, i), fill(r), ...r.slice(i)]),
      };
    }
    case 'drop_column': {
      const i = at(cmd.name);
      if (i < 0) {
        if (cmd.ifExists) return draft;
        throw new EngineError('NOT_FOUND_COLUMN_IN_BLOCK', `Wrong column name. Cannot find column ${quoted(cmd.name)} to drop${maybeYouMeant(cmd.name, draft.columns.map((c) => c.name))}`);
      }
      // The sorting key still needs it (ClickHouse fails the same way, its message also lists the virtual columns).
      if (keyColumns(t).has(cmd.name)) throw new EngineError('UNKNOWN_IDENTIFIER', `Missing columns: '${cmd.name}' while processing: '${cmd.name}', required columns: '${cmd.name}'`);
      return { columns: draft.columns.filter((_, k) => k !== i), rows: draft.rows.map((r) => r.filter((_, k) => k !== i)) };
    }
    case 'modify_column': {
      const i = at(cmd.column.name);
      if (i < 0) {
        if (cmd.ifExists) return draft;
        throw new EngineError('NOT_FOUND_COLUMN_IN_BLOCK', `Wrong column. Cannot find column ${quoted(cmd.column.name)} to modify${maybeYouMeant(cmd.column.name, draft.columns.map((c) => c.name))}`);
      }
      const old = draft.columns[i]!;
      const spec = cmd.column.defaultExpr || cmd.column.type === undefined ? cmd.column
        : { ...cmd.column, ...(old.defaultKind ? { defaultKind: old.defaultKind } : {}), ...(old.defaultExpr ? { defaultExpr: old.defaultExpr } : {}), ...(old.defaultText !== undefined ? { defaultText: old.defaultText } : {}) };
      const scope = draft.columns.map((c) => ({ name: c.name, type: c.type, tables: [] }));
      const column = { ...tableColumnOf(spec, env, scope), ...(old.comment !== undefined && cmd.column.comment === undefined ? { comment: old.comment } : {}) };
      if (cmd.column.type === undefined) column.type = old.type;
      const columns = draft.columns.map((c, k) => (k === i ? column : c));
      return { columns, rows: draft.rows.map((r) => r.map((v, k) => (k === i ? convertValue(v, old.type, column.type, env.timezone) : v))) };
    }
    case 'rename_column': {
      const i = at(cmd.from);
      if (i < 0) {
        if (cmd.ifExists) return draft;
        throw new EngineError('NOT_FOUND_COLUMN_IN_BLOCK', `Wrong column name. Cannot find column ${quoted(cmd.from)} to rename${maybeYouMeant(cmd.from, draft.columns.map((c) => c.name))}`);
      }
      if (at(cmd.to) >= 0) throw new EngineError('DUPLICATE_COLUMN', `Cannot rename to ${quoted(cmd.to)}: column with this name already exists`);
      const columns = draft.columns.map((c, k) => (k === i ? { ...c, name: cmd.to } : c));
      // 26.7's Memory engine finds no data under the new name: the renamed column reads as its type's default.
      if (t.engine === 'Memory') return { columns, rows: draft.rows.map((r) => r.map((v, k) => (k === i ? defaultValue(columns[i]!.type) : v))) };
      return { columns, rows: draft.rows };
    }
    case 'delete': {
      const where = compileOver(cmd.where, draft, env, '');
      return { columns: draft.columns, rows: draft.rows.filter((r) => !truthy(where.ev(r, NO_STATE))) };
    }
    case 'update': {
      const keys = keyColumns(t);
      const sets = cmd.assignments.map(([name, e]) => {
        const i = at(name);
        if (i < 0) throw new EngineError('NO_SUCH_COLUMN_IN_TABLE', `There is no column ${quoted(name)} in table`);
        if (keys.has(name)) throw new EngineError('CANNOT_UPDATE_COLUMN', `Cannot UPDATE key column ${quoted(name)}`);
        return { i, value: compileOver(e, draft, env, ''), type: draft.columns[i]!.type };
      });
      const where = compileOver(cmd.where, draft, env, '');
      return {
        columns: draft.columns,
        rows: draft.rows.map((r) => {
          if (!truthy(where.ev(r, NO_STATE))) return r;
          const next = [...r];
          for (const s of sets) next[s.i] = convertValue(s.value.ev(r, NO_STATE), s.value.type, s.type, env.timezone);
          return next;
        }),
      };
    }
  }
}

export function alterTable(st: Alter, ctx: QueryContext, engine: Engine): NoResult {
  const db = st.db ?? ctx.database;
  const temporary = st.db === undefined ? ctx.scope?.findTable(st.name) : undefined;
  const t = temporary ?? engine.catalog.findTable(db, st.name);
  if (!t) throw new EngineError('UNKNOWN_TABLE', `Could not find table: ${st.db !== undefined ? `${st.db}.` : ''}${st.name}`);
  if (!temporary) engine.accessFor(ctx).check('ALTER', { db: t.database, table: t.name });
  const env = engine.functionEnv(ctx, t.database || db);
  let draft: Draft = { columns: [...t.columns], rows: tableRows(t).map((r) => [...r]) };
  for (const cmd of st.commands) draft = apply(cmd, draft, t, env);
  t.columns = draft.columns;
  const parts = partsOfRows(t, draft.rows);
  const bytes = rowsBytes(draft.columns, draft.rows);
  // One replacement stores the new definition with the rows (the storage writes both in that one change).
  if (temporary) setParts(t, parts, bytes);
  else engine.catalog.replaceParts(t, parts, bytes);
  return NONE;
}
