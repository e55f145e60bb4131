// Comparison, boolean logic (three-valued with NULL) and conditionals.

import { EngineError } from '../errors.ts';
import { T, isNullable, isNumber, nullable, parseText, stripLowCardinality, unwrapNullable } from '../types.ts';
import type { DataType } from '../types.ts';
import { constant, NO_STATE } from '../expr/compiled.ts';
import type { Compiled, EvalState } from '../expr/compiled.ts';
import { compareValues } from '../values/compare.ts';
import { convertValue, leastSupertype, numericOf, toNum } from '../values/convert.ts';
import { argCount, register, simple } from './registry.ts';

const numericLike = (t: DataType): boolean => isNumber(t) || t.kind === 'Bool' || t.kind === 'Decimal';
const isDateKind = (t: DataType): boolean => t.kind === 'Date' || t.kind === 'Date32' || t.kind === 'DateTime' || t.kind === 'DateTime64';
const isStringKind = (t: DataType): boolean => t.kind === 'String' || t.kind === 'FixedString';
/** Types a string operand is read as (ClickHouse parses the constant to the other side's type). */
const PARSED_FROM_STRING = new Set(['Array', 'Tuple', 'UUID', 'IPv4', 'IPv6', 'Enum8', 'Enum16', 'FixedString']);

/** Bring two comparison operands to comparable values, parsing a string against the other side's type. */
function comparable(name: string, ta: DataType, tb: DataType): (a: unknown, b: unknown) => number {
  const illegal = (): EngineError => new EngineError('NO_COMMON_TYPE', `Illegal types of arguments (${ta.name}, ${tb.name}) of function ${name}`);
  if (ta.name === tb.name) return compareValues;
  const sa = isStringKind(ta);
  const sb = isStringKind(tb);
  const dateA = isDateKind(ta);
  const dateB = isDateKind(tb);
  if (sa && sb) {
    // FixedString keeps its zero padding; a String is padded to compare with it.
    const strip = (t: DataType) => (v: unknown): string => (t.kind === 'FixedString' ? (v as string).replace(/\0+$/, '') : v as string);
    return (a, b) => compareValues(strip(ta)(a), strip(tb)(b));
  }
  if (ta.kind === 'String' || tb.kind === 'String') {
    const other = ta.kind === 'String' ? tb : ta;
    if (!numericLike(other) && !isDateKind(other) && !PARSED_FROM_STRING.has(other.kind)) throw illegal();
    return ta.kind === 'String' ? (a, b) => compareValues(parseText(other, a as string), b) : (a, b) => compareValues(a, parseText(other, b as string));
  }
  if (dateA && dateB) {
    // Dates become seconds; DateTime64 values (Dec seconds) compare exactly against them.
    const secs = (t: DataType) => (v: unknown): unknown => (t.kind === 'Date' || t.kind === 'Date32' ? convertValue(v, t, T.DateTime) : v);
    return (a, b) => compareValues(secs(ta)(a), secs(tb)(b));
  }
  if ((ta.kind === 'Array' && tb.kind === 'Array') || (ta.kind === 'Tuple' && tb.kind === 'Tuple')) {
    const st = leastSupertype([ta, tb]);
    return (a, b) => compareValues(convertValue(a, ta, st), convertValue(b, tb, st));
  }
  const enumA = ta.kind === 'Enum8' || ta.kind === 'Enum16';
  const enumB = tb.kind === 'Enum8' || tb.kind === 'Enum16';
  if ((numericLike(ta) || dateA || enumA) && (numericLike(tb) || dateB || enumB)) return compareValues;
  throw illegal();
}

/** A Tuple with a Nullable element: comparing it can give NULL (any NULL element makes the answer NULL). */
const hasNullableElement = (t: DataType): boolean => t.kind === 'Tuple' && t.elements!.some((e) => isNullable(e) || e.kind === 'Nothing');

