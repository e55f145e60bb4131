// Results a statement builds from rows it already holds (SHOW, DESCRIBE,
// EXISTS, KILL ...), as opposed to a planned SELECT's lazy blocks.

import type { ColumnDef, NoResult, QueryContext, RowsResult } from './api.ts';
import { Block } from './columns/block.ts';

export const NONE: NoResult = { kind: 'none' };

/** The rows as one block, counted as result rows when the consumer reads them. */
export function rowsResult(columns: ColumnDef[], rows: unknown[][], ctx: QueryContext): RowsResult {
  return {
    kind: 'rows',
    columns,
    blocks: {
      async *[Symbol.asyncIterator]() {
        if (rows.length === 0) return;
        ctx.progress.resultRows += rows.length;
        yield Block.ofRows(columns.map((c) => c.type), rows);
      },
    },
  };
}
