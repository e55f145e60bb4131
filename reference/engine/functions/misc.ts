// Arrays and functions about the server and the query: version, sleep, throwIf...

import { hostname } from 'node:os';
import { EngineError } from '../errors.ts';
import { T, arrayOf, defaultValue, intBits, isInteger, isNumber, nullable, stripLowCardinality, unwrapNullable } from '../types.ts';
import type { DataType } from '../types.ts';
import { constant, NO_STATE } from '../expr/compiled.ts';
import type { Compiled, EvalState } from '../expr/compiled.ts';
import { compareValues } from '../values/compare.ts';
import { convertValue, leastSupertype, toNum } from '../values/convert.ts';
import { argCount, illegalType, register, simple } from './registry.ts';
import { mapElement } from './types.ts';

// ------------------------------------------------------------ arrays

register('array', (args) => {
  const inner = args.length === 0 ? T.Nothing : leastSupertype(args.map((a) => a.type));
  const type = arrayOf(inner);
  const evs = args.map((a) => (a.type.name === inner.name ? a.ev : (row: unknown[], st: EvalState) => convertValue(a.ev(row, st), a.type, inner)));
  const ev = (row: unknown[], st: EvalState): unknown => evs.map((e) => e(row, st));
  return args.every((a) => a.isConst) ? constant(type, ev([], NO_STATE)) : { type, ev };
});

register('arrayElement', (args, bc) => {
  argCount(bc.name, args, 2);
  const [arr, idx] = args as [Compiled, Compiled];
  const at = unwrapNullable(arr.type);
  if (at.kind === 'Map') return mapElement(arr, idx);
  if (at.kind !== 'Array') throw new EngineError('ILLEGAL_TYPE_OF_ARGUMENT', `First argument for function arrayElement must be array, got '${arr.type.name}' instead`);
  const it = unwrapNullable(idx.type);
  if (!isInteger(it)) throw new EngineError('ILLEGAL_TYPE_OF_ARGUMENT', `Second argument for function arrayElement must be integer, got '${idx.type.name}' instead`);
  const inner = at.inner!;
  const type = inner;
  const dflt = defaultValue(inner);
  const ev = (row: unknown[], st: EvalState): unknown => {
    const a = arr.ev(row, st) as unknown[] | null;
    const i = idx.ev(row, st);
    if (a === null || i === null) return dflt;
    const k = Number(i);
    const j = k > 0 ? k - 1 : a.length + k;
    return k === 0 || j < 0 || j >= a.length ? dflt : a[j];
  };
  return arr.isConst && idx.isConst ? constant(type, ev([], NO_STATE)) : { type, ev };
});

// has() finds NULL too: has([1, NULL], NULL) is 1, and its answer is never NULL.
register('has', (args, bc) => {
  argCount(bc.name, args, 2);
  const [arr, x] = args as [Compiled, Compiled];
  const at = unwrapNullable(arr.type);
  if (at.kind !== 'Array') throw illegalType('has', arr.type);
  const xt = unwrapNullable(x.type);
  // FunctionArrayIndex::allowArguments: numbers (and Enums) against a number
  // always compare; anything else needs a least supertype of element and
  // value, and none (UInt8 and String) is NO_COMMON_TYPE.
  const el = unwrapNullable(stripLowCardinality(at.inner!));
  const needle = stripLowCardinality(xt);
  const numeric = (isNumber(el) || el.kind.startsWith('Enum')) && isNumber(needle);
  if (el.kind !== 'Nothing' && needle.kind !== 'Nothing' && !numeric) leastSupertype([el, needle]);
  const ev = (row: unknown[], st: EvalState): unknown => {
    const a = arr.ev(row, st) as unknown[] | null;
    const v = x.ev(row, st);
    if (a === null) return 0;
    return a.some((e) => (e === null ? v === null : v !== null && compareValues(e, v) === 0)) ? 1 : 0;
  };
  return arr.isConst && x.isConst ? constant(T.UInt8, ev([], NO_STATE)) : { type: T.UInt8, ev };
});

register('indexOf', simple({
  min: 2,
  type: () => T.UInt64,
  impl: ([arr, x]) => BigInt((arr as unknown[]).findIndex((v) => compareValues(v, x) === 0) + 1),
}));

register('range', simple({
  min: 1,
  max: 3,
  nullableResult: false,
  type: (types) => arrayOf(types.length === 1 ? (types[0]!.kind === 'UInt64' ? T.UInt64 : types[0]!) : leastSupertype(types)),
  impl: (vals, types) => {
    const [start, end, step] = vals.length === 1 ? [0, toNum(vals[0]), 1] : [toNum(vals[0]), toNum(vals[1]), vals[2] === undefined ? 1 : toNum(vals[2])];
    if (end - start > 100_000_000) throw new EngineError('ARGUMENT_OUT_OF_BOUND', 'A call to function range would produce 100000001 array elements, which is greater than the allowed maximum of 100000000');
    const out: unknown[] = [];
    const big = (types.length === 1 ? types[0]! : leastSupertype(types)).kind.endsWith('64');
    for (let v = start; step > 0 ? v < end : v > end; v += step) out.push(big ? BigInt(v) : v);
    return out;
  },
}));

