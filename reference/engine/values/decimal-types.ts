// Decimal(P, S) rules of ClickHouse: the native integer a precision is stored
// in (Decimal32/64/128/256), the range checks against it, and the result types
// of arithmetic and of getLeastSupertype. Values stay exact (Dec, bigint).

import { EngineError } from '../errors.ts';
import { decimal, intBits, isUnsigned } from '../types.ts';
import type { DataType } from '../types.ts';
import { Dec } from './decimal.ts';

/** The largest precision of the native integer that holds `precision` digits. */
export function storagePrecision(precision: number): number {
  return precision <= 9 ? 9 : precision <= 18 ? 18 : precision <= 38 ? 38 : 76;
}

export const storageBits = (precision: number): number => ({ 9: 32, 18: 64, 38: 128, 76: 256 })[storagePrecision(precision)]!;

/** The value fits the native integer of its type (ClickHouse checks overflow there, not against P). */
export function decimalFits(type: DataType, d: Dec): boolean {
  const bits = storageBits(type.precision!);
  return BigInt.asIntN(bits, d.unscaled) === d.unscaled;
}

/** A float times 10^S strictly inside the storage integer's range, compared as floats (convertToDecimalImpl). */
export function floatFitsDecimal(type: DataType, x: number): boolean {
  const bits = storageBits(type.precision!);
  const scaled = x * 10 ** type.scale!;
  return scaled < Number(2n ** BigInt(bits - 1) - 1n) && scaled > Number(-(2n ** BigInt(bits - 1)));
}

/** CAST from String: the digits past the scale are dropped, the native range is checked. */
export function decimalFromString(type: DataType, text: string): Dec {
  const d = Dec.parse(text, type.scale!);
  if (!d) throw new EngineError('CANNOT_PARSE_TEXT', `Cannot parse string '${text}' as ${type.name}: syntax error at begin of string`);
  if (!decimalFits(type, d)) throw new EngineError('DECIMAL_OVERFLOW', 'Decimal convert overflow');
  return d;
}

/** Digits an integer type needs as a decimal (ClickHouse's leastDecimalPrecisionFor). */
export function integerDigits(t: DataType): number {
  if (t.kind === 'Bool') return 3;
  const bits = intBits(t);
  if (bits === 64) return isUnsigned(t) ? 20 : 19;
  return { 8: 3, 16: 5, 32: 10, 128: 39, 256: 77 }[bits]!;
}

/**
 * getLeastSupertype of decimals and integers (getLeastSupertype.cpp): the
 * largest scale, and the widest storage among the decimals or that the largest
 * scale plus the digits of the widest integer needs. The decimals' own integer
 * digits do not count.
 */
export function decimalSupertype(types: DataType[]): DataType {
  const scale = Math.max(...types.map((t) => (t.kind === 'Decimal' ? t.scale! : 0)));
  const ints = types.filter((t) => t.kind !== 'Decimal');
  const need = scale + (ints.length ? Math.max(...ints.map(integerDigits)) : 0);
  if (need > 76) {
    throw new EngineError('ARGUMENT_OUT_OF_BOUND', `Decimal precision ${need} is out of bounds (precision range: [1, 76])`);
  }
  const widest = Math.max(...types.filter((t) => t.kind === 'Decimal').map((t) => storagePrecision(t.precision!)));
  return decimal(Math.max(widest, storagePrecision(Math.max(need, 1))), scale);
}

export type DecimalOp = 'plus' | 'minus' | 'multiply' | 'divide' | 'modulo';

/**
 * Result type of `a op b` where at least one side is Decimal (the other an
 * integer). With an integer the Decimal type is kept as it is; two decimals
 * give the wider storage's full precision and the scale of the operation.
 */
export function decimalResultType(op: DecimalOp, a: DataType, b: DataType): DataType {
  if (a.kind !== 'Decimal' || b.kind !== 'Decimal') return a.kind === 'Decimal' ? a : b;
  const precision = Math.max(storagePrecision(a.precision!), storagePrecision(b.precision!));
  let scale: number;
  switch (op) {
    case 'multiply': scale = a.scale! + b.scale!; break;
    case 'divide':
      if (b.scale! > a.scale!) throw new EngineError('ARGUMENT_OUT_OF_BOUND', "Decimal result's scale is less than argument's one");
      scale = a.scale!;
      break;
    default: scale = Math.max(a.scale!, b.scale!);
  }
  if (scale > precision) throw new EngineError('ARGUMENT_OUT_OF_BOUND', `Scale ${scale} is out of bounds (max scale: ${precision})`);
  return decimal(precision, scale);
}

/** A Decimal or integer operand as the unscaled integer it takes part with. */
function operand(t: DataType, v: unknown, scale: number): bigint {
  if (t.kind === 'Decimal') return (v as Dec).unscaled;
  const n = typeof v === 'bigint' ? v : BigInt(typeof v === 'boolean' ? (v ? 1 : 0) : (v as number));
  return n * 10n ** BigInt(scale);
}

/** Exact `a op b` with ClickHouse's scaling; DECIMAL_OVERFLOW past the result's native integer. */
export function decimalArith(op: DecimalOp, ta: DataType, a: unknown, tb: DataType, b: unknown): Dec {
  const rt = decimalResultType(op, ta, tb);
  const s = rt.scale!;
  // An integer side takes the Decimal side's scale; two decimals are rescaled to the result's.
  const sa = ta.kind === 'Decimal' ? ta.scale! : tb.scale!;
  const sb = tb.kind === 'Decimal' ? tb.scale! : ta.scale!;
  const x = operand(ta, a, sa);
  const y = operand(tb, b, sb);
  let r: bigint;
  switch (op) {
    case 'plus': case 'minus': {
      const xs = x * 10n ** BigInt(s - sa);
      const ys = y * 10n ** BigInt(s - sb);
      r = op === 'plus' ? xs + ys : xs - ys;
      break;
    }
    case 'multiply':
      // Decimal × integer keeps the scale; Decimal × Decimal adds them.
      r = ta.kind === 'Decimal' && tb.kind === 'Decimal' ? x * y : ta.kind === 'Decimal' ? x * (y / 10n ** BigInt(sb)) : (x / 10n ** BigInt(sa)) * y;
      break;
    case 'divide':
      if (y === 0n) throw new EngineError('ILLEGAL_DIVISION', 'Division by zero');
      r = (x * 10n ** BigInt(sb) * 10n ** BigInt(s - sa)) / y;
      break;
    case 'modulo':
      // ClickHouse takes the remainder of the raw scaled integers.
      if (y === 0n) throw new EngineError('ILLEGAL_DIVISION', 'Division by zero');
      r = (ta.kind === 'Decimal' ? x : x / 10n ** BigInt(sa)) % (tb.kind === 'Decimal' ? y : y / 10n ** BigInt(sb));
      break;
  }
  const d = new Dec(r, s);
  if (!decimalFits(rt, d)) throw new EngineError('DECIMAL_OVERFLOW', 'Decimal math overflow');
  return d;
}
