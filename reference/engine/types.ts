// ClickHouse data types: their canonical names, parsing of type text, and the
// text forms the formats read and write. Values follow the layout in api.ts.

import { EngineError } from './errors.ts';
import { daysFromCivil, daysInMonth, formatDate, formatDateTime, fromLocal, isValidTimezone } from './time.ts';
import { Dec } from './values/decimal.ts';
import { formatIPv4, formatIPv6, parseIPv4, parseIPv6 } from './values/ip.ts';
import { Uuid } from './values/uuid.ts';
import { hintsSuffix, nameHints } from './values/hints.ts';

export type TypeKind =
  | 'Nothing'
  | 'UInt8' | 'UInt16' | 'UInt32' | 'UInt64'
  | 'UInt128' | 'UInt256'
  | 'Int8' | 'Int16' | 'Int32' | 'Int64' | 'Int128' | 'Int256'
  | 'Decimal'
  | 'Float32' | 'Float64'
  | 'String' | 'FixedString' | 'Bool' | 'Date' | 'Date32' | 'DateTime' | 'DateTime64'
  | 'UUID' | 'IPv4' | 'IPv6' | 'Enum8' | 'Enum16'
  | 'Nullable' | 'Array' | 'Tuple' | 'Map' | 'LowCardinality';

export interface DataType {
  /** Canonical ClickHouse name, e.g. `Nullable(UInt8)`. */
  readonly name: string;
  readonly kind: TypeKind;
  /** Element type of Nullable, Array and LowCardinality; the value type of Map. */
  readonly inner?: DataType;
  /** Key type of Map. */
  readonly key?: DataType;
  /** Element types of Tuple, and their names when every element has one. */
  readonly elements?: readonly DataType[];
  readonly names?: readonly string[];
  /** Explicit timezone of DateTime('tz') and DateTime64(p, 'tz'). */
  readonly timezone?: string;
  /**
   * Decimal(P, S): total digits and digits after the point. Values are Dec (values/decimal.ts).
   * DateTime64(P): P is both precision and scale, values are Dec ticks of 10^-P seconds.
   */
  readonly precision?: number;
  readonly scale?: number;
  /** FixedString(N): N bytes. */
  readonly length?: number;
  /** Enum8/16: names and their numbers, in declaration order. */
  readonly enumValues?: readonly (readonly [string, number])[];
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
  Int256: simple('Int256'),
  UInt128: simple('UInt128'),
  UInt256: simple('UInt256'),
  Float32: simple('Float32'),
  Float64: simple('Float64'),
  String: simple('String'),
  Bool: simple('Bool'),
  Date: simple('Date'),
  Date32: simple('Date32'),
  DateTime: simple('DateTime'),
  UUID: simple('UUID'),
  IPv4: simple('IPv4'),
  IPv6: simple('IPv6'),
} as const;

export function nullable(t: DataType): DataType {
  if (t.kind === 'Nullable') return t;
  return Object.freeze({ name: `Nullable(${t.name})`, kind: 'Nullable', inner: t });
}

/** Whether Nullable(t) exists (makeNullableSafe leaves the others alone). */
export function canBeInsideNullable(t: DataType): boolean {
  return !['Array', 'Map', 'Tuple', 'Nullable', 'Nothing', 'Object', 'Variant', 'Dynamic', 'LowCardinality'].includes(t.kind);
}

export function arrayOf(t: DataType): DataType {
  return Object.freeze({ name: `Array(${t.name})`, kind: 'Array', inner: t });
}

/** Tuple(T1, T2) or, when every element is named, Tuple(a T1, b T2). */
export function tupleOf(elements: readonly DataType[], names?: readonly string[]): DataType {
  const named = names !== undefined && names.length === elements.length && names.length > 0;
  const body = elements.map((t, i) => (named ? `${backquoteIfNeeded(names[i]!)} ${t.name}` : t.name)).join(', ');
  return Object.freeze({ name: `Tuple(${body})`, kind: 'Tuple', elements: Object.freeze([...elements]), ...(named ? { names: Object.freeze([...names]) } : {}) });
}

