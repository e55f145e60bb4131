// Arithmetic with ClickHouse's result types (NumberTraits) and wrap-around.

import { EngineError } from '../errors.ts';
import { T, intBits, isFloat, isInteger, isNumber, isUnsigned, wrapInt } from '../types.ts';
import type { DataType } from '../types.ts';
import { intTypeOf, toBig, toNum, numericOf } from '../values/convert.ts';
import { Dec, isDec } from '../values/decimal.ts';
import { decimalArith, decimalResultType, storageBits } from '../values/decimal-types.ts';
import type { DecimalOp } from '../values/decimal-types.ts';
import { illegalType, register, simple } from './registry.ts';
import type { SimpleSpec } from './registry.ts';

const numericLike = (t: DataType): boolean => isNumber(t) || t.kind === 'Bool' || t.kind === 'Date' || t.kind === 'DateTime' || t.kind === 'Decimal';
const asNumberType = (t: DataType): DataType => (t.kind === 'Bool' ? T.UInt8 : t.kind === 'Date' ? T.UInt16 : t.kind === 'DateTime' ? T.UInt32 : t);

function check(name: string, types: DataType[]): DataType[] {
  types.forEach((t, i) => {
    if (!numericLike(t)) throw new EngineError('ILLEGAL_TYPE_OF_ARGUMENT', `Illegal types ${types.map((x) => x.name).join(' and ')} of arguments of function ${name}`);
    void i;
  });
  return types.map(asNumberType);
}

function additionType(a: DataType, b: DataType, subtraction: boolean): DataType {
  if (isFloat(a) || isFloat(b)) return T.Float64;
  // NumberTraits: the next size up to 64 bits; 64-bit and wider operands keep their width.
  const widest = Math.max(intBits(a), intBits(b));
  const bits = widest >= 64 ? widest : Math.min(64, widest * 2);
  const signed = subtraction || !isUnsigned(a) || !isUnsigned(b);
  return intTypeOf(bits, signed);
}

function intArith(t: DataType, a: unknown, b: unknown, op: (x: bigint, y: bigint) => bigint, opn: (x: number, y: number) => number): unknown {
  if (isFloat(t)) return opn(toNum(numericOf(a)), toNum(numericOf(b)));
  if (intBits(t) < 64) {
    const r = opn(toNum(numericOf(a)), toNum(numericOf(b)));
    if (Number.isSafeInteger(r)) return wrapInt(t, BigInt(r));
  }
  return wrapInt(t, op(toBig(numericOf(a)), toBig(numericOf(b))));
}

/** A date moved by whole days (Date, Date32) or seconds (DateTime, DateTime64, whose value is Dec seconds). */
function dateShift(t: DataType, d: unknown, n: unknown, sign: 1 | -1): unknown {
  if (t.kind === 'DateTime64') {
    const v = d as Dec;
    return new Dec(v.unscaled + BigInt(sign) * toBig(n) * 10n ** BigInt(v.scale), v.scale);
  }
  return toNum(numericOf(d)) + sign * toNum(numericOf(n));
}

/**
 * An operation with a Decimal side: exact (values/decimal-types.ts) with an
 * integer or another Decimal; with a float both sides become Float64.
 */
function decimalSide(op: DecimalOp, raw: DataType[]): { type: DataType; impl: (a: unknown, b: unknown) => unknown } | undefined {
  const [a, b] = raw.map(asNumberType) as [DataType, DataType];
  if (a.kind !== 'Decimal' && b.kind !== 'Decimal') return undefined;
  if (isFloat(a) || isFloat(b)) {
    const f = { plus: (x: number, y: number) => x + y, minus: (x: number, y: number) => x - y, multiply: (x: number, y: number) => x * y,
      divide: (x: number, y: number) => x / y, modulo: (x: number, y: number) => x % y }[op];
    return { type: T.Float64, impl: (x, y) => f(toNum(x), toNum(y)) };
  }
  const type = decimalResultType(op, a, b);
  return { type, impl: (x, y) => decimalArith(op, a, numericOf(x), b, numericOf(y)) };
}

function withDecimals(op: DecimalOp, spec: SimpleSpec): SimpleSpec {
  return {
    ...spec,
    type: (raw, args) => decimalSide(op, raw)?.type ?? spec.type(raw, args),
    impl: (vals, raw, st) => {
      const d = decimalSide(op, raw);
      return d ? d.impl(vals[0], vals[1]) : spec.impl(vals, raw, st);
    },
  };
}

// DateTime/Date +- integer keeps the date type.
const DATE_KINDS = new Set(['Date', 'Date32', 'DateTime', 'DateTime64']);
function dateArith(types: DataType[], raw: DataType[], sub: boolean): DataType | undefined {
  const [a, b] = raw;
  if (DATE_KINDS.has(a!.kind) && isInteger(b!)) return a;
  if (!sub && DATE_KINDS.has(b!.kind) && isInteger(a!)) return b;
  void types;
  return undefined;
}

