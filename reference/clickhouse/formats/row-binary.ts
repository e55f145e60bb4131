// RowBinary: values back to back in ClickHouse's binary layout — integers and
// floats little-endian, String as a LEB128 length and its bytes, Date as
// UInt16 days, DateTime as UInt32 seconds, Nullable as a null byte before the
// value, Array as a LEB128 count before its elements. Text pieces travel as
// byte strings (one char per byte, 'latin1'), so the writer sends them as is.

import type { ColumnDef } from '../../engine/api.ts';
import { EngineError } from '../../engine/errors.ts';
import type { DataType } from '../../engine/types.ts';
import { ServerError } from '../errors.ts';
import { leb128, readExtra, writeExtra } from './binary-values.ts';
import type { FormatContext, InputContext, InputFormat, OutputFormat, RowOutput } from './types.ts';

const FIXED: Partial<Record<DataType['kind'], number>> = {
  UInt8: 1, Int8: 1, Bool: 1, UInt16: 2, Int16: 2, Date: 2, UInt32: 4, Int32: 4, DateTime: 4, Float32: 4,
  UInt64: 8, Int64: 8, Float64: 8, Int128: 16,
};

function unsupported(type: DataType): EngineError {
  return new EngineError('NOT_IMPLEMENTED', `RowBinary of type ${type.name} is not supported by this reference server`);
}

export function writeValue(type: DataType, v: unknown, parts: Buffer[]): void {
  if (type.kind === 'Nullable') {
    parts.push(Buffer.from([v === null ? 1 : 0]));
    if (v !== null) writeValue(type.inner!, v, parts);
    return;
  }
  if (type.kind === 'Array') {
    const items = v as unknown[];
    parts.push(Buffer.from(leb128(items.length)));
    for (const item of items) writeValue(type.inner!, item, parts);
    return;
  }
  if (type.kind === 'String') {
    const bytes = Buffer.from(v as string, 'utf8');
    parts.push(Buffer.from(leb128(bytes.length)), bytes);
    return;
  }
  if (type.kind === 'Nothing') return;
  const size = FIXED[type.kind];
  if (size === undefined) {
    if (writeExtra(type, v, parts, writeValue)) return;
    throw unsupported(type);
  }
  const b = Buffer.alloc(size);
  switch (type.kind) {
    case 'UInt8': b.writeUInt8(Number(v)); break;
    case 'Bool': b.writeUInt8(v ? 1 : 0); break;
    case 'Int8': b.writeInt8(Number(v)); break;
    case 'UInt16': case 'Date': b.writeUInt16LE(Number(v)); break;
    case 'Int16': b.writeInt16LE(Number(v)); break;
    case 'UInt32': case 'DateTime': b.writeUInt32LE(Number(v)); break;
    case 'Int32': b.writeInt32LE(Number(v)); break;
    case 'Float32': b.writeFloatLE(Number(v)); break;
    case 'Float64': b.writeDoubleLE(Number(v)); break;
    case 'UInt64': b.writeBigUInt64LE(BigInt(v as bigint)); break;
    case 'Int64': b.writeBigInt64LE(BigInt(v as bigint)); break;
    case 'Int128': {
      const x = BigInt.asUintN(128, BigInt(v as bigint));
      b.writeBigUInt64LE(x & 0xffffffffffffffffn, 0);
      b.writeBigUInt64LE(x >> 64n, 8);
      break;
    }
    default: throw unsupported(type);
  }
  parts.push(b);
}

function rowBinaryOutput(name: string, header: 'none' | 'names' | 'types'): OutputFormat {
  return {
    name,
    binary: true,
    contentType: () => 'application/octet-stream',
    create(columns: readonly ColumnDef[], _ctx: FormatContext): RowOutput {
      return {
        prefix() {
          if (header === 'none') return '';
          const parts: Buffer[] = [Buffer.from(leb128(columns.length))];
          for (const c of columns) writeValue({ name: 'String', kind: 'String' }, c.name, parts);
          if (header === 'types') for (const c of columns) writeValue({ name: 'String', kind: 'String' }, c.type.name, parts);
          return Buffer.concat(parts).toString('latin1');
        },
        block(rows) {
          const parts: Buffer[] = [];
          for (const row of rows) columns.forEach((c, i) => writeValue(c.type, row[i], parts));
          return Buffer.concat(parts).toString('latin1');
        },
        suffix: () => '',
      };
    },
  };
}

export class Reader {
  private buf: Buffer;
  pos = 0;
  row = 0;

  constructor(buf: Buffer) {
    this.buf = buf;
  }

  get done(): boolean {
    return this.pos >= this.buf.length;
  }

  take(n: number): Buffer {
    if (this.pos + n > this.buf.length) {
      throw new ServerError('CANNOT_READ_ALL_DATA', `Cannot read all data. Bytes read: ${this.buf.length - this.pos}. Bytes expected: ${n}: (at row ${this.row + 1})\n`);
    }
    const b = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }

  leb(): number {
    let n = 0;
    let mul = 1;
    for (;;) {
      const b = this.take(1)[0]!;
      n += (b & 0x7f) * mul;
      if (!(b & 0x80)) return n;
      mul *= 128;
    }
  }

  value(type: DataType): unknown {
    switch (type.kind) {
      case 'Nullable': return this.take(1)[0] ? null : this.value(type.inner!);
      case 'Array': {
        const n = this.leb();
        const out: unknown[] = [];
        for (let i = 0; i < n; i++) out.push(this.value(type.inner!));
        return out;
      }
      case 'String': return this.take(this.leb()).toString('utf8');
      case 'Nothing': return null;
      case 'UInt8': return this.take(1).readUInt8();
      case 'Bool': return this.take(1).readUInt8() !== 0;
      case 'Int8': return this.take(1).readInt8();
      case 'UInt16': case 'Date': return this.take(2).readUInt16LE();
      case 'Int16': return this.take(2).readInt16LE();
      case 'UInt32': case 'DateTime': return this.take(4).readUInt32LE();
      case 'Int32': return this.take(4).readInt32LE();
      case 'Float32': return this.take(4).readFloatLE();
      case 'Float64': return this.take(8).readDoubleLE();
      case 'UInt64': return this.take(8).readBigUInt64LE();
      case 'Int64': return this.take(8).readBigInt64LE();
      case 'Int128': {
        const b = this.take(16);
        return BigInt.asIntN(128, (b.readBigUInt64LE(8) << 64n) | b.readBigUInt64LE(0));
      }
      default: {
        const extra = readExtra(type, this);
        if (!extra) throw unsupported(type);
        return extra.value;
      }
    }
  }
}

const rowBinaryInput: InputFormat = {
  name: 'RowBinary',
  binary: true,
  read(text: string, columns: readonly ColumnDef[], _ctx: InputContext): unknown[][] {
    const r = new Reader(Buffer.from(text, 'latin1'));
    const rows: unknown[][] = [];
    while (!r.done) {
      rows.push(columns.map((c) => r.value(c.type)));
      r.row++;
    }
    return rows;
  },
};

export const rowBinaryOutputs: OutputFormat[] = [
  rowBinaryOutput('RowBinary', 'none'), rowBinaryOutput('RowBinaryWithNames', 'names'), rowBinaryOutput('RowBinaryWithNamesAndTypes', 'types'),
];
export const rowBinaryInputs: InputFormat[] = [rowBinaryInput];
