// What a query reading a request body that cannot end gets, as ClickHouse's
// readers report it: HTTPChunkedReadBuffer for a chunked body (garbage where
// a chunk size belongs, or the end of the stream inside the chunks), the
// exact-limit LimitReadBuffer for a body shorter than its Content-Length.
// The engine's catalogue has neither BAD_REQUEST_PARAMETER nor
// UNEXPECTED_END_OF_FILE, ClickHouse's codes for the chunked cases; the
// texts are ClickHouse's, the code CANNOT_READ_ALL_DATA.

import type { IncomingMessage } from 'node:http';
import { BodyCutShort } from '../../http/taken-over-server.ts';
import { ServerError } from '../errors.ts';

export function requestBodyError(cause: Error, req: IncomingMessage): Error {
  const chunked = /chunked/i.test(String(req.headers['transfer-encoding'] ?? ''));
  // The client's FIN reaches Node's parser first (HPE_INVALID_EOF_STATE), or the takeover's 'end' listener.
  const eof = cause instanceof BodyCutShort || (cause as NodeJS.ErrnoException).code === 'HPE_INVALID_EOF_STATE';
  if (chunked) {
    return new ServerError('CANNOT_READ_ALL_DATA', eof
      ? 'Unexpected end of file while reading chunk header of HTTP chunked data'
      : 'Unexpected data instead of HTTP chunk header');
  }
  return new ServerError('CANNOT_READ_ALL_DATA', `Unexpected EOF, the request body ended before its Content-Length of ${req.headers['content-length'] ?? '?'} bytes`);
}
