// Native: ClickHouse's own columnar blocks, as NativeWriter writes them for a
// client of protocol revision 0 (HTTP without client_protocol_version): per
// block the column and row counts (LEB128), then each column's name, type
// name and values — column by column, in each type's binary bulk layout:
// fixed-size values packed little-endian, strings length-prefixed, a
// Nullable's null map before its values, an Array's running UInt64 offsets
// before its elements, a Tuple's elements as columns of their own, a Map as
// its Array(Tuple(key, value)), LowCardinality as a dictionary and indexes.
// No rows, no blocks: an empty result is empty.
// Input (NativeReader) matches the columns by name.

import type { ColumnDef } from '../../engine/api.ts';
import { EngineError } from '../../engine/errors.ts';
import type { DataType } from '../../engine/types.ts';
import { T, defaultValue, parseType, parseText, serializeText } from '../../engine/types.ts';
import { fromLittleEndian, littleEndian } from './binary-values.ts';
import { atRow, emptyRow } from './input-rows.ts';
import { Reader, writeValue } from './row-binary.ts';
import { leb128 } from './binary-values.ts';
import type { FormatContext, InputContext, InputFormat, OutputFormat, RowOutput } from './types.ts';

/** The key a value has in a LowCardinality dictionary (values are numbers, strings, bigints or objects with a text form). */
const dictKey = (v: unknown): string => (typeof v === 'object' && v !== null ? JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? `${x}n` : x)) : `${typeof v}:${String(v)}`);

/**
 * LowCardinality's bulk layout for one block (SerializationLowCardinality,
 * shared dictionaries with additional keys): the version (1) first, then the
 * index width and flags, the dictionary — its default value first, and NULL's
 * slot before that when the values are Nullable — and each row's index.
 */
function writeLowCardinality(type: DataType, values: readonly unknown[], parts: Buffer[]): void {
  const nullable = type.inner!.kind === 'Nullable';
  const dictType = nullable ? type.inner!.inner! : type.inner!;
  const keys: unknown[] = nullable ? [defaultValue(dictType), defaultValue(dictType)] : [defaultValue(dictType)];
  const index = new Map<string, number>([[dictKey(defaultValue(dictType)), keys.length - 1]]);
  const indexes = values.map((v) => {
    if (v === null) return 0;
    const k = dictKey(v);
    let i = index.get(k);
    if (i === undefined) {
      i = keys.length;
      index.set(k, i);
      keys.push(v);
    }
    return i;
  });
  const width = keys.length <= 0x100 ? 0 : keys.length <= 0x10000 ? 1 : 2;
  parts.push(littleEndian(1n, 8), littleEndian(BigInt((1 << 9) | (1 << 10) | width), 8), littleEndian(BigInt(keys.length), 8));
  writeColumn(dictType, keys, parts);
  parts.push(littleEndian(BigInt(values.length), 8));
  const size = 1 << width;
  for (const i of indexes) parts.push(littleEndian(BigInt(i), size));
}

function readLowCardinality(type: DataType, count: number, r: Reader): unknown[] {
  const nullable = type.inner!.kind === 'Nullable';
  const dictType = nullable ? type.inner!.inner! : type.inner!;
  r.take(8);
  const flags = Number(fromLittleEndian(r.take(8), false));
  const keys = readColumn(dictType, Number(fromLittleEndian(r.take(8), false)), r);
  const rows = Number(fromLittleEndian(r.take(8), false));
  const size = 1 << (flags & 0xff);
  const out: unknown[] = [];
  for (let i = 0; i < rows; i++) {
    const k = Number(fromLittleEndian(r.take(size), false));
    out.push(nullable && k === 0 ? null : keys[k]);
  }
  return out.slice(0, count);
}

function writeColumn(type: DataType, values: readonly unknown[], parts: Buffer[]): void {
  switch (type.kind) {
    case 'Nullable': {
      parts.push(Buffer.from(values.map((v) => (v === null ? 1 : 0))));
      const inner = type.inner!;
      writeColumn(inner, values.map((v) => (v === null ? defaultValue(inner) : v)), parts);
      return;
    }
    case 'Array': {
      const offsets = Buffer.alloc(8 * values.length);
      let end = 0;
      values.forEach((v, i) => {
        end += (v as unknown[]).length;
        offsets.writeBigUInt64LE(BigInt(end), 8 * i);
      });
      parts.push(offsets);
      writeColumn(type.inner!, values.flatMap((v) => v as unknown[]), parts);
      return;
    }
    case 'Tuple':
      type.elements!.forEach((e, i) => writeColumn(e, values.map((v) => (v as unknown[])[i]), parts));
      return;
    case 'Map': {
      // A Map is its Array(Tuple(key, value)): offsets, then the keys column, then the values column.
      const offsets: Buffer[] = [];
      let end = 0;
      for (const v of values) offsets.push(littleEndian(BigInt(end += (v as unknown[]).length), 8));
      parts.push(...offsets);
      const pairs = values.flatMap((v) => v as [unknown, unknown][]);
      writeColumn(type.key!, pairs.map(([k]) => k), parts);
      writeColumn(type.inner!, pairs.map(([, v]) => v), parts);
      return;
    }
    case 'LowCardinality':
      writeLowCardinality(type, values, parts);
      return;
    case 'Nothing':
      // SerializationNothing writes a '0' character for each of its (never read) values.
      parts.push(Buffer.from('0'.repeat(values.length), 'latin1'));
      return;
    default:
      for (const v of values) writeValue(type, v, parts);
  }
}