register('arrayConcat', simple({
  min: 1,
  max: Infinity,
  nullableResult: false,
  type: (types) => leastSupertype(types),
  impl: (vals) => ([] as unknown[]).concat(...(vals as unknown[][])),
}));

register('arraySum', simple({ min: 1, type: ([t]) => (isInteger(unwrapNullable(t!.inner!)) ? (t!.inner!.kind.startsWith('U') ? T.UInt64 : T.Int64) : T.Float64), impl: ([a], [t]) => {
  const arr = (a as unknown[]).filter((x) => x !== null);
  if (isInteger(unwrapNullable(t!.inner!))) return arr.reduce<bigint>((s, x) => s + BigInt(x as number | bigint), 0n);
  return arr.reduce<number>((s, x) => s + toNum(x), 0);
} }));

// arraySort(arr): ascending, NULLs last, as ClickHouse sorts array elements.
register('arraySort', simple({ min: 1, nullableResult: false, type: ([t]) => {
  if (t!.kind !== 'Array') throw illegalType('arraySort', t!);
  return t!;
}, impl: ([a]) => [...(a as unknown[])].sort(compareValues) }));

register('arrayStringConcat', simple({ min: 1, max: 2, type: () => T.String, impl: ([a, sep]) => (a as unknown[]).map(String).join((sep as string | undefined) ?? '') }));

register('arrayJoin', (args, bc) => {
  argCount(bc.name, args, 1);
  // Handled by the planner, which replaces arrayJoin calls by a reference to the unfolded column.
  throw new EngineError('LOGICAL_ERROR', 'arrayJoin must be planned, not evaluated');
});

// ------------------------------------------------------------ the server and the query

register('version', (args, bc) => (argCount(bc.name, args, 0), constant(T.String, bc.env.version)), true);
register('currentDatabase', (args, bc) => (argCount(bc.name, args, 0), constant(T.String, bc.env.database)), true);
alias('database', 'currentDatabase', true);
register('currentUser', (args, bc) => (argCount(bc.name, args, 0), constant(T.String, bc.env.user)), true);
alias('user', 'currentUser', true);
register('hostName', (args, bc) => (argCount(bc.name, args, 0), constant(T.String, bc.env.hostName || hostname())), true);
alias('hostname', 'hostName', true);
register('queryID', (args, bc) => (argCount(bc.name, args, 0), constant(T.String, bc.env.queryId)));
alias('query_id', 'queryID');
register('uptime', (args, bc) => (argCount(bc.name, args, 0), constant(T.UInt32, Math.floor(process.uptime()))));
register('getSetting', (args, bc) => {
  argCount(bc.name, args, 1);
  const name = args[0]!.constValue;
  if (typeof name !== 'string') throw new EngineError('ILLEGAL_TYPE_OF_ARGUMENT', 'The argument of function getSetting should be a constant string with the name of a setting');
  const v = bc.env.settings.get(name);
  if (typeof v === 'boolean') return constant(T.Bool, v);
  if (typeof v === 'number') return Number.isInteger(v) ? constant(T.UInt64, BigInt(v)) : constant(T.Float64, v);
  return constant(T.String, String(v));
});

function randomBuilder(bits: 32 | 64): (args: Compiled[]) => Compiled {
  return () => ({
    type: bits === 32 ? T.UInt32 : T.UInt64,
    ev: () => {
      const hi = Math.floor(Math.random() * 4294967296);
      if (bits === 32) return hi;
      return (BigInt(hi) << 32n) | BigInt(Math.floor(Math.random() * 4294967296));
    },
  });
}
register('rand', randomBuilder(32), true);
register('rand32', randomBuilder(32));
register('rand64', randomBuilder(64));
register('randCanonical', () => ({ type: T.Float64, ev: () => Math.random() }));

register('materialize', (args, bc) => {
  argCount(bc.name, args, 1);
  const a = args[0]!;
  return { type: a.type, ev: a.ev };
});
register('identity', (args, bc) => (argCount(bc.name, args, 1), args[0]!));
register('ignore', (args) => ({ type: T.UInt8, ev: (row, st) => { args.forEach((a) => a.ev(row, st)); return 0; } }));
register('dumpColumnStructure', (args, bc) => (argCount(bc.name, args, 1), constant(T.String, `${args[0]!.type.name}`)));

