// Result-set column definitions and text-protocol values, as a StarRocks FE
// sends them: MySQL type codes per StarRocks type (PrimitiveType →
// MysqlColType), text forms as the BE prints values.

import type { DataType } from '../../engine/types.ts';
import { formatDate, formatDateTime } from '../../engine/time.ts';
import { formatFloat, serializeText } from '../../engine/types.ts';
import type { Dec } from '../../engine/values/decimal.ts';

/** MySQL column type codes (include/mysql_com.h enum_field_types). */
export const MysqlType = {
  TINY: 1, SHORT: 2, LONG: 3, FLOAT: 4, DOUBLE: 5, LONGLONG: 8, DATE: 10, DATETIME: 12, NEWDECIMAL: 246, VAR_STRING: 253,
} as const;

const BINARY_CHARSET = 63;
const UTF8_CHARSET = 33;

/** The shape mysql2's ColumnDefinition.toPacket writes. */
export interface MysqlColumn {
  catalog: string;
  schema: string;
  table: string;
  orgTable: string;
  name: string;
  orgName: string;
  characterSet: number;
  columnLength: number;
  columnType: number;
  flags: number;
  decimals: number;
}

function base(t: DataType): DataType {
  return t.kind === 'Nullable' ? t.inner! : t;
}

export function mysqlColumn(name: string, type: DataType): MysqlColumn {
  const b = base(type);
  const col = (columnType: number, columnLength: number, decimals = 0, characterSet = BINARY_CHARSET): MysqlColumn => ({
    catalog: 'def', schema: '', table: '', orgTable: '', name, orgName: name, characterSet, columnLength, columnType, flags: 0, decimals,
  });
  switch (b.kind) {
    case 'Int8': case 'UInt8': case 'Bool': return col(MysqlType.TINY, 4);
    case 'Int16': case 'UInt16': return col(MysqlType.SHORT, 6);
    case 'Int32': case 'UInt32': return col(MysqlType.LONG, 11);
    case 'Int64': case 'UInt64': return col(MysqlType.LONGLONG, 20);
    // LARGEINT has no MySQL type; StarRocks sends it as a string.
    case 'Int128': return col(MysqlType.VAR_STRING, 40, 0, UTF8_CHARSET);
    case 'Float32': return col(MysqlType.FLOAT, 12, 31);
    case 'Float64': return col(MysqlType.DOUBLE, 22, 31);
    case 'Decimal': return col(MysqlType.NEWDECIMAL, b.precision! + 2, b.scale!);
    case 'Date': return col(MysqlType.DATE, 10);
    case 'DateTime': return col(MysqlType.DATETIME, 19);
    default: return col(MysqlType.VAR_STRING, 196596, 0, UTF8_CHARSET);
  }
}

function formatDouble(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  return String(x);
}

/** A value as the text protocol carries it; null stays NULL. */
export function mysqlText(type: DataType, v: unknown, timezone: string): string | null {
  if (v === null || v === undefined) return null;
  const b = base(type);
  switch (b.kind) {
    case 'Bool': return v ? '1' : '0';
    case 'Float32': return Number.isFinite(v as number) ? formatFloat(v as number, true) : formatDouble(v as number);
    case 'Float64': return formatDouble(v as number);
    case 'Decimal': return (v as Dec).toString();
    case 'Date': return formatDate(v as number);
    case 'DateTime': return formatDateTime(v as number, b.timezone ?? timezone);
    case 'String': return v as string;
    default: return typeof v === 'number' || typeof v === 'bigint' ? String(v) : serializeText(b, v, timezone);
  }
}
