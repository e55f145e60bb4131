// Functions of the composite and special types: tuples, maps, decimals,
// DateTime64, FixedString, UUID, LowCardinality.

import { EngineError } from '../errors.ts';
import {
  T, arrayOf, dateTime, dateTime64, decimal, defaultValue, fixedString, isInteger, lowCardinality, mapOf, tupleOf, unwrapNullable,
} from '../types.ts';
import type { DataType } from '../types.ts';
import { constant, NO_STATE } from '../expr/compiled.ts';
import type { Compiled, EvalState } from '../expr/compiled.ts';
import { compareValues } from '../values/compare.ts';
import { convertValue, leastSupertype } from '../values/convert.ts';
import { Dec, isDec } from '../values/decimal.ts';
import { Uuid } from '../values/uuid.ts';
import { isValidTimezone } from '../time.ts';
import { converter } from './conversion.ts';
import { argCount, illegalType, register, simple } from './registry.ts';

const constArg = (fn: string, a: Compiled | undefined, which: string): unknown => {
  if (!a || !a.isConst) throw new EngineError('ILLEGAL_COLUMN', `${which} argument for function ${fn} must be constant`);
  return a.constValue;
};

// ------------------------------------------------------------ tuples

register('tuple', (args) => {
  const type = tupleOf(args.map((a) => a.type));
  const evs = args.map((a) => a.ev);
  const ev = (row: unknown[], st: EvalState): unknown => evs.map((e) => e(row, st));
  const c: Compiled = args.every((a) => a.isConst) ? constant(type, ev([], NO_STATE)) : { type, ev };
  // `x IN (1, 2, 3)`: the right side is a set of the elements' common type.
  if (args.length > 0 && c.isConst) {
    try {
      const st = leastSupertype(args.map((a) => a.type));
      return Object.assign(c, { inSet: { type: st, values: args.map((a) => convertValue(a.constValue, a.type, st)) } });
    } catch {
      return c;
    }
  }
  return c;
});

register('tupleElement', (args, bc) => {
  argCount(bc.name, args, 2, 3);
  const [t, idx] = args as [Compiled, Compiled];
  const tt = unwrapNullable(t.type);
  if (tt.kind !== 'Tuple') throw new EngineError('ILLEGAL_TYPE_OF_ARGUMENT', `First argument for function ${bc.name} must be tuple or array of tuple. Actual ${t.type.name}`);
  const key = constArg(bc.name, idx, 'Second');
  let i: number;
  if (typeof key === 'string') {
    i = tt.names?.indexOf(key) ?? -1;
    if (i < 0) throw new EngineError('NOT_FOUND_COLUMN_IN_BLOCK', `Tuple doesn't have element with name '${key}'`);
  } else {
    i = Number(key) - 1;
    if (!(i >= 0 && i < tt.elements!.length)) throw new EngineError('ARGUMENT_OUT_OF_BOUND', `Tuple doesn't have element with index '${String(key)}'`);
  }
  const type = tt.elements![i]!;
  const ev = (row: unknown[], st: EvalState): unknown => {
    const v = t.ev(row, st) as unknown[] | null;
    return v === null ? null : v[i];
  };
  return t.isConst ? constant(type, ev([], NO_STATE)) : { type, ev };
});

// ------------------------------------------------------------ maps

register('map', (args, bc) => {
  if (args.length % 2 !== 0) throw new EngineError('NUMBER_OF_ARGUMENTS_DOESNT_MATCH', `Function ${bc.name} requires even number of arguments, but ${args.length} given`);
  const keys = args.filter((_, i) => i % 2 === 0);
  const vals = args.filter((_, i) => i % 2 === 1);
  const kt = keys.length ? leastSupertype(keys.map((a) => a.type)) : T.Nothing;
  const vt = vals.length ? leastSupertype(vals.map((a) => a.type)) : T.Nothing;
  const type = mapOf(kt, vt);
  const ev = (row: unknown[], st: EvalState): unknown =>
    keys.map((k, i) => [convertValue(k.ev(row, st), k.type, kt), convertValue(vals[i]!.ev(row, st), vals[i]!.type, vt)]);
  return args.every((a) => a.isConst) ? constant(type, ev([], NO_STATE)) : { type, ev };
});

/** m[k]: the value of the first pair whose key equals k, else the value type's default. */
export function mapElement(m: Compiled, k: Compiled): Compiled {
  const mt = unwrapNullable(m.type);
  const kt = mt.key!;
  const type = mt.inner!;
  const dflt = defaultValue(type);
  const ev = (row: unknown[], st: EvalState): unknown => {
    const pairs = m.ev(row, st) as [unknown, unknown][] | null;
    const key = k.ev(row, st);
    if (pairs === null || key === null) return dflt;
    const want = convertValue(key, k.type, kt);
    const hit = pairs.find(([x]) => compareValues(x, want) === 0);
    return hit ? hit[1] : dflt;
  };
  return m.isConst && k.isConst ? constant(type, ev([], NO_STATE)) : { type, ev };
}

const mapArg = (name: string, t: DataType): DataType => {
  if (t.kind !== 'Map') throw illegalType(name, t);
  return t;
};
register('mapKeys', simple({ min: 1, nullableResult: false, type: ([m]) => arrayOf(mapArg('mapKeys', m!).key!), impl: ([m]) => (m as [unknown, unknown][]).map(([k]) => k) }));
register('mapValues', simple({ min: 1, nullableResult: false, type: ([m]) => arrayOf(mapArg('mapValues', m!).inner!), impl: ([m]) => (m as [unknown, unknown][]).map(([, v]) => v) }));
register('mapContains', simple({
  min: 2,
  type: ([m]) => { mapArg('mapContains', m!); return T.UInt8; },
  impl: ([m, k], [mt, ktype]) => {
    const want = convertValue(k, ktype!, mt!.key!);
    return (m as [unknown, unknown][]).some(([x]) => compareValues(x, want) === 0) ? 1 : 0;
  },
}));

