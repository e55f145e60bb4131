// How rows loaded into a StarRocks table combine with its rows: the table's
// key model (merge.ts), for every load alike (MySQL INSERT, stream load,
// transaction commit).

import type { Table } from '../../engine/catalog.ts';
import { EngineError } from '../../engine/errors.ts';
import { nameForLogs } from '../../engine/catalog.ts';
import { rowsBytes } from '../../engine/ddl.ts';
import type { Engine, RowMerge } from '../../engine/index.ts';
import { starRocksMeta } from './meta.ts';
import { mergeRows } from './merge.ts';
import type { MergeOptions } from './merge.ts';

/** The merge of the table's key model; undefined (append) for a table not created in this dialect. */
export function keyModelMerge(table: Table, opts: MergeOptions = {}): RowMerge | undefined {
  const meta = starRocksMeta(table);
  if (!meta) return undefined;
  // DUPLICATE KEY appends (mergeRows keeps every row, in order): as a new
  // part, so a stored table writes the loaded rows only.
  if (meta.keysType === 'DUP_KEYS') return undefined;
  return (existing, added) => {
    const rows = mergeRows(table, meta, existing, added, opts);
    return { rows, bytes: rowsBytes(table.columns, rows) };
  };
}

/**
 * Load typed rows (values of `columns`, in that order) into db.table, as a
 * stream load or transaction commit does: omitted columns take their
 * defaults, then the key model applies (upsert, aggregate, append; partial
 * updates and `__op` deletes through `opts`). All rows or none. Returns the
 * number of rows loaded. `commit` (the load's job) is stored with the rows.
 */
export function loadRows(engine: Engine, db: string, table: string, columns: readonly string[], rows: unknown[][], opts: { partialUpdate?: boolean; deletes?: readonly boolean[]; commit?: unknown } = {}): number {
  const t = engine.catalog.table(db, table);
  const target = columns.map((name) => {
    const c = t.columns.find((x) => x.name === name);
    if (!c) throw new EngineError('NO_SUCH_COLUMN_IN_TABLE', `No such column ${name} in table ${nameForLogs(db, table)} (${t.uuid})`);
    return { name: c.name, type: c.type };
  });
  const merge: MergeOptions = {
    ...(opts.deletes ? { deletes: opts.deletes } : {}),
    ...(opts.partialUpdate ? { partialColumns: t.columns.flatMap((c, i) => (columns.includes(c.name) ? [i] : [])) } : {}),
  };
  engine.appendRows(t, target, rows, undefined, keyModelMerge(t, merge), opts.commit === undefined ? {} : { commit: opts.commit });
  return rows.length;
}
