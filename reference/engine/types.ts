// ClickHouse data types: their canonical names, parsing of type text, and the
// text forms the formats read and write. Values follow the layout in api.ts.

import { EngineError } from './errors.ts';
import { daysFromCivil, daysInMonth, formatDate, formatDateTime, fromLocal, isValidTimezone } from './time.ts';
import { Dec } from './values/decimal.ts';

export type TypeKind =
  | 'Nothing'
  | 'UInt8' | 'UInt16' | 'UInt32' | 'UInt64'
  | 'Int8' | 'Int16' | 'Int32' | 'Int64' | 'Int128'
  | 'Decimal'
  | 'Float32' | 'Float64'
  | 'String' | 'Bool' | 'Date' | 'DateTime'
  | 'Nullable' | 'Array';

export interface DataType {
  /** Canonical ClickHouse name, e.g. `Nullable(UInt8)`. */
  readonly name: string;
  readonly kind: TypeKind;
  /** Element type of Nullable and Array. */
  readonly inner?: DataType;
  /** Explicit timezone of DateTime('tz'). */
  readonly timezone?: string;
  /** Decimal(P, S): total digits and digits after the point. Values are Dec (values/decimal.ts). */
  readonly precision?: number;
  readonly scale?: number;
}

const simple = (kind: TypeKind): DataType => Object.freeze({ name: kind, kind });

export const T = {
  Nothing: simple('Nothing'),
  UInt8: simple('UInt8'),
  UInt16: simple('UInt16'),
  UInt32: simple('UInt32'),
  UInt64: simple('UInt64'),
  Int8: simple('Int8'),
  Int16: simple('Int16'),
  Int32: simple('Int32'),
  Int64: simple('Int64'),
  Int128: simple('Int128'),
  Float32: simple('Float32'),
  Float64: simple('Float64'),
  String: simple('String'),
  Bool: simple('Bool'),
  Date: simple('Date'),
  DateTime: simple('DateTime'),
} as const;

export function nullable(t: DataType): DataType {
  if (t.kind === 'Nullable') return t;
  return Object.freeze({ name: `Nullable(${t.name})`, kind: 'Nullable', inner: t });
}

export function arrayOf(t: DataType): DataType {
  return Object.freeze({ name: `Array(${t.name})`, kind: 'Array', inner: t });
}

/** Decimal(P, S); P in 1..76, S in 0..P (ClickHouse's limits). */
export function decimal(precision: number, scale: number): DataType {
  if (!(precision >= 1 && precision <= 76)) {
    throw new EngineError('ARGUMENT_OUT_OF_BOUND', `Precision ${precision} is out of bounds (precision range: [1, 76])`);
  }
  if (!(scale >= 0 && scale <= precision)) {
    throw new EngineError('ARGUMENT_OUT_OF_BOUND', `Scale ${scale} is out of bounds (max scale: ${precision})`);
  }
  return Object.freeze({ name: `Decimal(${precision}, ${scale})`, kind: 'Decimal', precision, scale });
}

export function dateTime(tz?: string): DataType {
  if (tz === undefined) return T.DateTime;
  return Object.freeze({ name: `DateTime('${tz}')`, kind: 'DateTime', timezone: tz });
}

export const isNullable = (t: DataType): boolean => t.kind === 'Nullable';
export const unwrapNullable = (t: DataType): DataType => (t.kind === 'Nullable' ? t.inner! : t);
export const isInteger64 = (t: DataType): boolean => {
  const k = unwrapNullable(t).kind;
  return k === 'Int64' || k === 'UInt64' || k === 'Int128';
};

const INT_KINDS = new Set<TypeKind>(['UInt8', 'UInt16', 'UInt32', 'UInt64', 'Int8', 'Int16', 'Int32', 'Int64', 'Int128']);
export const isInteger = (t: DataType): boolean => INT_KINDS.has(t.kind);
export const isFloat = (t: DataType): boolean => t.kind === 'Float32' || t.kind === 'Float64';
export const isNumber = (t: DataType): boolean => isInteger(t) || isFloat(t);
export const isUnsigned = (t: DataType): boolean => t.kind.startsWith('UInt');
export const isStringType = (t: DataType): boolean => t.kind === 'String';

/** Bit width of an integer type. */
export function intBits(t: DataType): number {
  return Number(t.kind.replace(/^U?Int/, ''));
}

