// What StarRocks writes: the FE's JSON envelopes and plain texts, the BE's
// JSON load replies and libevent pages. Whatever the status, a body is never
// a JavaScript error of the reference leaking out, a JSON type is JSON, and
// nothing is cut by the close.

import { header, type WireResponse } from '../wire/http-response.ts';
import type { Dialect } from './http-case.ts';

/** Text that only a crash of the reference (not StarRocks) would write. */
export const JS_ERROR = /\b(TypeError|ReferenceError|RangeError|SyntaxError: (?!Unexpected token)|Cannot read propert|is not a function|is not iterable|undefined \(reading|Maximum call stack)|at [\w.<>]+ \(file:\/\/|\.ts:\d+:\d+/;

function jsonDocuments(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    // The BE's /api/transaction/list writes one pretty object after another.
    return /^\s*\{/.test(text) && text.split(/\}\s*(?=\{)/).every((part, i, all) => {
      try {
        JSON.parse(i < all.length - 1 ? `${part}}` : part);
        return true;
      } catch {
        return false;
      }
    });
  }
}

export const starrocksDialect: Dialect = {
  name: 'StarRocks',
  judge(r: WireResponse): string | undefined {
    const text = r.body.toString('utf8');
    if (r.truncated) return `body cut by the close: ${JSON.stringify(text.slice(-200))}`;
    if (!(header(r, 'content-type') ?? '').includes('html') && JS_ERROR.test(text)) return `a JavaScript error of the reference: ${JSON.stringify(text.slice(0, 300))}`;
    const type = header(r, 'content-type') ?? '';
    if (type.includes('json') && text.trim() !== '' && !jsonDocuments(text)) return `Content-Type ${type} but not JSON: ${JSON.stringify(text.slice(0, 200))}`;
    return undefined;
  },
};
