// Type conversion: toX, toXOrZero/OrNull, CAST, toString, toTypeName.

import { EngineError } from '../errors.ts';
import { T, dateTime, defaultValue, isNullable, nullable, parseType, prettyTypeName, serializeText, unwrapNullable } from '../types.ts';
import type { DataType } from '../types.ts';
import { constant, NO_STATE } from '../expr/compiled.ts';
import type { Compiled, EvalState } from '../expr/compiled.ts';
import { convertValue } from '../values/convert.ts';
import { argCount, register, simple } from './registry.ts';

function withNote(e: unknown, fn: string): unknown {
  if (e instanceof EngineError && e.code === 6) {
    e.message += `. Note: there are ${fn}OrZero and ${fn}OrNull functions, which returns zero/NULL instead of throwing exception`;
  }
  return e;
}

export function converter(fn: string, target: (args: Compiled[]) => DataType, minArgs = 1, maxArgs = 1): void {
  register(fn, (args, bc) => {
    argCount(bc.name, args, minArgs, maxArgs);
    const to = target(args);
    const builder = simple({
      min: minArgs,
      max: maxArgs,
      type: () => to,
      impl: ([v], [from]) => {
        try {
          return convertValue(v, from!, to, bc.env.timezone);
        } catch (e) {
          throw withNote(e, fn);
        }
      },
    });
    return builder(args, bc);
  });
  for (const [suffix, onFail] of [['OrZero', 'zero'], ['OrNull', 'null']] as const) {
    register(fn + suffix, (args, bc) => {
      argCount(bc.name, args, minArgs, maxArgs);
      const to = target(args);
      const src = args[0]!;
      const type = onFail === 'null' ? nullable(to) : to;
      const ev = (row: unknown[], st: EvalState): unknown => {
        const v = src.ev(row, st);
        if (v === null) return onFail === 'null' ? null : defaultValue(to);
        try {
          return convertValue(v, unwrapNullable(src.type), to, bc.env.timezone);
        } catch {
          return onFail === 'null' ? null : defaultValue(to);
        }
      };
      return src.isConst ? constant(type, ev([], NO_STATE)) : { type, ev };
    });
  }
}

for (const name of ['UInt8', 'UInt16', 'UInt32', 'UInt64', 'UInt128', 'UInt256', 'Int8', 'Int16', 'Int32', 'Int64', 'Int128', 'Int256',
  'Float32', 'Float64', 'Date', 'Date32', 'UUID', 'IPv4', 'IPv6'] as const) {
  converter(`to${name}`, () => T[name]);
}
converter('toBool', () => T.Bool);
converter('toString', () => T.String, 1, 2);
converter('toDateTime', (args) => {
  const tz = args[1];
  if (tz) {
    if (!tz.isConst || typeof tz.constValue !== 'string') throw new EngineError('ILLEGAL_TYPE_OF_ARGUMENT', 'Illegal type of second argument of function toDateTime: timezone must be a constant string');
    return dateTime(tz.constValue);
  }
  return T.DateTime;
}, 1, 2);

register('toUnixTimestamp', simple({
  min: 1,
  max: 2,
  type: () => T.UInt32,
  impl: ([v], [t]) => convertValue(v, t!, T.DateTime) as number,
}));

/** CAST(x, 'T'): the target type comes from a constant string. */
function castTarget(args: Compiled[], name: string): DataType {
  const t = args[1]!;
  if (!t.isConst || typeof t.constValue !== 'string') {
    throw new EngineError('ILLEGAL_TYPE_OF_ARGUMENT', `Second argument to ${name} must be a constant string describing type. Instead there is non-constant column of type ${t.type.name}`);
  }
  return parseType(t.constValue);
}

const castBuilder = (name: string) => (args: Compiled[], bc: { name: string; env: { timezone: string } }): Compiled => {
  argCount(bc.name, args, 2);
  const to = castTarget(args, name);
  const src = args[0]!;
  const ev = (row: unknown[], st: EvalState): unknown => {
    const v = src.ev(row, st);
    if (v === null) {
      if (isNullable(to) || to.kind === 'Nothing') return null;
      throw new EngineError('CANNOT_INSERT_NULL_IN_ORDINARY_COLUMN', `Cannot convert NULL value to non-Nullable type`);
    }
    return convertValue(v, src.type, to, bc.env.timezone);
  };
  return src.isConst ? constant(to, ev([], NO_STATE)) : { type: to, ev };
};
register('CAST', castBuilder('CAST'), true);
register('_CAST', castBuilder('_CAST'));
register('accurateCast', castBuilder('accurateCast'));

register('toTypeName', (args, bc) => {
  argCount(bc.name, args, 1);
  return constant(T.String, prettyTypeName(args[0]!.type));
});

register('toColumnTypeName', (args, bc) => {
  argCount(bc.name, args, 1);
  const a = args[0]!;
  return constant(T.String, a.isConst ? `Const(${a.type.name})` : a.type.name);
});

register('reinterpretAsString', simple({ min: 1, type: () => T.String, impl: ([v], [t]) => serializeText(t!, v) }));