export function intType(bits: number, signed: boolean): DataType {
  const name = `${signed ? 'Int' : 'UInt'}${bits}` as TypeKind;
  return (T as Record<string, DataType>)[name]!;
}

/** In-memory width ClickHouse accounts for one value (progress bytes). */
export function valueBytes(t: DataType, v: unknown): number {
  switch (t.kind) {
    case 'UInt8': case 'Int8': case 'Bool': case 'Nothing': return 1;
    case 'UInt16': case 'Int16': case 'Date': return 2;
    case 'UInt32': case 'Int32': case 'Float32': case 'DateTime': return 4;
    case 'UInt64': case 'Int64': case 'Float64': return 8;
    case 'Int128': return 16;
    case 'Decimal': {
      const p = t.precision ?? 9;
      return p <= 9 ? 4 : p <= 18 ? 8 : p <= 38 ? 16 : 32;
    }
    // Its bytes and an 8-byte offset: 26.7's ColumnString keeps no terminating zero ('abc' is 11).
    case 'String': return typeof v === 'string' ? Buffer.byteLength(v) + 8 : 8;
    case 'Nullable': return 1 + (v === null ? valueBytes(t.inner!, defaultValue(t.inner!)) : valueBytes(t.inner!, v));
    case 'Array': {
      const arr = Array.isArray(v) ? v : [];
      let n = 8;
      for (const x of arr) n += valueBytes(t.inner!, x);
      return n;
    }
  }
}

/** The value a column holds when none is given (ClickHouse defaults). */
export function defaultValue(t: DataType): unknown {
  switch (t.kind) {
    case 'Nullable': case 'Nothing': return null;
    case 'UInt64': case 'Int64': case 'Int128': return 0n;
    case 'Decimal': return Dec.zero(t.scale ?? 0);
    case 'String': return '';
    case 'Bool': return false;
    case 'Array': return [];
    default: return 0;
  }
}

// ---------------------------------------------------------------- type text

const ALIASES: Record<string, string> = {
  TINYINT: 'Int8', INT1: 'Int8', BYTE: 'Int8', BOOL: 'Bool', BOOLEAN: 'Bool',
  SMALLINT: 'Int16', INT: 'Int32', INTEGER: 'Int32', MEDIUMINT: 'Int32', BIGINT: 'Int64',
  'TINYINT UNSIGNED': 'UInt8', 'SMALLINT UNSIGNED': 'UInt16', 'INT UNSIGNED': 'UInt32', 'BIGINT UNSIGNED': 'UInt64',
  FLOAT: 'Float32', REAL: 'Float32', SINGLE: 'Float32', DOUBLE: 'Float64', 'DOUBLE PRECISION': 'Float64',
  TEXT: 'String', VARCHAR: 'String', CHAR: 'String', CHARACTER: 'String', BLOB: 'String', CLOB: 'String',
  'CHAR VARYING': 'String', 'CHARACTER VARYING': 'String', NCHAR: 'String', NVARCHAR: 'String',
  VARCHAR2: 'String', TINYTEXT: 'String', MEDIUMTEXT: 'String', LONGTEXT: 'String', BINARY: 'String', VARBINARY: 'String',
  TIMESTAMP: 'DateTime', DECIMAL: 'Decimal', DEC: 'Decimal', NUMERIC: 'Decimal', FIXED: 'Decimal',
};

const FAMILIES = ['UInt8', 'UInt16', 'UInt32', 'UInt64', 'Int8', 'Int16', 'Int32', 'Int64', 'Int128', 'Float32', 'Float64',
  'String', 'Bool', 'Date', 'DateTime', 'Nullable', 'Array', 'Nothing', 'Decimal', 'Decimal32', 'Decimal64', 'Decimal128', 'Decimal256'];

