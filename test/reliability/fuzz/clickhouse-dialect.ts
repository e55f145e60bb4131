// What ClickHouse writes when it refuses: `Code: N. DB::Exception: …` from
// the query handler, the bare status line of HTTPServerConnection (with the
// parser's message as text/plain since 26.7), or the 404 page. A body cut
// short by the connection's close is ClickHouse's way of failing mid-stream,
// and then it carries the exception block.

import type { WireResponse } from '../wire/http-response.ts';
import type { Dialect } from './http-case.ts';
import type { RawRequest } from './raw-request.ts';
import { JS_ERROR } from './starrocks-dialect.ts';

const EXCEPTION = /^Code: \d+\. DB::Exception: /;
// getCurrentExceptionMessage for a Poco::Exception (e.g. HTMLForm's "No boundary line found").
const POCO = /^Poco::Exception\. Code: \d+, e\.code\(\) = \d+, /;

export const clickhouseDialect: Dialect = {
  name: 'ClickHouse',
  judge(r: WireResponse, request: RawRequest | undefined): string | undefined {
    // compress=1 puts the whole answer, the exception too, in native blocks.
    if (request && /[?&]compress=1/.test(request.target)) return undefined;
    const text = r.body.toString('latin1');
    // stacktrace=1 appends the server's own frames (the reference's are its JavaScript ones): only the message counts.
    if (r.status >= 400 && JS_ERROR.test(text.split('Stack trace (when copying')[0]!)) return `a JavaScript error of the reference: ${JSON.stringify(text.slice(0, 300))}`;
    if (r.truncated && !text.includes('__exception__') && !EXCEPTION.test(text)) return `body cut by the close without an exception: ${JSON.stringify(text.slice(-200))}`;
    if (r.status < 400) return undefined;
    if (text === '' || EXCEPTION.test(text) || POCO.test(text) || text.startsWith('There is no handle ') || /^HTTP request /.test(text)) return undefined;
    // A compressed exception (enable_http_compression=1 with Accept-Encoding) is the same text encoded.
    if (r.headers.some(([k]) => k.toLowerCase() === 'content-encoding')) return undefined;
    return `not ClickHouse's error format: ${JSON.stringify(text.slice(0, 200))}`;
  },
};
