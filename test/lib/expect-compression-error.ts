import assert from 'node:assert/strict';
import { CompressionError } from '../../lib/compression/errors.ts';

/** An assert.throws/rejects validator: a CompressionError with this code and message (exact, or matching). */
export function expectError(code: number, message: string | RegExp) {
  return (err: unknown) => {
    assert.ok(err instanceof CompressionError, `not a CompressionError: ${String(err)}`);
    assert.equal(err.code, code);
    if (typeof message === 'string') assert.equal(err.message, message);
    else assert.match(err.message, message);
    return true;
  };
}