class TypeTextParser {
  pos = 0;
  text: string;
  constructor(text: string) {
    this.text = text;
  }
  ws(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }
  peek(): string {
    this.ws();
    return this.text[this.pos] ?? '';
  }
  word(): string {
    this.ws();
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.pos));
    if (!m) throw syntax(this.text, this.pos);
    this.pos += m[0].length;
    return m[0];
  }
  type(): DataType {
    let name = this.word();
    // Multi-word SQL aliases such as `DOUBLE PRECISION` or `INT UNSIGNED`.
    for (;;) {
      const save = this.pos;
      this.ws();
      const m = /^[A-Za-z]+/.exec(this.text.slice(this.pos));
      if (m && ALIASES[`${name} ${m[0]}`.toUpperCase()] !== undefined) {
        name = `${name} ${m[0]}`;
        this.pos += m[0].length;
        continue;
      }
      this.pos = save;
      break;
    }
    let args: (DataType | string | number)[] | undefined;
    if (this.peek() === '(') {
      this.pos++;
      args = [];
      if (this.peek() !== ')') {
        for (;;) {
          const c = this.peek();
          if (c === "'") args.push(this.quoted());
          else if (/[0-9]/.test(c)) args.push(this.number());
          else args.push(this.type());
          if (this.peek() === ',') {
            this.pos++;
            continue;
          }
          break;
        }
      }
      if (this.peek() !== ')') throw syntax(this.text, this.pos);
      this.pos++;
    }
    return build(name, args);
  }
  quoted(): string {
    this.pos++;
    let out = '';
    while (this.pos < this.text.length && this.text[this.pos] !== "'") {
      if (this.text[this.pos] === '\\') this.pos++;
      out += this.text[this.pos++];
    }
    this.pos++;
    return out;
  }
  number(): number {
    const m = /^[0-9]+/.exec(this.text.slice(this.pos))!;
    this.pos += m[0].length;
    return Number(m[0]);
  }
}

function syntax(text: string, pos: number): EngineError {
  return new EngineError('SYNTAX_ERROR', `Syntax error: failed at position ${pos + 1}: ${text.slice(pos)}. Expected data type`);
}

function build(name: string, args: (DataType | string | number)[] | undefined): DataType {
  const canonical = FAMILIES.includes(name) ? name : ALIASES[name.toUpperCase()];
  if (canonical === undefined) {
    throw new EngineError('UNKNOWN_TYPE', `Unknown data type family: ${name}`);
  }
  const needArg = (n: number): void => {
    if ((args?.length ?? 0) !== n) {
      throw new EngineError('NUMBER_OF_ARGUMENTS_DOESNT_MATCH', `${canonical} data type family must have exactly ${n} argument${n === 1 ? '' : 's'}`);
    }
  };
  switch (canonical) {
    case 'Nullable': {
      needArg(1);
      const inner = args![0]!;
      if (typeof inner !== 'object') throw new EngineError('UNEXPECTED_EXPRESSION', 'Nullable data type family must have a type as its argument');
      if (inner.kind === 'Nullable' || inner.kind === 'Array') {
        throw new EngineError('ILLEGAL_TYPE_OF_ARGUMENT', `Nested type ${inner.name} cannot be inside Nullable type`);
      }
      return nullable(inner);
    }
    case 'Array': {
      needArg(1);
      const inner = args![0]!;
      if (typeof inner !== 'object') throw new EngineError('UNEXPECTED_EXPRESSION', 'Array data type family must have a type as its argument');
      return arrayOf(inner);
    }
    case 'Decimal': {
      // DECIMAL, DECIMAL(P) and DECIMAL(P, S); the SQL default is (10, 0).
      const [p = 10, s = 0] = (args ?? []) as number[];
      if ((args?.length ?? 0) > 2 || typeof p !== 'number' || typeof s !== 'number') {
        throw new EngineError('NUMBER_OF_ARGUMENTS_DOESNT_MATCH', 'Decimal data type family must have exactly two arguments: precision and scale');
      }
      return decimal(p, s);
    }
    case 'Decimal32': case 'Decimal64': case 'Decimal128': case 'Decimal256': {
      needArg(1);
      const s = args![0];
      if (typeof s !== 'number') throw new EngineError('ILLEGAL_TYPE_OF_ARGUMENT', `${canonical} data type family must have a number (scale) as its argument`);
      return decimal({ Decimal32: 9, Decimal64: 18, Decimal128: 38, Decimal256: 76 }[canonical], s);
    }
    case 'DateTime': {
      if (args === undefined || args.length === 0) return T.DateTime;
      const tz = args[0];
      if (typeof tz !== 'string') throw new EngineError('ILLEGAL_TYPE_OF_ARGUMENT', 'Timezone argument for DateTime data type must be string literal');
      if (!isValidTimezone(tz)) throw new EngineError('BAD_ARGUMENTS', `Invalid time zone: ${tz}`);
      return dateTime(tz);
    }
    default:
      // VARCHAR(255) and friends accept and ignore a length argument.
      if (args !== undefined && args.length > 0 && FAMILIES.includes(name)) {
        throw new EngineError('BAD_ARGUMENTS', `Data type ${canonical} cannot have arguments`);
      }
      return (T as Record<string, DataType>)[canonical]!;
  }
}

