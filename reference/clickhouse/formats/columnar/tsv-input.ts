// TabSeparated input parsed straight from the body's bytes into columns:
// integers accumulated from digits, strings copied (unescaped where needed)
// into one byte buffer. It covers well-formed data of the common types; on
// anything else it gives up (undefined) and the row reader in
// ../tab-separated.ts parses the text again, so errors, wrap-around and rare
// escapes keep exactly that reader's behavior.

import { isUtf8 } from 'node:buffer';
import type { ColumnDef } from '../../../engine/api.ts';
import type { Block } from '../../../engine/columns/block.ts';
import type { FormatContext } from '../types.ts';
import { GIVE_UP, readIntoColumns } from './field-sinks.ts';
import type { FieldSink } from './field-sinks.ts';

const TAB = 9;
const LF = 10;
const BACKSLASH = 92;

/**
 * The block for `data`, or undefined when the row reader must decide: other
 * column types, settings that change the text, invalid UTF-8 (the row reader
 * decodes it lossily), or a field that is not plain data of its type.
 */
export function readTsvBlock(data: Buffer, columns: readonly ColumnDef[], ctx: FormatContext, raw: boolean): Block | undefined {
  if (Number(ctx.settings.get('input_format_tsv_skip_first_lines')) > 0 || ctx.settings.get('input_format_tsv_empty_as_default')
    || String(ctx.settings.get('format_tsv_null_representation')) !== '\\N' || columns.length === 0) return undefined;
  if (!isUtf8(data)) return undefined;
  return readIntoColumns(data, columns, raw ? 'raw' : 'escaped', (sinks) => parse(data, sinks));
}

function parse(data: Uint8Array, sinks: FieldSink[]): void {
  const n = data.length;
  const last = sinks.length - 1;
  let pos = 0;
  while (pos < n) {
    for (let j = 0; j <= last; j++) {
      let end = pos;
      // As the row reader splits: a backslash keeps the next byte from ending
      // the line, but every tab ends a field.
      while (end < n) {
        const c = data[end]!;
        if (c === TAB || c === LF) break;
        end += c === BACKSLASH && data[end + 1] !== TAB ? 2 : 1;
      }
      if (end > n) throw GIVE_UP;
      const delimiter = end < n ? data[end] : LF;
      if (delimiter !== (j === last ? LF : TAB)) throw GIVE_UP;
      const isNull = end - pos === 2 && data[pos] === BACKSLASH && data[pos + 1] === 78;
      if (!(isNull ? sinks[j]!.addNull() : sinks[j]!.add(data, pos, end))) throw GIVE_UP;
      pos = end + 1;
    }
  }
}
