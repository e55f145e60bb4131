// Value conversion between types (CAST, toX functions, INSERT) and the least
// common supertype used by if/multiIf/arrays/UNION.

import { EngineError } from '../errors.ts';
import {
  DATE32_MIN, DATE32_MAX, T, arrayOf, decimal, defaultTimezone, enumName, enumValue, intBits, intInRange, isFloat, isInteger, isNullable, isNumber,
  isUnsigned, lowCardinality, mapOf, nullable, parseDateTime64Text, parseText, serializeText, toFixedString, tupleOf, unwrapNullable, wrapInt,
} from '../types.ts';
import { formatIPv6 } from './ip.ts';
import { Uuid } from './uuid.ts';
import { decimalFits, decimalFromString, decimalSupertype, floatFitsDecimal } from './decimal-types.ts';
import type { DataType } from '../types.ts';
import { daysFromCivil, localParts, fromLocal } from '../time.ts';
import { Dec, isDec } from './decimal.ts';

export function toBig(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (isDec(v)) return v.rescale(0).unscaled;
  const n = v as number;
  if (!Number.isFinite(n)) return 0n;
  return BigInt(Math.trunc(n));
}

export function toNum(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return Number(v);
}

/** A number-like value as a decimal of `scale`. */
function toDec(v: unknown, src: DataType, scale: number): Dec {
  if (isDec(v)) return v.rescale(scale);
  if (typeof v === 'bigint') return Dec.fromBigInt(v, scale);
  if (typeof v === 'boolean') return Dec.fromBigInt(v ? 1n : 0n, scale);
  if (typeof v === 'number' && (isFloat(src) || !Number.isInteger(v))) return Dec.fromNumber(v, scale);
  return Dec.fromBigInt(BigInt(v as number), scale);
}

/** Numeric view of a value of a number-like type (Date → days, DateTime → seconds, Bool → 0/1). */
export function numericOf(v: unknown): number | bigint {
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v as number | bigint;
}