/**
 * The name toTypeName() and DESCRIBE give (IDataType::getPrettyName): a
 * named Tuple puts each element on its own line, indented four spaces a level.
 */
export function prettyTypeName(t: DataType, indent = 0): string {
  switch (t.kind) {
    case 'Tuple': {
      if (!t.names) return `Tuple(${t.elements!.map((e) => prettyTypeName(e, indent)).join(', ')})`;
      const pad = ' '.repeat(indent + 4);
      return `Tuple(\n${t.elements!.map((e, i) => `${pad}${backquoteIfNeeded(t.names![i]!)} ${prettyTypeName(e, indent + 4)}`).join(',\n')})`;
    }
    case 'Array': return `Array(${prettyTypeName(t.inner!, indent)})`;
    case 'Nullable': return `Nullable(${prettyTypeName(t.inner!, indent)})`;
    case 'LowCardinality': return `LowCardinality(${prettyTypeName(t.inner!, indent)})`;
    case 'Map': return `Map(${prettyTypeName(t.key!, indent)}, ${prettyTypeName(t.inner!, indent)})`;
    default: return t.name;
  }
}

export function mapOf(key: DataType, value: DataType): DataType {
  return Object.freeze({ name: `Map(${key.name}, ${value.name})`, kind: 'Map', key, inner: value });
}

export function lowCardinality(t: DataType): DataType {
  if (t.kind === 'LowCardinality') return t;
  return Object.freeze({ name: `LowCardinality(${t.name})`, kind: 'LowCardinality', inner: t });
}

export function fixedString(n: number): DataType {
  if (!(n >= 1 && n <= 0xFFFFFF)) throw new EngineError('ARGUMENT_OUT_OF_BOUND', 'FixedString size must be positive and less than 16777216');
  return Object.freeze({ name: `FixedString(${n})`, kind: 'FixedString', length: n });
}

/** DateTime64(P[, 'tz']); P in 0..9. */
export function dateTime64(precision: number, tz?: string): DataType {
  if (!(precision >= 0 && precision <= 9)) {
    throw new EngineError('ARGUMENT_OUT_OF_BOUND', `Scale ${precision} is out of bounds (max scale: 9)`);
  }
  const name = tz === undefined ? `DateTime64(${precision})` : `DateTime64(${precision}, ${quoteString(tz)})`;
  return Object.freeze({ name, kind: 'DateTime64', precision, scale: precision, ...(tz !== undefined ? { timezone: tz } : {}) });
}

export function enumOf(kind: 'Enum8' | 'Enum16', values: readonly (readonly [string, number])[]): DataType {
  const [lo, hi] = kind === 'Enum8' ? [-128, 127] : [-32768, 32767];
  if (values.length === 0) throw new EngineError('EMPTY_DATA_PASSED', 'Enumeration cannot be empty');
  const names = new Set<string>();
  const numbers = new Set<number>();
  for (const [n, v] of values) {
    if (!Number.isInteger(v) || v < lo || v > hi) {
      throw new EngineError('ARGUMENT_OUT_OF_BOUND', `Value ${v} for element '${n}' exceeds range of ${kind}`);
    }
    if (names.has(n) || numbers.has(v)) {
      throw new EngineError('SYNTAX_ERROR', `Duplicate names or values in enum: '${n}' = ${v}`);
    }
    names.add(n);
    numbers.add(v);
  }
  // ClickHouse keeps (and names) the elements in the order of their numbers.
  const sorted = [...values].sort((a, b) => a[1] - b[1]);
  const body = sorted.map(([n, v]) => `${quoteString(n)} = ${v}`).join(', ');
  return Object.freeze({ name: `${kind}(${body})`, kind, enumValues: Object.freeze(sorted.map((e) => Object.freeze([e[0], e[1]] as const))) });
}

