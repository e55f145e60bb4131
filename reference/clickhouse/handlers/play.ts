// /play: the query page (WebUIRequestHandler). The page is olapspec's own,
// read once at start; the browser sends its queries back to the query handler.

import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HeaderList } from '../http/sink.ts';
import { HTML, respond } from './static.ts';

const PLAY_HTML = readFileSync(new URL('../web-ui/play.html', import.meta.url));

/** 200 text/html, chunked on HTTP/1.1, never compressed (WriteBufferFromHTTPServerResponse without compression); HEAD gets the headers only. */
export function handlePlay(req: IncomingMessage, res: ServerResponse, headers: HeaderList = []): Promise<void> {
  return respond(req, res, { status: 200, body: PLAY_HTML, contentType: HTML, headers });
}