// ------------------------------------------------------------ decimals

for (const [bits, precision] of [[32, 9], [64, 18], [128, 38], [256, 76]] as const) {
  converter(`toDecimal${bits}`, (args) => {
    const s = constArg(`toDecimal${bits}`, args[1], 'Second');
    if (typeof s !== 'bigint' && typeof s !== 'number') throw new EngineError('ILLEGAL_TYPE_OF_ARGUMENT', `Illegal type of second argument of function toDecimal${bits}`);
    if (Number(s) > precision) throw new EngineError('ARGUMENT_OUT_OF_BOUND', `Scale ${Number(s)} is out of bounds (max scale: ${precision})`);
    return decimal(precision, Number(s));
  }, 2, 2);
}

register('toDecimalString', simple({
  min: 2,
  type: ([x, n]) => {
    if (!(x!.kind === 'Decimal' || isInteger(x!) || x!.kind === 'Float32' || x!.kind === 'Float64')) throw illegalType('toDecimalString', x!);
    if (!isInteger(n!)) throw illegalType('toDecimalString', n!, 2);
    return T.String;
  },
  impl: ([x, n], [xt]) => {
    const digits = Number(n);
    if (digits > 77) throw new EngineError('ARGUMENT_OUT_OF_BOUND', 'Too many fractional symbols requested, shall be at most 77');
    if (isDec(x)) return decimalString(x, digits);
    if (xt!.kind === 'Float32' || xt!.kind === 'Float64') return (x as number).toFixed(digits);
    return Dec.fromBigInt(BigInt(x as number | bigint), digits).toString();
  },
}));

/**
 * writeText(Decimal) with a fixed fractional length, as 26.7 has it: fewer
 * digits round the fraction half up on its own, so a carry out of the
 * fraction is lost (1.99 to one digit is `1.0`), and zero digits leave the point.
 */
function decimalString(x: Dec, digits: number): string {
  const sign = x.unscaled < 0n ? '-' : '';
  const abs = x.unscaled < 0n ? -x.unscaled : x.unscaled;
  const m = 10n ** BigInt(x.scale);
  const whole = (abs / m).toString();
  if (x.scale === 0) return digits === 0 ? `${sign}${whole}` : `${sign}${whole}.${'0'.repeat(digits)}`;
  let frac = abs % m;
  if (digits < x.scale) {
    frac /= 10n ** BigInt(x.scale - digits - 1);
    const carry = frac % 10n;
    frac /= 10n;
    if (carry >= 5n) frac += 1n;
    // Only the last `digits` digits are written: the carry is dropped.
    return `${sign}${whole}.${digits === 0 ? '' : frac.toString().padStart(digits, '0').slice(-digits)}`;
  }
  return `${sign}${whole}.${frac.toString().padStart(x.scale, '0')}${'0'.repeat(digits - x.scale)}`;
}

// ------------------------------------------------------------ DateTime64

function dt64Target(fn: string, args: Compiled[], at: number): DataType {
  const p = args[at] === undefined ? 3 : Number(constArg(fn, args[at], 'Second'));
  const tz = args[at + 1];
  if (tz && (!tz.isConst || typeof tz.constValue !== 'string')) throw new EngineError('ILLEGAL_TYPE_OF_ARGUMENT', `Illegal type of third argument of function ${fn}: timezone must be a constant string`);
  return dateTime64(p, tz?.constValue as string | undefined);
}

converter('toDateTime64', (args) => dt64Target('toDateTime64', args, 1), 2, 3);

register('now64', (args, bc) => {
  argCount(bc.name, args, 0, 2);
  const type = dt64Target('now64', args, 0);
  // The query's start in milliseconds, then scaled to the precision asked for.
  const ms = BigInt(Math.floor(bc.env.startTime * 1000));
  const p = type.precision!;
  const ticks = p >= 3 ? ms * 10n ** BigInt(p - 3) : ms / 10n ** BigInt(3 - p);
  return constant(type, new Dec(ticks, p));
}, true);

register('toTimeZone', (args, bc) => {
  argCount(bc.name, args, 2);
  const [d, z] = args as [Compiled, Compiled];
  const tz = constArg(bc.name, z, 'Second');
  const t = unwrapNullable(d.type);
  if (typeof tz !== 'string' || !isValidTimezone(tz)) throw new EngineError('BAD_ARGUMENTS', `Invalid time zone: ${String(tz)}`);
  if (t.kind !== 'DateTime' && t.kind !== 'DateTime64') throw illegalType(bc.name, d.type);
  // The instant stays; only the zone it is shown in changes.
  const type = t.kind === 'DateTime' ? dateTime(tz) : dateTime64(t.precision!, tz);
  return d.isConst ? constant(type, d.constValue) : { type, ev: d.ev };
}, true);

// ------------------------------------------------------------ the rest

register('toFixedString', (args, bc) => {
  argCount(bc.name, args, 2);
  const n = Number(constArg(bc.name, args[1], 'Second'));
  const to = fixedString(n);
  return simple({ min: 2, type: () => to, impl: ([v], [from]) => convertValue(v, from!, to) })(args, bc);
});

register('generateUUIDv4', simple({ min: 0, max: 1, volatile: true, type: () => T.UUID, impl: () => Uuid.random() }));

register('toLowCardinality', (args, bc) => {
  argCount(bc.name, args, 1);
  const a = args[0]!;
  const type = a.type.kind === 'LowCardinality' ? a.type : lowCardinality(a.type);
  return a.isConst ? constant(type, a.constValue) : { type, ev: a.ev };
});