const and3 = (x: 0 | 1 | null, y: 0 | 1 | null): 0 | 1 | null => (x === 0 || y === 0 ? 0 : x === null || y === null ? null : 1);
const or3 = (x: 0 | 1 | null, y: 0 | 1 | null): 0 | 1 | null => (x === 1 || y === 1 ? 1 : x === null || y === null ? null : 0);

/**
 * Tuples with Nullable elements compare as ClickHouse expands them, element by
 * element in three-valued logic: equals is and(a1 = b1, ...), less is
 * or(a1 < b1, and(a1 = b1, ...)). A NULL literal element (Nothing) makes it NULL.
 */
function nullableTupleComparison(name: string, ta: DataType, tb: DataType, a: unknown[], b: unknown[]): 0 | 1 | null {
  if ([ta, tb].some((t) => t.elements!.some((e) => unwrapNullable(e).kind === 'Nothing'))) return null;
  const st = leastSupertype([ta, tb]);
  const x = convertValue(a, ta, st) as unknown[];
  const y = convertValue(b, tb, st) as unknown[];
  const cmp = (i: number): number | null => (x[i] === null || y[i] === null ? null : compareValues(x[i], y[i]));
  const test = (c: number | null, f: (c: number) => boolean): 0 | 1 | null => (c === null ? null : f(c) ? 1 : 0);
  const n = x.length;
  if (name === 'equals' || name === 'notEquals') {
    let r: 0 | 1 | null = name === 'equals' ? 1 : 0;
    for (let i = 0; i < n; i++) r = name === 'equals' ? and3(r, test(cmp(i), (c) => c === 0)) : or3(r, test(cmp(i), (c) => c !== 0));
    return r;
  }
  const strict = name === 'less' || name === 'lessOrEquals' ? (c: number) => c < 0 : (c: number) => c > 0;
  const last: Record<string, (c: number) => boolean> = {
    less: (c) => c < 0, lessOrEquals: (c) => c <= 0, greater: (c) => c > 0, greaterOrEquals: (c) => c >= 0,
  };
  let r = test(cmp(n - 1), last[name]!);
  for (let i = n - 2; i >= 0; i--) r = or3(test(cmp(i), strict), and3(test(cmp(i), (c) => c === 0), r));
  return r;
}

function comparison(name: string, test: (c: number) => boolean): void {
  register(name, simple({
    min: 2,
    type: (types) => {
      comparable(name, types[0]!, types[1]!);
      return types.some(hasNullableElement) ? nullable(T.UInt8) : T.UInt8;
    },
    impl: ([a, b], types) => {
      if (types.some(hasNullableElement)) return nullableTupleComparison(name, types[0]!, types[1]!, a as unknown[], b as unknown[]);
      const c = comparable(name, types[0]!, types[1]!)(a, b);
      // NaN compares unequal to everything, including itself.
      if ((typeof a === 'number' && Number.isNaN(a)) || (typeof b === 'number' && Number.isNaN(b))) return name === 'notEquals' ? 1 : 0;
      return test(c) ? 1 : 0;
    },
  }));
}
comparison('equals', (c) => c === 0);
comparison('notEquals', (c) => c !== 0);
comparison('less', (c) => c < 0);
comparison('greater', (c) => c > 0);
comparison('lessOrEquals', (c) => c <= 0);
comparison('greaterOrEquals', (c) => c >= 0);

function truthy(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return v !== 0n;
  return toNum(v) !== 0;
}

function checkLogicalArg(name: string, t: DataType): void {
  const b = unwrapNullable(t);
  if (!(numericLike(b) || b.kind === 'Nothing')) {
    throw new EngineError('ILLEGAL_TYPE_OF_ARGUMENT', `Illegal type (${t.name}) of ${'1'} argument of function ${name}`);
  }
}

