// The --faults / X-Olapspec-Fault syntax: what parses, what each mistake says,
// and the seeded draws that make a run with probabilities replay.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FaultInjector } from '../../reference/http/faults/injector.ts';
import { FaultSyntaxError, describeFaults, parseFaultHeader, parseFaultOption } from '../../reference/http/faults/spec.ts';

test('every fault, with durations in ms or s', () => {
  const { spec, seed } = parseFaultOption('delay=1.5s, chunk-delay=10ms,drop-after-bytes=65536,error-after-rows=1000,error=network,probability=0.1,seed=7');
  assert.deepEqual(spec, { delayMs: 1500, chunkDelayMs: 10, dropAfterBytes: 65536, errorAfterRows: 1000, error: 'network', probability: 0.1 });
  assert.equal(seed, 7);
  assert.equal(describeFaults(spec), 'delay=1500ms,chunk-delay=10ms,drop-after-bytes=65536,error-after-rows=1000,error=network,probability=0.1');
  assert.deepEqual(parseFaultHeader('delay=200'), { delayMs: 200 });
});

test('"on" enables the header with no fault of its own; a seed is drawn when none is given', () => {
  const { spec, seed } = parseFaultOption('on');
  assert.deepEqual(spec, {});
  assert.ok(Number.isInteger(seed));
  assert.deepEqual(parseFaultHeader('none'), {});
});

test('mistakes are named', () => {
  const cases: [string, string][] = [
    ['delay', "'delay' is not name=value"],
    ['slow=1', "unknown fault 'slow'"],
    ['delay=fast', "delay must be a duration such as 200ms or 2s, not 'fast'"],
    ['drop-after-bytes=-1', "drop-after-bytes must be a whole number, not '-1'"],
    ['probability=2', "probability must be from 0 to 1, not '2'"],
    ['error=disk', "error must be one of memory, network, timeout, not 'disk'"],
    ['error=memory', 'error names the error of error-after-rows, which is not given'],
    ['delay=1,delay=2', "'delay' is given twice"],
  ];
  for (const [text, message] of cases) {
    assert.throws(() => parseFaultOption(text), (e: Error) => e instanceof FaultSyntaxError && e.message.startsWith(message), text);
  }
  assert.throws(() => parseFaultHeader('delay=1ms,seed=3'), /seed is the server's/);
});

test('the header replaces the server-wide spec; a bad one is a decision of its own', () => {
  const injector = new FaultInjector(parseFaultOption('delay=100ms,seed=1'));
  assert.deepEqual(injector.decide(undefined), { kind: 'faults', spec: { delayMs: 100 } });
  assert.deepEqual(injector.decide('error-after-rows=3'), { kind: 'faults', spec: { errorAfterRows: 3 } });
  assert.deepEqual(injector.decide('none'), { kind: 'none' });
  assert.equal(injector.decide('nope').kind, 'bad');
});

test('draws replay from the seed and follow the probability', () => {
  const pattern = (seed: number): string => {
    const injector = new FaultInjector(parseFaultOption(`delay=1ms,probability=0.25,seed=${seed}`));
    return Array.from({ length: 400 }, () => (injector.decide(undefined).kind === 'faults' ? 'x' : '.')).join('');
  };
  assert.equal(pattern(5), pattern(5));
  assert.notEqual(pattern(5), pattern(6));
  const hits = pattern(5).split('x').length - 1;
  assert.ok(hits > 60 && hits < 140, `${hits} of 400`);
});