register('plus', simple(withDecimals('plus', {
  min: 2,
  type: (raw) => dateArith(raw, raw, false) ?? (([a, b]) => additionType(a!, b!, false))(check('plus', raw)),
  impl: ([a, b], raw) => {
    const dt = dateArith(raw, raw, false);
    if (dt) return dateShift(dt, raw[0]!.kind === dt.kind ? a : b, raw[0]!.kind === dt.kind ? b : a, 1);
    const [x, y] = check('plus', raw);
    return intArith(additionType(x!, y!, false), a, b, (p, q) => p + q, (p, q) => p + q);
  },
})));

register('minus', simple(withDecimals('minus', {
  min: 2,
  type: (raw) => dateArith(raw, raw, true) ?? (([a, b]) => additionType(a!, b!, true))(check('minus', raw)),
  impl: ([a, b], raw) => {
    const dt = dateArith(raw, raw, true);
    if (dt) return dateShift(dt, a, b, -1);
    const [x, y] = check('minus', raw);
    return intArith(additionType(x!, y!, true), a, b, (p, q) => p - q, (p, q) => p - q);
  },
})));

register('multiply', simple(withDecimals('multiply', {
  min: 2,
  type: (raw) => { const [a, b] = check('multiply', raw); return additionType(a!, b!, false); },
  impl: ([a, b], raw) => {
    const [x, y] = check('multiply', raw);
    return intArith(additionType(x!, y!, false), a, b, (p, q) => p * q, (p, q) => p * q);
  },
})));

register('divide', simple(withDecimals('divide', {
  min: 2,
  type: (raw) => { check('divide', raw); return T.Float64; },
  impl: ([a, b]) => toNum(numericOf(a)) / toNum(numericOf(b)),
})));

function intDivType(a: DataType, b: DataType): DataType {
  if (isFloat(a) || isFloat(b)) return intTypeOf(64, true);
  // A Decimal divides as its native signed integer type.
  if (a.kind === 'Decimal' || b.kind === 'Decimal') return intTypeOf(a.kind === 'Decimal' ? storageBits(a.precision!) : intBits(a), true);
  return intTypeOf(intBits(a), !isUnsigned(a) || !isUnsigned(b));
}

register('intDiv', simple({
  min: 2,
  type: (raw) => { const [a, b] = check('intDiv', raw); return intDivType(a!, b!); },
  impl: ([a, b], raw) => {
    const [x, y] = check('intDiv', raw);
    const t = intDivType(x!, y!);
    if (isFloat(x!) || isFloat(y!)) {
      const q = toNum(numericOf(a)) / toNum(numericOf(b));
      if (!Number.isFinite(q)) throw new EngineError('ILLEGAL_DIVISION', 'Division by zero');
      return wrapInt(t, BigInt(Math.trunc(q)));
    }
    if (x!.kind === 'Decimal' || y!.kind === 'Decimal') {
      // Exact: a/b = (ua·10^sb) / (ub·10^sa) for unscaled ua, ub.
      const [ua, sa] = isDec(a) ? [a.unscaled, a.scale] : [toBig(numericOf(a)), 0];
      const [ub, sb] = isDec(b) ? [b.unscaled, b.scale] : [toBig(numericOf(b)), 0];
      if (ub === 0n) throw new EngineError('ILLEGAL_DIVISION', 'Division by zero');
      return wrapInt(t, (ua * 10n ** BigInt(sb)) / (ub * 10n ** BigInt(sa)));
    }
    const d = toBig(numericOf(b));
    if (d === 0n) throw new EngineError('ILLEGAL_DIVISION', 'Division by zero');
    return wrapInt(t, toBig(numericOf(a)) / d);
  },
}));

function moduloType(a: DataType, b: DataType): DataType {
  if (isFloat(a) || isFloat(b)) return T.Float64;
  return intTypeOf(intBits(b), !isUnsigned(a));
}

register('modulo', simple(withDecimals('modulo', {
  min: 2,
  type: (raw) => { const [a, b] = check('modulo', raw); return moduloType(a!, b!); },
  impl: ([a, b], raw) => {
    const [x, y] = check('modulo', raw);
    const t = moduloType(x!, y!);
    if (isFloat(t)) return toNum(numericOf(a)) % toNum(numericOf(b));
    const d = toBig(numericOf(b));
    if (d === 0n) throw new EngineError('ILLEGAL_DIVISION', 'Division by zero');
    return wrapInt(t, toBig(numericOf(a)) % d);
  },
})));

