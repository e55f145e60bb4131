// Bit functions on integers: ClickHouse's ResultOfBit (the wider size, signed
// when either side is), with the value wrapped into that type.

import { EngineError } from '../errors.ts';
import { T, intBits, isInteger, isUnsigned, wrapInt } from '../types.ts';
import type { DataType } from '../types.ts';
import { intTypeOf, toBig } from '../values/convert.ts';
import { register, simple } from './registry.ts';

const asInt = (t: DataType): DataType => (t.kind === 'Bool' ? T.UInt8 : t);

function checkInts(name: string, types: DataType[]): DataType[] {
  const ints = types.map(asInt);
  if (!ints.every(isInteger)) {
    throw new EngineError('ILLEGAL_TYPE_OF_ARGUMENT', `Illegal types ${types.map((t) => t.name).join(' and ')} of arguments of function ${name}`);
  }
  return ints;
}

function bitType(a: DataType, b: DataType): DataType {
  return intTypeOf(Math.max(intBits(a), intBits(b)), !isUnsigned(a) || !isUnsigned(b));
}

const binary = (name: string, op: (x: bigint, y: bigint) => bigint): void => {
  register(name, simple({
    min: 2,
    type: (types) => { const [a, b] = checkInts(name, types); return bitType(a!, b!); },
    impl: ([x, y], types) => {
      const [a, b] = checkInts(name, types);
      return wrapInt(bitType(a!, b!), op(toBig(x), toBig(y)));
    },
  }));
};
binary('bitAnd', (x, y) => x & y);
binary('bitOr', (x, y) => x | y);
binary('bitXor', (x, y) => x ^ y);

// Shifts keep the first argument's type.
for (const [name, op] of [['bitShiftLeft', (x: bigint, n: bigint) => x << n], ['bitShiftRight', (x: bigint, n: bigint) => x >> n]] as const) {
  register(name, simple({
    min: 2,
    type: (types) => checkInts(name, types)[0]!,
    impl: ([x, n], types) => wrapInt(checkInts(name, types)[0]!, op(toBig(x), toBig(n))),
  }));
}

register('bitNot', simple({
  min: 1,
  type: (types) => checkInts('bitNot', types)[0]!,
  impl: ([x], types) => wrapInt(checkInts('bitNot', types)[0]!, ~toBig(x)),
}));