function logical(name: 'and' | 'or' | 'xor'): void {
  register(name, (args, bc) => {
    argCount(bc.name, args, 2, Infinity);
    args.forEach((a) => checkLogicalArg(name, a.type));
    const anyNullable = args.some((a) => a.type.kind === 'Nullable' || a.type.kind === 'Nothing');
    const type = anyNullable ? nullable(T.UInt8) : T.UInt8;
    const ev = (row: unknown[], st: EvalState): unknown => {
      if (name === 'xor') {
        let r = false;
        for (const a of args) {
          const v = a.ev(row, st);
          if (v === null) return null;
          r = r !== truthy(v);
        }
        return r ? 1 : 0;
      }
      let sawNull = false;
      for (const a of args) {
        const v = a.ev(row, st);
        if (v === null) {
          sawNull = true;
          continue;
        }
        const t = truthy(v);
        if (name === 'and' && !t) return 0;
        if (name === 'or' && t) return 1;
      }
      if (sawNull) return null;
      return name === 'and' ? 1 : 0;
    };
    if (args.every((a) => a.isConst)) return constant(type, ev([], NO_STATE));
    return { type, ev };
  });
}
logical('and');
logical('or');
logical('xor');

register('not', simple({
  min: 1,
  type: ([t]) => {
    checkLogicalArg('not', t!);
    return T.UInt8;
  },
  impl: ([v]) => (truthy(v) ? 0 : 1),
}));

// ------------------------------------------------------------ conditionals

function convertTo(c: Compiled, to: DataType): (row: unknown[], st: EvalState) => unknown {
  if (c.type.name === to.name) return c.ev;
  return (row, st) => convertValue(c.ev(row, st), c.type, to);
}

register('if', (args, bc) => {
  argCount(bc.name, args, 3);
  const [cond, a, b] = args as [Compiled, Compiled, Compiled];
  checkLogicalArg('if', cond.type);
  // if() answers the plain type even of two LowCardinality branches.
  const type = leastSupertype([stripLowCardinality(a.type), stripLowCardinality(b.type)]);
  const ea = convertTo(a, type);
  const eb = convertTo(b, type);
  const ev = (row: unknown[], st: EvalState): unknown => {
    const c = cond.ev(row, st);
    return c !== null && truthy(c) ? ea(row, st) : eb(row, st);
  };
  if (cond.isConst && a.isConst && b.isConst) return constant(type, ev([], NO_STATE));
  return { type, ev };
}, true);

register('multiIf', (args, bc) => {
  if (args.length < 3 || args.length % 2 === 0) {
    throw new EngineError('NUMBER_OF_ARGUMENTS_DOESNT_MATCH', `Invalid number of arguments for function ${bc.name}`);
  }
  const branches: Compiled[] = [];
  for (let i = 1; i < args.length; i += 2) branches.push(args[i]!);
  branches.push(args[args.length - 1]!);
  const type = leastSupertype(branches.map((b) => b.type));
  const conds = args.filter((_, i) => i % 2 === 0 && i < args.length - 1);
  conds.forEach((c) => checkLogicalArg('multiIf', c.type));
  const evs = branches.map((b) => convertTo(b, type));
  const ev = (row: unknown[], st: EvalState): unknown => {
    for (let i = 0; i < conds.length; i++) {
      const c = conds[i]!.ev(row, st);
      if (c !== null && truthy(c)) return evs[i]!(row, st);
    }
    return evs[evs.length - 1]!(row, st);
  };
  if (args.every((a) => a.isConst)) return constant(type, ev([], NO_STATE));
  return { type, ev };
});

for (const [name, ifNull] of [['isNull', 1], ['isNotNull', 0]] as const) {
  register(name, (args, bc) => {
    argCount(bc.name, args, 1);
    const a = args[0]!;
    // A type that cannot hold NULL answers without looking at the values.
    if (!isNullable(a.type) && a.type.kind !== 'Nothing') return constant(T.UInt8, 1 - ifNull);
    const ev = (row: unknown[], st: EvalState): unknown => (a.ev(row, st) === null ? ifNull : 1 - ifNull);
    return a.isConst ? constant(T.UInt8, ev([], NO_STATE)) : { type: T.UInt8, ev };
  });
}

