// CSV input parsed from the body's bytes into columns, for well-formed data:
// unquoted fields without surrounding blanks, or "quoted" ones without
// doubled quotes, rows ended by \n. Everything else (blanks the row reader
// trims, CR, doubled quotes, empty fields, other types, settings that change
// the text) goes back to the row reader in ../csv.ts, which decides.

import { isUtf8 } from 'node:buffer';
import type { ColumnDef } from '../../../engine/api.ts';
import type { Block } from '../../../engine/columns/block.ts';
import type { FormatContext } from '../types.ts';
import { GIVE_UP, readIntoColumns } from './field-sinks.ts';
import type { FieldSink } from './field-sinks.ts';

const LF = 10;
const QUOTE = 34;
const BACKSLASH = 92;

/** Bytes an unquoted field may not start or end with: blanks and anything the row reader's trim() might remove. */
const edgy = (b: number): boolean => b <= 0x20 || b >= 0x80;

export function readCsvBlock(data: Buffer, columns: readonly ColumnDef[], ctx: FormatContext): Block | undefined {
  const delimiterText = String(ctx.settings.get('format_csv_delimiter'));
  if (delimiterText.length !== 1 || Number(ctx.settings.get('input_format_csv_skip_first_lines')) > 0
    || String(ctx.settings.get('format_csv_null_representation')) !== '\\N' || columns.length === 0) return undefined;
  const delimiter = delimiterText.charCodeAt(0);
  if (delimiter === QUOTE || delimiter === LF || edgy(delimiter) || delimiter === 39) return undefined;
  if (!isUtf8(data)) return undefined;
  const singleQuotes = Boolean(ctx.settings.get('format_csv_allow_single_quotes'));
  return readIntoColumns(data, columns, 'plain', (sinks) => parse(data, sinks, delimiter, singleQuotes));
}

function parse(data: Uint8Array, sinks: FieldSink[], delimiter: number, singleQuotes: boolean): void {
  const n = data.length;
  const last = sinks.length - 1;
  let pos = 0;
  while (pos < n) {
    for (let j = 0; j <= last; j++) {
      const sink = sinks[j]!;
      let end: number;
      if (data[pos] === QUOTE) {
        const close = data.indexOf(QUOTE, pos + 1);
        if (close < 0 || data[close + 1] === QUOTE) throw GIVE_UP;
        if (!sink.add(data, pos + 1, close)) throw GIVE_UP;
        end = close + 1;
      } else {
        end = pos;
        while (end < n && data[end] !== delimiter && data[end] !== LF) end++;
        // Empty fields, blanks to trim, CR, quotes the row reader reads differently: its call.
        if (end === pos || edgy(data[pos]!) || edgy(data[end - 1]!) || (singleQuotes && data[pos] === 39)) throw GIVE_UP;
        for (let k = pos; k < end; k++) if (data[k] === QUOTE || data[k] === 13) throw GIVE_UP;
        const isNull = end - pos === 2 && data[pos] === BACKSLASH && data[pos + 1] === 78;
        if (!(isNull ? sink.addNull() : sink.add(data, pos, end))) throw GIVE_UP;
      }
      const next = end < n ? data[end] : LF;
      if (next !== (j === last ? LF : delimiter)) throw GIVE_UP;
      pos = end + 1;
    }
  }
}
