// StarRocks column types: parsing the declared text, the engine type that
// stores the values, and the spellings SHOW CREATE TABLE and DESC print.

import { T, decimal, nullable } from '../../engine/types.ts';
import type { DataType } from '../../engine/types.ts';
import type { StarRocksType } from './meta.ts';
import { analysisError } from './errors.ts';

const BASES: Record<string, StarRocksType['base']> = {
  TINYINT: 'TINYINT', SMALLINT: 'SMALLINT', INT: 'INT', INTEGER: 'INT', BIGINT: 'BIGINT', LARGEINT: 'LARGEINT',
  FLOAT: 'FLOAT', DOUBLE: 'DOUBLE', DECIMAL: 'DECIMAL', DECIMALV2: 'DECIMAL', DECIMAL32: 'DECIMAL', DECIMAL64: 'DECIMAL',
  DECIMAL128: 'DECIMAL', NUMERIC: 'DECIMAL', CHAR: 'CHAR', VARCHAR: 'VARCHAR', STRING: 'VARCHAR', TEXT: 'VARCHAR',
  DATE: 'DATE', DATETIME: 'DATETIME', BOOLEAN: 'BOOLEAN', BOOL: 'BOOLEAN', JSON: 'JSON',
};

/** The longest VARCHAR (and STRING's length). */
export const MAX_VARCHAR_LENGTH = 1048576;
export const STRING_LENGTH = 65533;

/** Parse `name[(args)]` as written in a column definition. */
export function parseStarRocksType(name: string, args: number[]): StarRocksType {
  const upper = name.toUpperCase();
  const base = BASES[upper];
  if (!base) throw analysisError(`Unsupported type specification: '${name}'`);
  switch (base) {
    case 'DECIMAL': {
      const precision = args[0] ?? (upper === 'DECIMAL32' ? 9 : upper === 'DECIMAL64' ? 18 : upper === 'DECIMAL128' ? 38 : 10);
      const scale = args[1] ?? 0;
      if (precision < 1 || precision > 38) throw analysisError(`DECIMAL's precision should range from 1 to 38`);
      if (scale < 0 || scale > precision) throw analysisError(`DECIMAL(P[,S]) type P must be greater than or equal to the value of S`);
      return { base, precision, scale };
    }
    case 'CHAR': {
      const length = args[0] ?? 1;
      if (length < 1 || length > 255) throw analysisError(`Char size must between 1 and 255. Size was set to: ${length}.`);
      return { base, length };
    }
    case 'VARCHAR': {
      const length = upper === 'STRING' || upper === 'TEXT' ? STRING_LENGTH : args[0] ?? 1;
      if (length < 1 || length > MAX_VARCHAR_LENGTH) {
        throw analysisError(`VARCHAR size must between 1 and ${MAX_VARCHAR_LENGTH}. Size was set to: ${length}.`);
      }
      return { base, length };
    }
    default:
      return { base };
  }
}

/** The engine type holding values of a StarRocks type (Nullable when the column allows NULL). */
export function engineType(t: StarRocksType, isNullable: boolean): DataType {
  const inner = ((): DataType => {
    switch (t.base) {
      case 'TINYINT': return T.Int8;
      case 'SMALLINT': return T.Int16;
      case 'INT': return T.Int32;
      case 'BIGINT': return T.Int64;
      case 'LARGEINT': return T.Int128;
      case 'FLOAT': return T.Float32;
      case 'DOUBLE': return T.Float64;
      case 'DECIMAL': return decimal(t.precision!, t.scale!);
      case 'DATE': return T.Date;
      case 'DATETIME': return T.DateTime;
      case 'BOOLEAN': return T.Bool;
      default: return T.String;
    }
  })();
  return isNullable ? nullable(inner) : inner;
}

function decimalFamily(p: number): string {
  return p <= 9 ? 'decimal32' : p <= 18 ? 'decimal64' : 'decimal128';
}

/** The type as SHOW CREATE TABLE prints it (Type.toSql): `int(11)`, `decimal64(10, 2)`, `varchar(65533)`. */
export function typeSql(t: StarRocksType): string {
  switch (t.base) {
    case 'TINYINT': return 'tinyint(4)';
    case 'SMALLINT': return 'smallint(6)';
    case 'INT': return 'int(11)';
    case 'BIGINT': return 'bigint(20)';
    case 'LARGEINT': return 'largeint(40)';
    case 'DECIMAL': return `${decimalFamily(t.precision!)}(${t.precision}, ${t.scale})`;
    case 'CHAR': return `char(${t.length})`;
    case 'VARCHAR': return `varchar(${t.length})`;
    default: return t.base.toLowerCase();
  }
}

/** The type as DESC prints it (canonicalName, lower-cased): `int`, `decimal64(10,2)`, `varchar(20)`. */
export function typeCanonical(t: StarRocksType): string {
  switch (t.base) {
    case 'DECIMAL': return `${decimalFamily(t.precision!)}(${t.precision},${t.scale})`;
    case 'CHAR': return `char(${t.length})`;
    case 'VARCHAR': return `varchar(${t.length})`;
    default: return t.base.toLowerCase();
  }
}

/** The StarRocks type of an engine type (result columns of expressions, CREATE TABLE AS SELECT). */
export function starRocksTypeOf(t: DataType): StarRocksType {
  const b = t.kind === 'Nullable' ? t.inner! : t;
  switch (b.kind) {
    case 'Int8': return { base: 'TINYINT' };
    case 'Int16': case 'UInt8': return { base: b.kind === 'UInt8' ? 'TINYINT' : 'SMALLINT' };
    case 'Int32': case 'UInt16': return { base: 'INT' };
    case 'Int64': case 'UInt32': return { base: 'BIGINT' };
    case 'UInt64': case 'Int128': return { base: 'LARGEINT' };
    case 'Float32': return { base: 'FLOAT' };
    case 'Float64': return { base: 'DOUBLE' };
    case 'Decimal': return { base: 'DECIMAL', precision: Math.min(38, b.precision!), scale: b.scale! };
    case 'Date': return { base: 'DATE' };
    case 'DateTime': return { base: 'DATETIME' };
    case 'Bool': return { base: 'BOOLEAN' };
    default: return { base: 'VARCHAR', length: STRING_LENGTH };
  }
}

/** PrimitiveType's name (`_schema`, error logs): `INT`, `VARCHAR`, `DECIMAL64`. */
export function primitiveTypeName(t: StarRocksType): string {
  return t.base === 'DECIMAL' ? decimalFamily(t.precision!).toUpperCase() : t.base;
}

/** The BE's TypeDescriptor::debug_string: `INT`, `VARCHAR(20)`, `DECIMAL64(10, 2)`. */
export function typeDebugString(t: StarRocksType): string {
  switch (t.base) {
    case 'DECIMAL': return `${primitiveTypeName(t)}(${t.precision}, ${t.scale})`;
    case 'CHAR': case 'VARCHAR': return `${t.base}(${t.length})`;
    default: return t.base;
  }
}