register('coalesce', (args, bc) => {
  argCount(bc.name, args, 1, Infinity);
  // As ClickHouse: NULL literals drop out, and so does everything after the
  // first argument that cannot be NULL; the result is Nullable only when the
  // last argument kept can be NULL.
  const kept: Compiled[] = [];
  for (const a of args) {
    const t = unwrapNullable(a.type);
    if (t.kind === 'Nothing') continue;
    kept.push(a);
    if (!isNullable(a.type)) break;
  }
  const nonNull = kept;
  if (nonNull.length === 0) return constant(nullable(T.Nothing), null);
  const sup = leastSupertype(nonNull.map((a) => unwrapNullable(a.type)));
  const type = isNullable(nonNull[nonNull.length - 1]!.type) ? nullable(sup) : sup;
  const evs = nonNull.map((a) => convertTo(a, type));
  const ev = (row: unknown[], st: EvalState): unknown => {
    for (const e of evs) {
      const v = e(row, st);
      if (v !== null) return v;
    }
    return null;
  };
  return args.every((a) => a.isConst) ? constant(type, ev([], NO_STATE)) : { type, ev };
}, true);

register('ifNull', (args, bc) => {
  argCount(bc.name, args, 2);
  const coalesce = lookup('coalesce');
  return coalesce(args, bc);
}, true);

register('nullIf', (args, bc) => {
  argCount(bc.name, args, 2);
  const [a, b] = args as [Compiled, Compiled];
  const type = a.type.kind === 'Nothing' ? a.type : nullable(a.type);
  const cmp = comparable('nullIf', unwrapNullable(a.type), unwrapNullable(b.type));
  const ev = (row: unknown[], st: EvalState): unknown => {
    const x = a.ev(row, st);
    const y = b.ev(row, st);
    if (x !== null && y !== null && cmp(x, y) === 0) return null;
    return x;
  };
  return { type, ev };
}, true);

register('assumeNotNull', (args, bc) => {
  argCount(bc.name, args, 1);
  const a = args[0]!;
  const type = unwrapNullable(a.type);
  return { type, ev: (row, st) => a.ev(row, st) ?? defaultOf(type) };
});

register('toNullable', (args, bc) => {
  argCount(bc.name, args, 1);
  const a = args[0]!;
  return { type: a.type.kind === 'Array' ? a.type : nullable(a.type), ev: a.ev };
});

function defaultOf(t: DataType): unknown {
  return t.kind === 'String' ? '' : t.kind === 'UInt64' || t.kind === 'Int64' ? 0n : t.kind === 'Array' ? [] : 0;
}

// ------------------------------------------------------------ IN

function inFunction(negated: boolean): void {
  register(negated ? 'notIn' : 'in', (args, bc) => {
    argCount(bc.name, args, 2);
    const [x, set] = args as [Compiled, Compiled & { inSet?: { type: DataType; values: unknown[] } }];
    const setInfo = set.inSet ?? { type: set.type, values: set.type.kind === 'Array' && !set.inSet ? [set.constValue] : [set.constValue] };
    const xt = unwrapNullable(x.type);
    const values = setInfo.values.filter((v) => v !== null).map((v) => {
      const vt = unwrapNullable(setInfo.type);
      try {
        return vt.kind === 'String' && xt.kind !== 'String' ? parseText(xt, v as string) : v;
      } catch {
        return undefined;
      }
    }).filter((v) => v !== undefined);
    const type = x.type.kind === 'Nullable' ? nullable(T.UInt8) : T.UInt8;
    const ev = (row: unknown[], st: EvalState): unknown => {
      const v = x.ev(row, st);
      if (v === null) return null;
      const found = values.some((s) => compareValues(numericOf(v), numericOf(s)) === 0);
      return found !== negated ? 1 : 0;
    };
    return { type, ev };
  });
}
inFunction(false);
inFunction(true);

import { lookupFunction } from './registry.ts';
function lookup(name: string) {
  return lookupFunction(name)!;
}