function sleepBuilder(perRow: boolean) {
  return (args: Compiled[], bc: { name: string; env: { settings: { get(n: string): unknown } } }): Compiled => {
    argCount(bc.name, args, 1);
    const a = args[0]!;
    const t = unwrapNullable(a.type);
    if (!(isInteger(t) || t.kind === 'Float32' || t.kind === 'Float64')) throw illegalType(bc.name, a.type);
    if (!a.isConst) throw new EngineError('ILLEGAL_COLUMN', `The argument of function ${bc.name} must be constant.`);
    const seconds = toNum(a.constValue);
    if (!(seconds >= 0) || !Number.isFinite(seconds)) throw new EngineError('BAD_ARGUMENTS', `Cannot sleep infinite or negative amount of time (not implemented)`);
    const max = Number(bc.env.settings.get('function_sleep_max_microseconds_per_block'));
    const micros = Math.round(seconds * 1e6);
    if (max > 0 && micros > max) {
      throw new EngineError('TOO_SLOW', `The maximum sleep time is ${max} microseconds. Requested: ${micros} microseconds`);
    }
    const state = { warned: false };
    void state;
    return {
      type: T.UInt8,
      ev: (_row, st) => {
        // sleep() sleeps once per block; sleepEachRow() once per row. The executor awaits the total.
        if (perRow) st.sleepSeconds += seconds;
        else if (!(st as EvalState & { slept?: boolean }).slept) {
          st.sleepSeconds += seconds;
          (st as EvalState & { slept?: boolean }).slept = true;
        }
        return 0;
      },
    };
  };
}
register('sleep', sleepBuilder(false));
register('sleepEachRow', sleepBuilder(true));

register('throwIf', (args, bc) => {
  argCount(bc.name, args, 1, 2);
  const [cond, msg] = args as [Compiled, Compiled | undefined];
  const t = unwrapNullable(cond.type);
  if (!isInteger(t) && t.kind !== 'Bool') throw new EngineError('ILLEGAL_TYPE_OF_ARGUMENT', `Illegal type ${cond.type.name} of first argument of function throwIf. Expected integer number.`);
  if (msg && (!msg.isConst || typeof msg.constValue !== 'string')) throw new EngineError('ILLEGAL_COLUMN', 'Second argument of function throwIf must be constant String');
  const message = (msg?.constValue as string | undefined) ?? "Value passed to 'throwIf' function is non-zero";
  const type = cond.type.kind === 'Nullable' ? nullable(T.UInt8) : T.UInt8;
  const ev = (row: unknown[], st: EvalState): unknown => {
    const v = cond.ev(row, st);
    if (v !== null && v !== 0 && v !== 0n && v !== false) throw new EngineError('FUNCTION_THROW_IF_VALUE_IS_NON_ZERO', message);
    return 0;
  };
  return { type, ev };
});

register('formatReadableQuantity', simple({ min: 1, type: () => T.String, impl: ([v]) => formatReadableQuantity(toNum(v)) }));
register('formatReadableSize', simple({
  min: 1,
  type: () => T.String,
  impl: ([v]) => {
    let x = toNum(v);
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
    let i = 0;
    while (Math.abs(x) >= 1024 && i < units.length - 1) {
      x /= 1024;
      i++;
    }
    return `${x.toFixed(2)} ${units[i]}`;
  },
}));

/** ClickHouse's formatReadableQuantity: two decimals and a word. */
export function formatReadableQuantity(x: number): string {
  const units = ['', ' thousand', ' million', ' billion', ' trillion', ' quadrillion', ' quintillion', ' sextillion', ' septillion',
    ' octillion', ' nonillion', ' decillion', ' undecillion', ' duodecillion', ' tredecillion', ' quattuordecillion', ' quindecillion',
    ' sexdecillion', ' septendecillion', ' octodecillion', ' novemdecillion', ' vigintillion'];
  let i = 0;
  while (Math.abs(x) >= 1000 && i < units.length - 1) {
    x /= 1000;
    i++;
  }
  return `${x.toFixed(2)}${units[i]}`;
}

register('greatest', simple({ min: 1, max: Infinity, type: (types) => leastSupertype(types), impl: (vals, types) => {
  const t = leastSupertype(types);
  return vals.map((v, i) => convertValue(v, types[i]!, t)).reduce((a, b) => (compareValues(a, b) >= 0 ? a : b));
} }), true);
register('least', simple({ min: 1, max: Infinity, type: (types) => leastSupertype(types), impl: (vals, types) => {
  const t = leastSupertype(types);
  return vals.map((v, i) => convertValue(v, types[i]!, t)).reduce((a, b) => (compareValues(a, b) <= 0 ? a : b));
} }), true);

import { alias } from './registry.ts';
void ((): DataType => T.UInt8);