/** Parse a type name such as `Array(Nullable(String))`; UNKNOWN_TYPE (50) when unknown. */
export function parseType(text: string): DataType {
  const p = new TypeTextParser(text);
  const t = p.type();
  p.ws();
  if (p.pos !== text.length) throw syntax(text, p.pos);
  return t;
}

// ---------------------------------------------------------------- text output

// The fallback when a caller names no timezone. Each engine's own timezone
// travels with its queries; this is never changed, so two engines in one
// process (ClickHouse's, StarRocks') cannot change each other's times.
const serverTimezone = 'UTC';
export function defaultTimezone(): string {
  return serverTimezone;
}

/** ClickHouse prints floats in their shortest round-trip form, JS-style, without `e+`. */
export function formatFloat(x: number, single = false): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  let s: string;
  if (single) {
    s = String(x);
    for (let p = 1; p <= 9; p++) {
      const c = Number(x.toPrecision(p));
      if (Math.fround(c) === x) {
        s = String(c);
        break;
      }
    }
  } else {
    s = String(x);
  }
  return s.replace('e+', 'e');
}

/** Escape for a quoted string: ClickHouse's writeAnyEscapedString with `'`. */
export function quoteString(s: string): string {
  let out = "'";
  for (const ch of s) {
    switch (ch) {
      case '\\': out += '\\\\'; break;
      case "'": out += "\\'"; break;
      case '\b': out += '\\b'; break;
      case '\f': out += '\\f'; break;
      case '\n': out += '\\n'; break;
      case '\r': out += '\\r'; break;
      case '\t': out += '\\t'; break;
      case '\0': out += '\\0'; break;
      default: out += ch;
    }
  }
  return out + "'";
}

/** Plain text form of a non-NULL value, as toString() gives it. */
export function serializeText(type: DataType, value: unknown, tz?: string): string {
  switch (type.kind) {
    case 'Nullable':
      return value === null ? 'NULL' : serializeText(type.inner!, value, tz);
    case 'Nothing':
      return 'NULL';
    case 'Float32':
      return formatFloat(value as number, true);
    case 'Float64':
      return formatFloat(value as number);
    case 'Bool':
      return value ? 'true' : 'false';
    case 'Date':
      return formatDate(value as number);
    case 'DateTime':
      return formatDateTime(value as number, type.timezone ?? tz ?? serverTimezone);
    case 'String':
      return value as string;
    case 'Decimal':
      // output_format_decimal_trailing_zeros is off by default.
      return (value as Dec).toTrimmedString();
    case 'Array':
      return `[${(value as unknown[]).map((v) => serializeQuoted(type.inner!, v, tz)).join(',')}]`;
    default:
      return String(value);
  }
}

/** Values-format form: strings, dates quoted; NULL as `NULL`. */
export function serializeQuoted(type: DataType, value: unknown, tz?: string): string {
  if (value === null) return 'NULL';
  switch (type.kind) {
    case 'Nullable':
      return serializeQuoted(type.inner!, value, tz);
    case 'String':
    case 'Date':
    case 'DateTime':
      return quoteString(serializeText(type, value, tz));
    default:
      return serializeText(type, value, tz);
  }
}

// ---------------------------------------------------------------- text input

function cannotParse(text: string, type: DataType, detail = 'syntax error at begin of string'): EngineError {
  return new EngineError('CANNOT_PARSE_TEXT', `Cannot parse string '${text}' as ${type.name}: ${detail}`);
}

const INT_RANGE: Record<string, [bigint, bigint]> = {
  UInt8: [0n, 255n], UInt16: [0n, 65535n], UInt32: [0n, 4294967295n], UInt64: [0n, 18446744073709551615n],
  Int8: [-128n, 127n], Int16: [-32768n, 32767n], Int32: [-2147483648n, 2147483647n],
  Int64: [-9223372036854775808n, 9223372036854775807n],
  Int128: [-(2n ** 127n), 2n ** 127n - 1n],
};