const string = (s: string): Buffer[] => {
  const bytes = Buffer.from(s, 'utf8');
  return [Buffer.from(leb128(bytes.length)), bytes];
};

const nativeOutput: OutputFormat = {
  name: 'Native',
  binary: true,
  contentType: () => 'application/octet-stream',
  create(columns: readonly ColumnDef[], _ctx: FormatContext): RowOutput {
    return {
      prefix: () => '',
      block(rows) {
        if (rows.length === 0) return '';
        const parts: Buffer[] = [Buffer.from(leb128(columns.length)), Buffer.from(leb128(rows.length))];
        columns.forEach((c, i) => {
          parts.push(...string(c.name), ...string(c.type.name));
          writeColumn(c.type, rows.map((r) => r[i]), parts);
        });
        return Buffer.concat(parts).toString('latin1');
      },
      suffix: () => '',
    };
  },
};

function readColumn(type: DataType, count: number, r: Reader): unknown[] {
  switch (type.kind) {
    case 'Nullable': {
      const nulls = r.take(count);
      const values = readColumn(type.inner!, count, r);
      return values.map((v, i) => (nulls[i] ? null : v));
    }
    case 'Array': {
      const offsets: number[] = [];
      for (let i = 0; i < count; i++) offsets.push(Number(r.take(8).readBigUInt64LE()));
      const items = readColumn(type.inner!, offsets[count - 1] ?? 0, r);
      return offsets.map((end, i) => items.slice(i === 0 ? 0 : offsets[i - 1], end));
    }
    case 'Tuple': {
      const columns = type.elements!.map((e) => readColumn(e, count, r));
      return Array.from({ length: count }, (_, i) => columns.map((c) => c[i]));
    }
    case 'Map': {
      const offsets: number[] = [];
      for (let i = 0; i < count; i++) offsets.push(Number(r.take(8).readBigUInt64LE()));
      const total = offsets[count - 1] ?? 0;
      const keys = readColumn(type.key!, total, r);
      const vals = readColumn(type.inner!, total, r);
      return offsets.map((end, i) => keys.slice(i === 0 ? 0 : offsets[i - 1], end).map((k, j) => [k, vals[(i === 0 ? 0 : offsets[i - 1]!) + j]]));
    }
    case 'LowCardinality':
      return readLowCardinality(type, count, r);
    case 'Nothing':
      r.take(count);
      return Array.from({ length: count }, () => null);
    default: {
      const out: unknown[] = [];
      for (let i = 0; i < count; i++) out.push(r.value(type));
      return out;
    }
  }
}

/** A column sent as another type is converted through its text (input_format_native_allow_types_conversion). */
function convert(from: DataType, to: ColumnDef, values: unknown[], ctx: InputContext): unknown[] {
  if (from.name === to.type.name) return values;
  if (!ctx.settings.get('input_format_native_allow_types_conversion')) {
    throw new EngineError('TYPE_MISMATCH', `Type of '${to.name}' must be ${to.type.name}, not ${from.name}`);
  }
  return values.map((v) => (v === null ? (to.type.kind === 'Nullable' ? null : defaultValue(to.type))
    : parseText(to.type.kind === 'Nullable' ? to.type.inner! : to.type, serializeText(from, v, ctx.timezone), ctx.timezone)));
}

const nativeInput: InputFormat = {
  name: 'Native',
  binary: true,
  read(text: string, columns: readonly ColumnDef[], ctx: InputContext): unknown[][] {
    const r = new Reader(Buffer.from(text, 'latin1'));
    const index = new Map(columns.map((c, i) => [c.name, i]));
    const skipUnknown = Boolean(ctx.settings.get('input_format_skip_unknown_fields'));
    const rows: unknown[][] = [];
    while (!r.done) {
      try {
        const numColumns = r.leb();
        const numRows = r.leb();
        const block = Array.from({ length: numRows }, () => emptyRow(columns));
        for (let c = 0; c < numColumns; c++) {
          const name = r.value(T.String) as string;
          const type = parseType(r.value(T.String) as string);
          const values = readColumn(type, numRows, r);
          const target = index.get(name);
          if (target === undefined) {
            if (skipUnknown) continue;
            throw new EngineError('INCORRECT_DATA', `Unknown column with name ${name} found while reading data in Native format`);
          }
          convert(type, columns[target]!, values, ctx).forEach((v, i) => { block[i]![target] = v; });
        }
        rows.push(...block);
      } catch (err) {
        atRow(err, rows.length + 1);
      }
    }
    return rows;
  },
};

export const nativeOutputs: OutputFormat[] = [nativeOutput];
export const nativeInputs: InputFormat[] = [nativeInput];
