// A part file: the blocks one change of a table's data committed, with
// their columns in their in-memory layouts (typed arrays, string bytes and
// offsets, null maps) and everything else as exact JSON values (values.ts).
//
//   "OLSPART1" | u32 header length | header JSON | column buffers | u32 CRC-32
//
// The header says whether the file replaces every earlier part (`reset`:
// TRUNCATE, a key model's merge) or adds to them, the bytes it accounts for,
// the dialect's records of the loads in it (`commits`: StarRocks labels), and
// per block its length and per column its type and layout; the buffers
// follow in the order the header lists them. The CRC covers everything
// before it, so a damaged file is refused rather than read.

import { endianness } from 'node:os';
import { crc32 } from 'node:zlib';
import { Block } from '../columns/block.ts';
import { BigIntColumn, NullableColumn, NumberColumn, StringColumn } from '../columns/column.ts';
import type { Column } from '../columns/column.ts';
import { columnFromValues } from '../columns/builders.ts';
import type { DataType } from '../types.ts';
import { decodeValue, encodeValue } from './values.ts';

const MAGIC = Buffer.from('OLSPART1');

type Layout =
  | { layout: 'number' | 'bigint'; array: string; size: number }
  | { layout: 'string'; bytes: number; offsets: number }
  | { layout: 'nullable'; nulls: number; inner: Layout }
  | { layout: 'values'; size: number };

interface ColumnEntry { type: unknown; data: Layout }
interface Header { endianness: string; reset: boolean; bytes: number; commits?: unknown[]; blocks: { length: number; columns: ColumnEntry[] }[] }

export interface PartContent {
  /** The part replaces all earlier parts of its table. */
  reset: boolean;
  /** What the part adds to the table's byte count (reset: the count). */
  bytes: number;
  /** The dialect's records of the loads the part holds (reset: of every load still remembered). */
  commits?: unknown[];
  blocks: Block[];
}

const ARRAYS: Record<string, new (b: ArrayBuffer) => ArrayBufferView> = {
  Int8Array, Uint8Array, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array,
};

const bytesOf = (a: ArrayBufferView): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

function encodeColumn(c: Column, out: Buffer[]): Layout {
  if (c instanceof NumberColumn || c instanceof BigIntColumn) {
    const b = bytesOf(c.data);
    out.push(b);
    return { layout: c instanceof NumberColumn ? 'number' : 'bigint', array: c.data.constructor.name, size: b.byteLength };
  }
  if (c instanceof StringColumn) {
    const start = c.offsets[0]!;
    const bytes = Buffer.from(c.bytes.buffer, c.bytes.byteOffset + start, c.offsets[c.length]! - start);
    const offsets = new Uint32Array(c.length + 1);
    for (let i = 0; i <= c.length; i++) offsets[i] = c.offsets[i]! - start;
    out.push(bytes, bytesOf(offsets));
    return { layout: 'string', bytes: bytes.byteLength, offsets: offsets.byteLength };
  }
  if (c instanceof NullableColumn) {
    out.push(bytesOf(c.nulls));
    return { layout: 'nullable', nulls: c.nulls.byteLength, inner: encodeColumn(c.inner, out) };
  }
  const values = new Array<unknown>(c.length);
  for (let i = 0; i < c.length; i++) values[i] = encodeValue(c.get(i));
  const b = Buffer.from(JSON.stringify(values));
  out.push(b);
  return { layout: 'values', size: b.byteLength };
}

export function encodePart(part: PartContent): Buffer {
  const buffers: Buffer[] = [];
  const header: Header = {
    endianness: endianness(),
    reset: part.reset,
    bytes: part.bytes,
    ...(part.commits?.length ? { commits: part.commits.map(encodeValue) } : {}),
    blocks: part.blocks.map((b) => ({
      length: b.length,
      columns: b.columns.map((c) => ({ type: encodeValue(c.type), data: encodeColumn(c, buffers) })),
    })),
  };
  const head = Buffer.from(JSON.stringify(header));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(head.byteLength);
  const body = Buffer.concat([MAGIC, len, head, ...buffers]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32LE(crc32(body));
  return Buffer.concat([body, crc]);
}

class Reader {
  private at: number;
  private readonly buf: Buffer;
  constructor(buf: Buffer, at: number) {
    this.buf = buf;
    this.at = at;
  }
  /** A copy, so typed arrays get an aligned buffer of their own. */
  take(n: number): ArrayBuffer {
    if (this.at + n > this.buf.byteLength - 4) throw new Error('part file shorter than its header says');
    const ab = new ArrayBuffer(n);
    new Uint8Array(ab).set(this.buf.subarray(this.at, this.at + n));
    this.at += n;
    return ab;
  }
}

function decodeColumn(type: DataType, l: Layout, r: Reader): Column {
  switch (l.layout) {
    case 'number':
    case 'bigint': {
      const ctor = ARRAYS[l.array];
      if (!ctor) throw new Error(`part file: unknown array ${l.array}`);
      const data = new ctor(r.take(l.size));
      return l.layout === 'number' ? new NumberColumn(type, data as NumberColumn['data']) : new BigIntColumn(type, data as BigIntColumn['data']);
    }
    case 'string': {
      const bytes = new Uint8Array(r.take(l.bytes));
      return new StringColumn(type, bytes, new Uint32Array(r.take(l.offsets)));
    }
    case 'nullable': {
      const nulls = new Uint8Array(r.take(l.nulls));
      return new NullableColumn(type, nulls, decodeColumn(type.inner!, l.inner, r));
    }
    case 'values': {
      const values = JSON.parse(Buffer.from(r.take(l.size)).toString('utf8')) as unknown[];
      return columnFromValues(type, values.map(decodeValue));
    }
  }
}

/** The content of a part file; throws on a damaged or foreign file. */
export function decodePart(buf: Buffer): PartContent {
  if (buf.byteLength < MAGIC.byteLength + 8 || !buf.subarray(0, MAGIC.byteLength).equals(MAGIC)) throw new Error('not a part file');
  if (crc32(buf.subarray(0, buf.byteLength - 4)) !== buf.readUInt32LE(buf.byteLength - 4)) throw new Error('part file checksum mismatch');
  const headLen = buf.readUInt32LE(MAGIC.byteLength);
  const headAt = MAGIC.byteLength + 4;
  const header = JSON.parse(buf.subarray(headAt, headAt + headLen).toString('utf8')) as Header;
  if (header.endianness !== endianness()) throw new Error(`part file written on a ${header.endianness} machine`);
  const r = new Reader(buf, headAt + headLen);
  const blocks = header.blocks.map((b) => Block.ofColumns(b.columns.map((c) => decodeColumn(decodeValue(c.type) as DataType, c.data, r)), b.length));
  return { reset: header.reset, bytes: header.bytes, ...(header.commits ? { commits: header.commits.map(decodeValue) } : {}), blocks };
}
