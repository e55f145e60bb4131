// OPTIONS on the query handler (processOptionsRequest): 204 with the headers
// of <http_options_response>, and the connection closes. ClickHouse writes
// nothing at all when no such headers are configured (18.16 left the client
// hanging); this server answers the same 204 without extra headers instead.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HeaderList } from '../http/sink.ts';
import { reasonPhrase } from '../http/status.ts';

export function respondOptions(_req: IncomingMessage, res: ServerResponse, headers: HeaderList = []): Promise<void> {
  res.sendDate = false;
  const h: HeaderList = [['Date', new Date().toUTCString()], ['Connection', 'Close'], ...headers];
  res.writeHead(204, reasonPhrase(204), h.flat());
  return new Promise((resolve) => res.end(() => resolve()));
}
