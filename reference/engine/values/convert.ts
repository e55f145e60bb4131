// Value conversion between types (CAST, toX functions, INSERT) and the least
// common supertype used by if/multiIf/arrays/UNION.

import { EngineError } from '../errors.ts';
import {
  T, arrayOf, checkDecimalPrecision, decimal, defaultTimezone, intBits, intInRange, isFloat, isInteger, isNumber, isUnsigned, nullable, parseText,
  serializeText, unwrapNullable, wrapInt,
} from '../types.ts';
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
  if (isFloat(src)) return Dec.fromNumber(v as number, scale);
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
    if (to.kind === 'Nullable' || to.kind === 'Nothing') return null;
    throw new EngineError('CANNOT_INSERT_NULL_IN_ORDINARY_COLUMN', `Cannot convert NULL value to non-Nullable type`);
  }
  const src = unwrapNullable(from);
  const dst = unwrapNullable(to);
  if (src.name === dst.name && src.kind !== 'Array') return value;
  switch (dst.kind) {
    case 'Nothing':
      return null;
    case 'String':
      return src.kind === 'String' ? value : serializeText(src, value, tz);
    case 'Array': {
      if (src.kind !== 'Array') {
        if (src.kind === 'String') return parseText(dst, value as string, tz);
        throw new EngineError('TYPE_MISMATCH', `CAST AS Array can only be performed between same-dimensional Array or String types`);
      }
      return (value as unknown[]).map((x) => convertValue(x, src.inner!, dst.inner!, tz));
    }
    case 'Decimal': {
      if (src.kind === 'String') return parseText(dst, value as string, tz);
      const d = toDec(value, src, dst.scale ?? 0);
      checkDecimalPrecision(dst, d);
      return d;
    }
    case 'Bool':
      if (src.kind === 'String') return parseText(T.Bool, value as string);
      return toNum(numericOf(value)) !== 0;
    case 'Float32':
    case 'Float64': {
      const v = src.kind === 'String' ? parseText(dst, (value as string)) as number : toNum(numericOf(value));
      return dst.kind === 'Float32' ? Math.fround(v) : v;
    }
    case 'Date': {
      if (src.kind === 'String') return parseText(T.Date, value as string, tz);
      if (src.kind === 'DateTime') return localParts(value as number, src.timezone ?? tz ?? defaultTimezone()).days;
      const n = toNum(numericOf(value));
      // Numbers that fit a Date are days; bigger ones are taken as timestamps.
      if (n <= 65535) return Math.max(0, Math.trunc(n));
      return Math.min(65535, localParts(Math.trunc(n), tz ?? defaultTimezone()).days);
    }
    case 'DateTime': {
      const zone = dst.timezone ?? tz ?? defaultTimezone();
      if (src.kind === 'String') return parseText(dst.timezone ? dst : { ...dst, timezone: zone }, value as string, zone);
      if (src.kind === 'Date') return Math.max(0, fromLocal((value as number) * 86400, zone));
      if (src.kind === 'DateTime') return value;
      const n = toNum(numericOf(value));
      return Math.max(0, Math.min(4294967295, Math.trunc(n)));
    }
    default: {
      // Integers.
      if (src.kind === 'String') return parseText(dst, value as string, tz);
      if (src.kind === 'Decimal') return wrapInt(dst, (value as Dec).rescale(0).unscaled);
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

/** Accurate conversion for INSERT of literals: out-of-range integers are errors, not wrapped. */
export function checkedIntegerConversion(value: bigint, to: DataType): number | bigint {
  if (!intInRange(to, value)) {
    throw new EngineError('VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE', `Value ${value} cannot be represented as ${to.name}`);
  }
  return intBits(to) >= 64 ? value : Number(value);
}

function isDateLike(t: DataType): boolean {
  return t.kind === 'Date' || t.kind === 'DateTime';
}

/** ClickHouse's getLeastSupertype for the types we support. */
export function leastSupertype(types: DataType[]): DataType {
  const isNothing = (t: DataType): boolean => t.kind === 'Nothing' || (t.kind === 'Nullable' && t.inner!.kind === 'Nothing');
  const nonNothing = types.filter((t) => !isNothing(t));
  const anyNullable = types.some((t) => t.kind === 'Nullable' || t.kind === 'Nothing');
  if (nonNothing.length === 0) return types.length > 0 ? nullable(T.Nothing) : T.Nothing;
  const bases = nonNothing.map(unwrapNullable);
  let result: DataType;
  const wrap = (t: DataType): DataType => (anyNullable && t.kind !== 'Array' ? nullable(t) : t);
  if (bases.every((t) => t.name === bases[0]!.name)) {
    result = bases[0]!;
  } else if (bases.every((t) => t.kind === 'Array')) {
    result = arrayOf(leastSupertype(bases.map((t) => t.inner!)));
  } else if (bases.every((t) => t.kind === 'String')) {
    result = T.String;
  } else if (bases.every(isDateLike)) {
    result = bases.find((t) => t.kind === 'DateTime') ?? T.Date;
  } else if (bases.some((t) => t.kind === 'Decimal') && bases.every((t) => isNumber(t) || t.kind === 'Decimal' || t.kind === 'Bool')) {
    // Decimal with integers stays Decimal wide enough for both; with floats it becomes Float64.
    if (bases.some(isFloat)) result = T.Float64;
    else {
      const scale = Math.max(...bases.map((t) => (t.kind === 'Decimal' ? t.scale! : 0)));
      const whole = Math.max(...bases.map((t) => (t.kind === 'Decimal' ? t.precision! - t.scale! : t.kind === 'Bool' ? 1 : Math.ceil(intBits(t) * 0.302))));
      result = decimal(Math.min(76, whole + scale), scale);
    }
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
        if (bits > 64) {
          throw new EngineError('NO_COMMON_TYPE', `There is no supertype for types ${types.map((t) => t.name).join(', ')} because some of them are signed integers and some are unsigned integers, but there is no signed integer type, that can exactly represent all required unsigned integer values`);
        }
        result = intTypeOf(bits, true);
      }
    }
  } else {
    const hasString = bases.some((t) => t.kind === 'String');
    throw new EngineError('NO_COMMON_TYPE', `There is no supertype for types ${types.map((t) => t.name).join(', ')} because ${hasString ? 'some of them are String/FixedString/Enum and some of them are not' : 'some of them have no lossless conversion to Float64'}`);
  }
  return wrap(result);
}

export function intTypeOf(bits: number, signed: boolean): DataType {
  const b = bits <= 8 ? 8 : bits <= 16 ? 16 : bits <= 32 ? 32 : bits <= 64 || !signed ? 64 : 128;
  return (T as Record<string, DataType>)[`${signed ? 'Int' : 'UInt'}${b}`]!;
}

/** Type of an integer literal: the smallest type that holds it, unsigned when non-negative. */
export function literalIntType(v: bigint): DataType {
  if (v >= 0n) {
    if (v < 256n) return T.UInt8;
    if (v < 65536n) return T.UInt16;
    if (v < 4294967296n) return T.UInt32;
    if (v < 18446744073709551616n) return T.UInt64;
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
