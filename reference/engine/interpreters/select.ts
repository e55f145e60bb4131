// SELECT: the planned query's blocks, counted as result rows and bytes and
// held to max_result_rows / max_result_bytes (result_overflow_mode).

import { EngineError } from '../errors.ts';
import { unwrapNullable } from '../types.ts';
import type { ColumnDef, QueryContext, RowsResult } from '../api.ts';
import type { Statement } from '../parser/ast.ts';
import { planSelect } from '../planner/plan.ts';
import { formatReadableQuantity } from '../functions/misc.ts';
import type { Engine } from '../index.ts';
import type { Block } from '../columns/block.ts';
import { BigIntColumn, NumberColumn, StringColumn } from '../columns/column.ts';
import type { DataType } from '../types.ts';

export async function select(st: Statement & { kind: 'select' }, ctx: QueryContext, engine: Engine): Promise<RowsResult> {
  const plan = await planSelect(st.query, engine.execEnv(ctx));
  const types = plan.columns.map((c) => c.type);
  const settings = ctx.settings;
  const blocks = async function* () {
    const maxRows = Number(settings.get('max_result_rows'));
    const maxBytes = Number(settings.get('max_result_bytes'));
    const mode = settings.get('result_overflow_mode');
    let rows = 0;
    let bytes = 0;
    for await (const b of plan.blocks()) {
      rows += b.length;
      const blockBytes = resultBytes(b, types);
      bytes += blockBytes;
      const overRows = maxRows > 0 && rows > maxRows;
      const overBytes = maxBytes > 0 && bytes > maxBytes;
      if ((overRows || overBytes) && mode === 'throw') {
        throw new EngineError('TOO_MANY_ROWS_OR_BYTES', overRows
          ? `Limit for result exceeded, max rows: ${formatReadableQuantity(maxRows)}, current rows: ${formatReadableQuantity(rows)}`
          : `Limit for result exceeded, max bytes: ${formatReadableSize(maxBytes)}, current bytes: ${formatReadableSize(bytes)}`);
      }
      ctx.progress.resultRows += b.length;
      ctx.progress.resultBytes += blockBytes;
      yield b;
      if (overRows || overBytes) return;
    }
  };
  return {
    kind: 'rows',
    columns: plan.columns,
    blocks: { [Symbol.asyncIterator]: blocks },
    ...(plan.rowsBeforeLimit ? { rowsBeforeLimit: plan.rowsBeforeLimit } : {}),
  };
}

/** result_bytes of a block: fixed-width and String columns by their sizes, other columns value by value. */
function resultBytes(b: Block, types: readonly DataType[]): number {
  if (!b.isColumnar) {
    let n = 0;
    for (const r of b.rows) for (let i = 0; i < types.length; i++) n += valueSize(types[i]!, r[i]);
    return n;
  }
  let n = 0;
  for (const c of b.columns) {
    if (c instanceof NumberColumn || c instanceof BigIntColumn) n += c.length * valueSize(c.type, 0);
    else if (c instanceof StringColumn) n += c.byteSize();
    else for (let i = 0; i < c.length; i++) n += valueSize(c.type, c.get(i));
  }
  return n;
}

function valueSize(t: ColumnDef['type'], v: unknown): number {
  const b = unwrapNullable(t);
  if (v === null) return 1;
  switch (b.kind) {
    case 'String': return Buffer.byteLength(v as string) + 9;
    case 'UInt8': case 'Int8': case 'Bool': return 1;
    case 'UInt16': case 'Int16': case 'Date': return 2;
    case 'UInt32': case 'Int32': case 'Float32': case 'DateTime': return 4;
    case 'Array': return 8 + (v as unknown[]).reduce<number>((s, x) => s + valueSize(b.inner!, x), 0);
    default: return 8;
  }
}

function formatReadableSize(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${n.toFixed(2)} ${units[i]}`;
}