/** Convert `value` of type `from` to type `to`, with CAST semantics. */
export function convertValue(value: unknown, from: DataType, to: DataType, tz?: string): unknown {
  if (value === null) {
    if (isNullable(to) || to.kind === 'Nothing') return null;
    throw new EngineError('CANNOT_INSERT_NULL_IN_ORDINARY_COLUMN', `Cannot convert NULL value to non-Nullable type`);
  }
  const src = unwrapNullable(from);
  const dst = unwrapNullable(to);
  if (src.name === dst.name && src.kind !== 'Array' && src.kind !== 'Tuple' && src.kind !== 'Map') return value;
  switch (dst.kind) {
    case 'Nothing':
      return null;
    case 'String':
      if (src.kind === 'FixedString') return (value as string).replace(/\0+$/, '');
      return src.kind === 'String' ? value : serializeText(src, value, tz);
    case 'FixedString':
      return toFixedString(dst, src.kind === 'String' || src.kind === 'FixedString' ? (value as string).replace(/\0+$/, '') : serializeText(src, value, tz));
    case 'Array': {
      if (src.kind !== 'Array') {
        if (src.kind === 'String') return parseText(dst, value as string, tz);
        throw new EngineError('TYPE_MISMATCH', `CAST AS Array can only be performed between same-dimensional Array or String types`);
      }
      return (value as unknown[]).map((x) => convertValue(x, src.inner!, dst.inner!, tz));
    }
    case 'Tuple': {
      if (src.kind === 'String') return parseText(dst, value as string, tz);
      if (src.kind !== 'Tuple' || src.elements!.length !== dst.elements!.length) {
        throw new EngineError('TYPE_MISMATCH', `CAST AS Tuple can only be performed between tuple types or from String.\nLeft type: ${src.name}, right type: ${dst.name}`);
      }
      return (value as unknown[]).map((x, i) => convertValue(x, src.elements![i]!, dst.elements![i]!, tz));
    }
    case 'Map': {
      if (src.kind !== 'Map') {
        throw new EngineError('TYPE_MISMATCH', `Unsupported types to CAST AS Map. Left type: ${src.name}, right type: ${dst.name}`);
      }
      return (value as [unknown, unknown][]).map(([k, v]) => [convertValue(k, src.key!, dst.key!, tz), convertValue(v, src.inner!, dst.inner!, tz)]);
    }
    case 'Decimal': {
      if (src.kind === 'String') return decimalFromString(dst, value as string);
      if (isFloat(src) && !floatFitsDecimal(dst, value as number)) {
        throw new EngineError('DECIMAL_OVERFLOW', 'Decimal convert overflow. Float is out of Decimal range');
      }
      const d = toDec(value, src, dst.scale ?? 0);
      if (!decimalFits(dst, d)) {
        throw new EngineError('DECIMAL_OVERFLOW', isFloat(src) ? 'Decimal convert overflow. Float is out of Decimal range' : 'Decimal convert overflow');
      }
      return d;
    }
    case 'UUID': {
      if (src.kind === 'String' || src.kind === 'FixedString') return parseText(dst, (value as string).replace(/\0+$/, ''));
      if (src.kind === 'UInt128') return new Uuid((value as bigint).toString(16).padStart(32, '0'));
      throw new EngineError('CANNOT_CONVERT_TYPE', `Conversion from ${src.name} to UUID is not supported`);
    }
    case 'IPv4': {
      if (src.kind === 'String') return parseText(dst, value as string);
      if (src.kind === 'IPv6') {
        const h = value as string;
        if (!h.startsWith('00000000000000000000ffff')) throw new EngineError('CANNOT_CONVERT_TYPE', `IPv6 ${formatIPv6(h)} is not an IPv4-mapped address`);
        return parseInt(h.slice(24), 16);
      }
      return Number(BigInt.asUintN(32, toBig(numericOf(value))));
    }
    case 'IPv6': {
      if (src.kind === 'String') return parseText(dst, value as string);
      if (src.kind === 'IPv4') return `00000000000000000000ffff${(value as number).toString(16).padStart(8, '0')}`;
      return BigInt.asUintN(128, toBig(numericOf(value))).toString(16).padStart(32, '0');
    }
    case 'Enum8': case 'Enum16': {
      if (src.kind === 'String' || src.kind === 'FixedString') return enumValue(dst, (value as string).replace(/\0+$/, ''));
      if (src.kind === 'Enum8' || src.kind === 'Enum16') return enumValue(dst, enumName(src, value as number));
      const n = toNum(numericOf(value));
      const limit = dst.kind === 'Enum8' ? 128 : 32768;
      if (!(n >= -limit && n < limit)) throw new EngineError('CANNOT_CONVERT_TYPE', `Value ${n} cannot be converted to enum type`);
      if (!dst.enumValues!.some(([, v]) => v === n)) throw new EngineError('UNKNOWN_ELEMENT_OF_ENUM', `Unexpected value ${n} in enum`);
      return n;
    }
    case 'Bool':
      if (src.kind === 'String') return parseText(T.Bool, value as string);
      return toNum(numericOf(value)) !== 0;
    case 'Float32':
    case 'Float64': {
      const v = src.kind === 'String' ? parseText(dst, (value as string)) as number : toNum(numericOf(value));
      return dst.kind === 'Float32' ? Math.fround(v) : v;
    }
    case 'Date': case 'Date32': {
      const [lo, hi] = dst.kind === 'Date' ? [0, 65535] : [DATE32_MIN, DATE32_MAX];
      if (src.kind === 'String') return parseText(dst, value as string, tz);
      if (src.kind === 'Date' || src.kind === 'Date32') return Math.min(hi, Math.max(lo, value as number));
      if (src.kind === 'DateTime' || src.kind === 'DateTime64') {
        const secs = src.kind === 'DateTime' ? value as number : dt64Seconds(value as Dec);
        return Math.min(hi, Math.max(lo, localParts(secs, src.timezone ?? tz ?? defaultTimezone()).days));
      }
      const n = toNum(numericOf(value));
      // Numbers that fit a Date are days; bigger ones are taken as timestamps.
      if (dst.kind === 'Date32') return Math.min(hi, Math.max(lo, Math.trunc(n)));
      if (n <= 65535) return Math.max(0, Math.trunc(n));
      return Math.min(65535, localParts(Math.trunc(n), tz ?? defaultTimezone()).days);
    }
    case 'DateTime': {
      const zone = dst.timezone ?? tz ?? defaultTimezone();
      if (src.kind === 'String') return parseText(dst.timezone ? dst : { ...dst, timezone: zone }, value as string, zone);
      if (src.kind === 'Date' || src.kind === 'Date32') return Math.max(0, fromLocal((value as number) * 86400, zone));
      if (src.kind === 'DateTime') return value;
      if (src.kind === 'DateTime64') return Math.max(0, Math.min(4294967295, dt64Seconds(value as Dec)));
      const n = toNum(numericOf(value));
      return Math.max(0, Math.min(4294967295, Math.trunc(n)));
    }
    case 'DateTime64': {
      const zone = dst.timezone ?? tz ?? defaultTimezone();
      const p = dst.precision!;
      if (src.kind === 'String') return parseDateTime64Text(dst, value as string, zone);
      if (src.kind === 'DateTime64') return (value as Dec).rescale(p);
      if (src.kind === 'Date' || src.kind === 'Date32') return Dec.fromBigInt(BigInt(fromLocal((value as number) * 86400, zone)), p);
      if (src.kind === 'DateTime') return Dec.fromBigInt(BigInt(value as number), p);
      const d = toDec(value, src, p);
      return new Dec(d.unscaled, p);
    }
    case 'LowCardinality':
      return convertValue(value, src, dst.inner!, tz);
    default: {
      // Integers.
      if (src.kind === 'String') return parseText(dst, value as string, tz);
      if (src.kind === 'Decimal') return wrapInt(dst, (value as Dec).rescale(0).unscaled);
      if (src.kind === 'DateTime64') return wrapInt(dst, BigInt(dt64Seconds(value as Dec)));
      if (src.kind === 'UUID') return wrapInt(dst, (value as Uuid).toBigInt());
      if (src.kind === 'IPv6') return wrapInt(dst, BigInt(`0x${value as string}`));
      if (isFloat(src)) {
        const f = value as number;
        if (!Number.isFinite(f)) {
          throw new EngineError('CANNOT_CONVERT_TYPE', `Unexpected inf or nan to integer conversion`);
        }
        return wrapInt(dst, BigInt(Math.trunc(f)));
      }
      return wrapInt(dst, toBig(numericOf(value)));
    }
  }
}

