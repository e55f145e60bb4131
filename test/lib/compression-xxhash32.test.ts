import { test } from 'node:test';
import assert from 'node:assert/strict';
import { XXH32, xxh32 } from '../../lib/compression/xxhash32.ts';

test('xxHash32 reference values', () => {
  assert.equal(xxh32(Buffer.from('')), 0x02cc5d05);
  assert.equal(xxh32(Buffer.from('a')), 0x550d7456);
  assert.equal(xxh32(Buffer.from('abc')), 0x32d153ff);
  assert.equal(xxh32(Buffer.from('Nobody inspects the spammish repetition')), 0xe2293b2f);
});

test('incremental xxHash32 equals one shot for any split', () => {
  const data = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 37 + 11) & 255));
  const whole = xxh32(data);
  for (const step of [1, 3, 15, 16, 17, 100, 999]) {
    const h = new XXH32();
    for (let p = 0; p < data.length; p += step) h.update(data.subarray(p, p + step));
    assert.equal(h.digest(), whole, `step ${step}`);
  }
});