/** Wrap an integer into the type's range the way a C++ cast does. */
export function wrapInt(type: DataType, v: bigint): number | bigint {
  const bits = intBits(type);
  const w = isUnsigned(type) ? BigInt.asUintN(bits, v) : BigInt.asIntN(bits, v);
  return bits >= 64 ? w : Number(w);
}

export function intInRange(type: DataType, v: bigint): boolean {
  const r = INT_RANGE[type.kind]!;
  return v >= r[0] && v <= r[1];
}

function parseIntText(type: DataType, text: string): number | bigint {
  const m = /^([+-]?)([0-9]+)$/.exec(text);
  if (!m) {
    const prefix = /^[+-]?[0-9]+/.exec(text);
    throw cannotParse(text, type, prefix ? `syntax error at position ${prefix[0].length} (parsed just '${prefix[0]}')` : undefined);
  }
  if (m[1] === '-' && isUnsigned(type)) {
    // ClickHouse reads the magnitude and negates it in the unsigned type.
    return wrapInt(type, -BigInt(m[2]!));
  }
  return wrapInt(type, BigInt(m[1] + m[2]!));
}

const FLOAT_RE = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

export function parseFloatText(type: DataType, text: string): number {
  const lower = text.toLowerCase();
  let v: number;
  if (/^[+-]?(nan)$/.test(lower)) v = NaN;
  else if (/^[+-]?(inf|infinity)$/.test(lower)) v = lower.startsWith('-') ? -Infinity : Infinity;
  else if (FLOAT_RE.test(text)) v = Number(text);
  else throw cannotParse(text, type);
  return type.kind === 'Float32' ? Math.fround(v) : v;
}

function parseDateText(text: string): number {
  const m = /^(\d{4})[-/.]?(\d{1,2})[-/.]?(\d{1,2})$/.exec(text);
  if (!m) {
    if (/^\d{1,5}$/.test(text)) return Number(text);
    throw new EngineError('CANNOT_PARSE_DATE', `Cannot parse date: value is too short: Cannot parse Date from String '${text}'`);
  }
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
    throw new EngineError('CANNOT_PARSE_DATE', `Cannot parse date: ${text}`);
  }
  const days = daysFromCivil(y, mo, d);
  return Math.min(Math.max(days, 0), 65535);
}

export function parseDateTimeText(text: string, tz: string): number {
  if (/^\d{1,10}$/.test(text) && text.length !== 8 && !/^\d{4}-/.test(text)) {
    return Math.min(Number(text), 4294967295);
  }
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2}):(\d{2})(?:\.\d+)?)?$/.exec(text);
  if (!m) {
    throw new EngineError('CANNOT_PARSE_DATETIME', `Cannot parse DateTime from String '${text}'`);
  }
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const hh = Number(m[4] ?? 0);
  const mi = Number(m[5] ?? 0);
  const ss = Number(m[6] ?? 0);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || hh > 23 || mi > 59 || ss > 59) {
    throw new EngineError('CANNOT_PARSE_DATETIME', `Cannot parse DateTime from String '${text}'`);
  }
  const local = daysFromCivil(y, mo, d) * 86400 + hh * 3600 + mi * 60 + ss;
  const epoch = fromLocal(local, tz);
  return Math.min(Math.max(epoch, 0), 4294967295);
}

const BOOL_TRUE = new Set(['true', 't', 'y', 'yes', 'on', 'enable', 'enabled', '1']);
const BOOL_FALSE = new Set(['false', 'f', 'n', 'no', 'off', 'disable', 'disabled', '0']);

/** Strict parse of one field's text into a value of `type`. */
export function parseText(type: DataType, text: string, tz?: string): unknown {
  switch (type.kind) {
    case 'Nullable':
      if (text === '\\N' || text === 'NULL') return null;
      return parseText(type.inner!, text, tz);
    case 'Nothing':
      if (text === '\\N' || text === 'NULL') return null;
      throw cannotParse(text, type);
    case 'String':
      return text;
    case 'Float32':
    case 'Float64':
      return parseFloatText(type, text);
    case 'Bool': {
      const l = text.toLowerCase();
      if (BOOL_TRUE.has(l)) return true;
      if (BOOL_FALSE.has(l)) return false;
      throw new EngineError('CANNOT_PARSE_BOOL', `Cannot parse boolean value here: '${text}', should be 'true' or 'false' controlled by setting bool_true_representation and bool_false_representation or one of True/False/T/F/Y/N/Yes/No/On/Off/Enable/Disable/Enabled/Disabled/1/0`);
    }
    case 'Date':
      return parseDateText(text);
    case 'DateTime':
      return parseDateTimeText(text, type.timezone ?? tz ?? serverTimezone);
    case 'Array':
      return parseArrayText(type, text, tz);
    case 'Decimal':
      return parseDecimalText(type, text);
    default:
      return parseIntText(type, text);
  }
}

