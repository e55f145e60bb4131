// Aggregate functions with ClickHouse's result types. NULL arguments are
// skipped; a Nullable argument makes sum/min/max/avg/any results Nullable.

import { EngineError } from './errors.ts';
import { T, arrayOf, decimal, isFloat, isInteger, isUnsigned, nullable, stripLowCardinality, unwrapNullable, defaultValue } from './types.ts';
import { Dec } from './values/decimal.ts';
import type { DataType } from './types.ts';
import { compareValues, valueKey } from './values/compare.ts';
import { toNum } from './values/convert.ts';

export interface AggregateState {
  add(vals: unknown[]): void;
  result(): unknown;
}

export interface AggregateDef {
  /** Result type from argument types; `params` are constant parameters (quantile(0.5)). */
  type(args: DataType[], params: unknown[]): DataType;
  create(args: DataType[], params: unknown[]): AggregateState;
  minArgs: number;
  maxArgs: number;
  /** count() counts rows even with NULLs when given no argument. */
  keepNulls?: boolean;
}

const defs = new Map<string, AggregateDef>();
const insensitive = new Map<string, AggregateDef>();

function reg(name: string, def: AggregateDef, caseInsensitive = false): void {
  defs.set(name, def);
  if (caseInsensitive) insensitive.set(name.toLowerCase(), def);
}

export function lookupAggregate(name: string): AggregateDef | undefined {
  const d = defs.get(name) ?? insensitive.get(name.toLowerCase());
  if (d) return d;
  // -If combinator: sumIf(x, cond), countIf(cond).
  if (name.endsWith('If') && name.length > 2) {
    const base = lookupAggregate(name.slice(0, -2));
    if (base) return ifCombinator(base);
  }
  return undefined;
}

export function allAggregateNames(): { name: string; caseInsensitive: boolean }[] {
  return [...defs.keys()].map((name) => ({ name, caseInsensitive: insensitive.has(name.toLowerCase()) }));
}

function ifCombinator(base: AggregateDef): AggregateDef {
  return {
    minArgs: base.minArgs + 1,
    maxArgs: base.maxArgs + 1,
    type: (args, params) => base.type(args.slice(0, -1), params),
    create: (args, params) => {
      const inner = base.create(args.slice(0, -1), params);
      return {
        add: (vals) => {
          const c = vals[vals.length - 1];
          if (c !== null && c !== 0 && c !== 0n && c !== false) inner.add(vals.slice(0, -1));
        },
        result: () => inner.result(),
      };
    },
    keepNulls: true,
  };
}

const anyNullable = (args: DataType[]): boolean => args.some((t) => t.kind === 'Nullable');

reg('count', {
  minArgs: 0,
  maxArgs: 1,
  type: () => T.UInt64,
  create: (args) => {
    let n = 0n;
    const nullableArg = args.length > 0 && (args[0]!.kind === 'Nullable' || args[0]!.kind === 'Nothing');
    return { add: (vals) => { if (!nullableArg || vals[0] !== null) n++; }, result: () => n };
  },
  keepNulls: true,
}, true);

function sumType(t: DataType): DataType {
  const b = unwrapNullable(t);
  if (isFloat(b)) return T.Float64;
  // ClickHouse widens sums: Decimal to 38 digits (76 beyond), Int128 stays Int128.
  if (b.kind === 'Decimal') return decimal(b.precision! > 38 ? 76 : 38, b.scale!);
  if (b.kind === 'Int128') return T.Int128;
  if (isInteger(b) || b.kind === 'Bool') return isUnsigned(b) || b.kind === 'Bool' ? T.UInt64 : T.Int64;
  throw new EngineError('ILLEGAL_TYPE_OF_ARGUMENT', `Illegal type ${t.name} of argument for aggregate function sum`);
}

reg('sum', {
  minArgs: 1,
  maxArgs: 1,
  type: (args) => (anyNullable(args) ? nullable(sumType(args[0]!)) : sumType(args[0]!)),
  create: (args) => {
    const rt = sumType(args[0]!);
    const float = rt.kind === 'Float64';
    const dec = rt.kind === 'Decimal';
    let f = 0;
    let i = 0n;
    let seen = false;
    const nullableResult = anyNullable(args);
    return {
      add: ([v]) => {
        seen = true;
        if (float) f += toNum(v);
        else if (dec) i += (v as Dec).rescale(rt.scale!).unscaled;
        else i += typeof v === 'bigint' ? v : BigInt(typeof v === 'boolean' ? (v ? 1 : 0) : (v as number));
      },
      result: () => {
        if (nullableResult && !seen) return null;
        if (float) return f;
        if (dec) return new Dec(i, rt.scale!);
        if (rt.kind === 'Int128') return BigInt.asIntN(128, i);
        return rt.kind === 'UInt64' ? BigInt.asUintN(64, i) : BigInt.asIntN(64, i);
      },
    };
  },
}, true);