register('negate', simple({
  min: 1,
  type: ([a]) => {
    if (a!.kind === 'Decimal') return a!;
    const [t] = check('negate', [a!]);
    return isFloat(t!) ? T.Float64 : isUnsigned(t!) ? intTypeOf(Math.min(64, intBits(t!) * 2), true) : t!; },
  impl: ([a], [ta]) => {
    if (ta!.kind === 'Decimal') return new Dec(-(a as Dec).unscaled, (a as Dec).scale);
    const [t] = check('negate', [ta!]);
    if (isFloat(t!)) return -(a as number);
    const rt = isUnsigned(t!) ? intTypeOf(Math.min(64, intBits(t!) * 2), true) : t!;
    return wrapInt(rt, -toBig(numericOf(a)));
  },
}));

register('abs', simple({
  min: 1,
  type: ([a]) => {
    if (a!.kind === 'Decimal') return a!;
    const [t] = check('abs', [a!]);
    return isFloat(t!) ? t! : intTypeOf(intBits(t!), false); },
  impl: ([a], [ta]) => {
    if (ta!.kind === 'Decimal') { const d = a as Dec; return d.unscaled < 0n ? new Dec(-d.unscaled, d.scale) : d; }
    const [t] = check('abs', [ta!]);
    if (isFloat(t!)) return Math.abs(a as number);
    const v = toBig(numericOf(a));
    return wrapInt(intTypeOf(intBits(t!), false), v < 0n ? -v : v);
  },
}), true);

const floatFn = (name: string, f: (...x: number[]) => number, n = 1): void => {
  register(name, simple({
    min: n,
    type: (types) => { check(name, types); return T.Float64; },
    impl: (vals) => f(...vals.map((v) => toNum(numericOf(v)))),
  }), true);
};
floatFn('sqrt', Math.sqrt);
floatFn('exp', Math.exp);
floatFn('log', Math.log);
floatFn('ln', Math.log);
floatFn('log2', Math.log2);
floatFn('log10', Math.log10);
floatFn('sin', Math.sin);
floatFn('cos', Math.cos);
floatFn('tan', Math.tan);
floatFn('pow', Math.pow, 2);
floatFn('power', Math.pow, 2);
floatFn('pi', () => Math.PI, 0);
floatFn('e', () => Math.E, 0);

/**
 * Decimals round exactly and keep their type: round is half away from zero
 * (roundBankers half to even), floor/ceil/trunc go their way, to `digits`
 * places (negative: tens, hundreds).
 */
function roundDecimal(name: string, x: Dec, digits: number): Dec {
  if (digits >= x.scale) return x;
  const m = 10n ** BigInt(x.scale - digits);
  const q = x.unscaled / m;
  const rem = x.unscaled - q * m;
  let r = q;
  const up = rem > 0n ? 1n : rem < 0n ? -1n : 0n;
  switch (name) {
    case 'floor': if (rem < 0n) r -= 1n; break;
    case 'ceil': case 'ceiling': if (rem > 0n) r += 1n; break;
    case 'trunc': case 'truncate': break;
    default: {
      const twice = (rem < 0n ? -rem : rem) * 2n;
      if (twice > m || (twice === m && (name === 'round' || q % 2n !== 0n))) r += up;
    }
  }
  return new Dec(r * m, x.scale);
}

function roundLike(name: string, f: (x: number) => number): void {
  register(name, simple({
    min: 1,
    max: 2,
    type: (types) => { const [t] = check(name, [types[0]!]); return t!; },
    impl: ([x, digits], [t]) => {
      const d = digits === undefined ? 0 : toNum(digits);
      const tt = t!.kind === 'Bool' ? T.UInt8 : t!;
      if (isDec(x)) return roundDecimal(name, x, d);
      if (isInteger(tt)) {
        if (d >= 0) return x;
        const p = 10n ** BigInt(-d);
        const v = toBig(x);
        const q = BigInt(Math.round(f(Number(v) / Number(p))));
        return wrapInt(tt, q * p);
      }
      const p = Math.pow(10, d);
      const r = f((x as number) * p) / p;
      return tt.kind === 'Float32' ? Math.fround(r) : r;
    },
  }), true);
}
// ClickHouse's round() rounds half to even for floats (banker's rounding via nearbyint).
roundLike('round', (x) => {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
});
roundLike('roundBankers', (x) => {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
});
roundLike('floor', Math.floor);
roundLike('ceil', Math.ceil);
roundLike('ceiling', Math.ceil);
roundLike('trunc', Math.trunc);
roundLike('truncate', Math.trunc);

register('isNaN', simple({ min: 1, type: () => T.UInt8, impl: ([x]) => (typeof x === 'number' && Number.isNaN(x) ? 1 : 0) }));
register('isFinite', simple({ min: 1, type: () => T.UInt8, impl: ([x]) => (typeof x !== 'number' || Number.isFinite(x) ? 1 : 0) }));
register('isInfinite', simple({ min: 1, type: () => T.UInt8, impl: ([x]) => (typeof x === 'number' && (x === Infinity || x === -Infinity) ? 1 : 0) }));

void illegalType;