/** A tuple element name as ClickHouse writes it in a type name. */
function backquoteIfNeeded(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``;
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

/** LowCardinality(T) is T for every value and operation; only its name differs. */
export const stripLowCardinality = (t: DataType): DataType => (t.kind === 'LowCardinality' ? t.inner! : t);
export const isNullable = (t: DataType): boolean => stripLowCardinality(t).kind === 'Nullable';
export const unwrapNullable = (t: DataType): DataType => {
  const s = stripLowCardinality(t);
  return s.kind === 'Nullable' ? s.inner! : s;
};
export const isInteger64 = (t: DataType): boolean => {
  const b = unwrapNullable(t);
  return isInteger(b) && intBits(b) >= 64;
};

const INT_KINDS = new Set<TypeKind>(['UInt8', 'UInt16', 'UInt32', 'UInt64', 'UInt128', 'UInt256',
  'Int8', 'Int16', 'Int32', 'Int64', 'Int128', 'Int256']);
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
    case 'UInt8': case 'Int8': case 'Bool': case 'Nothing': case 'Enum8': return 1;
    case 'UInt16': case 'Int16': case 'Date': case 'Enum16': return 2;
    case 'UInt32': case 'Int32': case 'Float32': case 'DateTime': case 'Date32': case 'IPv4': return 4;
    case 'UInt64': case 'Int64': case 'Float64': case 'DateTime64': return 8;
    case 'Int128': case 'UInt128': case 'UUID': case 'IPv6': return 16;
    case 'Int256': case 'UInt256': return 32;
    case 'Decimal': {
      const p = t.precision ?? 9;
      return p <= 9 ? 4 : p <= 18 ? 8 : p <= 38 ? 16 : 32;
    }
    // Its bytes and an 8-byte offset: 26.7's ColumnString keeps no terminating zero ('abc' is 11).
    case 'String': return typeof v === 'string' ? Buffer.byteLength(v) + 8 : 8;
    case 'FixedString': return t.length!;
    case 'LowCardinality': return valueBytes(t.inner!, v);
    case 'Nullable': return 1 + (v === null ? valueBytes(t.inner!, defaultValue(t.inner!)) : valueBytes(t.inner!, v));
    case 'Array': {
      const arr = Array.isArray(v) ? v : [];
      let n = 8;
      for (const x of arr) n += valueBytes(t.inner!, x);
      return n;
    }
    case 'Tuple': {
      const arr = Array.isArray(v) ? v : [];
      return t.elements!.reduce((n, e, i) => n + valueBytes(e, arr[i] ?? defaultValue(e)), 0);
    }
    case 'Map': {
      const arr = Array.isArray(v) ? (v as [unknown, unknown][]) : [];
      let n = 8;
      for (const [k, x] of arr) n += valueBytes(t.key!, k) + valueBytes(t.inner!, x);
      return n;
    }
  }
}

/**
 * read_bytes of a LowCardinality(T) column (T not Nullable): an index per row
 * (UInt8 while the dictionary has at most 256 entries) and a dictionary of the
 * distinct values plus T's default, which it always holds first.
 */
export function lowCardinalityBytes(type: DataType, values: Iterable<unknown>): number | undefined {
  const inner = type.inner!;
  if (type.kind !== 'LowCardinality' || inner.kind === 'Nullable') return undefined;
  const seen = new Map<string, unknown>();
  let rows = 0;
  const keyOf = (v: unknown): string => (typeof v === 'bigint' ? `b${v}` : `${typeof v}:${String(v)}`);
  seen.set(keyOf(defaultValue(inner)), defaultValue(inner));
  for (const v of values) {
    rows++;
    seen.set(keyOf(v), v);
  }
  const width = seen.size <= 256 ? 1 : seen.size <= 65536 ? 2 : 4;
  let n = rows * width;
  for (const v of seen.values()) n += valueBytes(inner, v);
  return n;
}

/** Bytes a column of the type counts once, whatever its rows: ColumnFixedString adds its size_t N. */
export function columnOverheadBytes(t: DataType): number {
  switch (t.kind) {
    case 'FixedString': return 8;
    case 'Nullable': case 'Array': case 'LowCardinality': return columnOverheadBytes(t.inner!);
    case 'Map': return columnOverheadBytes(t.key!) + columnOverheadBytes(t.inner!);
    case 'Tuple': return t.elements!.reduce((n, e) => n + columnOverheadBytes(e), 0);
    default: return 0;
  }
}