reg('avg', {
  minArgs: 1,
  maxArgs: 1,
  type: (args) => {
    sumType(args[0]!);
    return anyNullable(args) ? nullable(T.Float64) : T.Float64;
  },
  create: (args) => {
    let s = 0;
    let n = 0;
    // Decimals sum exactly, then the sum as Float64 is divided (AvgFraction::divideIfAnyDecimal).
    const scale = unwrapNullable(args[0]!).kind === 'Decimal' ? unwrapNullable(args[0]!).scale! : undefined;
    let exact = 0n;
    const nullableResult = anyNullable(args);
    return {
      add: ([v]) => {
        if (scale !== undefined) exact += (v as Dec).rescale(scale).unscaled;
        else s += toNum(v);
        n++;
      },
      result: () => (n === 0 ? (nullableResult ? null : NaN) : scale !== undefined ? Number(exact) / 10 ** scale / n : s / n),
    };
  },
}, true);

/**
 * Aggregates that keep one row's arguments and answer its first: `replaces(row, kept)`
 * says whether a later row takes the kept one's place. With no row the answer is the
 * type's default, which is NULL for Nullable (and Nothing) arguments.
 */
function keepOneRow(name: string, arity: number, replaces: (row: unknown[], kept: unknown[]) => boolean, caseInsensitive = false): void {
  reg(name, {
    minArgs: arity,
    maxArgs: arity,
    // Aggregate states hold no LowCardinality: the result is the plain type.
    type: (args) => stripLowCardinality(args[0]!),
    create: (args) => {
      let kept: unknown[] | undefined;
      return {
        add: (row) => { if (kept === undefined || replaces(row, kept)) kept = row; },
        result: () => (kept ? kept[0] : defaultValue(args[0]!)),
      };
    },
  }, caseInsensitive);
}
keepOneRow('min', 1, ([v], [best]) => compareValues(v, best) < 0, true);
keepOneRow('max', 1, ([v], [best]) => compareValues(v, best) > 0, true);
keepOneRow('argMin', 2, ([, k], [, key]) => compareValues(k, key) < 0);
keepOneRow('argMax', 2, ([, k], [, key]) => compareValues(k, key) > 0);
keepOneRow('any', 1, () => false, true);
defs.set('first_value', defs.get('any')!);
keepOneRow('anyLast', 1, () => true);
defs.set('last_value', defs.get('anyLast')!);

function uniqDef(): AggregateDef {
  return {
    minArgs: 1,
    maxArgs: Infinity,
    type: () => T.UInt64,
    create: () => {
      const seen = new Set<string>();
      return {
        add: (vals) => { seen.add(vals.map(valueKey).join('\u0001')); },
        result: () => BigInt(seen.size),
      };
    },
  };
}
reg('uniq', uniqDef());
reg('uniqExact', uniqDef());
reg('uniqCombined', uniqDef());
reg('uniqHLL12', uniqDef());
reg('countDistinct', uniqDef());

reg('groupArray', {
  minArgs: 1,
  maxArgs: 1,
  type: (args) => arrayOf(unwrapNullable(args[0]!)),
  create: (_args, params) => {
    const out: unknown[] = [];
    const max = params.length ? Number(params[0]) : Infinity;
    return { add: ([v]) => { if (out.length < max) out.push(v); }, result: () => out };
  },
}, false);

reg('groupUniqArray', {
  minArgs: 1,
  maxArgs: 1,
  type: (args) => arrayOf(unwrapNullable(args[0]!)),
  create: () => {
    const out = new Map<string, unknown>();
    return { add: ([v]) => { out.set(valueKey(v), v); }, result: () => [...out.values()] };
  },
});

reg('quantile', {
  minArgs: 1,
  maxArgs: 1,
  type: () => T.Float64,
  create: (_args, params) => {
    const xs: number[] = [];
    const level = params.length ? Number(params[0]) : 0.5;
    return {
      add: ([v]) => { xs.push(toNum(v)); },
      result: () => {
        if (xs.length === 0) return NaN;
        xs.sort((a, b) => a - b);
        const pos = level * (xs.length - 1);
        const lo = Math.floor(pos);
        const hi = Math.ceil(pos);
        return xs[lo]! + (xs[hi]! - xs[lo]!) * (pos - lo);
      },
    };
  },
});
defs.set('median', defs.get('quantile')!);
