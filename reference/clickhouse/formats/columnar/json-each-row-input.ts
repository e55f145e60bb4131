// JSONEachRow input parsed from the body's bytes into columns, for the shape
// ClickHouse itself writes: one object per line, no blanks, the columns' keys
// in the columns' order, integers as numbers and strings without escapes.
// Anything else (another key order or set, blanks, escapes, arrays, other
// types) goes to the row reader in ../json-each-row.ts, which decides.

import { isUtf8 } from 'node:buffer';
import type { ColumnDef } from '../../../engine/api.ts';
import type { Block } from '../../../engine/columns/block.ts';
import { jsonString } from '../text.ts';
import { GIVE_UP, readIntoColumns } from './field-sinks.ts';
import type { FieldSink } from './field-sinks.ts';

const LF = 10;
const QUOTE = 34;
const BACKSLASH = 92;
const NULL = Buffer.from('null');

export function readJsonEachRowBlock(data: Buffer, columns: readonly ColumnDef[]): Block | undefined {
  if (columns.length === 0 || !isUtf8(data)) return undefined;
  // `{"a":`, `,"b":`: what comes before each value, as bytes.
  const keys = columns.map((c, j) => Buffer.from(`${j === 0 ? '{' : ','}${jsonString(c.name, false)}:`));
  if (keys.some((k) => k.includes(BACKSLASH))) return undefined;
  const strings = columns.map((c) => (c.type.kind === 'Nullable' ? c.type.inner! : c.type).kind === 'String');
  return readIntoColumns(data, columns, 'plain', (sinks) => parse(data, sinks, keys, strings));
}

function parse(data: Buffer, sinks: FieldSink[], keys: Buffer[], strings: boolean[]): void {
  const n = data.length;
  let pos = 0;
  while (pos < n) {
    for (let j = 0; j < sinks.length; j++) {
      const key = keys[j]!;
      if (pos + key.length > n) throw GIVE_UP;
      for (let k = 0; k < key.length; k++) if (data[pos + k] !== key[k]) throw GIVE_UP;
      pos += key.length;
      const sink = sinks[j]!;
      if (data[pos] === QUOTE) {
        if (!strings[j]) throw GIVE_UP;
        const close = data.indexOf(QUOTE, pos + 1);
        if (close < 0) throw GIVE_UP;
        for (let k = pos + 1; k < close; k++) if (data[k] === BACKSLASH || data[k]! < 0x20) throw GIVE_UP;
        if (!sink.add(data, pos + 1, close)) throw GIVE_UP;
        pos = close + 1;
      } else {
        let end = pos;
        while (end < n && data[end] !== 44 && data[end] !== 125) end++;
        if (end - pos === 4 && data[pos] === NULL[0] && data[pos + 1] === NULL[1] && data[pos + 2] === NULL[2] && data[pos + 3] === NULL[3]) {
          if (!sink.addNull()) throw GIVE_UP;
        } else if (strings[j] || !sink.add(data, pos, end)) throw GIVE_UP;
        pos = end;
      }
    }
    if (data[pos] !== 125) throw GIVE_UP;
    pos++;
    if (pos < n) {
      if (data[pos] !== LF) throw GIVE_UP;
      pos++;
    }
  }
}