/** The value a column holds when none is given (ClickHouse defaults). */
export function defaultValue(t: DataType): unknown {
  switch (t.kind) {
    case 'Nullable': case 'Nothing': return null;
    case 'UInt64': case 'Int64': case 'Int128': case 'UInt128': case 'Int256': case 'UInt256': return 0n;
    case 'Decimal': return Dec.zero(t.scale ?? 0);
    case 'DateTime64': return Dec.zero(t.precision!);
    case 'String': return '';
    case 'FixedString': return '\0'.repeat(t.length!);
    case 'Bool': return false;
    case 'Array': case 'Map': return [];
    case 'Tuple': return t.elements!.map(defaultValue);
    case 'LowCardinality': return defaultValue(t.inner!);
    case 'UUID': return Uuid.ZERO;
    case 'IPv6': return '0'.repeat(32);
    case 'Enum8': case 'Enum16': return t.enumValues![0]![1];
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
  INET4: 'IPv4', INET6: 'IPv6', 'BINARY VARYING': 'String', 'CHAR LARGE OBJECT': 'String',
};

const FAMILIES = ['UInt8', 'UInt16', 'UInt32', 'UInt64', 'UInt128', 'UInt256', 'Int8', 'Int16', 'Int32', 'Int64', 'Int128', 'Int256',
  'Float32', 'Float64', 'String', 'FixedString', 'Bool', 'Date', 'Date32', 'DateTime', 'DateTime64', 'UUID', 'IPv4', 'IPv6',
  'Enum', 'Enum8', 'Enum16', 'Nullable', 'Array', 'Tuple', 'Map', 'LowCardinality', 'Nothing',
  'Decimal', 'Decimal32', 'Decimal64', 'Decimal128', 'Decimal256'];

/** One argument of a type: a nested type (with its element name in a named Tuple), a string, a number, or `'name' = n`. */
type TypeArg = DataType | string | number | { enumName: string; value?: number } | { element: string; type: DataType };

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
    let args: TypeArg[] | undefined;
    if (this.peek() === '(') {
      this.pos++;
      args = [];
      if (this.peek() !== ')') {
        for (;;) {
          const c = this.peek();
          if (c === "'") {
            const q = this.quoted();
            if (this.peek() === '=') {
              this.pos++;
              this.ws();
              args.push({ enumName: q, value: this.number() });
            } else args.push(/^Enum/.test(name) ? { enumName: q } : q);
          } else if (/[-0-9]/.test(c)) args.push(this.number());
          else args.push(this.elementOrType());
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
    const m = /^-?[0-9]+/.exec(this.text.slice(this.pos));
    if (!m) throw syntax(this.text, this.pos);
    this.pos += m[0].length;
    return Number(m[0]);
  }
  /** `name Type` (a named Tuple element) or a type. */
  elementOrType(): TypeArg {
    const save = this.pos;
    this.ws();
    let name: string | undefined;
    if (this.text[this.pos] === '`') {
      this.pos++;
      name = '';
      while (this.pos < this.text.length && this.text[this.pos] !== '`') {
        if (this.text[this.pos] === '\\') this.pos++;
        name += this.text[this.pos++];
      }
      this.pos++;
    } else {
      const w = this.word();
      const after = this.pos;
      this.ws();
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.pos));
      if (m && ALIASES[`${w} ${m[0]}`.toUpperCase()] === undefined) name = w;
      else this.pos = after;
    }
    if (name === undefined) {
      this.pos = save;
      return this.type();
    }
    return { element: name, type: this.type() };
  }
}

function syntax(text: string, pos: number): EngineError {
  return new EngineError('SYNTAX_ERROR', `Syntax error: failed at position ${pos + 1}: ${text.slice(pos)}. Expected data type`);
}

