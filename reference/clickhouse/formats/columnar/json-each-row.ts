// JSONEachRow and JSONCompactEachRow bodies from columns (../json-each-row.ts
// is the definition; this path gives the same bytes).

import type { Block } from '../../../engine/columns/block.ts';
import type { Column } from '../../../engine/columns/column.ts';
import type { ColumnDef } from '../../../engine/api.ts';
import type { FormatContext } from '../types.ts';
import { jsonOptions, jsonString, jsonValue } from '../text.ts';
import { ByteWriter } from '../../../engine/columns/byte-writer.ts';
import { byteSet, integerCells, stringCells, textCells } from './cells.ts';
import type { CellWriter } from './cells.ts';

// 0xE2 starts U+2028/U+2029, which writeJSONString escapes.
const JSON_SPECIAL = byteSet('"\\\xe2', true);
const JSON_SPECIAL_SLASH = byteSet('"\\/\xe2', true);

export function jsonEachRowBlockWriter(columns: readonly ColumnDef[], ctx: FormatContext, compact: boolean): (block: Block) => Buffer {
  const opts = jsonOptions(ctx);
  const special = opts.escapeSlashes ? JSON_SPECIAL_SLASH : JSON_SPECIAL;
  const writer = new ByteWriter(1 << 16);
  const fast = (c: Column): CellWriter | undefined => integerCells(c, opts.quote64)
    ?? stringCells(c, special, (w, s) => w.utf8(jsonString(s, opts.escapeSlashes)), 34);
  const cellsOf = textCells(fast, 'null', (c, v) => jsonValue(c.type, v, ctx, opts));
  // What goes before each value: `{"a":`, `,"b":` (or `[`, `, `), and after the row.
  const before = columns.map((c, j) => Buffer.from(compact ? (j === 0 ? '[' : ', ') : `${j === 0 ? '{' : ','}${jsonString(c.name, opts.escapeSlashes)}:`));
  const after = Buffer.from(compact ? ']\n' : '}\n');
  const empty = Buffer.from(compact ? '[' : '{');
  return (block) => {
    const cells = block.columns.map(cellsOf);
    const n = block.length;
    const w = writer;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < cells.length; j++) {
        const b = before[j]!;
        w.bytes(b, 0, b.length);
        cells[j]!(w, i);
      }
      if (cells.length === 0) w.bytes(empty, 0, empty.length);
      w.bytes(after, 0, after.length);
    }
    return w.take();
  };
}