/** Decimal text, checked against the type's precision (DECIMAL_OVERFLOW is reported as ARGUMENT_OUT_OF_BOUND). */
export function parseDecimalText(type: DataType, text: string): Dec {
  const d = Dec.parse(text, type.scale ?? 0);
  if (!d) throw cannotParse(text, type);
  checkDecimalPrecision(type, d);
  return d;
}

export function checkDecimalPrecision(type: DataType, d: Dec): void {
  const p = type.precision ?? 38;
  const s = type.scale ?? 0;
  if (d.integerDigits() > p - s) {
    throw new EngineError('ARGUMENT_OUT_OF_BOUND', `Decimal value ${d.toString()} is out of range of ${type.name}`);
  }
}

/** `[1,2]` / `['a','b']`: elements in their quoted forms. */
function parseArrayText(type: DataType, text: string, tz?: string): unknown[] {
  const r = readQuotedValue(type, text, 0, tz);
  let pos = r.end;
  while (pos < text.length && /\s/.test(text[pos]!)) pos++;
  if (pos !== text.length) throw cannotParse(text, type, `syntax error at position ${pos}`);
  return r.value as unknown[];
}

/** Read one value in Values/quoted form starting at `pos`; used for arrays and Values input. */
export function readQuotedValue(type: DataType, text: string, pos: number, tz?: string): { value: unknown; end: number } {
  const skip = (): void => {
    while (pos < text.length && /\s/.test(text[pos]!)) pos++;
  };
  skip();
  if (/^NULL\b/i.test(text.slice(pos, pos + 5)) && (type.kind === 'Nullable' || type.kind === 'Nothing')) {
    return { value: null, end: pos + 4 };
  }
  const base = unwrapNullable(type);
  if (base.kind === 'Array') {
    if (text[pos] !== '[') throw cannotParse(text, type);
    pos++;
    const out: unknown[] = [];
    skip();
    if (text[pos] === ']') return { value: out, end: pos + 1 };
    for (;;) {
      const r = readQuotedValue(base.inner!, text, pos, tz);
      out.push(r.value);
      pos = r.end;
      skip();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === ']') return { value: out, end: pos + 1 };
      throw cannotParse(text, type, `syntax error at position ${pos}`);
    }
  }
  if (text[pos] === "'") {
    const s = readQuotedString(text, pos);
    return { value: parseText(base, s.value, tz), end: s.end };
  }
  const m = /^[^,\])\s]+/.exec(text.slice(pos));
  if (!m) throw cannotParse(text.slice(pos), type);
  return { value: parseText(base, m[0], tz), end: pos + m[0].length };
}

const ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', '0': '\0', a: '\x07', v: '\v', e: '\x1b' };

/** A single-quoted string with backslash escapes and `''` doubling. */
export function readQuotedString(text: string, pos: number): { value: string; end: number } {
  let out = '';
  let i = pos + 1;
  for (;;) {
    if (i >= text.length) {
      throw new EngineError('CANNOT_PARSE_QUOTED_STRING', 'Cannot parse quoted string: expected closing quote');
    }
    const c = text[i]!;
    if (c === '\\') {
      const n = text[i + 1];
      if (n === undefined) throw new EngineError('CANNOT_PARSE_ESCAPE_SEQUENCE', 'Cannot parse escape sequence');
      if (n === 'x' && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 2, i + 4))) {
        out += String.fromCharCode(parseInt(text.slice(i + 2, i + 4), 16));
        i += 4;
        continue;
      }
      out += ESCAPES[n] ?? n;
      i += 2;
      continue;
    }
    if (c === "'") {
      if (text[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      return { value: out, end: i + 1 };
    }
    out += c;
    i++;
  }
}
