// The binary prepared-statement protocol of the FE (ConnectProcessor's
// COM_STMT_PREPARE / COM_STMT_EXECUTE, StmtExecutor.sendStmtPrepareOK): the
// `?` placeholders of a statement, the parameters COM_STMT_EXECUTE carries
// (MySQL's binary encoding, the types re-sent or remembered), the values put
// in as SQL literals, and result rows in the binary row format clients such
// as mysql2's execute() read.

import type { MysqlColumn } from './columns.ts';

/** MySQL field types (include/field_types.h) the FE sends or reads. */
const T = {
  DECIMAL: 0, TINY: 1, SHORT: 2, LONG: 3, FLOAT: 4, DOUBLE: 5, NULL: 6, TIMESTAMP: 7, LONGLONG: 8, INT24: 9, DATE: 10, TIME: 11,
  DATETIME: 12, YEAR: 13, NEWDATE: 14, VARCHAR: 15, BIT: 16, JSON: 245, NEWDECIMAL: 246, ENUM: 247, SET: 248, TINY_BLOB: 249,
  MEDIUM_BLOB: 250, LONG_BLOB: 251, BLOB: 252, VAR_STRING: 253, STRING: 254,
} as const;

/** Offsets of the `?` placeholders, outside quotes, back-quoted names and comments. */
export function placeholderOffsets(sql: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === "'" || c === '"' || c === '`') {
      for (i++; i < sql.length && sql[i] !== c; i++) if (sql[i] === '\\' && c !== '`') i++;
    } else if (c === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++;
    } else if (c === '#') {
      while (i < sql.length && sql[i] !== '\n') i++;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 1;
    } else if (c === '?') {
      out.push(i);
    }
  }
  return out;
}

/** A parameter value as a SQL literal of the statement. */
export type ParamValue = null | bigint | number | string | { date: string };

