// TabSeparated bodies from columns (the row-by-row writer in
// ../tab-separated.ts is the definition; this path gives the same bytes).

import type { Block } from '../../../engine/columns/block.ts';
import type { Column } from '../../../engine/columns/column.ts';
import type { FormatContext } from '../types.ts';
import { tsvField } from '../text.ts';
import { ByteWriter } from '../../../engine/columns/byte-writer.ts';
import { byteSet, integerCells, stringCells, textCells } from './cells.ts';
import type { CellWriter } from './cells.ts';

const TSV_SPECIAL = byteSet("\\'\b\f\n\r\t\0");
const NONE = byteSet('');

export function tsvBlockWriter(ctx: FormatContext, raw: boolean): (block: Block) => Buffer {
  const crlf = Boolean(ctx.settings.get('output_format_tsv_crlf_end_of_line'));
  const nullText = String(ctx.settings.get('format_tsv_null_representation'));
  const writer = new ByteWriter(1 << 16);
  const fast = (c: Column): CellWriter | undefined => integerCells(c)
    ?? stringCells(c, raw ? NONE : TSV_SPECIAL, (w, s) => w.utf8(tsvField(c.type, s, ctx, raw)));
  const cellsOf = textCells(fast, nullText, (c, v) => tsvField(c.type, v, ctx, raw));
  return (block) => {
    const cells = block.columns.map(cellsOf);
    const n = block.length;
    const w = writer;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < cells.length; j++) {
        if (j > 0) w.byte(9);
        cells[j]!(w, i);
      }
      if (crlf) w.byte(13);
      w.byte(10);
    }
    return w.take();
  };
}