function build(name: string, args: TypeArg[] | undefined): DataType {
  const canonical = FAMILIES.includes(name) ? name : ALIASES[name.toUpperCase()];
  if (canonical === undefined) {
    throw new EngineError('UNKNOWN_TYPE', `Unknown data type family: ${name}`);
  }
  const needArg = (n: number): void => {
    if ((args?.length ?? 0) !== n) {
      throw new EngineError('NUMBER_OF_ARGUMENTS_DOESNT_MATCH', `${canonical} data type family must have exactly ${n} argument${n === 1 ? '' : 's'}`);
    }
  };
  const typeArg = (a: TypeArg | undefined, what: string): DataType => {
    if (typeof a !== 'object' || !('kind' in a)) throw new EngineError('UNEXPECTED_AST_STRUCTURE', `${canonical} data type family must have ${what}`);
    return a;
  };
  switch (canonical) {
    case 'Nullable': {
      needArg(1);
      const inner = typeArg(args![0], 'a type as its argument');
      if (['Nullable', 'Array', 'Tuple', 'Map', 'LowCardinality'].includes(inner.kind)) {
        throw new EngineError('ILLEGAL_TYPE_OF_ARGUMENT', `Nested type ${inner.name} cannot be inside Nullable type`);
      }
      return nullable(inner);
    }
    case 'Array': {
      needArg(1);
      return arrayOf(typeArg(args![0], 'a type as its argument'));
    }
    case 'LowCardinality': {
      needArg(1);
      const inner = typeArg(args![0], 'a type as its argument');
      const base = inner.kind === 'Nullable' ? inner.inner! : inner;
      if (['Array', 'Tuple', 'Map', 'LowCardinality', 'Nothing'].includes(base.kind)) {
        throw new EngineError('ILLEGAL_TYPE_OF_ARGUMENT', `DataTypeLowCardinality is supported only for numbers, strings, Date or DateTime, but got ${inner.name}`);
      }
      return lowCardinality(inner);
    }
    case 'Tuple': {
      if (!args || args.length === 0) throw new EngineError('EMPTY_DATA_PASSED', 'Tuple cannot be empty');
      const elements = args.map((a) => (typeof a === 'object' && 'element' in a ? a.type : typeArg(a, 'types as its arguments')));
      const names = args.map((a) => (typeof a === 'object' && 'element' in a ? a.element : undefined));
      if (names.some((n) => n !== undefined) && names.some((n) => n === undefined)) {
        throw new EngineError('BAD_ARGUMENTS', 'Data type Tuple cannot have both named and unnamed elements');
      }
      return tupleOf(elements, names.every((n) => n !== undefined) ? names as string[] : undefined);
    }
    case 'Map': {
      needArg(2);
      const k = typeArg(args![0], 'two types as its arguments');
      const v = typeArg(args![1], 'two types as its arguments');
      const kb = stripLowCardinality(k);
      if (['Nullable', 'Array', 'Tuple', 'Map', 'Float32', 'Float64', 'Nothing'].includes(kb.kind)) {
        throw new EngineError('BAD_ARGUMENTS', `Map cannot have a key of type ${k.name}`);
      }
      return mapOf(k, v);
    }
    case 'FixedString': {
      needArg(1);
      const n = args![0];
      if (typeof n !== 'number') throw new EngineError('UNEXPECTED_AST_STRUCTURE', 'FixedString data type family must have a number (positive integer) as its argument');
      return fixedString(n);
    }
    case 'DateTime64': {
      if (!args || args.length < 1 || args.length > 2) {
        throw new EngineError('NUMBER_OF_ARGUMENTS_DOESNT_MATCH', 'DateTime64 data type can optionally have two argument - scale and time zone name');
      }
      const p = args[0];
      if (typeof p !== 'number') throw new EngineError('ILLEGAL_TYPE_OF_ARGUMENT', 'Scale argument for DateTime64 data type must be an integer literal');
      const tz = args[1];
      if (tz === undefined) return dateTime64(p);
      if (typeof tz !== 'string') throw new EngineError('ILLEGAL_TYPE_OF_ARGUMENT', 'Timezone argument for DateTime64 data type must be string literal');
      if (!isValidTimezone(tz)) throw new EngineError('BAD_ARGUMENTS', `Invalid time zone: ${tz}`);
      return dateTime64(p, tz);
    }
    case 'Enum': case 'Enum8': case 'Enum16': {
      if (!args || args.length === 0) throw new EngineError('EMPTY_DATA_PASSED', 'Enumeration cannot be empty');
      const explicit = args.every((a) => typeof a === 'object' && 'enumName' in a && a.value !== undefined);
      const implicit = args.every((a) => typeof a === 'object' && 'enumName' in a && a.value === undefined);
      if (!explicit && !implicit) {
        throw new EngineError('UNEXPECTED_AST_STRUCTURE', 'Elements of Enum data type must be of form: \'name\' = number or \'name\', where name is string literal and number is an integer');
      }
      // Without numbers, ClickHouse numbers the names from 1.
      const values = args.map((a, i) => [(a as { enumName: string }).enumName, explicit ? (a as { value: number }).value : i + 1] as const);
      const kind = canonical === 'Enum' ? (values.every(([, v]) => v >= -128 && v <= 127) ? 'Enum8' : 'Enum16') : canonical;
      return enumOf(kind, values);
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

/** Output settings the text of nested values follows (output_format_decimal_trailing_zeros). */
export interface TextOptions {
  decimalTrailingZeros?: boolean;
}

/** Plain text form of a non-NULL value, as toString() gives it. */
export function serializeText(type: DataType, value: unknown, tz?: string, opts?: TextOptions): string {
  switch (type.kind) {
    case 'Nullable':
      return value === null ? 'NULL' : serializeText(type.inner!, value, tz, opts);
    case 'LowCardinality':
      return serializeText(type.inner!, value, tz, opts);
    case 'Nothing':
      return 'NULL';
    case 'Float32':
      return formatFloat(value as number, true);
    case 'Float64':
      return formatFloat(value as number);
    case 'Bool':
      return value ? 'true' : 'false';
    case 'Date': case 'Date32':
      return formatDate(value as number);
    case 'DateTime':
      return formatDateTime(value as number, type.timezone ?? tz ?? serverTimezone);
    case 'DateTime64':
      return formatDateTime64(value as Dec, type.timezone ?? tz ?? serverTimezone);
    case 'String': case 'FixedString':
      return value as string;
    case 'Decimal':
      // output_format_decimal_trailing_zeros is off by default.
      return opts?.decimalTrailingZeros ? (value as Dec).toString() : (value as Dec).toTrimmedString();
    case 'UUID':
      return String(value);
    case 'IPv4':
      return formatIPv4(value as number);
    case 'IPv6':
      return formatIPv6(value as string);
    case 'Enum8': case 'Enum16':
      return enumName(type, value as number);
    case 'Array':
      return `[${(value as unknown[]).map((v) => serializeQuoted(type.inner!, v, tz, opts)).join(',')}]`;
    case 'Tuple':
      return `(${(value as unknown[]).map((v, i) => serializeQuoted(type.elements![i]!, v, tz, opts)).join(',')})`;
    case 'Map':
      return `{${(value as [unknown, unknown][]).map(([k, v]) => `${serializeQuoted(type.key!, k, tz, opts)}:${serializeQuoted(type.inner!, v, tz, opts)}`).join(',')}}`;
    default:
      return String(value);
  }
}

/** `YYYY-MM-DD hh:mm:ss.fff` with exactly P fractional digits. */
export function formatDateTime64(v: Dec, tz: string): string {
  const p = v.scale;
  if (p === 0) return formatDateTime(Number(v.unscaled), tz);
  const m = 10n ** BigInt(p);
  let secs = v.unscaled / m;
  let frac = v.unscaled % m;
  if (frac < 0n) {
    frac += m;
    secs -= 1n;
  }
  return `${formatDateTime(Number(secs), tz)}.${frac.toString().padStart(p, '0')}`;
}

export function enumName(type: DataType, v: number): string {
  const e = type.enumValues!.find(([, n]) => n === v);
  if (!e) throw new EngineError('UNKNOWN_ELEMENT_OF_ENUM', `Unexpected value ${v} in enum`);
  return e[0];
}

/** The number of an Enum name; a number in text names itself when the Enum has it. */
export function enumValue(type: DataType, text: string): number {
  const e = type.enumValues!.find(([n]) => n === text);
  if (e) return e[1];
  if (/^-?\d+$/.test(text)) {
    const n = Number(text);
    if (type.enumValues!.some(([, v]) => v === n)) return n;
    throw new EngineError('UNKNOWN_ELEMENT_OF_ENUM', `Unexpected value ${n} in enum`);
  }
  const hints = nameHints(text, type.enumValues!.map(([n]) => n));
  throw new EngineError('UNKNOWN_ELEMENT_OF_ENUM', `Unknown element '${text}' for enum${hintsSuffix(hints)}`);
}

/** Types whose Values-format form is in single quotes. */
const QUOTED_KINDS = new Set<TypeKind>(['String', 'FixedString', 'Date', 'Date32', 'DateTime', 'DateTime64', 'UUID', 'IPv4', 'IPv6', 'Enum8', 'Enum16']);

/** Values-format form: strings, dates quoted; NULL as `NULL`. */
export function serializeQuoted(type: DataType, value: unknown, tz?: string, opts?: TextOptions): string {
  if (value === null) return 'NULL';
  switch (type.kind) {
    case 'Nullable': case 'LowCardinality':
      return serializeQuoted(type.inner!, value, tz, opts);
    default:
      return QUOTED_KINDS.has(type.kind) ? quoteString(serializeText(type, value, tz, opts)) : serializeText(type, value, tz, opts);
  }
}

// ---------------------------------------------------------------- text input

function cannotParse(text: string, type: DataType, detail = 'syntax error at begin of string'): EngineError {
  return new EngineError('CANNOT_PARSE_TEXT', `Cannot parse string '${text}' as ${type.name}: ${detail}`);
}

/** Wrap an integer into the type's range the way a C++ cast does. */
export function wrapInt(type: DataType, v: bigint): number | bigint {
  const bits = intBits(type);
  const w = isUnsigned(type) ? BigInt.asUintN(bits, v) : BigInt.asIntN(bits, v);
  return bits >= 64 ? w : Number(w);
}

export function intInRange(type: DataType, v: bigint): boolean {
  const bits = intBits(type);
  return isUnsigned(type) ? BigInt.asUintN(bits, v) === v : BigInt.asIntN(bits, v) === v;
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
  // DateLUTImpl::makeDayNum: a month or day out of 1..12 / 1..31 is day 0
  // (1970-01-01); a day past the month's end runs into the next month.
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return 0;
  const days = daysFromCivil(y, mo, 1) + d - 1;
  return Math.min(Math.max(days, 0), 65535);
}

/** A string as FixedString(N): at most N UTF-8 bytes, padded with zero bytes. */
export function toFixedString(type: DataType, s: string): string {
  const n = type.length!;
  const bytes = Buffer.byteLength(s);
  if (bytes > n) throw new EngineError('TOO_LARGE_STRING_SIZE', `String too long for type ${type.name}`);
  return bytes === n ? s : s + '\0'.repeat(n - bytes);
}

// Date32 covers 1900-01-01 .. 2299-12-31; dates outside are clamped.
export const DATE32_MIN = daysFromCivil(1900, 1, 1);
export const DATE32_MAX = daysFromCivil(2299, 12, 31);

function parseDate32Text(text: string): number {
  const m = /^(\d{4})[-/.]?(\d{1,2})[-/.]?(\d{1,2})$/.exec(text);
  if (!m) {
    if (/^-?\d{1,6}$/.test(text)) return Math.min(Math.max(Number(text), DATE32_MIN), DATE32_MAX);
    throw new EngineError('CANNOT_PARSE_DATE', `Cannot parse date: value is too short: Cannot parse Date32 from String '${text}'`);
  }
  // A day past the month's end runs into the next month, as ClickHouse's date LUT does.
  const days = daysFromCivil(Number(m[1]), Number(m[2]), 1) + Number(m[3]) - 1;
  return Math.min(Math.max(days, DATE32_MIN), DATE32_MAX);
}

/** DateTime64 text: `YYYY-MM-DD[ hh:mm:ss[.fff]]` in `tz`, or seconds since the epoch with a fraction. */
export function parseDateTime64Text(type: DataType, text: string, tz: string): Dec {
  const p = type.precision!;
  const scale = 10n ** BigInt(p);
  const num = /^(-?\d+)(?:\.(\d*))?$/.exec(text);
  if (num && !(num[1]!.length === 8 && num[2] === undefined)) {
    const frac = BigInt((num[2] ?? '').slice(0, p).padEnd(p, '0') || '0');
    const secs = BigInt(num[1]!);
    return new Dec(secs * scale + (num[1]!.startsWith('-') ? -frac : frac), p);
  }
  const m = /^(\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}:\d{2})?)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new EngineError('CANNOT_PARSE_DATETIME', `Cannot parse DateTime64 from String '${text}'`);
  const secs = parseDateTimeText(m[1]!, tz, true);
  const frac = BigInt((m[2] ?? '').slice(0, p).padEnd(p, '0') || '0');
  return new Dec(BigInt(secs) * scale + frac, p);
}

export function parseDateTimeText(text: string, tz: string, unclamped = false): number {
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
  return unclamped ? epoch : Math.min(Math.max(epoch, 0), 4294967295);
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
    case 'LowCardinality':
      return parseText(type.inner!, text, tz);
    case 'Date':
      return parseDateText(text);
    case 'Date32':
      return parseDate32Text(text);
    case 'DateTime':
      return parseDateTimeText(text, type.timezone ?? tz ?? serverTimezone);
    case 'DateTime64':
      return parseDateTime64Text(type, text, type.timezone ?? tz ?? serverTimezone);
    case 'FixedString':
      return toFixedString(type, text);
    case 'UUID': {
      const u = Uuid.parse(text);
      if (!u) throw new EngineError('CANNOT_PARSE_UUID', `Cannot parse uuid ${text}: Cannot parse UUID from String`);
      return u;
    }
    case 'IPv4': {
      const v = parseIPv4(text);
      if (v === undefined) throw new EngineError('CANNOT_PARSE_IPV4', `Cannot parse IPv4 ${text}: Cannot parse IPv4 from String`);
      return v;
    }
    case 'IPv6': {
      const v = parseIPv6(text);
      if (v === undefined) throw new EngineError('CANNOT_PARSE_IPV6', `Cannot parse IPv6 ${text}: Cannot parse IPv6 from String`);
      return v;
    }
    case 'Enum8': case 'Enum16':
      return enumValue(type, text);
    case 'Array': case 'Tuple': case 'Map':
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
  if (base.kind === 'Tuple' || base.kind === 'Map') return readComposite(base, text, pos, tz);
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
  const m = /^[^,\]):}\s]+/.exec(text.slice(pos));
  if (!m) throw cannotParse(text.slice(pos), type);
  return { value: parseText(base, m[0], tz), end: pos + m[0].length };
}

