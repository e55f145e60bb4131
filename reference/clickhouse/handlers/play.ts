// /play: the query page (WebUIRequestHandler). Emulating 26.7 the reference
// serves 26.7's own play.html (web-ui/play-26.7.html, Apache-2.0, see its
// head); emulating 24.8, olapspec's stand-in (web-ui/play.html). Both are read
// once at start; the browser sends its queries back to the query handler.

import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ClickHouseCompat } from '../compat.ts';
import type { HeaderList } from '../http/sink.ts';
import { HTML, respond } from './static.ts';

const PAGES: Record<ClickHouseCompat['playPage'], Buffer> = {
  'clickhouse-26.7': readFileSync(new URL('../web-ui/play-26.7.html', import.meta.url)),
  olapspec: readFileSync(new URL('../web-ui/play.html', import.meta.url)),
};

/** 200 text/html, chunked on HTTP/1.1, never compressed (WriteBufferFromHTTPServerResponse without compression); HEAD gets the headers only. */
export function handlePlay(req: IncomingMessage, res: ServerResponse, page: ClickHouseCompat['playPage'],
  headers: HeaderList = []): Promise<void> {
  return respond(req, res, { status: 200, body: PAGES[page], contentType: HTML, headers });
}