/** Whole seconds of a DateTime64 value (toward minus infinity). */
export function dt64Seconds(v: Dec): number {
  const m = 10n ** BigInt(v.scale);
  let s = v.unscaled / m;
  if (v.unscaled % m < 0n) s -= 1n;
  return Number(s);
}

/** Accurate conversion for INSERT of literals: out-of-range integers are errors, not wrapped. */
export function checkedIntegerConversion(value: bigint, to: DataType): number | bigint {
  if (!intInRange(to, value)) {
    throw new EngineError('VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE', `Value ${value} cannot be represented as ${to.name}`);
  }
  return intBits(to) >= 64 ? value : Number(value);
}

function isDateLike(t: DataType): boolean {
  return t.kind === 'Date' || t.kind === 'Date32' || t.kind === 'DateTime' || t.kind === 'DateTime64';
}

/** Date < Date32 < DateTime < DateTime64 (the widest precision); DateTime keeps a time zone it names. */
function dateSupertype(types: DataType[]): DataType {
  const dt64 = types.filter((t) => t.kind === 'DateTime64');
  if (dt64.length > 0) {
    const p = Math.max(...dt64.map((t) => t.precision!));
    return dt64.find((t) => t.precision === p)!;
  }
  return types.find((t) => t.kind === 'DateTime') ?? types.find((t) => t.kind === 'Date32') ?? T.Date;
}

const CONTAINERS = new Set(['Array', 'Tuple', 'Map', 'LowCardinality']);
const isEnum = (t: DataType): boolean => t.kind === 'Enum8' || t.kind === 'Enum16';