/** `(a, b)` for a Tuple, `{k: v, ...}` for a Map (pairs kept in order, as ClickHouse keeps them). */
function readComposite(type: DataType, text: string, pos: number, tz?: string): { value: unknown; end: number } {
  const skip = (): void => {
    while (pos < text.length && /\s/.test(text[pos]!)) pos++;
  };
  const isMap = type.kind === 'Map';
  const [open, close] = isMap ? ['{', '}'] : ['(', ')'];
  if (text[pos] !== open) throw cannotParse(text, type);
  pos++;
  const out: unknown[] = [];
  skip();
  if (isMap && text[pos] === close) return { value: out, end: pos + 1 };
  for (let i = 0; ; i++) {
    if (isMap) {
      const k = readQuotedValue(type.key!, text, pos, tz);
      pos = k.end;
      skip();
      if (text[pos] !== ':') throw cannotParse(text, type, `syntax error at position ${pos}`);
      const v = readQuotedValue(type.inner!, text, pos + 1, tz);
      pos = v.end;
      out.push([k.value, v.value]);
    } else {
      const el = type.elements![i];
      if (!el) throw cannotParse(text, type, `syntax error at position ${pos}`);
      const r = readQuotedValue(el, text, pos, tz);
      pos = r.end;
      out.push(r.value);
    }
    skip();
    if (text[pos] === ',') {
      pos++;
      continue;
    }
    if (text[pos] === close && (isMap || out.length === type.elements!.length)) return { value: out, end: pos + 1 };
    throw cannotParse(text, type, `syntax error at position ${pos}`);
  }
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