function sqlLiteral(v: ParamValue): string {
  if (v === null) return 'NULL';
  if (typeof v === 'bigint') return String(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'NULL';
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return `'${v.date}'`;
}

/** The statement with each placeholder replaced by its value's literal. */
export function bindPlaceholders(sql: string, offsets: readonly number[], values: readonly ParamValue[]): string {
  let out = '';
  let from = 0;
  offsets.forEach((at, i) => {
    out += sql.slice(from, at) + sqlLiteral(values[i] ?? null);
    from = at + 1;
  });
  return out + sql.slice(from);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * COM_STMT_EXECUTE after the command byte: statement id, flags, iteration count, the NULL
 * bitmap, new-params-bound flag with each parameter's type (2 bytes), then the values.
 * `types` are those of the previous execution, used when the client does not send them again.
 */
export function readExecute(payload: Buffer, paramCount: (stmtId: number) => number | undefined, types: (stmtId: number) => number[] | undefined):
  { stmtId: number; values: ParamValue[]; types: number[] } | { stmtId: number; unknown: true } {
  let p = 0;
  const stmtId = payload.readUInt32LE(p);
  p += 4 + 1 + 4;
  const n = paramCount(stmtId);
  if (n === undefined) return { stmtId, unknown: true };
  if (n === 0) return { stmtId, values: [], types: [] };
  const nulls = payload.subarray(p, p + Math.floor((n + 7) / 8));
  p += nulls.length;
  let paramTypes = types(stmtId) ?? new Array<number>(n).fill(T.VAR_STRING);
  if (payload[p++] === 1) {
    paramTypes = [];
    for (let i = 0; i < n; i++, p += 2) paramTypes.push(payload.readUInt16LE(p));
  }
  const lenenc = (): number => {
    const first = payload[p++]!;
    if (first < 0xfb) return first;
    if (first === 0xfc) { p += 2; return payload.readUInt16LE(p - 2); }
    if (first === 0xfd) { p += 3; return payload.readUIntLE(p - 3, 3); }
    p += 8;
    return Number(payload.readBigUInt64LE(p - 8));
  };
  const values: ParamValue[] = [];
  for (let i = 0; i < n; i++) {
    if ((nulls[i >> 3]! >> (i & 7)) & 1) {
      values.push(null);
      continue;
    }
    const full = paramTypes[i]!;
    const type = full & 0xff;
    const unsigned = (full & 0x8000) !== 0;
    switch (type) {
      case T.NULL: values.push(null); break;
      case T.TINY: values.push(BigInt(unsigned ? payload.readUInt8(p) : payload.readInt8(p))); p += 1; break;
      case T.SHORT: case T.YEAR: values.push(BigInt(unsigned ? payload.readUInt16LE(p) : payload.readInt16LE(p))); p += 2; break;
      case T.LONG: case T.INT24: values.push(BigInt(unsigned ? payload.readUInt32LE(p) : payload.readInt32LE(p))); p += 4; break;
      case T.LONGLONG: values.push(unsigned ? payload.readBigUInt64LE(p) : payload.readBigInt64LE(p)); p += 8; break;
      case T.FLOAT: values.push(payload.readFloatLE(p)); p += 4; break;
      case T.DOUBLE: values.push(payload.readDoubleLE(p)); p += 8; break;
      case T.DATE: case T.DATETIME: case T.TIMESTAMP: {
        const len = payload[p++]!;
        const y = len >= 4 ? payload.readUInt16LE(p) : 0;
        const [mo, d, h, mi, s] = [2, 3, 4, 5, 6].map((k) => (len > k ? payload[p + k]! : 0));
        const micros = len >= 11 ? payload.readUInt32LE(p + 7) : 0;
        p += len;
        const day = `${pad(y, 4)}-${pad(mo!)}-${pad(d!)}`;
        values.push({ date: type === T.DATE ? day : `${day} ${pad(h!)}:${pad(mi!)}:${pad(s!)}${micros ? `.${pad(micros, 6)}` : ''}` });
        break;
      }
      default: {
        // Strings, decimals, blobs, JSON, TIME: length-encoded bytes.
        const len = lenenc();
        values.push(payload.toString('utf8', p, p + len));
        p += len;
      }
    }
  }
  return { stmtId, values, types: paramTypes };
}

/**
 * COM_STMT_PREPARE's OK as StmtExecutor.sendStmtPrepareOK writes it: 0x00, statement id, columns,
 * parameters, a reserved byte, and — when definitions follow — no warnings and metadata_follows.
 * A query always has result columns there, so the FE always sends the long form for it;
 * `queryStatement` keeps that form when the columns are not described (mysql2 reads the warnings).
 */
export function prepareOkPayload(stmtId: number, columns: number, params: number, queryStatement = true): Buffer {
  const b = Buffer.alloc(queryStatement || columns > 0 || params > 0 ? 13 : 10);
  b.writeUInt32LE(stmtId, 1);
  b.writeUInt16LE(columns, 5);
  b.writeUInt16LE(params, 7);
  if (b.length === 13) b[12] = 1;
  return b;
}

function lengthEncodedBytes(s: Buffer): Buffer {
  const n = s.length;
  let head: Buffer;
  if (n < 251) head = Buffer.from([n]);
  else if (n < 0x10000) head = Buffer.from([0xfc, n & 0xff, n >> 8]);
  else if (n < 0x1000000) head = Buffer.from([0xfd, n & 0xff, (n >> 8) & 0xff, n >> 16]);
  else {
    head = Buffer.alloc(9);
    head[0] = 0xfe;
    head.writeBigUInt64LE(BigInt(n), 1);
  }
  return Buffer.concat([head, s]);
}

/** One value of a binary result row, from the text the FE would send for it in the text protocol. */
function binaryValue(col: MysqlColumn, text: string): Buffer {
  switch (col.columnType) {
    case T.TINY: { const b = Buffer.alloc(1); b.writeInt8(Number(text)); return b; }
    case T.SHORT: case T.YEAR: { const b = Buffer.alloc(2); b.writeInt16LE(Number(text)); return b; }
    case T.LONG: case T.INT24: { const b = Buffer.alloc(4); b.writeInt32LE(Number(text)); return b; }
    case T.LONGLONG: {
      const b = Buffer.alloc(8);
      const v = BigInt(text);
      if (v < 0n) b.writeBigInt64LE(v);
      else b.writeBigUInt64LE(v);
      return b;
    }
    case T.FLOAT: { const b = Buffer.alloc(4); b.writeFloatLE(Number(text)); return b; }
    case T.DOUBLE: { const b = Buffer.alloc(8); b.writeDoubleLE(Number(text)); return b; }
    case T.DATE: case T.DATETIME: case T.TIMESTAMP: {
      const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?)?$/.exec(text);
      if (!m) return lengthEncodedBytes(Buffer.from(text, 'utf8'));
      const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((k) => Number(m[k] ?? 0));
      const micros = m[7] ? Number(m[7].padEnd(6, '0')) : 0;
      const b = Buffer.alloc(12);
      b.writeUInt16LE(y!, 1);
      b[3] = mo!; b[4] = d!; b[5] = h!; b[6] = mi!; b[7] = s!;
      b.writeUInt32LE(micros, 8);
      // The shortest form that holds the value: date only (4), with the time (7), with microseconds (11).
      const len = micros ? 11 : (h || mi || s) ? 7 : 4;
      b[0] = len;
      return b.subarray(0, len + 1);
    }
    default:
      return lengthEncodedBytes(Buffer.from(text, 'utf8'));
  }
}

/** A binary result row: 0x00, the NULL bitmap (offset 2), the non-NULL values. */
export function binaryRowPayload(columns: readonly MysqlColumn[], texts: readonly (string | null)[]): Buffer {
  const bitmap = Buffer.alloc(Math.floor((columns.length + 7 + 2) / 8));
  const parts: Buffer[] = [Buffer.from([0]), bitmap];
  texts.forEach((text, i) => {
    if (text === null) {
      const bit = i + 2;
      bitmap[bit >> 3]! |= 1 << (bit & 7);
    } else {
      parts.push(binaryValue(columns[i]!, text));
    }
  });
  return Buffer.concat(parts);
}

/** A column definition (Protocol::ColumnDefinition41), for the parameters COM_STMT_PREPARE describes. */
export function columnDefinitionPayload(col: MysqlColumn): Buffer {
  const str = (s: string) => lengthEncodedBytes(Buffer.from(s, 'utf8'));
  const fixed = Buffer.alloc(13);
  fixed[0] = 0x0c;
  fixed.writeUInt16LE(col.characterSet, 1);
  fixed.writeUInt32LE(col.columnLength, 3);
  fixed[7] = col.columnType;
  fixed.writeUInt16LE(col.flags, 8);
  fixed[10] = col.decimals;
  return Buffer.concat([str(col.catalog), str(col.schema), str(col.table), str(col.orgTable), str(col.name), str(col.orgName), fixed]);
}