/** ClickHouse's getLeastSupertype for the types we support. */
export function leastSupertype(types: DataType[]): DataType {
  // LowCardinality stays only when every type is LowCardinality.
  if (types.length > 0 && types.every((t) => t.kind === 'LowCardinality')) return lowCardinality(leastSupertype(types.map((t) => t.inner!)));
  const isNothing = (t: DataType): boolean => t.kind === 'Nothing' || (t.kind === 'Nullable' && t.inner!.kind === 'Nothing');
  const nonNothing = types.filter((t) => !isNothing(t));
  const anyNullable = types.some((t) => isNullable(t) || t.kind === 'Nothing');
  if (nonNothing.length === 0) return types.length > 0 ? nullable(T.Nothing) : T.Nothing;
  const bases = nonNothing.map(unwrapNullable);
  let result: DataType;
  // A Tuple can be Nullable as a supertype ([t, NULL]), though no column can be declared so.
  const wrap = (t: DataType): DataType => (anyNullable && (!CONTAINERS.has(t.kind) || t.kind === 'Tuple') ? nullable(t) : t);
  if (bases.every((t) => t.name === bases[0]!.name)) {
    result = bases[0]!;
  } else if (bases.every((t) => t.kind === 'Array')) {
    result = arrayOf(leastSupertype(bases.map((t) => t.inner!)));
  } else if (bases.every((t) => t.kind === 'Tuple' && t.elements!.length === bases[0]!.elements!.length)) {
    const first = bases[0]!;
    const sameNames = bases.every((t) => t.names && first.names && t.names.join('\0') === first.names.join('\0'));
    result = tupleOf(first.elements!.map((_, i) => leastSupertype(bases.map((t) => t.elements![i]!))), sameNames ? first.names : undefined);
  } else if (bases.every((t) => t.kind === 'Map')) {
    result = mapOf(leastSupertype(bases.map((t) => t.key!)), leastSupertype(bases.map((t) => t.inner!)));
  } else if (bases.some((t) => CONTAINERS.has(t.kind))) {
    const kind = bases.find((t) => CONTAINERS.has(t.kind))!.kind;
    throw new EngineError('NO_COMMON_TYPE', `There is no supertype for types ${types.map((t) => t.name).join(', ')} because some of them are ${kind} and some of them are not`);
  } else if (bases.every((t) => t.kind === 'String' || t.kind === 'FixedString' || isEnum(t)) && !bases.every(isEnum)) {
    result = T.String;
  } else if (bases.some(isEnum) && bases.every((t) => isEnum(t) || isInteger(t))) {
    // Enums of different definitions, or with integers, meet as their numbers.
    return leastSupertype(types.map((t) => (isEnum(unwrapNullable(t)) ? (unwrapNullable(t).kind === 'Enum8' ? T.Int8 : T.Int16) : t)));
  } else if (bases.every(isDateLike)) {
    result = dateSupertype(bases);
  } else if (bases.some((t) => t.kind === 'Decimal') && bases.every((t) => isNumber(t) || t.kind === 'Decimal' || t.kind === 'Bool')) {
    // Decimal with integers stays Decimal wide enough for both; with floats it becomes Float64.
    result = bases.some(isFloat) ? T.Float64 : decimalSupertype(bases);
  } else if (bases.every((t) => isNumber(t) || t.kind === 'Bool')) {
    const nums = bases.map((t) => (t.kind === 'Bool' ? T.UInt8 : t));
    if (nums.some(isFloat)) {
      const maxIntBits = Math.max(0, ...nums.filter(isInteger).map(intBits));
      result = nums.every((t) => t.kind === 'Float32' || (isInteger(t) && intBits(t) <= 16)) && maxIntBits <= 16 ? T.Float32 : T.Float64;
    } else {
      const maxUnsigned = Math.max(0, ...nums.filter(isUnsigned).map(intBits));
      const maxSigned = Math.max(0, ...nums.filter((t) => !isUnsigned(t)).map(intBits));
      if (maxSigned === 0) result = intTypeOf(maxUnsigned, false);
      else if (maxUnsigned === 0) result = intTypeOf(maxSigned, true);
      else {
        const bits = maxUnsigned >= maxSigned ? maxUnsigned * 2 : maxSigned;
        if (bits > 256) {
          throw new EngineError('NO_COMMON_TYPE', `There is no supertype for types ${types.map((t) => t.name).join(', ')} because some of them are signed integers and some are unsigned integers, but there is no signed integer type, that can exactly represent all required unsigned integer values`);
        }
        result = intTypeOf(bits, true);
      }
    }
  } else {
    const hasString = bases.some((t) => t.kind === 'String' || t.kind === 'FixedString' || t.kind === 'Enum8' || t.kind === 'Enum16');
    throw new EngineError('NO_COMMON_TYPE', `There is no supertype for types ${types.map((t) => t.name).join(', ')} because ${hasString ? 'some of them are String/FixedString/Enum and some of them are not' : 'some of them have no lossless conversion to Float64'}`);
  }
  return wrap(result);
}

export function intTypeOf(bits: number, signed: boolean): DataType {
  const b = bits <= 8 ? 8 : bits <= 16 ? 16 : bits <= 32 ? 32 : bits <= 64 ? 64 : bits <= 128 ? 128 : 256;
  return (T as Record<string, DataType>)[`${signed ? 'Int' : 'UInt'}${b}`]!;
}

/** Type of an integer literal: the smallest type that holds it, unsigned when non-negative. */
export function literalIntType(v: bigint): DataType {
  if (v >= 0n) {
    if (v < 256n) return T.UInt8;
    if (v < 65536n) return T.UInt16;
    if (v < 4294967296n) return T.UInt32;
    if (v < 18446744073709551616n) return T.UInt64;
    // ClickHouse makes wider literals Float64; the StarRocks dialect reads them as LARGEINT.
    if (v < 2n ** 127n) return T.Int128;
    return T.Float64;
  }
  if (v >= -128n) return T.Int8;
  if (v >= -32768n) return T.Int16;
  if (v >= -2147483648n) return T.Int32;
  if (v >= -9223372036854775808n) return T.Int64;
  if (v >= -(2n ** 127n)) return T.Int128;
  return T.Float64;
}

/** Represent an integer literal in the layout of its type. */
export function literalIntValue(v: bigint, t: DataType): unknown {
  if (t.kind === 'Float64') return Number(v);
  return intBits(t) >= 64 ? v : Number(v);
}

export { daysFromCivil };
