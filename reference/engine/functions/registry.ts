// The scalar function registry and the helpers that give ClickHouse's NULL
// handling: a NULL argument gives NULL, and Nullable arguments make the
// result Nullable, unless a function says otherwise.

import { EngineError } from '../errors.ts';
import { T, isNullable, lowCardinality, nullable, unwrapNullable } from '../types.ts';
import type { DataType } from '../types.ts';
import { constant, NO_STATE } from '../expr/compiled.ts';
import type { Compiled, EvalState, FunctionEnv } from '../expr/compiled.ts';

export interface BuildContext {
  env: FunctionEnv;
  /** Name as written (for messages). */
  name: string;
}

export type FunctionBuilder = (args: Compiled[], bc: BuildContext) => Compiled;

interface Entry {
  build: FunctionBuilder;
  caseInsensitive: boolean;
}

const exact = new Map<string, Entry>();
const insensitive = new Map<string, Entry>();

export function register(name: string, build: FunctionBuilder, caseInsensitive = false): void {
  const e = { build, caseInsensitive };
  exact.set(name, e);
  if (caseInsensitive) insensitive.set(name.toLowerCase(), e);
}

export function alias(alias: string, target: string, caseInsensitive = false): void {
  const e = exact.get(target);
  if (!e) throw new Error(`alias to unknown function ${target}`);
  register(alias, e.build, caseInsensitive);
}

export function lookupFunction(name: string): FunctionBuilder | undefined {
  return (exact.get(name) ?? insensitive.get(name.toLowerCase()))?.build;
}

export function allFunctionNames(): { name: string; caseInsensitive: boolean }[] {
  return [...exact.entries()].map(([name, e]) => ({ name, caseInsensitive: e.caseInsensitive }));
}

export function argCount(name: string, args: Compiled[], min: number, max = min): void {
  if (args.length < min || args.length > max) {
    const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    throw new EngineError('NUMBER_OF_ARGUMENTS_DOESNT_MATCH', `Number of arguments for function ${name} doesn't match: passed ${args.length}, should be ${expected}`);
  }
}

export function illegalType(name: string, t: DataType, which = 1): EngineError {
  const ord = ['first', 'second', 'third', 'fourth'][which - 1] ?? `${which}th`;
  return new EngineError('ILLEGAL_TYPE_OF_ARGUMENT', `Illegal type ${t.name} of ${ord} argument of function ${name}`);
}

export interface SimpleSpec {
  min: number;
  max?: number;
  /** Result type from the argument types with Nullable removed. */
  type: (types: DataType[], args: Compiled[]) => DataType;
  /** Computes the value from non-NULL arguments. */
  impl: (vals: unknown[], types: DataType[], st: EvalState) => unknown;
  /** Nullable(T) can wrap the result (false for functions returning arrays). */
  nullableResult?: boolean;
  /** Never constant-fold (rand, sleep...). */
  volatile?: boolean;
}

/**
 * ClickHouse's default implementation for LowCardinality: with one
 * LowCardinality argument and every other argument constant, the result is
 * LowCardinality too, when its type can be.
 */
export function lowCardinalityResult(args: Compiled[], type: DataType): DataType {
  const lc = args.filter((a) => a.type.kind === 'LowCardinality');
  if (lc.length !== 1 || args.some((a) => a.type.kind !== 'LowCardinality' && !a.isConst)) return type;
  const b = unwrapNullable(type);
  if (['Array', 'Tuple', 'Map', 'Nothing', 'LowCardinality'].includes(b.kind)) return type;
  return lowCardinality(type);
}

/** A function with default NULL handling and constant folding. */
export function simple(spec: SimpleSpec): FunctionBuilder {
  return (args, bc) => {
    argCount(bc.name, args, spec.min, spec.max ?? spec.min);
    const types = args.map((a) => unwrapNullable(a.type));
    const anyNothing = types.some((t) => t.kind === 'Nothing');
    const anyNullable = args.some((a) => isNullable(a.type) || a.type.kind === 'Nothing');
    if (anyNothing) return constant(nullable(T.Nothing), null);
    const base = spec.type(types, args);
    const type = lowCardinalityResult(args, anyNullable && spec.nullableResult !== false && base.kind !== 'Nullable' ? nullable(base) : base);
    const n = args.length;
    const evs = args.map((a) => a.ev);
    const ev = (row: unknown[], st: EvalState): unknown => {
      const vals = new Array<unknown>(n);
      for (let i = 0; i < n; i++) {
        const v = evs[i]!(row, st);
        if (v === null) return null;
        vals[i] = v;
      }
      return spec.impl(vals, types, st);
    };
    if (!spec.volatile && args.every((a) => a.isConst)) return constant(type, ev([], NO_STATE));
    return { type, ev };
  };
}
